package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/audit"
)

// auditPage is a page of the audit log, newest first.
type auditPage struct {
	Entries  []audit.Entry
	Entity   string
	Entities []string
	Next     int64 // id to page back from; 0 at the end
}

var auditEntities = []string{"record", "item", "reader", "class", "user", "policy", "rules", "closed_day", "category", "location", "reader_type", "reading_list", "clc", "library"}

const auditPageSize = 100

// showAudit lists who changed what, filtered by entity.
func (s *Server) showAudit(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	d := auditPage{Entity: strings.TrimSpace(q.Get("entity")), Entities: auditEntities}
	before, _ := strconv.ParseInt(q.Get("before"), 10, 64)
	es, err := s.d.AuditLog(r.Context(), d.Entity, auditPageSize, before)
	if err != nil {
		return err
	}
	d.Entries = es
	if len(es) == auditPageSize {
		d.Next = es[len(es)-1].ID
	}
	v.Title, v.Nav, v.Data = v.T("audit.title"), "audit", d
	s.render(w, r, http.StatusOK, "audit", v)
	return nil
}
