package web

import (
	"net/http"
	"strconv"

	"shuwu/internal/errs"
)

// newRecord shows an empty record editor.
func (s *Server) newRecord(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.recordFormData(r.Context(), 0, "/catalog/new")
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("record.new_title"), "catalog", d
	s.render(w, r, http.StatusOK, "record_form", v)
	return nil
}

// createRecord saves a new record and goes to its page, or shows the
// editor again with the field at fault marked.
func (s *Server) createRecord(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	rec := parseRecord(v, r.PostForm)
	if len(v.Errors) == 0 {
		saved, err := s.d.Catalog.CreateRecord(r.Context(), rec)
		if err == nil {
			return s.redirect(w, r, "/catalog/records/"+strconv.FormatInt(saved.ID, 10)+"#add-items", v.T("record.created", saved.DisplayTitle()))
		}
		if !v.fieldError(err, recordFields...) {
			return err
		}
	}
	d, err := s.recordFormData(r.Context(), 0, "/catalog/new")
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("record.new_title"), "catalog", d
	s.render(w, r, http.StatusUnprocessableEntity, "record_form", v)
	return nil
}
