package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/readers"
)

// readerList is the readers page: a search and its results.
type readerList struct {
	Readers []readers.Reader
	Types   []readers.Type
	Pager   pager
	Query   string
	TypeID  int64
	Status  string
	Sts     []readers.Status
}

var allStatuses = []readers.Status{readers.StatusActive, readers.StatusLost, readers.StatusSuspended, readers.StatusCancelled}

// listReaders searches readers by name, card, phone or unit.
func (s *Server) listReaders(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	d := readerList{Query: strings.TrimSpace(q.Get("q")), Status: q.Get("status"), Sts: allStatuses}
	d.TypeID, _ = strconv.ParseInt(q.Get("type"), 10, 64)
	page := pageParam(q)
	list, total, err := s.d.Readers.List(r.Context(), readers.Filter{Query: d.Query, TypeID: d.TypeID, Status: readers.Status(d.Status), Number: page, Size: staffPageSize})
	if err != nil {
		return err
	}
	if d.Types, err = s.d.Readers.Types(r.Context()); err != nil {
		return err
	}
	d.Readers, d.Pager = list, newPager(q, "/readers", page, staffPageSize, total)
	v.Title, v.Nav, v.Data = v.T("readers.title"), "readers", d
	s.render(w, r, http.StatusOK, "readers", v)
	return nil
}
