package web

import (
	"net/http"

	"shuwu/internal/catalog"
	"shuwu/internal/readers"
	"shuwu/internal/transfer"
)

// importData is the import page: the three upload forms, the classes a
// roster can go to, the locations new copies can go to, a MARC preview
// when one was asked for, and the latest jobs.
type importData struct {
	Matches   []string
	OnMatches []string
	Encodings []string
	Classes   []readers.Class
	Locations []catalog.Location
	Preview   *marcPreview
	Jobs      []transfer.Job
}

// The choices of the MARC form, as transfer and marc name them.
var (
	importMatches   = []string{"isbn-title", "control-number", "none"}
	importOnMatches = []string{"skip", "overlay", "new", "add-copies"}
	importEncodings = []string{"auto", "utf-8", "gbk", "marc-8"}
)

// showImport shows the import page.
func (s *Server) showImport(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderImport(w, r, v, http.StatusOK, nil)
}

// renderImport writes the import page; errors in v.Errors are keyed
// "<kind>.<field>" or "<kind>", so each form shows its own.
func (s *Server) renderImport(w http.ResponseWriter, r *http.Request, v *view, status int, p *marcPreview) error {
	classes, err := s.d.Readers.Classes(r.Context())
	if err != nil {
		return err
	}
	locs, err := s.d.Catalog.Locations(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav = v.T("import.title"), "import"
	v.Data = importData{Matches: importMatches, OnMatches: importOnMatches, Encodings: importEncodings,
		Classes: classes, Locations: locs, Preview: p, Jobs: s.d.Jobs.List()}
	s.render(w, r, status, "import", v)
	return nil
}

// importError puts a person's mistake on the form of kind; it reports
// false for anything else, which the caller returns.
func importError(v *view, kind string, err error) bool {
	tmp := map[string]string{}
	errors := v.Errors
	v.Errors = tmp
	ok := v.fieldError(err, "file", "match", "on_match", "encoding", "location_id", "map", "class_id")
	v.Errors = errors
	for f, msg := range tmp {
		if f == "" {
			v.Errors[kind] = msg
		} else {
			v.Errors[kind+"."+f] = msg
		}
	}
	return ok
}
