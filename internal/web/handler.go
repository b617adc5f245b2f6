package web

import (
	"net/http"
	"net/url"
	"strings"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// handlerFunc is a page handler. It gets the request's view, already
// filled with the language and the person logged in, writes the page on
// success and returns an error for fail otherwise.
type handlerFunc func(w http.ResponseWriter, r *http.Request, v *view) error

// Who may open a page. A nil list means anyone, logged in or not.
var (
	public     []audit.Role
	readerOnly = []audit.Role{audit.RoleReader}
	anyone     = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleOrganiser, audit.RoleLeadership, audit.RoleReader}
	staff      = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty}
	// reports are the read-only pages leadership may open beside the desk
	// staff: figures and lists, no forms that change anything.
	reports = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleLeadership}
	// bookers may book the room: organisers for their own unit, librarians
	// for anyone.
	bookers    = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleOrganiser}
	organisers = []audit.Role{audit.RoleOrganiser}
	// activityViewers see activities: the desk and leadership all of
	// them, an organiser its own unit's.
	activityViewers = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleLeadership, audit.RoleOrganiser}
	// activityRunners run an activity's sign-in: the desk, and an
	// organiser at its own.
	activityRunners = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleOrganiser}
	librarian       = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian}
	adminOnly       = []audit.Role{audit.RoleAdmin}
	// accounts are the staff accounts, whatever their role: their own
	// login settings (两步验证).
	accounts = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleOrganiser, audit.RoleLeadership}
	// receptionReaders read the record of leader and guest visits.
	receptionReaders = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleLeadership}
)

const flashCookie = "shuwu_flash"

// route wraps a page handler with language, login, role and cross-origin
// checks. Every page goes through it.
func (s *Server) route(roles []audit.Role, h handlerFunc) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		lang := langOf(r)
		if l := r.URL.Query().Get("lang"); l != "" && (r.Method == http.MethodGet || r.Method == http.MethodHead) {
			s.switchLang(w, r, l)
			return
		}
		v := &view{Lang: lang, Path: r.URL.Path, Query: r.URL.RawQuery, Errors: map[string]string{}, Form: url.Values{}, s: s, ctx: r.Context()}
		if r.Method != http.MethodGet && r.Method != http.MethodHead {
			// Refuses a form posted from another site: the browser says
			// so in Sec-Fetch-Site or Origin.
			if err := s.cop.Check(r); err != nil {
				v.Title = s.cat.T(lang, "error.forbidden")
				v.Data = s.cat.T(lang, "error.csrf")
				s.render(w, r, http.StatusForbidden, "error", v)
				return
			}
		}
		ctx := r.Context()
		if c, err := r.Cookie(httpx.SessionCookie); err == nil && c.Value != "" {
			a, err := s.d.Auth.Authenticate(ctx, c.Value)
			switch {
			case err == nil:
				v.Actor, v.LoggedIn, v.token = a, true, c.Value
				ctx = audit.WithActor(ctx, a)
			case errs.As(err).Kind == errs.KindInternal:
				s.internal(w, r, lang, err)
				return
			default:
				s.clearCookie(w, r, httpx.SessionCookie)
			}
		}
		if roles != nil {
			if !v.LoggedIn {
				http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
				return
			}
			if !allows(roles, v.Actor.Role) {
				s.fail(w, r, v, errs.New(errs.KindForbidden, httpx.CodeForbidden, "", ""))
				return
			}
		}
		if v.Actor.MustChangePassword && !passwordChangePaths[r.URL.Path] {
			// A reader on the initial password sets their own first.
			http.Redirect(w, r, "/my/password", http.StatusSeeOther)
			return
		}
		if c, err := r.Cookie(flashCookie); err == nil {
			if msg, err := url.QueryUnescape(c.Value); err == nil {
				v.Flash = msg
			}
			s.clearCookie(w, r, flashCookie)
		}
		r = r.WithContext(ctx)
		v.ctx = ctx
		if err := h(w, r, v); err != nil {
			s.fail(w, r, v, err)
		}
	})
}

// passwordChangePaths are the pages a reader still on the initial
// password may open: the form to set their own, and logging out.
var passwordChangePaths = map[string]bool{"/my/password": true, "/logout": true}

func allows(roles []audit.Role, r audit.Role) bool {
	for _, x := range roles {
		if x == r {
			return true
		}
	}
	return false
}

// switchLang remembers the chosen language and reloads the page without
// the lang parameter, so the address stays clean and shareable.
func (s *Server) switchLang(w http.ResponseWriter, r *http.Request, l string) {
	lang := matchLang(l)
	if lang == "" {
		lang = langZH
	}
	http.SetCookie(w, &http.Cookie{Name: langCookie, Value: lang, Path: "/", MaxAge: 365 * 24 * 3600,
		HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	q := r.URL.Query()
	q.Del("lang")
	u := *r.URL
	u.RawQuery = q.Encode()
	http.Redirect(w, r, u.RequestURI(), http.StatusSeeOther)
}

func (s *Server) secure(r *http.Request) bool { return s.d.SecureCookies || r.TLS != nil }

func (s *Server) clearCookie(w http.ResponseWriter, r *http.Request, name string) {
	http.SetCookie(w, &http.Cookie{Name: name, Value: "", Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
}

// redirect ends a successful form post (PRG), with a message for the
// next page.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, to, flash string) error {
	if flash != "" {
		http.SetCookie(w, &http.Cookie{Name: flashCookie, Value: url.QueryEscape(flash), Path: "/", MaxAge: 60,
			HttpOnly: true, SameSite: http.SameSiteLaxMode, Secure: s.secure(r)})
	}
	http.Redirect(w, r, to, http.StatusSeeOther)
	return nil
}

// fail answers an error no handler dealt with: a page saying what went
// wrong with the fitting status, or 内部错误 for anything unexpected.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, v *view, err error) {
	e := errs.As(err)
	status := httpx.StatusOf(e.Kind)
	switch e.Kind {
	case errs.KindNotFound:
		v.Title = v.T("error.notfound")
	case errs.KindForbidden:
		v.Title = v.T("error.forbidden")
	case errs.KindUnauthorized:
		http.Redirect(w, r, "/login?next="+url.QueryEscape(r.URL.RequestURI()), http.StatusSeeOther)
		return
	case errs.KindInvalid, errs.KindTooLarge, errs.KindRateLimited:
		v.Title = v.T("error.invalid")
	case errs.KindConflict, errs.KindMethodNotAllowed:
		v.Title = v.T("error.conflict")
	case errs.KindStorage: // logged by the store, once a minute
		v.Title = v.T("error.storage")
	default:
		s.internal(w, r, v.Lang, err)
		return
	}
	msg := e.Localized(short(v.Lang))
	if msg == "" {
		msg = v.T("error.forbidden.detail")
	}
	v.Data = msg
	s.render(w, r, status, "error", v)
}

// isHTMX reports whether htmx or the desk script asked for a fragment.
func isHTMX(r *http.Request) bool {
	return r.Header.Get("HX-Request") == "true" || strings.EqualFold(r.Header.Get("X-Requested-With"), "fetch")
}
