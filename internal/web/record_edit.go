package web

import (
	"net/http"
	"strconv"

	"shuwu/internal/errs"
)

// editRecord shows the editor filled with a record.
func (s *Server) editRecord(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rec, err := s.d.Catalog.Record(r.Context(), id)
	if err != nil {
		return err
	}
	d, err := s.recordFormData(r.Context(), id, r.URL.Path)
	if err != nil {
		return err
	}
	v.Form = recordValues(rec.Record)
	v.Title, v.Nav, v.Data = v.T("record.edit_title", rec.DisplayTitle()), "catalog", d
	s.render(w, r, http.StatusOK, "record_form", v)
	return nil
}

// updateRecord saves the editor's changes.
func (s *Server) updateRecord(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	rec := parseRecord(v, r.PostForm)
	rec.ID = id
	if len(v.Errors) == 0 {
		saved, err := s.d.Catalog.UpdateRecord(r.Context(), rec)
		if err == nil {
			return s.redirect(w, r, "/catalog/records/"+strconv.FormatInt(id, 10), v.T("record.saved", saved.DisplayTitle()))
		}
		if !v.fieldError(err, recordFields...) {
			return err
		}
	}
	d, err := s.recordFormData(r.Context(), id, r.URL.Path)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("record.edit_title", r.PostForm.Get("title")), "catalog", d
	s.render(w, r, http.StatusUnprocessableEntity, "record_form", v)
	return nil
}
