package web

import (
	"net/http"
	"net/url"
	"strconv"

	"shuwu/internal/circulation"
	"shuwu/internal/paging"
	"shuwu/internal/readers"
)

// overduePage is the full list of overdue loans, paged, optionally for
// one class and ordered by class.
type overduePage struct {
	Loans   []circulation.OverdueLoan
	Classes []readers.Class
	ClassID int64
	ByClass bool
	Pager   pager
	// Filter is the list's query (class, order), "?…" or "", for the
	// slip and export links, which take the same filter.
	Filter string
}

// overdueFilter reads the class and order of an overdue list, slips or
// export from the query; a class id that is no number is ignored.
func overdueFilter(q url.Values) (circulation.OverdueFilter, string) {
	var f circulation.OverdueFilter
	keep := url.Values{}
	if id, err := strconv.ParseInt(q.Get("class"), 10, 64); err == nil && id > 0 {
		f.ClassID = id
		keep.Set("class", strconv.FormatInt(id, 10))
	}
	if q.Get("order") == "class" {
		f.ByClass = true
		keep.Set("order", "class")
	}
	if enc := keep.Encode(); enc != "" {
		return f, "?" + enc
	}
	return f, ""
}

// listOverdue is every overdue loan with the reader's phone, so the desk
// can telephone; the home page shows only the oldest ten.
func (s *Server) listOverdue(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	f, keep := overdueFilter(q)
	page := pageParam(q)
	f.Offset, f.Limit = paging.Offset(page, staffPageSize), staffPageSize
	ctx := r.Context()
	loans, total, err := s.d.Circulation.OverdueList(ctx, f)
	if err != nil {
		return err
	}
	d := overduePage{Loans: loans, ClassID: f.ClassID, ByClass: f.ByClass, Filter: keep,
		Pager: newPager(q, "/overdue", page, staffPageSize, total)}
	if d.Classes, err = s.d.Readers.Classes(ctx); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("overdue.title"), "home", d
	if v.Leadership() {
		v.Nav = "overdue"
	}
	s.render(w, r, http.StatusOK, "overdue", v)
	return nil
}
