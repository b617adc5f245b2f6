package web

import (
	"net/http"
	"net/url"

	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// setReaderStatus blocks or unblocks a card: 挂失, 暂停, 正常, 注销.
func (s *Server) setReaderStatus(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	card := r.PathValue("card")
	rd, err := s.d.Readers.SetStatus(r.Context(), card, readers.Status(r.PostForm.Get("status")))
	if err != nil {
		return s.readerFailed(w, r, v, err, "status")
	}
	return s.redirect(w, r, "/readers/"+url.PathEscape(rd.Card), v.T("reader.status_set", rd.Name, rd.Status.Label(short(v.Lang))))
}

// resetReaderPassword sets a reader's portal password.
func (s *Server) resetReaderPassword(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	card := r.PathValue("card")
	if err := s.d.Auth.SetReaderPassword(r.Context(), card, r.PostForm.Get("password")); err != nil {
		return s.readerFailed(w, r, v, err, "password")
	}
	return s.redirect(w, r, "/readers/"+url.PathEscape(card), v.T("reader.password_set"))
}

// readerFailed shows the reader's page again with the refusal on the
// form's field.
func (s *Server) readerFailed(w http.ResponseWriter, r *http.Request, v *view, err error, field string) error {
	e := errs.As(err)
	if e.Kind == errs.KindInternal || e.Kind == errs.KindNotFound {
		return err
	}
	v.Errors[field] = e.Localized(short(v.Lang))
	v.Form = r.PostForm
	v.Form.Del("password")
	d, perr := s.readerPage(r, v)
	if perr != nil {
		return perr
	}
	v.Path = "/readers/" + url.PathEscape(d.Panel.Reader.Card)
	v.Title, v.Nav, v.Data = d.Panel.Reader.Name, "readers", d
	status := http.StatusUnprocessableEntity
	if e.Kind == errs.KindConflict {
		status = http.StatusConflict
	}
	s.render(w, r, status, "reader", v)
	return nil
}
