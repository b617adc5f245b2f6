package search

import (
	"context"
	"fmt"
	"math"
	"sort"
	"sync"
	"sync/atomic"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/mapping"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"
	index "github.com/blevesearch/bleve_index_api"
)

// Whether a record has a copy on the shelf changes with every loan and
// return, many times a day, while the rest of its document changes
// rarely. Re-indexing a whole document for it made every busy desk pay for
// analysis, new segments and merges, so availability lives outside Bleve:
// a set of record ids, replaced copy-on-write, that filters, the 在架
// facet and the on-shelf tie-break read at query time. Changing it costs a
// bitmap copy, not an index batch.

// shelfSet is one version of the set. gen identifies it, so per-segment
// bitmaps derived from it (segEntry.docsOnShelf) know when to recompute.
type shelfSet struct {
	gen uint64
	on  *roaring.Bitmap // record ids with a copy on the shelf

	// dense is on as a plain bit array, made when a segment first needs
	// it: testing a million documents against it takes a few
	// milliseconds, against the bitmap about thirty.
	denseOnce sync.Once
	dense     []uint64
}

// has reports whether record id has a copy on the shelf. Record ids are
// SQLite row ids, far below 2³²; a larger one is never on the shelf.
func (s *shelfSet) has(id int64) bool {
	return id > 0 && id <= math.MaxUint32 && s.on.Contains(uint32(id))
}

func (s *shelfSet) bits() []uint64 {
	s.denseOnce.Do(func() {
		if s.on.IsEmpty() {
			return
		}
		s.dense = make([]uint64, s.on.Maximum()/64+1)
		it := s.on.ManyIterator()
		buf := make([]uint32, 1024)
		for n := it.NextMany(buf); n > 0; n = it.NextMany(buf) {
			for _, id := range buf[:n] {
				s.dense[id/64] |= 1 << (id % 64)
			}
		}
	})
	return s.dense
}

type shelf struct {
	mu sync.Mutex // serialises changes; searches only load
	p  atomic.Pointer[shelfSet]
}

var noShelf = &shelfSet{on: roaring.New()}

// state returns the current set; it never changes once returned.
func (s *shelf) state() *shelfSet {
	if st := s.p.Load(); st != nil {
		return st
	}
	return noShelf
}

// update applies fn to a copy of the current set (a fresh empty one when
// fresh is set) and publishes it.
func (s *shelf) update(fresh bool, fn func(on *roaring.Bitmap)) {
	s.mu.Lock()
	defer s.mu.Unlock()
	cur := s.state()
	next := &shelfSet{gen: cur.gen + 1}
	if fresh {
		next.on = roaring.New()
	} else {
		next.on = cur.on.Clone()
	}
	fn(next.on)
	s.p.Store(next)
}

// SetAvailable records, per record id, whether a copy is on the shelf now.
// It does not touch the index files and is cheap enough to call on every
// loan and return; searches see the change at once.
func (ix *Index) SetAvailable(states map[int64]bool) {
	if len(states) == 0 {
		return
	}
	ix.shelf.update(false, func(on *roaring.Bitmap) {
		for id, v := range states {
			if id <= 0 || id > math.MaxUint32 {
				continue
			}
			if v {
				on.Add(uint32(id))
			} else {
				on.Remove(uint32(id))
			}
		}
	})
}

// ResetAvailable replaces the whole set with the records listed: what a
// server does on start, since the set is not kept on disk.
func (ix *Index) ResetAvailable(onShelf []int64) {
	ix.shelf.update(true, func(on *roaring.Bitmap) {
		for _, id := range onShelf {
			if id > 0 && id <= math.MaxUint32 {
				on.Add(uint32(id))
			}
		}
	})
}

// docsOnShelf returns the documents of the segment whose record has a copy
// on the shelf in st, computed once per segment and version of the set.
func (e *segEntry) docsOnShelf(st *shelfSet) *roaring.Bitmap {
	e.shelfMu.Lock()
	defer e.shelfMu.Unlock()
	if e.shelfBM != nil && e.shelfGen == st.gen {
		return e.shelfBM
	}
	bits := st.bits()
	docs := make([]uint32, 0, len(e.recs))
	for d, id := range e.recs {
		if w := id / 64; int(w) < len(bits) && bits[w]&(1<<(id%64)) != 0 {
			docs = append(docs, uint32(d))
		}
	}
	bm := roaring.New()
	bm.AddMany(docs) // in increasing order, so containers are appended
	e.shelfBM, e.shelfGen = bm, st.gen
	return bm
}

// bShelf matches the documents whose record has (want) or has not a copy
// on the shelf, in one version of the set for the whole query.
type bShelf struct {
	want  bool
	cache *segCache
	st    *shelfSet
}

func (b bShelf) eval(s *segView) *roaring.Bitmap {
	on := b.cache.get(s).docsOnShelf(b.st)
	if b.want {
		return on
	}
	return roaring.AndNot(s.all(), on)
}

func (b bShelf) bleve() query.Query { return bitmapQuery{b} }

// bitmapQuery lets Bleve sort (by title, call number) documents matched by
// an expression it cannot evaluate itself: the expression is evaluated on
// the snapshot Bleve searches, so both agree on document numbers.
type bitmapQuery struct{ e bexpr }

func (q bitmapQuery) Searcher(_ context.Context, r index.IndexReader, _ mapping.IndexMapping, _ search.SearcherOptions) (search.Searcher, error) {
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		return nil, fmt.Errorf("search: index reader is %T, not a scorch snapshot", r)
	}
	var docs []uint64
	var offset uint64 // scorch numbers documents segment after segment
	for _, ss := range snap.Segments() {
		sv := newSegView(ss)
		it := sv.live(q.e.eval(sv)).Iterator()
		for it.HasNext() {
			docs = append(docs, offset+uint64(it.Next()))
		}
		offset += ss.Segment().Count()
	}
	return &listSearcher{docs: docs}, nil
}

// listSearcher yields given global document numbers in increasing order.
type listSearcher struct {
	docs []uint64
	pos  int
}

func (s *listSearcher) Next(ctx *search.SearchContext) (*search.DocumentMatch, error) {
	if s.pos >= len(s.docs) {
		return nil, nil
	}
	dm := ctx.DocumentMatchPool.Get()
	dm.IndexInternalID = index.NewIndexInternalID(dm.IndexInternalID[:0], s.docs[s.pos])
	dm.Score = 1
	s.pos++
	return dm, nil
}

func (s *listSearcher) Advance(ctx *search.SearchContext, id index.IndexInternalID) (*search.DocumentMatch, error) {
	target := id.Value()
	s.pos += sort.Search(len(s.docs)-s.pos, func(i int) bool { return s.docs[s.pos+i] >= target })
	return s.Next(ctx)
}

func (s *listSearcher) Close() error               { return nil }
func (s *listSearcher) Weight() float64            { return 1 }
func (s *listSearcher) SetQueryNorm(float64)       {}
func (s *listSearcher) Count() uint64              { return uint64(len(s.docs)) }
func (s *listSearcher) Min() int                   { return 0 }
func (s *listSearcher) Size() int                  { return 48 + 8*len(s.docs) }
func (s *listSearcher) DocumentMatchPoolSize() int { return 1 }
