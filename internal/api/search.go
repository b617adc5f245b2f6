package api

import (
	"context"
	"net/http"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// SearchQuery is one catalogue search, as the search box and the facet
// links send it.
type SearchQuery struct {
	Text    string
	Page    int
	Size    int
	Sort    string // relevance, newest, title, callnumber
	Filters map[string][]string
}

// SearchFacetValue is one value of a facet with its count.
type SearchFacetValue struct {
	Value string `json:"value"`
	Label string `json:"label"`
	Count int    `json:"count"`
}

// SearchHit is one found record.
type SearchHit struct {
	Record     catalog.Record      `json:"record"`
	Available  int                 `json:"available"` // copies on the shelf
	Copies     int                 `json:"copies"`
	Highlights map[string][]string `json:"highlights,omitempty"`
}

// SearchResult is one page of results.
type SearchResult struct {
	Total      int                           `json:"total"`
	Page       int                           `json:"page"`
	Size       int                           `json:"size"`
	Hits       []SearchHit                   `json:"hits"`
	Facets     map[string][]SearchFacetValue `json:"facets"`
	DidYouMean string                        `json:"did_you_mean,omitempty"`
	Rebuilding bool                          `json:"rebuilding"`
	// Exact is, for a search of one field for one name (作者:邵杰), how
	// many of Total have exactly that name (they are listed first);
	// ExactField is author, publisher or series. Omitted otherwise.
	Exact      int    `json:"exact,omitempty"`
	ExactField string `json:"exact_field,omitempty"`
}

// Searcher is the catalogue search engine, as the API needs it.
type Searcher interface {
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
}

// SearchRoute is GET /api/v1/search over s.
func SearchRoute(s Searcher) Route {
	return Route{
		Method: http.MethodGet, Path: "/api/v1/search", Roles: public,
		Summary: "馆藏检索（中文、拼音、繁体、ISBN、索书号，分面）/ catalogue search",
		Reply:   SearchResult{},
		Params: []Param{
			{"q", "检索式，可用 题名: 作者: isbn: 分类: 和引号短语 / query; fielded syntax and quoted phrases", "string"},
			{"page", "页码，最多翻到前 10000 条 / page, within the first 10,000 hits", "integer"}, {"size", "每页条数 1–100 / page size", "integer"},
			{"sort", "relevance | newest | title | callnumber", "string"},
			{"facet", "分面筛选 name:value，可重复 / facet filter name:value, repeatable", "string"},
		},
		Handle: func(w http.ResponseWriter, r *http.Request) error {
			q := r.URL.Query()
			page, err := intParam(q.Get("page"), "page", 1)
			if err != nil {
				return err
			}
			size, err := intParam(q.Get("size"), "size", 20)
			if err != nil {
				return err
			}
			if size < 1 || size > 100 {
				return errs.Invalid(errs.CodeParamInvalid, "size", "每页条数须在 1 到 100 之间", "size must be 1–100")
			}
			sq := SearchQuery{Text: q.Get("q"), Page: int(page), Size: int(size), Sort: q.Get("sort"), Filters: map[string][]string{}}
			for _, f := range q["facet"] {
				name, value, ok := strings.Cut(f, ":")
				if !ok || name == "" {
					return errs.Invalid(errs.CodeParamInvalid, "facet", "分面筛选应写作 名称:值，如 category:党史党建", "a facet filter looks like name:value")
				}
				sq.Filters[name] = append(sq.Filters[name], value)
			}
			res, err := s.Search(r.Context(), sq)
			return reply(w, res, err)
		},
	}
}
