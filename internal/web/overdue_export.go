package web

import (
	"io"
	"net/http"
)

// exportOverdue downloads the overdue list (same class filter) as an
// Excel workbook, one row per book, with the reader's phone.
func (s *Server) exportOverdue(w http.ResponseWriter, r *http.Request, v *view) error {
	f, _ := overdueFilter(r.URL.Query())
	name := v.T("overdue.file", s.d.Catalog.Today())
	return download(w, name, xlsxType, func(out io.Writer) error {
		_, err := s.d.Transfer.ExportOverdueXLSX(r.Context(), out, f.ClassID)
		return err
	})
}
