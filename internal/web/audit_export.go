package web

import (
	"io"
	"math"
	"net/http"

	"shuwu/internal/audit"
	"shuwu/internal/transfer"
)

// maxAuditExport bounds one export: a filter wider than this is narrowed
// by dates first (the page says how many entries match).
const maxAuditExport = 200000

// exportAudit downloads the entries the filter matches, newest first, as
// an Excel workbook with the client address and the chain hash of each.
func (s *Server) exportAudit(w http.ResponseWriter, r *http.Request, v *view) error {
	_, f := s.auditFilter(v, r.URL.Query())
	if len(v.Errors) > 0 {
		return s.showAudit(w, r, v)
	}
	t := transfer.Table{Sheet: v.T("audit.title"),
		Columns: []string{v.T("audit.col.seq"), v.T("history.when"), v.T("audit.who"), v.T("audit.address"), v.T("audit.action"), v.T("audit.entity"), v.T("audit.col.entity_id"), v.T("audit.summary"), v.T("audit.col.hash")},
		Widths:  []float64{8, 18, 14, 16, 12, 12, 16, 50, 20}}
	return download(w, v.T("audit.file", s.d.Catalog.Today()), xlsxType, func(out io.Writer) error {
		return transfer.WriteTable(out, t, func(add func(...any) error) error {
			// Keyset pages: each page starts below the last id of the one
			// before, so the export reads the log once instead of skipping
			// an ever longer prefix of it.
			f.Limit, f.Offset, f.Before = maxAuditPage, 0, math.MaxInt64
			for n := 0; n < maxAuditExport; n += f.Limit {
				p, err := s.d.AuditPage(r.Context(), f)
				if err != nil {
					return err
				}
				for _, e := range p.Entries {
					f.Before = e.ID
					if err := add(e.Seq, e.At.In(s.d.TZ).Format("2006-01-02 15:04:05"), e.Username, e.Address, auditActionLabel(v, e), auditEntityLabel(v, e.Entity), e.EntityID, e.Summary, e.Hash); err != nil {
						return err
					}
				}
				if len(p.Entries) < f.Limit {
					return nil
				}
			}
			return nil
		})
	})
}

// maxAuditPage is the store's largest page of the audit log.
const maxAuditPage = 200

// verifyAudit recomputes the audit log's hash chain and shows whether it
// is whole, and where not.
func (s *Server) verifyAudit(w http.ResponseWriter, r *http.Request, v *view) error {
	res, err := s.d.AuditVerify(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("audit.verify.title"), "audit", res
	s.render(w, r, http.StatusOK, "audit_verify", v)
	return nil
}

// auditActionLabel is an entry's action in the page's language.
func auditActionLabel(v *view, e audit.Entry) string {
	if key := "audit.action." + e.Action; v.s.cat.Has(v.Lang, key) {
		return v.T(key)
	}
	return e.Action
}

// auditEntityLabel is a kind of object in the page's language.
func auditEntityLabel(v *view, entity string) string {
	if key := "entity." + entity; v.s.cat.Has(v.Lang, key) {
		return v.T(key)
	}
	return entity
}
