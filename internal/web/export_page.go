package web

import (
	"net/http"

	"shuwu/internal/readers"
)

// exportData is the export page: the MARC form and the Excel forms.
type exportData struct {
	Formats   []string
	Flavors   []string
	Encodings []string
	Classes   []readers.Class
	Today     string
	Skipped   *exportSkipped // after a MARC export that left records out
}

// showExport shows the export forms.
func (s *Server) showExport(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderExport(w, r, v, http.StatusOK)
}

// renderExport writes the export page; errors are keyed "<form>.<field>",
// the form being marc, records, readers, class or ledger.
func (s *Server) renderExport(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	return s.renderExportPage(w, r, v, status, nil)
}

func (s *Server) renderExportPage(w http.ResponseWriter, r *http.Request, v *view, status int, skipped *exportSkipped) error {
	classes, err := s.d.Readers.Classes(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav = v.T("export.title"), "export"
	v.Data = exportData{Formats: []string{"iso2709", "marcxml"}, Flavors: []string{"cnmarc", "marc21"}, Encodings: []string{"utf-8", "gbk"},
		Classes: classes, Today: s.d.Catalog.Today(), Skipped: skipped}
	s.render(w, r, status, "export", v)
	return nil
}
