package web

import (
	"net/http"
	"net/url"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
	"shuwu/internal/transfer"
)

// sheetPreviewView is the preview page of a book list or roster: what the
// import would do, row by row, before anything is stored, and the token
// that confirms it.
type sheetPreviewView struct {
	transfer.SheetPreview
	Token string
	// Counts are the figures at the top, by message key.
	Counts []jobCount
	// Rejects are the rows that cannot be imported, with the reasons;
	// Stored the rows that would be, warned ones first among the first.
	Rejects, Stored []previewRow
	// Hidden rows are counted but not listed.
	Hidden int
	// Job is the job that imported this very file before, when it is
	// still remembered (an import from the command line has none).
	Job *transfer.Job
	// Location is where a book list's copies go when a row names none.
	Location string
	// AllOrNothing: the librarian asked that nothing be stored if a row
	// is wrong; with rejected rows, confirming would store nothing.
	AllOrNothing bool
	// Blocked says confirming cannot store anything as the file stands.
	Blocked bool
}

// previewRow is one row of the preview with its messages in the page's
// language.
type previewRow struct {
	transfer.RowResult
	Problems []jobProblem
	Warnings []jobProblem
}

// previewSheet reads a whole uploaded book list or roster, stores
// nothing, and shows what the import would do; the file is kept for the
// confirmation that follows.
func (s *Server) previewSheet(kind string) func(w http.ResponseWriter, r *http.Request, v *view) error {
	return func(w http.ResponseWriter, r *http.Request, v *view) error {
		form, up, err := s.readUpload(w, r, s.maxUpload())
		v.Form = form
		if err == nil && up == nil {
			err = errs.Invalid(httpx.CodeUploadMissing, "file", "请选择要上传的文件", "choose a file to upload")
		}
		if err != nil {
			if !importError(v, kind, err) {
				return err
			}
			return s.renderImport(w, r, v, httpx.StatusOf(errs.As(err).Kind), nil)
		}
		return s.renderSheetPreview(w, r, v, kind, form, up, http.StatusOK)
	}
}

// renderSheetPreview previews up for an import of kind with the choices
// of form and shows the preview page, keeping the file; a file that
// cannot be imported goes back to the import page with the reason, and
// is deleted.
func (s *Server) renderSheetPreview(w http.ResponseWriter, r *http.Request, v *view, kind string, form url.Values, up *upload, status int) error {
	imp, err := transfer.ParseSheetImport(kind, form)
	var p transfer.SheetPreview
	if err == nil {
		p, err = s.d.Transfer.PreviewSheet(r.Context(), imp, up.Name, up.File)
	}
	if err == nil && p.Read == 0 {
		err = errs.Invalid(CodeSheetEmpty, "file", "表中没有读到数据行：表头下面是空的", "the sheet has no data rows under its header")
	}
	var loc string
	if err == nil && kind == "books" {
		loc, err = s.defaultLocation(r, v, imp.Books.LocationID)
	}
	if err != nil {
		up.discard()
		if !importError(v, kind, err) {
			return err
		}
		return s.renderImport(w, r, v, httpx.StatusOf(errs.As(err).Kind), nil)
	}
	pv := sheetPreviewView{SheetPreview: p, Location: loc, AllOrNothing: imp.Books.AllOrNothing}
	pv.Blocked = pv.AllOrNothing && p.Rejected > 0 || p.Rejected == p.Read
	pv.Counts = []jobCount{{"import.read", p.Read}, {"import.preview.added." + kind, p.Added}}
	if kind == "books" {
		pv.Counts = append(pv.Counts, jobCount{"import.matched", p.Matched}, jobCount{"import.items", p.Items})
	} else {
		pv.Counts = append(pv.Counts, jobCount{"import.updated", p.Updated})
	}
	pv.Counts = append(pv.Counts, jobCount{"import.preview.warned", p.Warned}, jobCount{"import.rejected", p.Rejected})
	for _, row := range p.Rows {
		pr := previewRow{RowResult: row, Problems: unrepeated(problemsOf(v.Lang, row.Problems)), Warnings: unrepeated(problemsOf(v.Lang, row.Warnings))}
		if row.Outcome == transfer.Rejected {
			pv.Rejects = append(pv.Rejects, pr)
		} else {
			pv.Stored = append(pv.Stored, pr)
		}
	}
	pv.Hidden = p.Read - len(p.Rows)
	if b := p.ImportedBefore; b != nil {
		if job, ok := s.d.Jobs.ImportedBy(kind, b.Hash); ok {
			pv.Job = &job
		}
	}
	if pv.Blocked {
		up.discard()
	} else {
		pv.Token = s.uploads.keep(kind, up)
	}
	v.Title, v.Nav = v.T("import.preview_title", up.Name), "import"
	v.Data = pv
	s.render(w, r, status, "import_sheet_preview", v)
	return nil
}

// unrepeated leaves out a problem's column where its message begins with
// it ("手机号“…”不对"), so the page does not say it twice.
func unrepeated(ps []jobProblem) []jobProblem {
	for i, p := range ps {
		if strings.HasPrefix(p.Message, p.Column) {
			ps[i].Column = ""
		}
	}
	return ps
}

// defaultLocation names the location a book list's copies go to when a
// row names none: the one chosen, or the first.
func (s *Server) defaultLocation(r *http.Request, v *view, id int64) (string, error) {
	locs, err := s.d.Catalog.Locations(r.Context())
	if err != nil {
		return "", err
	}
	for i, l := range locs {
		if l.ID == id || id == 0 && i == 0 {
			return pickName(v.Lang, l.Name, l.NameEn), nil
		}
	}
	return "", nil // PreviewSheet has refused a location that does not exist
}
