package web

import (
	"context"
	"html/template"
	"net/http"
	"net/url"
	"strconv"

	"shuwu/internal/activities"
	"shuwu/internal/errs"
)

// deskSignIn signs a reader in by the card the desk scanned, back on the
// activity's page with the answer, ready for the next card.
func (s *Server) deskSignIn(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	in, err := s.d.Activities.DeskSignIn(r.Context(), id, r.PostForm.Get("card"))
	if err != nil {
		if !v.fieldError(err, "card") {
			return err
		}
		v.Errors["card"], v.Errors[""] = v.Errors[""], ""
		if v.Errors["card"] == "" {
			v.Errors["card"] = errs.As(err).Localized(short(v.Lang))
		}
		v.Form = r.PostForm
		return s.renderActivityPage(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/activities/"+strconv.FormatInt(id, 10)+"#signin", signedMsg(v, in, s))
}

// signedMsg tells who signed in and when, and whether late or before.
func signedMsg(v *view, in activities.SignIn, s *Server) string {
	key := "act.signed"
	switch {
	case in.Already:
		key = "act.signed_before"
	case in.Late:
		key = "act.signed_late"
	}
	return v.T(key, in.ReaderName, hm(in.At, s.d.TZ))
}

// screenPage is the room's screen during sign-in: the QR code readers
// scan and how many have signed in.
type screenPage struct {
	A        activities.Activity
	QR       template.HTML
	URL      string
	Attended int
	Expected int
	Opens    string
	Closes   string
}

// absolute is path on the address the screen's browser used, which
// readers' phones in the room reach too.
func (s *Server) absolute(r *http.Request, path string) string {
	scheme := "http"
	if s.secure(r) || r.Header.Get("X-Forwarded-Proto") == "https" {
		scheme = "https"
	}
	return scheme + "://" + r.Host + path
}

func (s *Server) screenData(r *http.Request) (screenPage, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return screenPage{}, err
	}
	act, c, err := s.d.Activities.ScreenCode(r.Context(), id)
	if err != nil {
		return screenPage{}, err
	}
	att, err := s.d.Activities.Attendance(r.Context(), id)
	if err != nil {
		return screenPage{}, err
	}
	d := screenPage{A: act, URL: s.absolute(r, activities.SignInPath(act.ID, c)), Attended: att.Attended, Expected: att.Registered}
	if d.QR, err = qrSVG(d.URL, act.Title); err != nil {
		return d, err
	}
	o, cl := activities.SignInWindow(act)
	d.Opens, d.Closes = hm(o, s.d.TZ), hm(cl, s.d.TZ)
	return d, nil
}

// showScreen is the sign-in screen for the room's display: it renews its
// QR code and count every 20 seconds by itself.
func (s *Server) showScreen(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.screenData(r)
	if err != nil {
		return err
	}
	v.Title, v.Data = d.A.Title, d
	s.renderPart(w, r, http.StatusOK, "activity_screen", "screen", v)
	return nil
}

// screenQR is the part of the screen that renews itself.
func (s *Server) screenQR(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.screenData(r)
	if err != nil {
		return err
	}
	v.Data = d
	w.Header().Set("Cache-Control", "no-store")
	s.renderPart(w, r, http.StatusOK, "activity_screen", "screen-qr", v)
	return nil
}

// readerSignIn is the page a reader's phone opens from the screen's code:
// the activity and one button.
type readerSignIn struct {
	A    activities.Activity
	Code string
	Done *activities.SignIn
}

func (s *Server) showReaderSignIn(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderReaderSignIn(w, r, v, r.URL.Query().Get("c"), http.StatusOK)
}

func (s *Server) renderReaderSignIn(w http.ResponseWriter, r *http.Request, v *view, c string, status int) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	act, err := s.d.Activities.Activity(r.Context(), id)
	if err != nil {
		return err
	}
	d := readerSignIn{A: act, Code: c}
	if _, in, err := s.d.Activities.MyPlace(r.Context(), id); err != nil {
		return err
	} else if in != nil {
		d.Done = in
	}
	v.Title, v.Nav, v.Data = act.Title, "activities", d
	s.render(w, r, status, "opac_signin", v)
	return nil
}

// readerSignsIn signs the reader in with the code from the screen.
func (s *Server) readerSignsIn(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	in, err := s.d.Activities.SignIn(r.Context(), id, r.PostForm.Get("c"))
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderReaderSignIn(w, r, v, r.PostForm.Get("c"), http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/opac/activities/"+strconv.FormatInt(id, 10)+"/signin", signedMsg(v, in, s))
}

// registerForActivity gives the reader a place, or one on the waitlist.
func (s *Server) registerForActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	g, err := s.d.Activities.Register(r.Context(), id)
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderPortalActivity(w, r, v, http.StatusUnprocessableEntity)
	}
	msg := v.T("act.registered")
	if g.Status == activities.Waitlisted {
		msg = v.T("act.waitlisted", g.Position)
	}
	return s.redirect(w, r, "/opac/activities/"+strconv.FormatInt(id, 10), msg)
}

// unregisterFromActivity cancels the reader's registration.
func (s *Server) unregisterFromActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.d.Activities.Unregister(r.Context(), id); err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderPortalActivity(w, r, v, http.StatusUnprocessableEntity)
	}
	to := "/opac/activities/" + strconv.FormatInt(id, 10)
	if r.PostForm.Get("back") == "my" {
		to = "/my/activities"
	}
	return s.redirect(w, r, to, v.T("act.unregistered"))
}

// myActivities is the reader's activities: coming up first, then held.
type myActivities struct {
	Upcoming []activities.Mine
	Past     []activities.Mine
}

func (s *Server) showMyActivities(w http.ResponseWriter, r *http.Request, v *view) error {
	all, err := s.d.Activities.My(r.Context())
	if err != nil {
		return err
	}
	now := s.d.Activities.Now()
	var d myActivities
	for _, m := range all {
		if m.Activity.End.After(now) {
			d.Upcoming = append([]activities.Mine{m}, d.Upcoming...) // soonest first
		} else {
			d.Past = append(d.Past, m)
		}
	}
	v.Title, v.Nav, v.Data = v.T("act.my.title"), "my", d
	s.render(w, r, http.StatusOK, "my_activities", v)
	return nil
}

// loginToRegister is the login page's address that comes back to path.
func loginToRegister(path string) string { return "/login?next=" + url.QueryEscape(path) }

// comingActivities are the reader's registrations and waitlist places
// still to come, soonest first, for the reminder on their page.
func (s *Server) comingActivities(ctx context.Context) ([]activities.Mine, error) {
	if s.d.Activities == nil {
		return nil, nil
	}
	all, err := s.d.Activities.My(ctx)
	if err != nil {
		return nil, err
	}
	now := s.d.Activities.Now()
	var out []activities.Mine
	for _, m := range all {
		st := m.Registration.Status
		if m.Activity.End.After(now) && m.Activity.Status == activities.Planned && (st == activities.Registered || st == activities.Waitlisted) {
			out = append([]activities.Mine{m}, out...)
		}
	}
	return out, nil
}
