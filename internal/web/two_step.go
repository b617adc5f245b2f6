package web

import (
	"html/template"
	"net/http"
	"net/url"

	"shuwu/internal/auth"
	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// twoStepPage is the account's two-step login page: on or off, and while
// it is being set up, the QR code to scan.
type twoStepPage struct {
	On     bool
	Setup  *auth.TOTPSetup
	QR     template.HTML
	Backed string // where "back" goes
}

// showTwoStep shows whether two-step login is on for the account.
func (s *Server) showTwoStep(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderTwoStep(w, r, v, nil, http.StatusOK)
}

func (s *Server) renderTwoStep(w http.ResponseWriter, r *http.Request, v *view, setup *auth.TOTPSetup, status int) error {
	u, err := s.d.Auth.User(r.Context(), v.Actor.UserID)
	if err != nil {
		return err
	}
	d := twoStepPage{On: u.TwoStep, Setup: setup}
	if setup != nil {
		if d.QR, err = qrSVG(setup.URL, v.T("twostep.qr_label")); err != nil {
			return err
		}
	}
	v.Title, v.Nav, v.Data = v.T("twostep.title"), "", d
	v.Path, v.Query = "/my/two-step", ""
	s.render(w, r, status, "two_step", v)
	return nil
}

// startTwoStep makes a new secret and shows it as a QR code.
func (s *Server) startTwoStep(w http.ResponseWriter, r *http.Request, v *view) error {
	setup, err := s.d.Auth.BeginTOTP(r.Context(), v.Actor.UserID)
	if err != nil {
		return err
	}
	return s.renderTwoStep(w, r, v, &setup, http.StatusOK)
}

// confirmTwoStep turns two-step login on with the first code.
func (s *Server) confirmTwoStep(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	if err := s.d.Auth.ConfirmTOTP(r.Context(), v.Actor.UserID, r.PostForm.Get("code")); err != nil {
		return s.twoStepFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/my/two-step", v.T("twostep.turned_on"))
}

// stopTwoStep turns it off with a current code.
func (s *Server) stopTwoStep(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	if err := s.d.Auth.DisableTOTP(r.Context(), v.Actor.UserID, r.PostForm.Get("code")); err != nil {
		return s.twoStepFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/my/two-step", v.T("twostep.turned_off"))
}

func (s *Server) twoStepFailed(w http.ResponseWriter, r *http.Request, v *view, err error) error {
	e := errs.As(err)
	if e.Kind == errs.KindInternal {
		return err
	}
	v.Errors["code"] = e.Localized(short(v.Lang))
	status := http.StatusUnprocessableEntity
	if e.Kind == errs.KindConflict {
		status = http.StatusConflict
	}
	return s.renderTwoStep(w, r, v, nil, status)
}

// resetTwoStep is the administrator's remedy for a lost phone.
func (s *Server) resetTwoStep(w http.ResponseWriter, r *http.Request, v *view) error {
	name := r.PathValue("name")
	if err := s.d.Auth.ResetTOTP(r.Context(), name); err != nil {
		return s.usersFailed(w, r, v, err, false)
	}
	return s.redirect(w, r, "/settings/users", v.T("twostep.reset_done", name))
}

// showLoginCode asks for the code after a right password.
func (s *Server) showLoginCode(w http.ResponseWriter, r *http.Request, v *view, challenge, next string, status int) error {
	v.Title = v.T("twostep.login_title")
	v.Form.Set("challenge", challenge)
	v.Form.Set("next", next)
	s.render(w, r, status, "login_code", v)
	return nil
}

// submitLoginCode ends a two-step login.
func (s *Server) submitLoginCode(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	challenge, next := r.PostForm.Get("challenge"), safeNext(r.PostForm.Get("next"))
	sess, err := s.d.Auth.CompleteLogin(r.Context(), challenge, r.PostForm.Get("code"))
	if err != nil {
		e := errs.As(err)
		switch {
		case e.Kind == errs.KindInternal:
			return err
		case errs.Is(err, auth.CodeTOTPChallengeGone):
			v.Title = v.T("login.title")
			v.Errors[""] = e.Localized(short(v.Lang))
			if err := s.loginHelp(r, v); err != nil {
				return err
			}
			v.Form = url.Values{"next": {next}}
			s.render(w, r, http.StatusUnauthorized, "login", v)
			return nil
		}
		v.Errors["code"] = e.Localized(short(v.Lang))
		return s.showLoginCode(w, r, v, challenge, next, http.StatusUnprocessableEntity)
	}
	http.SetCookie(w, &http.Cookie{Name: httpx.SessionCookie, Value: sess.Token, Path: "/", Expires: sess.ExpiresAt,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	v.Actor, v.LoggedIn = sess.Actor, true
	if next == "" {
		next = s.landing(v)
	}
	http.Redirect(w, r, next, http.StatusSeeOther)
	return nil
}
