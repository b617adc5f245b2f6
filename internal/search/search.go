package search

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"github.com/RoaringBitmap/roaring/v2"
	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/index/scorch"

	"shuwu/internal/errs"
	"shuwu/internal/paging"
)

// SortOrder is the order of search results.
type SortOrder string

// Sort orders. The zero value is relevance.
const (
	SortRelevance  SortOrder = "relevance"
	SortNewest     SortOrder = "newest"     // most recently added first, then publication year
	SortTitle      SortOrder = "title"      // title in pinyin order
	SortCallNumber SortOrder = "callnumber" // shelf order
)

// Request is one search.
type Request struct {
	Query string // the search box; see parseQuery for the syntax
	Page  int    // 1-based; 0 means 1
	Size  int    // hits per page; 0 means 20, at most 100
	Sort  SortOrder
	// Filters restrict results to records having one of the values of each
	// named facet (Facet* constants; values as FacetValue.Value).
	Filters map[string][]string
	Facets  bool // compute facet counts over the filtered results
}

// Hit is one matching record.
type Hit struct {
	RecordID int64
	// Score is higher for better candidates of a relevance search: it
	// orders hits of equal rank and is not comparable across queries.
	// Other sort orders leave it 0.
	Score float64
	// Highlights holds, per field (title, other_title, author, subject,
	// series, publisher), the field values with matches wrapped in
	// <mark>…</mark>. Values are HTML-escaped and safe to insert as HTML.
	Highlights map[string][]string
}

// Result is one page of results.
type Result struct {
	Total      int
	Hits       []Hit
	Facets     map[string][]FacetValue
	DidYouMean string // a better query, e.g. 重庆 for chongqing; "" if none
	Rebuilding bool   // a rebuild is running; results come from the old index
	// Exact is, for a search of one field for one name (作者:邵杰,
	// 出版社:人民出版社, 丛书:…), how many of the Total have exactly that
	// name; relevance order puts them first. ExactField says which field
	// (ExactAuthor, ExactPublisher, ExactSeries) and ExactName the name as
	// searched (folded). All zero for other queries.
	Exact      int
	ExactField string
	ExactName  string
}

// Fields an exact-name count is about (Result.ExactField).
const (
	ExactAuthor    = "author"
	ExactPublisher = "publisher"
	ExactSeries    = "series"
)

// MaxResults is how deep a listing can page into the hits of one query:
// pages past it are refused, and pagers stop at its last page.
const MaxResults = 10000

const (
	defaultSize = 20
	maxSize     = 100
	// rankWindow is how many top hits are re-ranked by tier; pages beyond
	// it keep the candidate order (window.go).
	rankWindow = 200
)

// storedFields are loaded for the hits that are ranked and highlighted.
var storedFields = []string{fTitle, fTitleOther, fAuthor, fSubject, fSeries, fPublisher, fYear, fRequired, fSortAdded}

// Search runs req. A query that cannot be parsed, an unknown filter or an
// out-of-range page is a *errs.Error (SEARCH_QUERY_INVALID,
// PAGE_OUT_OF_RANGE).
//
// Matches, the total and facet counts come from postings bitmaps
// (bitmap.go). Relevance order picks a window of candidates by tier and
// rank key (window.go) and re-ranks it from stored fields (rank.go); the
// other orders ask Bleve to sort the same matches by doc values.
func (ix *Index) Search(ctx context.Context, req Request) (res *Result, err error) {
	defer ix.survive(ix.serving(), &err)
	if req.Page <= 0 {
		req.Page = 1
	}
	if req.Size <= 0 {
		req.Size = defaultSize
	}
	req.Size = min(req.Size, maxSize)
	if err := paging.Check(req.Page, paging.LastReachable(MaxResults, req.Size)); err != nil {
		return nil, err
	}
	from := (req.Page - 1) * req.Size
	folded := ix.f.Fold(req.Query)
	clauses, err := parseQuery(folded)
	if err != nil {
		return nil, err
	}
	p, err := ix.buildPlan(clauses)
	if err != nil {
		return nil, err
	}
	// One version of the shelf set for the whole query, so the filter,
	// the facet and the ranking agree.
	st := ix.shelf.state()
	filters, err := filterMatches(req.Filters, func(want bool) bexpr { return bShelf{want: want, cache: &ix.cache, st: st} })
	if err != nil {
		return nil, err
	}
	match := and(append([]bexpr{p.match}, filters...)...)
	relevance := (req.Sort == "" || req.Sort == SortRelevance) && len(clauses) > 0
	var sortBy []string
	switch req.Sort {
	case "", SortRelevance:
		if len(clauses) == 0 {
			sortBy = []string{"-" + fSortAdded, "-" + fYear}
		}
	case SortNewest:
		sortBy = []string{"-" + fSortAdded, "-" + fYear, "_id"}
	case SortTitle:
		sortBy = []string{fSortTitle, "_id"}
	case SortCallNumber:
		sortBy = []string{fSortCall, "_id"}
	default:
		return nil, errs.Invalid(CodeQueryInvalid, "sort", "不支持的排序方式", "unknown sort order")
	}

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, errs.Internalf("search on a closed index")
	}
	snap, release, err := snapshotOf(ix.cur)
	if err != nil {
		return nil, errs.Internalf("search: %w", err)
	}
	defer release()
	segSnaps := snap.Segments()
	segs, matched, total := ix.matchSegments(segSnaps, match)
	if err := ctx.Err(); err != nil {
		return nil, err
	}

	out := &Result{Total: total, Rebuilding: ix.rebuilding.Load()}
	if len(clauses) == 1 && len(p.names) == 1 {
		// One term lookup and an AND per segment: the count costs about
		// what the exact tier of the ranking does.
		for i, s := range segs {
			out.Exact += int(matched[i].AndCardinality(p.exact.eval(s)))
		}
		out.ExactField, out.ExactName = exactFields[clauses[0].scope], clauses[0].text
	}
	if req.Facets {
		out.Facets = ix.facetCounts(segs, matched, st)
	}
	var hits []rankedHit
	switch {
	case total == 0 || from >= total:
	case relevance:
		rerank := !p.identifier && from+req.Size <= rankWindow
		n := from + req.Size
		if rerank {
			n = min(rankWindow, max(50, n))
		}
		cands := ix.top(segs, matched, p.tiers, n, st)
		if !rerank {
			cands = cands[min(from, len(cands)):]
		}
		hits = make([]rankedHit, 0, len(cands))
		for _, c := range cands {
			h, err := loadHit(segSnaps[c.seg], c.doc)
			if err != nil {
				return nil, errs.Internalf("search: load hit: %w", err)
			}
			h.score = float64(len(p.tiers)+1-c.tier) + 1/float64(2+int(c.key&rkLenMask))
			h.available = st.has(h.id)
			hits = append(hits, h)
		}
		if rerank {
			ix.rank(p, hits)
			hits = hits[min(from, len(hits)):min(len(hits), from+req.Size)]
		}
	case req.Sort == SortNewest || len(sortBy) > 0 && sortBy[0] == "-"+fSortAdded:
		cands := ix.newest(segs, matched, from+req.Size)
		cands = cands[min(from, len(cands)):]
		hits = make([]rankedHit, 0, len(cands))
		for _, c := range cands {
			h, err := loadHit(segSnaps[c.seg], c.doc)
			if err != nil {
				return nil, errs.Internalf("search: load hit: %w", err)
			}
			hits = append(hits, h)
		}
	default:
		hits, err = ix.sorted(ctx, match, sortBy, from, req.Size)
		if err != nil {
			return nil, err
		}
	}
	out.Hits = make([]Hit, len(hits))
	for i := range hits {
		out.Hits[i] = Hit{RecordID: hits[i].id, Score: hits[i].score, Highlights: ix.highlight(p, &hits[i])}
	}
	out.DidYouMean = ix.didYouMean(req.Query, folded, p, hits)
	return out, nil
}

// matchSegments evaluates match on every segment of a snapshot: the
// segments' views, their live matches and the total. The caller holds
// ix.mu.
func (ix *Index) matchSegments(segSnaps []*scorch.SegmentSnapshot, match bexpr) ([]*segView, []*roaring.Bitmap, int) {
	segs := make([]*segView, len(segSnaps))
	matched := make([]*roaring.Bitmap, len(segs))
	total := 0
	for i, ss := range segSnaps {
		segs[i] = newSegView(ss)
		matched[i] = segs[i].live(match.eval(segs[i]))
		total += int(matched[i].GetCardinality())
	}
	ix.cache.retain(segs)
	return segs, matched, total
}

var exactFields = map[scope]string{scopeAuthor: ExactAuthor, scopePublisher: ExactPublisher, scopeSeries: ExactSeries}

// sorted asks Bleve for one page of match in a doc-value order. The caller
// holds ix.mu.
func (ix *Index) sorted(ctx context.Context, match bexpr, sortBy []string, from, size int) ([]rankedHit, error) {
	sr := bleve.NewSearchRequestOptions(match.bleve(), size, from, false)
	sr.Fields = storedFields
	sr.Score = "none"
	sr.SortBy(sortBy)
	res, err := ix.cur.SearchInContext(ctx, sr)
	if err != nil {
		return nil, errs.Internalf("search: %w", err)
	}
	hits := make([]rankedHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		id, err := strconv.ParseInt(h.ID, 10, 64)
		if err != nil {
			continue
		}
		hits = append(hits, newRankedHit(id, h.Score, h.Fields))
	}
	return hits, nil
}

// snapshotOf returns the current snapshot of a scorch index and the
// function that releases it.
func snapshotOf(bi bleve.Index) (*scorch.IndexSnapshot, func(), error) {
	adv, err := bi.Advanced()
	if err != nil {
		return nil, nil, err
	}
	r, err := adv.Reader()
	if err != nil {
		return nil, nil, err
	}
	snap, ok := r.(*scorch.IndexSnapshot)
	if !ok {
		r.Close()
		return nil, nil, fmt.Errorf("index reader is %T, not a scorch snapshot", r)
	}
	return snap, func() { r.Close() }, nil
}

// didYouMean suggests the simplified form of a traditional query, and the
// Chinese characters a pinyin query stood for in the best hit.
func (ix *Index) didYouMean(raw, folded string, p *plan, hits []rankedHit) string {
	if ix.f.IsTraditional(raw) {
		return folded
	}
	if len(hits) == 0 || len(p.clauses) == 0 {
		return ""
	}
	parts := make([]string, 0, len(p.clauses))
	for _, c := range p.clauses {
		if c.scope != scopeAny || !isLatinWord(c.text) || len(c.text) < 2 {
			return ""
		}
		found := ""
		for _, field := range [][]string{{hits[0].title, hits[0].other}, hits[0].authors} {
			for _, v := range field {
				rs := []rune(ix.f.Fold(v))
				if s, e, ok := pinyinSpan(rs, c.text); ok {
					found = string([]rune(v)[s:e])
					if len([]rune(v)) != len(rs) {
						found = string(rs[s:e])
					}
					break
				}
			}
			if found != "" {
				break
			}
		}
		if found == "" {
			return ""
		}
		parts = append(parts, found)
	}
	return strings.Join(parts, " ")
}
