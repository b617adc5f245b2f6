package search

import (
	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/search/query"
	segment "github.com/blevesearch/scorch_segment_api/v2"
	"github.com/blevesearch/vellum"
)

// Matching runs on the postings bitmaps of the index's segments rather than
// through Bleve's scoring searchers. A query is a tree of terms combined
// with AND and OR (bexpr); a segment evaluates it with roaring bitmap
// operations, so counting 100,000 matches costs about as much as counting
// 100. Totals and facet counts are exact cardinalities of those bitmaps,
// and ranking picks its candidates from bitmaps too (see window.go). The
// same tree converts to a Bleve query for the orders Bleve sorts by doc
// values (title, call number, newest), so both paths match the same records.

// bexpr is a matching expression over index terms.
type bexpr interface {
	// eval returns the matching local document numbers of s, deleted
	// documents included. The result may be a postings bitmap shared with
	// the index: callers must not modify it.
	eval(s *segView) *roaring.Bitmap
	// bleve returns the equivalent Bleve query.
	bleve() query.Query
}

type (
	bTerm struct{ field, term string }
	// bRange matches terms from lo to hi inclusive ("" is open).
	bRange  struct{ field, lo, hi string }
	bPrefix struct{ field, prefix string }
	bAnd    []bexpr
	bOr     []bexpr
	bNone   struct{}
	bAll    struct{}
	// bMemo is an expression evaluated once per segment and query
	// however often it occurs; id is unique within a plan.
	bMemo struct {
		id int
		e  bexpr
	}
)

func (m *bMemo) eval(s *segView) *roaring.Bitmap {
	if bm, ok := s.memo[m.id]; ok {
		return bm
	}
	bm := m.e.eval(s)
	s.memo[m.id] = bm
	return bm
}

func (m *bMemo) bleve() query.Query { return m.e.bleve() }

func term(field, t string) bexpr { return bTerm{field, t} }

// and returns the conjunction of es, simplified.
func and(es ...bexpr) bexpr {
	var out bAnd
	for _, e := range es {
		switch x := e.(type) {
		case nil, bAll:
			continue
		case bNone:
			return bNone{}
		case bAnd:
			out = append(out, x...)
		default:
			out = append(out, e)
		}
	}
	switch len(out) {
	case 0:
		return bAll{}
	case 1:
		return out[0]
	}
	return out
}

// or returns the disjunction of es, simplified.
func or(es ...bexpr) bexpr {
	var out bOr
	for _, e := range es {
		switch x := e.(type) {
		case nil, bNone:
			continue
		case bAll:
			return bAll{}
		case bOr:
			out = append(out, x...)
		default:
			out = append(out, e)
		}
	}
	switch len(out) {
	case 0:
		return bNone{}
	case 1:
		return out[0]
	}
	return out
}

var emptyBitmap = roaring.New()

func (t bTerm) eval(s *segView) *roaring.Bitmap { return s.postings(t.field, t.term) }

func (t bTerm) bleve() query.Query { return termQ(t.field, t.term) }

func (r bRange) eval(s *segView) *roaring.Bitmap {
	var end []byte
	if r.hi != "" {
		end = []byte(r.hi + "\x00")
	}
	var bms []*roaring.Bitmap
	s.eachTerm(r.field, []byte(r.lo), end, func(t string, bm *roaring.Bitmap) {
		bms = append(bms, bm)
	})
	return orBitmaps(bms)
}

func (r bRange) bleve() query.Query {
	inc := true
	q := bleve.NewTermRangeInclusiveQuery(r.lo, r.hi, &inc, &inc)
	q.SetField(r.field)
	return q
}

func (p bPrefix) eval(s *segView) *roaring.Bitmap {
	var bms []*roaring.Bitmap
	s.eachTerm(p.field, []byte(p.prefix), prefixEnd(p.prefix), func(t string, bm *roaring.Bitmap) {
		bms = append(bms, bm)
	})
	return orBitmaps(bms)
}

func (p bPrefix) bleve() query.Query { return prefixQ(p.field, p.prefix) }

// prefixEnd is the first key after every key starting with p, nil if none.
func prefixEnd(p string) []byte {
	b := []byte(p)
	for i := len(b) - 1; i >= 0; i-- {
		if b[i] < 0xff {
			b[i]++
			return b[:i+1]
		}
	}
	return nil
}

func (a bAnd) eval(s *segView) *roaring.Bitmap {
	bms := make([]*roaring.Bitmap, 0, len(a))
	for _, e := range a {
		bm := e.eval(s)
		if bm.IsEmpty() {
			return emptyBitmap
		}
		bms = append(bms, bm)
	}
	// Start from the smallest: every AND after it is cheap.
	small := 0
	for i, bm := range bms {
		if bm.GetCardinality() < bms[small].GetCardinality() {
			small = i
		}
	}
	bms[0], bms[small] = bms[small], bms[0]
	if len(bms) == 1 {
		return bms[0]
	}
	out := roaring.And(bms[0], bms[1])
	for _, bm := range bms[2:] {
		if out.IsEmpty() {
			break
		}
		out.And(bm)
	}
	return out
}

func (a bAnd) bleve() query.Query {
	qs := make([]query.Query, len(a))
	for i, e := range a {
		qs[i] = e.bleve()
	}
	return bleve.NewConjunctionQuery(qs...)
}

func (o bOr) eval(s *segView) *roaring.Bitmap {
	bms := make([]*roaring.Bitmap, 0, len(o))
	for _, e := range o {
		if bm := e.eval(s); !bm.IsEmpty() {
			bms = append(bms, bm)
		}
	}
	return orBitmaps(bms)
}

func (o bOr) bleve() query.Query {
	qs := make([]query.Query, len(o))
	for i, e := range o {
		qs[i] = e.bleve()
	}
	return bleve.NewDisjunctionQuery(qs...)
}

func (bNone) eval(*segView) *roaring.Bitmap { return emptyBitmap }
func (bNone) bleve() query.Query            { return bleve.NewMatchNoneQuery() }

func (bAll) eval(s *segView) *roaring.Bitmap { return s.all() }
func (bAll) bleve() query.Query              { return bleve.NewMatchAllQuery() }

func orBitmaps(bms []*roaring.Bitmap) *roaring.Bitmap {
	switch len(bms) {
	case 0:
		return emptyBitmap
	case 1:
		return bms[0]
	}
	return roaring.FastOr(bms...)
}

// segView is one segment of a snapshot as a query sees it.
type segView struct {
	ss      *scorch.SegmentSnapshot
	seg     segment.Segment
	deleted *roaring.Bitmap // may be nil
	dicts   map[string]segment.TermDictionary
	terms   map[bTerm]*roaring.Bitmap
	memo    map[int]*roaring.Bitmap
	allBM   *roaring.Bitmap
}

func newSegView(ss *scorch.SegmentSnapshot) *segView {
	return &segView{ss: ss, seg: ss.Segment(), deleted: ss.Deleted(),
		dicts: map[string]segment.TermDictionary{}, terms: map[bTerm]*roaring.Bitmap{},
		memo: map[int]*roaring.Bitmap{}}
}

func (s *segView) dict(field string) segment.TermDictionary {
	d, ok := s.dicts[field]
	if !ok {
		d, _ = s.seg.Dictionary(field)
		s.dicts[field] = d
	}
	return d
}

// postings returns the documents having term in field (read-only).
func (s *segView) postings(field, t string) *roaring.Bitmap {
	k := bTerm{field, t}
	if bm, ok := s.terms[k]; ok {
		return bm
	}
	bm := emptyBitmap
	if d := s.dict(field); d != nil {
		if pl, err := d.PostingsList([]byte(t), nil, nil); err == nil && pl != nil {
			bm = listBitmap(pl)
		}
	}
	s.terms[k] = bm
	return bm
}

// listBitmap returns the documents of a postings list (read-only).
func listBitmap(pl segment.PostingsList) *roaring.Bitmap {
	it := pl.Iterator(false, false, false, nil)
	o, ok := it.(segment.OptimizablePostingsIterator)
	if !ok {
		// Not a zap segment: walk the postings.
		bm := roaring.New()
		for p, err := it.Next(); err == nil && p != nil; p, err = it.Next() {
			bm.Add(uint32(p.Number()))
		}
		return bm
	}
	if bm := o.ActualBitmap(); bm != nil {
		return bm
	}
	if n, ok := o.DocNum1Hit(); ok {
		return roaring.BitmapOf(uint32(n))
	}
	return emptyBitmap
}

type omitCounter interface {
	AutomatonIteratorOmitCount(a segment.Automaton, start, end []byte) segment.DictionaryIterator
}

// eachTerm calls fn with every term of field in [start, end) and its
// documents (read-only). A nil end is open.
func (s *segView) eachTerm(field string, start, end []byte, fn func(t string, bm *roaring.Bitmap)) {
	d := s.dict(field)
	if d == nil {
		return
	}
	var it segment.DictionaryIterator
	if oc, ok := d.(omitCounter); ok {
		it = oc.AutomatonIteratorOmitCount(&vellum.AlwaysMatch{}, start, end)
	} else {
		it = d.AutomatonIterator(&vellum.AlwaysMatch{}, start, end)
	}
	for e, err := it.Next(); err == nil && e != nil; e, err = it.Next() {
		fn(e.Term, s.postings(field, e.Term))
	}
}

// all returns every document number of the segment, deleted ones included.
func (s *segView) all() *roaring.Bitmap {
	if s.allBM == nil {
		s.allBM = roaring.New()
		s.allBM.AddRange(0, s.seg.Count())
	}
	return s.allBM
}

// live removes deleted documents from bm, returning a new bitmap.
func (s *segView) live(bm *roaring.Bitmap) *roaring.Bitmap {
	if s.deleted == nil || s.deleted.IsEmpty() {
		return bm.Clone()
	}
	return roaring.AndNot(bm, s.deleted)
}
