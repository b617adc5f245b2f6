package web

import (
	"net"
	"net/http"
	"net/url"
	"strings"

	"shuwu/internal/auth"
	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// showLogin is the login form for staff (user name) and readers (card).
func (s *Server) showLogin(w http.ResponseWriter, r *http.Request, v *view) error {
	if v.LoggedIn {
		http.Redirect(w, r, s.landing(v), http.StatusSeeOther)
		return nil
	}
	v.Title = v.T("login.title")
	v.Form.Set("next", safeNext(r.URL.Query().Get("next")))
	if err := s.loginHelp(r, v); err != nil {
		return err
	}
	s.render(w, r, http.StatusOK, "login", v)
	return nil
}

// loginHelp tells readers how their first login works under the
// library's initial-password rule.
func (s *Server) loginHelp(r *http.Request, v *view) error {
	rules, err := s.d.Circulation.Rules(r.Context())
	if err != nil {
		return err
	}
	v.Data = v.T("login.first." + rules.InitialRule())
	return nil
}

// submitLogin checks the credentials and sets the session cookie.
func (s *Server) submitLogin(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Title = v.T("login.title")
	v.Form = r.PostForm
	name := strings.TrimSpace(r.PostForm.Get("username"))
	if name == "" {
		v.Errors["username"] = v.T("login.name_required")
		if err := s.loginHelp(r, v); err != nil {
			return err
		}
		s.render(w, r, http.StatusUnprocessableEntity, "login", v)
		return nil
	}
	sess, err := s.d.Auth.Login(r.Context(), name, r.PostForm.Get("password"), clientKey(r))
	if errs.Is(err, auth.CodeTOTPRequired) {
		v.Form = url.Values{}
		return s.showLoginCode(w, r, v, sess.Challenge, safeNext(r.PostForm.Get("next")), http.StatusOK)
	}
	if err != nil {
		e := errs.As(err)
		if e.Kind == errs.KindInternal {
			return err
		}
		v.Errors[""] = e.Localized(short(v.Lang))
		if err := s.loginHelp(r, v); err != nil {
			return err
		}
		status := http.StatusUnprocessableEntity
		if e.Kind == errs.KindRateLimited {
			status = http.StatusTooManyRequests
		}
		s.render(w, r, status, "login", v)
		return nil
	}
	http.SetCookie(w, &http.Cookie{Name: httpx.SessionCookie, Value: sess.Token, Path: "/", Expires: sess.ExpiresAt,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	v.Actor, v.LoggedIn = sess.Actor, true
	to := safeNext(r.PostForm.Get("next"))
	if sess.Actor.MustChangePassword {
		to = "/my/password"
	}
	if to == "" {
		to = s.landing(v)
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// logout ends the session.
func (s *Server) logout(w http.ResponseWriter, r *http.Request, v *view) error {
	if v.token != "" {
		if err := s.d.Auth.Logout(r.Context(), v.token); err != nil {
			return err
		}
	}
	s.clearCookie(w, r, httpx.SessionCookie)
	http.Redirect(w, r, "/opac", http.StatusSeeOther)
	return nil
}

// landing is where a person goes after logging in.
func (s *Server) landing(v *view) string {
	if v.Account() {
		return "/"
	}
	return "/my"
}

// safeNext keeps a post-login redirect on this site.
func safeNext(next string) string {
	if !strings.HasPrefix(next, "/") || strings.HasPrefix(next, "//") || strings.HasPrefix(next, "/\\") {
		return ""
	}
	return next
}

// clientKey scopes the login rate limit to the remote address.
func clientKey(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
