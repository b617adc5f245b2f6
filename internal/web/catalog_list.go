package web

import (
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
	v.Title, v.Nav, v.Data = v.T("catalog.title"), "catalog", d
	s.render(w, r, http.StatusOK, "catalog", v)
	return nil
}
