package web

import (
	"net/http"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// showMyPassword is the change-password form, for readers and staff.
func (s *Server) showMyPassword(w http.ResponseWriter, r *http.Request, v *view) error {
	v.Title, v.Nav = v.T("password.title"), "my"
	if v.Account() {
		v.Nav = ""
	}
	s.render(w, r, http.StatusOK, "password", v)
	return nil
}

// changeMyPassword checks the old password and sets the new one. Every
// session of the account ends with it, so the person logs in again.
func (s *Server) changeMyPassword(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Title, v.Nav = v.T("password.title"), "my"
	f := r.PostForm
	switch {
	case f.Get("new_password") != f.Get("confirm"):
		v.Errors["confirm"] = v.T("password.mismatch")
	default:
		err := s.d.Auth.ChangeOwnPassword(r.Context(), v.Actor, f.Get("old_password"), f.Get("new_password"))
		if err == nil {
			s.clearCookie(w, r, httpx.SessionCookie)
			return s.redirect(w, r, "/login", v.T("password.changed"))
		}
		e := errs.As(err)
		if e.Kind != errs.KindInvalid {
			return err
		}
		field := e.Field
		if field != "old_password" {
			field = "new_password"
		}
		v.Errors[field] = e.Localized(short(v.Lang))
	}
	s.render(w, r, http.StatusUnprocessableEntity, "password", v)
	return nil
}
