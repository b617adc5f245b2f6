package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
)

// opacHit is one record in the public catalogue with where to find it.
type opacHit struct {
	catalog.Record
	Total, Available int
	CallNumber       string
	Location         string
	// Note is a required-reading list's note on the book, on list pages.
	Note string
	// Set, when not nil, makes the hit a whole multi-volume work or
	// series: the search found one or more of its volumes, or its title.
	Set *opacSet
}

// opacSearch is the public catalogue's search page.
type opacSearch struct {
	Query      string
	Hits       []opacHit
	Pager      pager
	Facets     []Facet
	Filters    map[string][]string
	DidYouMean string
	Exact      ExactNames
	Rebuilding bool
	Searched   bool
	Lists      []catalog.ReadingList
	// Room names the times the room is closed to walk-in reading.
	Room *roomNotice
	// Grouped counts the volumes on this page shown within a set's entry.
	Grouped int
}

const opacPageSize = 20

// searchOPAC is the public catalogue: the search engine when there is one,
// else a title, author and ISBN match.
func (s *Server) searchOPAC(w http.ResponseWriter, r *http.Request, v *view) error {
	ctx := r.Context()
	q := r.URL.Query()
	d := opacSearch{Query: strings.TrimSpace(q.Get("q")), Filters: map[string][]string{}}
	page := pageParam(q)
	for k, vs := range q {
		if k != "q" && k != "page" && k != "lang" {
			d.Filters[k] = vs
		}
	}
	var ids []int64
	var total, reachable int
	switch {
	case s.d.Search != nil:
		res, err := s.d.Search.Search(ctx, SearchQuery{Text: d.Query, Page: page, Size: opacPageSize, Filters: d.Filters})
		if err != nil {
			return err
		}
		ids, total, reachable, d.Facets, d.DidYouMean, d.Rebuilding = res.RecordIDs, res.Total, res.Reachable, res.Facets, res.DidYouMean, res.Rebuilding
		d.Exact = res.Exact
		if err := s.localizeFacets(ctx, v, d.Facets); err != nil {
			return err
		}
	default:
		cat, _ := strconv.ParseInt(q.Get("category"), 10, 64)
		recs, n, err := s.d.Catalog.Records(ctx, catalog.RecordFilter{Query: d.Query, CategoryID: cat, Page: catalog.Page{Number: page, Size: opacPageSize}})
		if err != nil {
			return err
		}
		total = n
		for _, rec := range recs {
			ids = append(ids, rec.ID)
		}
	}
	d.Searched = d.Query != "" || len(d.Filters) > 0
	hits, err := s.hits(ctx, v, ids)
	if err != nil {
		return err
	}
	if d.Searched {
		if hits, d.Grouped, err = s.groupSets(ctx, v, hits, d.Query, page == 1); err != nil {
			return err
		}
	}
	d.Hits, d.Pager = hits, newPager(q, "/opac", page, opacPageSize, total).upTo(reachable, opacPageSize)
	if !d.Searched {
		if d.Lists, err = s.d.Catalog.ReadingLists(ctx); err != nil {
			return err
		}
	}
	v.Title, v.Nav, v.Data = v.T("opac.title"), "opac", d
	d.Room = s.portalNotice(r)
	v.Data = d
	s.render(w, r, http.StatusOK, "opac", v)
	return nil
}

// hits loads records in the given order with their availability.
func (s *Server) hits(ctx context.Context, v *view, ids []int64) ([]opacHit, error) {
	if len(ids) == 0 {
		return nil, nil
	}
	recs, err := s.d.Catalog.RecordsByIDs(ctx, ids)
	if err != nil {
		return nil, err
	}
	items, err := s.d.Catalog.ItemsOfRecords(ctx, ids)
	if err != nil {
		return nil, err
	}
	names, err := s.locationNames(ctx, v)
	if err != nil {
		return nil, err
	}
	out := make([]opacHit, 0, len(recs))
	for _, rec := range recs {
		h := opacHit{Record: rec}
		for _, it := range items[rec.ID] {
			if it.Status == catalog.StatusWithdrawn {
				continue
			}
			h.Total++
			if h.CallNumber == "" {
				h.CallNumber, h.Location = it.CallNumber, names[it.LocationID]
			}
			if it.Status == catalog.StatusAvailable {
				if h.Available == 0 {
					h.CallNumber, h.Location = it.CallNumber, names[it.LocationID]
				}
				h.Available++
			}
		}
		out = append(out, h)
	}
	return out, nil
}

func (s *Server) locationNames(ctx context.Context, v *view) (map[int64]string, error) {
	locs, err := s.d.Catalog.Locations(ctx)
	if err != nil {
		return nil, err
	}
	names := make(map[int64]string, len(locs))
	for _, l := range locs {
		names[l.ID] = pickName(v.Lang, l.Name, l.NameEn)
	}
	return names, nil
}

// groupSets shows the volumes of one set found on a page as one entry,
// where the first of them stood, listing all its volumes. On the first
// page, sets whose title has the query and none of whose volumes were
// found come first (a series whose volumes have titles of their own).
func (s *Server) groupSets(ctx context.Context, v *view, hits []opacHit, query string, first bool) ([]opacHit, int, error) {
	ids := make([]int64, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	of, err := s.d.Catalog.SetIDsOf(ctx, ids)
	if err != nil {
		return nil, 0, err
	}
	seen := map[int64]bool{}
	var lead []opacHit
	if first && query != "" {
		sets, err := s.d.Catalog.Sets(ctx, query)
		if err != nil {
			return nil, 0, err
		}
		found := map[int64]bool{}
		for _, sid := range of {
			found[sid] = true
		}
		for i, st := range sets {
			if i == 5 || found[st.ID] {
				continue
			}
			e, err := s.setEntry(ctx, v, st.ID)
			if err != nil {
				return nil, 0, err
			}
			seen[st.ID] = true
			lead = append(lead, e)
		}
	}
	grouped := 0
	out := make([]opacHit, 0, len(hits)+len(lead))
	out = append(out, lead...)
	for _, h := range hits {
		sid, ok := of[h.ID]
		if !ok {
			out = append(out, h)
			continue
		}
		grouped++
		if seen[sid] {
			continue
		}
		seen[sid] = true
		e, err := s.setEntry(ctx, v, sid)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, e)
	}
	return out, grouped, nil
}

// setEntry is a set as one search result.
func (s *Server) setEntry(ctx context.Context, v *view, id int64) (opacHit, error) {
	d, err := s.d.Catalog.Set(ctx, id)
	if err != nil {
		return opacHit{}, err
	}
	e := &opacSet{SetDetail: d, KindLabel: d.Kind.Label(short(v.Lang))}
	for _, vol := range d.Volumes {
		e.Available += vol.Available
		e.Copies += vol.Copies
	}
	return opacHit{Record: catalog.Record{ID: 0, Title: d.Title}, Set: e}, nil
}
