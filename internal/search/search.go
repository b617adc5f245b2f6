package search

import (
	"context"
	"strconv"
	"strings"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"

	"shuwu/internal/errs"
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
	Score    float64
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
}

const (
	defaultSize = 20
	maxSize     = 100
	maxOffset   = 10000
	// rankWindow is how many top hits are re-ranked by tier; pages beyond
	// it keep the index's order.
	rankWindow = 200
)

// storedFields are loaded for the hits that are ranked and highlighted.
var storedFields = []string{fTitle, fTitleOther, fAuthor, fSubject, fSeries, fPublisher, fYear, fAvailable, fRequired, fSortAdded}

// Search runs req. A query that cannot be parsed, an unknown filter or an
// out-of-range page is a *errs.Error with code SEARCH_QUERY_INVALID.
func (ix *Index) Search(ctx context.Context, req Request) (*Result, error) {
	if req.Page <= 0 {
		req.Page = 1
	}
	if req.Size <= 0 {
		req.Size = defaultSize
	}
	req.Size = min(req.Size, maxSize)
	from := (req.Page - 1) * req.Size
	if from+req.Size > maxOffset {
		return nil, errs.Invalid(CodeQueryInvalid, "page", "页码超出范围", "page out of range")
	}
	folded := ix.f.Fold(req.Query)
	clauses, err := parseQuery(folded)
	if err != nil {
		return nil, err
	}
	p, err := ix.buildPlan(clauses)
	if err != nil {
		return nil, err
	}
	filters, err := filterQueries(req.Filters)
	if err != nil {
		return nil, err
	}
	q := p.q
	if len(filters) > 0 {
		q = bleve.NewConjunctionQuery(append([]query.Query{q}, filters...)...)
	}

	rerank := (req.Sort == "" || req.Sort == SortRelevance) && len(clauses) > 0 && !p.identifier && from+req.Size <= rankWindow
	size, start := req.Size, from
	if rerank {
		size, start = min(rankWindow, max(50, from+req.Size)), 0
	}
	sr := bleve.NewSearchRequestOptions(q, size, start, false)
	sr.Fields = storedFields
	switch req.Sort {
	case "", SortRelevance:
		if len(clauses) == 0 {
			sr.SortBy([]string{"-" + fSortAdded, "-" + fYear})
		}
	case SortNewest:
		sr.SortBy([]string{"-" + fSortAdded, "-" + fYear, "-_score"})
	case SortTitle:
		sr.SortBy([]string{fSortTitle, "_id"})
	case SortCallNumber:
		sr.SortBy([]string{fSortCall, "_id"})
	default:
		return nil, errs.Invalid(CodeQueryInvalid, "sort", "不支持的排序方式", "unknown sort order")
	}
	if req.Facets {
		addFacetRequests(sr)
	}

	ix.mu.RLock()
	defer ix.mu.RUnlock()
	if ix.cur == nil {
		return nil, errs.Internalf("search on a closed index")
	}
	res, err := ix.cur.SearchInContext(ctx, sr)
	if err != nil {
		return nil, errs.Internalf("search: %w", err)
	}

	out := &Result{Total: int(res.Total), Rebuilding: ix.rebuilding.Load()}
	hits := make([]rankedHit, 0, len(res.Hits))
	for _, h := range res.Hits {
		id, err := strconv.ParseInt(h.ID, 10, 64)
		if err != nil {
			continue
		}
		hits = append(hits, newRankedHit(id, h.Score, h.Fields))
	}
	if rerank {
		ix.rank(p, hits)
		if from >= len(hits) {
			hits = nil
		} else {
			hits = hits[from:min(len(hits), from+req.Size)]
		}
	}
	out.Hits = make([]Hit, len(hits))
	for i := range hits {
		out.Hits[i] = Hit{RecordID: hits[i].id, Score: hits[i].score, Highlights: ix.highlight(p, &hits[i])}
	}
	if req.Facets {
		out.Facets = facetResults(res.Facets)
	}
	out.DidYouMean = ix.didYouMean(req.Query, folded, p, hits)
	return out, nil
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
