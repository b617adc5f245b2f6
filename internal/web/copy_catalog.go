package web

import (
	"encoding/base64"
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/copycat"
	"shuwu/internal/copycat/targets"
	"shuwu/internal/errs"
)

// copyPage is the copy-cataloguing page (套录): a search of a source and
// the candidates side by side.
type copyPage struct {
	Targets  []targets.Target
	Fields   []copycat.Field
	Searched bool
	Result   copycat.Result
}

// Encoded is a candidate's MARC for the form that takes it into the editor.
func (copyPage) Encoded(b []byte) string { return base64.StdEncoding.EncodeToString(b) }

var copyFields = []copycat.Field{copycat.FieldISBN, copycat.FieldTitle, copycat.FieldAuthor, copycat.FieldAny}

// showCopyCatalog shows the search form, and the candidates when a search
// was asked for (?target=&field=&q=).
func (s *Server) showCopyCatalog(w http.ResponseWriter, r *http.Request, v *view) error {
	ts, err := s.d.CopyTargets.Targets(r.Context())
	if err != nil {
		return err
	}
	d := copyPage{Targets: ts, Fields: copyFields}
	q := r.URL.Query()
	v.Form = q
	if v.Form.Get("field") == "" {
		v.Form.Set("field", string(copycat.FieldISBN))
	}
	status := http.StatusOK
	if strings.TrimSpace(q.Get("q")) != "" || q.Has("target") {
		id, _ := strconv.ParseInt(q.Get("target"), 10, 64)
		res, err := s.d.CopyCat.Search(r.Context(), id, copycat.Query{Field: copycat.Field(q.Get("field")), Term: q.Get("q")})
		switch e := errs.As(err); {
		case err == nil:
			d.Searched, d.Result = true, res
		case e.Kind == errs.KindInvalid || e.Kind == errs.KindNotFound || e.Kind == errs.KindUnavailable:
			field := e.Field
			if field == "term" {
				field = "q"
			}
			if field != "q" && field != "field" {
				field = ""
			}
			v.Errors[field] = e.Localized(short(v.Lang))
			status = http.StatusUnprocessableEntity
			if e.Kind == errs.KindUnavailable {
				status = http.StatusBadGateway
			}
		default:
			return err
		}
	}
	v.Title, v.Nav, v.Data = v.T("copy.title"), "catalog", d
	s.render(w, r, status, "copy_catalog", v)
	return nil
}

// useCopyCandidate opens the record editor filled from the chosen
// candidate; nothing is saved until the librarian saves the form.
func (s *Server) useCopyCandidate(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	raw, err := base64.StdEncoding.DecodeString(r.PostForm.Get("marc"))
	if err != nil {
		raw = nil
	}
	rec, warnings, err := copycat.Decode(raw)
	if err != nil {
		return err
	}
	d, err := s.recordFormData(r.Context(), 0, "/catalog/new")
	if err != nil {
		return err
	}
	d.CopiedFrom = strings.TrimSpace(r.PostForm.Get("source"))
	for _, wn := range warnings {
		msg := wn.Message
		if short(v.Lang) == "en" && wn.MessageEn != "" {
			msg = wn.MessageEn
		}
		d.CopyWarnings = append(d.CopyWarnings, wn.Field+"："+msg)
	}
	v.Form = recordValues(rec)
	v.Title, v.Nav, v.Data = v.T("record.new_title"), "catalog", d
	s.render(w, r, http.StatusOK, "record_form", v)
	return nil
}
