package app

import (
	"context"

	"shuwu/internal/api"
	"shuwu/internal/indexing"
	"shuwu/internal/search"
	"shuwu/internal/web"
)

// apiSearch translates the indexer's answers for the JSON API.
type apiSearch struct{ ix *indexing.Indexer }

func (a apiSearch) Search(ctx context.Context, q api.SearchQuery) (api.SearchResult, error) {
	found, err := a.ix.Find(ctx, search.Request{Query: q.Text, Page: q.Page, Size: q.Size, Sort: search.SortOrder(q.Sort), Filters: q.Filters, Facets: true})
	if err != nil {
		return api.SearchResult{}, err
	}
	res := found.Result
	out := api.SearchResult{Total: res.Total, Page: max(q.Page, 1), Size: q.Size, DidYouMean: res.DidYouMean, Rebuilding: res.Rebuilding,
		Exact: res.Exact, ExactField: res.ExactField,
		Hits: make([]api.SearchHit, 0, len(found.Hits)), Facets: map[string][]api.SearchFacetValue{}}
	for _, h := range found.Hits {
		out.Hits = append(out.Hits, api.SearchHit{Record: h.Record, Highlights: h.Highlights, Copies: h.Copies, Available: h.Available})
	}
	for name, vals := range res.Facets {
		fv := make([]api.SearchFacetValue, len(vals))
		for i, v := range vals {
			fv[i] = api.SearchFacetValue{Value: v.Value, Label: v.Label, Count: v.Count}
		}
		out.Facets[name] = fv
	}
	return out, nil
}

// webSearch translates the indexer's answers for the pages: record ids in
// rank order, facets in a fixed order with Chinese labels.
type webSearch struct{ ix *indexing.Indexer }

// facetOrder fixes the order of facets on the search page; their headings
// and labels are the page's (its message catalogues).
var facetOrder = []string{search.FacetCategory, search.FacetCLC, search.FacetAvailable, search.FacetLocation, search.FacetYear, search.FacetLanguage}

func (w webSearch) Search(ctx context.Context, q web.SearchQuery) (web.SearchResult, error) {
	res, err := w.ix.Search(ctx, search.Request{Query: q.Text, Page: q.Page, Size: q.Size, Filters: q.Filters, Facets: true})
	if err != nil {
		return web.SearchResult{}, err
	}
	out := web.SearchResult{Total: res.Total, DidYouMean: res.DidYouMean, Rebuilding: res.Rebuilding, Reachable: search.MaxResults, RecordIDs: make([]int64, len(res.Hits)),
		Exact: web.ExactNames{Count: res.Exact, Field: res.ExactField, Name: res.ExactName}}
	for i, h := range res.Hits {
		out.RecordIDs[i] = h.RecordID
	}
	for _, name := range facetOrder {
		vals := res.Facets[name]
		if len(vals) == 0 {
			continue
		}
		f := web.Facet{Name: name}
		for _, v := range vals {
			f.Values = append(f.Values, web.FacetValue{Value: v.Value, Label: v.Label, Count: v.Count})
		}
		out.Facets = append(out.Facets, f)
	}
	return out, nil
}
