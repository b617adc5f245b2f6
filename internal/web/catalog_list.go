package web

import (
	"context"
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
)

// catalogList is the staff's record listing with its filters.
type catalogList struct {
	Records    []catalog.Record
	Categories []catalog.Category
	Pager      pager
	Query      string
	CategoryID int64
	CLC        string
	Exact      ExactNames // a field search for one name: how many hits are exactly it
	// Sets are the sets whose title has the query; Groupable are titles
	// of which the page shows several volumes that belong to no set yet.
	Sets      []catalog.Set
	Groupable []groupable
}

// groupable is a title with volumes on the page that could form a set.
type groupable struct {
	Title    string
	RecordID int64 // one of them, for the grouping page
	Count    int
}

const staffPageSize = 30

// listRecords lists and filters records for cataloguers.
func (s *Server) listRecords(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	d := catalogList{Query: strings.TrimSpace(q.Get("q")), CLC: strings.TrimSpace(q.Get("clc"))}
	d.CategoryID, _ = strconv.ParseInt(q.Get("category"), 10, 64)
	page := pageParam(q)
	var recs []catalog.Record
	var total int
	var err error
	if s.d.Search != nil && d.Query != "" && d.CategoryID == 0 && d.CLC == "" {
		// A text query goes to the engine: it ranks, and at 50,000 records
		// it is many times faster than a substring scan.
		res, err := s.d.Search.Search(r.Context(), SearchQuery{Text: d.Query, Page: page, Size: staffPageSize})
		if err != nil {
			return err
		}
		if recs, err = s.d.Catalog.RecordsByIDs(r.Context(), res.RecordIDs); err != nil {
			return err
		}
		total, d.Exact = res.Total, res.Exact
	} else {
		recs, total, err = s.d.Catalog.Records(r.Context(), catalog.RecordFilter{Query: d.Query, CategoryID: d.CategoryID, CLCPrefix: d.CLC,
			Page: catalog.Page{Number: page, Size: staffPageSize}})
		if err != nil {
			return err
		}
	}
	if d.Categories, err = s.d.Catalog.Categories(r.Context()); err != nil {
		return err
	}
	d.Records, d.Pager = recs, newPager(q, "/catalog", page, staffPageSize, total)
	if d.Query != "" {
		if d.Sets, err = s.d.Catalog.Sets(r.Context(), d.Query); err != nil {
			return err
		}
		if len(d.Sets) > 5 {
			d.Sets = d.Sets[:5]
		}
		if d.Groupable, err = s.groupable(r.Context(), recs); err != nil {
			return err
		}
	}
	v.Title, v.Nav, v.Data = v.T("catalog.title"), "catalog", d
	s.render(w, r, http.StatusOK, "catalog", v)
	return nil
}

// groupable finds the titles of which recs hold two or more records with
// a volume (卷次) and in no set: candidates for 组成多卷书.
func (s *Server) groupable(ctx context.Context, recs []catalog.Record) ([]groupable, error) {
	ids := make([]int64, len(recs))
	for i, r := range recs {
		ids[i] = r.ID
	}
	inSet, err := s.d.Catalog.SetIDsOf(ctx, ids)
	if err != nil {
		return nil, err
	}
	var out []groupable
	at := map[string]int{}
	for _, r := range recs {
		if r.Volume() == "" || inSet[r.ID] != 0 {
			continue
		}
		if i, ok := at[r.Title]; ok {
			out[i].Count++
			continue
		}
		at[r.Title] = len(out)
		out = append(out, groupable{Title: r.Title, RecordID: r.ID, Count: 1})
	}
	keep := out[:0]
	for _, g := range out {
		if g.Count > 1 {
			keep = append(keep, g)
		}
	}
	return keep, nil
}
