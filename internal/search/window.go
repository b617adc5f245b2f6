package search

import (
	"fmt"
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/numeric"
	segment "github.com/blevesearch/scorch_segment_api/v2"
)

// Ranking without scoring every match. The matches of a relevance search
// are split into tiers (tierExprs: exact title, title words, author …) by
// bitmap operations; within a tier records are ordered by a rank key
// indexed with each record — required reading, a copy on the shelf,
// newer publication, shorter title. The first records in that order form
// the window that rank.go re-ranks exactly from stored fields, as it did
// with Bleve's top hits before. A broad query (党, dangshi) thus costs a
// few bitmap operations and one pass over a tier's document numbers, not
// a scored walk over every match.

// Rank key bits, most significant first; smaller keys rank first. The
// on-shelf bit is not indexed (availability changes too often, shelf.go):
// takeBest sets it from the shelf set.
const (
	rkNotRequired  = 1 << 15
	rkNotAvailable = 1 << 14
	rkYearShift    = 6 // 8 bits: 255 - (year - 1800), 255 for unknown
	rkLenMask      = 63
)

// rankKey packs what orders records of equal relevance.
func rankKey(d *Document, titleLen int) uint16 {
	var k uint16
	if !d.RequiredReading {
		k |= rkNotRequired
	}
	y := 255
	if d.Year > 0 {
		y = 255 - min(max(d.Year-1800, 0), 254)
	}
	k |= uint16(y) << rkYearShift
	return k | uint16(min(titleLen, rkLenMask))
}

func rankKeyTerm(k uint16) string { return fmt.Sprintf("%04x", k) }

func titleLenTerm(n int) string { return strconv.Itoa(n) }

// segCache keeps, per segment, what every query would otherwise read
// again from the segment: the rank key of each document and the documents
// of each facet value. Segments never change once written, so an entry
// lives as long as its segment is in use; entries of merged-away segments
// are dropped as the map grows.
type segCache struct {
	mu sync.Mutex
	m  map[segment.Segment]*segEntry
}

type segEntry struct {
	recs   []uint32 // record id of each document; 0 unknown
	keys   []uint16
	added  []uint32          // minutes since 2000 + 1 of each document's Added; 0 unknown
	facets []*segFacet       // by facetOrder
	years  []*roaring.Bitmap // by yearRanges
	// codes holds each document's facet values in one place, so counting
	// a few thousand matches touches one cache line per match: at
	// facetOrder index, the value as an index into that facet's terms
	// (noCode without a value, multiCode with several, as in docs with
	// two locations); at yearSlot, the index in yearRanges.
	codes [][facetSlots]uint8

	// The documents whose record is on the shelf, for shelf set shelfGen.
	shelfMu  sync.Mutex
	shelfGen uint64
	shelfBM  *roaring.Bitmap
}

const (
	yearSlot   = len(facetOrder)
	facetSlots = yearSlot + 1
)

// segFacet is one facet field of a segment: its values with their documents.
type segFacet struct {
	terms []facetTerm
}

const (
	noCode    = 0xff
	multiCode = 0xfe
	maxCodes  = multiCode // facet fields with more values are counted by bitmaps only
)

type facetTerm struct {
	value string
	docs  *roaring.Bitmap
}

func (c *segCache) get(s *segView) *segEntry {
	c.mu.Lock()
	e, ok := c.m[s.seg]
	c.mu.Unlock()
	if ok {
		return e
	}
	e = newSegEntry(s)
	c.mu.Lock()
	if c.m == nil {
		c.m = map[segment.Segment]*segEntry{}
	}
	c.m[s.seg] = e
	c.mu.Unlock()
	return e
}

func newSegEntry(s *segView) *segEntry {
	n := s.seg.Count()
	e := &segEntry{recs: make([]uint32, n), keys: make([]uint16, n), added: make([]uint32, n), codes: make([][facetSlots]uint8, n)}
	for i := range e.codes {
		for j := range e.codes[i] {
			e.codes[i][j] = noCode
		}
	}
	buf := make([]uint32, 256)
	each := func(bm *roaring.Bitmap, fn func(doc uint32)) {
		it := bm.ManyIterator()
		for k := it.NextMany(buf); k > 0; k = it.NextMany(buf) {
			for _, d := range buf[:k] {
				fn(d)
			}
		}
	}
	s.eachTerm("_id", nil, nil, func(t string, bm *roaring.Bitmap) {
		if id, err := strconv.ParseUint(t, 10, 32); err == nil {
			each(bm, func(d uint32) { e.recs[d] = uint32(id) })
		}
	})
	s.eachTerm(fRankKey, nil, nil, func(t string, bm *roaring.Bitmap) {
		k, err := strconv.ParseUint(t, 16, 16)
		if err != nil {
			return
		}
		each(bm, func(d uint32) { e.keys[d] = uint16(k) })
	})
	s.eachTerm(fSortAdded, nil, nil, func(t string, bm *roaring.Bitmap) {
		if m := addedMinutes(t); m > 0 {
			each(bm, func(d uint32) { e.added[d] = m })
		}
	})
	for fi, name := range facetOrder {
		field := facetFields[name]
		f := &segFacet{}
		s.eachTerm(field, nil, nil, func(t string, bm *roaring.Bitmap) {
			c := uint8(len(f.terms))
			if len(f.terms) >= maxCodes {
				c = multiCode
			}
			f.terms = append(f.terms, facetTerm{t, bm.Clone()})
			each(bm, func(d uint32) {
				if e.codes[d][fi] == noCode {
					e.codes[d][fi] = c
				} else {
					e.codes[d][fi] = multiCode
				}
			})
		})
		e.facets = append(e.facets, f)
	}
	for j, r := range yearRanges {
		lo, hi, _ := parseYearRange(r.value)
		bm := yearRange(lo, hi).eval(s).Clone()
		e.years = append(e.years, bm)
		each(bm, func(d uint32) { e.codes[d][yearSlot] = uint8(j) })
	}
	return e
}

// warm fills the cache for every segment of bi, so the first searches
// after Open or a rebuild do not pay for it (about 0.2 s a million records).
func (c *segCache) warm(bi bleve.Index) {
	snap, release, err := snapshotOf(bi)
	if err != nil {
		return
	}
	defer release()
	for _, ss := range snap.Segments() {
		c.get(newSegView(ss))
	}
}

// retain drops the entries of segments not in segs, once the cache holds
// many more segments than a snapshot has.
func (c *segCache) retain(segs []*segView) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.m) <= 2*len(segs)+8 {
		return
	}
	keep := make(map[segment.Segment]*segEntry, len(segs))
	for _, s := range segs {
		if e, ok := c.m[s.seg]; ok {
			keep[s.seg] = e
		}
	}
	c.m = keep
}

// cand is a candidate hit: a document of a segment with its order.
type cand struct {
	seg  int
	doc  uint32
	tier int
	key  uint16
}

func candLess(a, b cand) int {
	if a.tier != b.tier {
		return a.tier - b.tier
	}
	if a.key != b.key {
		return int(a.key) - int(b.key)
	}
	if a.seg != b.seg {
		return a.seg - b.seg
	}
	return int(a.doc) - int(b.doc)
}

// top returns the first n matches in tier order, then rank key order.
// match holds each segment's live matches and is consumed.
func (ix *Index) top(segs []*segView, match []*roaring.Bitmap, tiers []bexpr, n int, st *shelfSet) []cand {
	mask := uint16(0xffff)
	if !ix.opts.BoostRequired {
		mask &^= rkNotRequired
	}
	var out []cand
	part := make([]*roaring.Bitmap, len(segs))
	for ti := 0; ti <= len(tiers) && len(out) < n; ti++ {
		count := 0
		for i, s := range segs {
			if ti == len(tiers) {
				part[i] = match[i] // the rest
			} else {
				part[i] = roaring.And(match[i], tiers[ti].eval(s))
				match[i].AndNot(part[i])
			}
			count += int(part[i].GetCardinality())
		}
		if count == 0 {
			continue
		}
		out = ix.takeBest(out, segs, part, ti, mask, n-len(out), count, st)
	}
	return out
}

var histPool = sync.Pool{New: func() any { return new([1 << 16]int32) }}

// takeBest appends to out the need best documents of part (count in all)
// by rank key, in order.
func (ix *Index) takeBest(out []cand, segs []*segView, part []*roaring.Bitmap, tier int, mask uint16, need, count int, st *shelfSet) []cand {
	buf := make([]uint32, 256)
	each := func(fn func(seg int, doc uint32, key uint16)) {
		for i, s := range segs {
			if part[i].IsEmpty() {
				continue
			}
			e := ix.cache.get(s)
			keys, on := e.keys, e.docsOnShelf(st)
			it := part[i].ManyIterator()
			for n := it.NextMany(buf); n > 0; n = it.NextMany(buf) {
				for _, d := range buf[:n] {
					k := keys[d] & mask
					if !on.Contains(d) {
						k |= rkNotAvailable
					}
					fn(i, d, k)
				}
			}
		}
	}
	start := len(out)
	if count <= need {
		each(func(seg int, doc uint32, key uint16) {
			out = append(out, cand{seg: seg, doc: doc, tier: tier, key: key})
		})
	} else {
		// Find the key of the need-th best record, then take every record
		// before it and as many of its equals as fit.
		hist := histPool.Get().(*[1 << 16]int32)
		*hist = [1 << 16]int32{}
		each(func(_ int, _ uint32, key uint16) { hist[key]++ })
		cut, sum := 0, 0
		for ; cut < len(hist); cut++ {
			if sum+int(hist[cut]) >= need {
				break
			}
			sum += int(hist[cut])
		}
		histPool.Put(hist)
		equal := need - sum
		each(func(seg int, doc uint32, key uint16) {
			if int(key) < cut || int(key) == cut && equal > 0 {
				if int(key) == cut {
					equal--
				}
				out = append(out, cand{seg: seg, doc: doc, tier: tier, key: key})
			}
		})
	}
	slices.SortFunc(out[start:], candLess)
	return out
}

// loadHit reads the stored fields ranking and highlighting need.
func loadHit(ss *scorch.SegmentSnapshot, doc uint32) (rankedHit, error) {
	var h rankedHit
	id, err := ss.DocID(uint64(doc))
	if err != nil {
		return h, err
	}
	if h.id, err = strconv.ParseInt(string(id), 10, 64); err != nil {
		return h, err
	}
	var other []string
	err = ss.VisitDocument(uint64(doc), func(field string, typ byte, value []byte, _ []uint64) bool {
		switch field {
		case fTitle:
			if h.title == "" {
				h.title = string(value)
			}
		case fTitleOther:
			other = append(other, string(value))
		case fAuthor:
			h.authors = append(h.authors, string(value))
		case fSubject:
			h.subjects = append(h.subjects, string(value))
		case fSeries:
			h.series = string(value)
		case fPublisher:
			h.publisher = string(value)
		case fYear:
			if typ == 'n' {
				if v, err := numeric.PrefixCoded(value).Int64(); err == nil {
					h.year = int(numeric.Int64ToFloat64(v))
				}
			} else {
				h.year, _ = strconv.Atoi(string(value))
			}
		case fRequired:
			h.require = string(value) == "true"
		case fSortAdded:
			h.added = string(value)
		}
		return true
	})
	for i, o := range other {
		if i > 0 {
			h.other += " "
		}
		h.other += o
	}
	return h, err
}

var epoch2000 = time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)

// addedMinutes turns an indexed Added (20060102150405) into minutes since
// 2000 plus one, so that 0 means unknown and newer is larger.
func addedMinutes(t string) uint32 {
	if len(t) != 14 {
		return 0
	}
	n := [5]int{}
	for i, w := range [5][2]int{{0, 4}, {4, 6}, {6, 8}, {8, 10}, {10, 12}} {
		for _, c := range t[w[0]:w[1]] {
			if c < '0' || c > '9' {
				return 0
			}
			n[i] = n[i]*10 + int(c-'0')
		}
	}
	m := time.Date(n[0], time.Month(n[1]), n[2], n[3], n[4], 0, 0, time.UTC).Sub(epoch2000) / time.Minute
	if m < 0 || m >= 1<<32-1 {
		return 0
	}
	return uint32(m) + 1
}

// newest returns the first n matches, most recently added first, then by
// newer publication year. match holds each segment's live matches.
func (ix *Index) newest(segs []*segView, match []*roaring.Bitmap, n int) []cand {
	type scored struct {
		c     cand
		score uint64
	}
	// A min-heap of the best n so far: the root is the one to drop.
	h := make([]scored, 0, n)
	worse := func(a, b scored) bool {
		if a.score != b.score {
			return a.score < b.score
		}
		return candLess(a.c, b.c) > 0
	}
	down := func(i int) {
		for {
			l, m := 2*i+1, i
			if l < len(h) && worse(h[l], h[m]) {
				m = l
			}
			if r := l + 1; r < len(h) && worse(h[r], h[m]) {
				m = r
			}
			if m == i {
				return
			}
			h[i], h[m] = h[m], h[i]
			i = m
		}
	}
	buf := make([]uint32, 256)
	for i, s := range segs {
		if match[i].IsEmpty() {
			continue
		}
		e := ix.cache.get(s)
		it := match[i].ManyIterator()
		for k := it.NextMany(buf); k > 0; k = it.NextMany(buf) {
			for _, d := range buf[:k] {
				year := 255 - uint64(e.keys[d]>>rkYearShift&0xff) // larger is newer
				x := scored{cand{seg: i, doc: d}, uint64(e.added[d])<<8 | year}
				switch {
				case len(h) < n:
					h = append(h, x)
					for j := len(h) - 1; j > 0; {
						p := (j - 1) / 2
						if !worse(h[j], h[p]) {
							break
						}
						h[j], h[p] = h[p], h[j]
						j = p
					}
				case worse(h[0], x):
					h[0] = x
					down(0)
				}
			}
		}
	}
	slices.SortFunc(h, func(a, b scored) int {
		if worse(a, b) {
			return 1
		}
		if worse(b, a) {
			return -1
		}
		return 0
	})
	out := make([]cand, len(h))
	for i := range h {
		out[i] = h[i].c
	}
	return out
}
