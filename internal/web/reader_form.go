package web

import (
	"context"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// readerForm is the reader editor's data.
type readerForm struct {
	Card   string // "" for a new reader
	Action string
	Types  []readers.Type
}

var readerFields = []string{"name", "card", "gender", "unit", "position", "phone", "email", "type_id", "expiry_date", "notes"}

func (s *Server) readerFormData(ctx context.Context, card, action string) (readerForm, error) {
	types, err := s.d.Readers.Types(ctx)
	return readerForm{Card: card, Action: action, Types: types}, err
}

func parseReader(f url.Values) readers.Reader {
	rd := readers.Reader{Name: f.Get("name"), Card: f.Get("card"), Gender: f.Get("gender"), Unit: f.Get("unit"),
		Position: f.Get("position"), Phone: f.Get("phone"), Email: f.Get("email"), ExpiryDate: strings.TrimSpace(f.Get("expiry_date")), Notes: strings.TrimSpace(f.Get("notes"))}
	rd.TypeID, _ = strconv.ParseInt(f.Get("type_id"), 10, 64)
	return rd
}

func readerValues(rd readers.Reader) url.Values {
	return url.Values{"name": {rd.Name}, "card": {rd.Card}, "gender": {rd.Gender}, "unit": {rd.Unit}, "position": {rd.Position},
		"phone": {rd.Phone}, "email": {rd.Email}, "type_id": {strconv.FormatInt(rd.TypeID, 10)}, "expiry_date": {rd.ExpiryDate}, "notes": {rd.Notes}}
}

// newReader shows the registration form.
func (s *Server) newReader(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.readerFormData(r.Context(), "", "/readers/new")
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("reader.new_title"), "readers", d
	s.render(w, r, http.StatusOK, "reader_form", v)
	return nil
}

// createReader registers a reader; a card number is issued when none is
// typed.
func (s *Server) createReader(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	rd, err := s.d.Readers.Create(r.Context(), parseReader(r.PostForm))
	if err == nil {
		return s.redirect(w, r, "/readers/"+url.PathEscape(rd.Card), v.T("reader.created", rd.Name, rd.Card))
	}
	if !v.fieldError(err, readerFields...) {
		return err
	}
	d, err := s.readerFormData(r.Context(), "", "/readers/new")
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("reader.new_title"), "readers", d
	s.render(w, r, http.StatusUnprocessableEntity, "reader_form", v)
	return nil
}

// editReader shows the editor filled with a reader.
func (s *Server) editReader(w http.ResponseWriter, r *http.Request, v *view) error {
	rd, err := s.d.Readers.ByCard(r.Context(), r.PathValue("card"))
	if err != nil {
		return err
	}
	d, err := s.readerFormData(r.Context(), rd.Card, r.URL.Path)
	if err != nil {
		return err
	}
	v.Form = readerValues(rd)
	v.Title, v.Nav, v.Data = v.T("reader.edit_title", rd.Name), "readers", d
	s.render(w, r, http.StatusOK, "reader_form", v)
	return nil
}

// updateReader saves the editor's changes; the card status has its own
// form on the reader's page.
func (s *Server) updateReader(w http.ResponseWriter, r *http.Request, v *view) error {
	old, err := s.d.Readers.ByCard(r.Context(), r.PathValue("card"))
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	rd := parseReader(r.PostForm)
	rd.ID, rd.Status, rd.SuspendedUntil = old.ID, old.Status, old.SuspendedUntil
	saved, err := s.d.Readers.Update(r.Context(), rd)
	if err == nil {
		return s.redirect(w, r, "/readers/"+url.PathEscape(saved.Card), v.T("reader.saved", saved.Name))
	}
	if !v.fieldError(err, readerFields...) {
		return err
	}
	d, err := s.readerFormData(r.Context(), old.Card, r.URL.Path)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("reader.edit_title", old.Name), "readers", d
	s.render(w, r, http.StatusUnprocessableEntity, "reader_form", v)
	return nil
}
