package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/displays"
	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

// displaysPage is the list of themed displays (专题书展) with the form of a
// new one.
type displaysPage struct {
	Today      string
	Now, Later []displays.Display
	Over       []displays.Display
	Activities []activities.Activity
}

// displayPage is one display: the scan form, its copies and its form.
type displayPage struct {
	Display    displays.Display
	Copies     []displays.Copy
	Past       bool
	Today      string
	Activities []activities.Activity
	Answer     *visitAnswer
}

var displayFields = []string{"title", "description", "place", "starts", "ends", "activity_id"}

// activityChoices are the activities a display may go with: those of the
// last two months and the next three.
func (s *Server) activityChoices(r *http.Request) []activities.Activity {
	if s.d.Activities == nil {
		return nil
	}
	now := s.d.Activities.Now()
	as, err := s.d.Activities.List(r.Context(), activities.Filter{From: now.AddDate(0, -2, 0), To: now.AddDate(0, 3, 0), Limit: 200, Desc: true})
	if err != nil {
		s.d.Log.Warn("displays: activities for the form", "err", err)
		return nil
	}
	return as
}

func displayFromForm(f url.Values, id int64) displays.Display {
	aid, _ := strconv.ParseInt(strings.TrimSpace(f.Get("activity_id")), 10, 64)
	return displays.Display{ID: id, Title: f.Get("title"), Description: f.Get("description"), Place: f.Get("place"),
		Starts: f.Get("starts"), Ends: f.Get("ends"), ActivityID: aid}
}

func displayValues(d displays.Display) url.Values {
	v := url.Values{"title": {d.Title}, "description": {d.Description}, "place": {d.Place}, "starts": {d.Starts}, "ends": {d.Ends}}
	if d.ActivityID != 0 {
		v.Set("activity_id", strconv.FormatInt(d.ActivityID, 10))
	}
	return v
}

func (s *Server) listDisplays(w http.ResponseWriter, r *http.Request, v *view) error {
	if len(v.Form) == 0 {
		today := time.Now().In(s.d.TZ)
		v.Form = url.Values{"place": {v.T("dsp.place_default")}, "starts": {today.Format(time.DateOnly)}, "ends": {today.AddDate(0, 1, 0).Format(time.DateOnly)}}
	}
	return s.renderDisplays(w, r, v, http.StatusOK)
}

func (s *Server) renderDisplays(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	all, err := s.d.Displays.All(r.Context())
	if err != nil {
		return err
	}
	d := displaysPage{Today: s.d.Displays.Today()}
	for _, x := range all {
		switch {
		case x.Ends < d.Today:
			d.Over = append(d.Over, x)
		case x.Starts > d.Today:
			d.Later = append(d.Later, x)
		default:
			d.Now = append(d.Now, x)
		}
	}
	if v.Librarian() {
		d.Activities = s.activityChoices(r)
	}
	v.Title, v.Nav, v.Data = v.T("dsp.title"), "displays", d
	s.render(w, r, status, "displays", v)
	return nil
}

func (s *Server) createDisplay(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	d, err := s.d.Displays.Create(r.Context(), displayFromForm(r.PostForm, 0))
	if err != nil {
		if !v.fieldError(err, displayFields...) {
			return err
		}
		return s.renderDisplays(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/displays/"+strconv.FormatInt(d.ID, 10), v.T("dsp.created", d.Title))
}

func (s *Server) displayData(r *http.Request, v *view, id int64) (*displayPage, error) {
	d, err := s.d.Displays.Get(r.Context(), id)
	if err != nil {
		return nil, err
	}
	p := &displayPage{Display: d, Today: s.d.Displays.Today(), Past: r.URL.Query().Get("past") == "1"}
	if p.Copies, err = s.d.Displays.Copies(r.Context(), id, p.Past); err != nil {
		return nil, err
	}
	if v.Librarian() {
		p.Activities = s.activityChoices(r)
	}
	return p, nil
}

func (s *Server) showDisplayPage(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.displayData(r, v, id)
	if err != nil {
		return err
	}
	if len(v.Form) == 0 {
		v.Form = displayValues(p.Display)
	}
	v.Title, v.Nav, v.Data = p.Display.Title, "displays", p
	s.render(w, r, http.StatusOK, "display_show", v)
	return nil
}

func (s *Server) updateDisplay(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	d, err := s.d.Displays.Update(r.Context(), displayFromForm(r.PostForm, id))
	if err != nil {
		if !v.fieldError(err, displayFields...) {
			return err
		}
		p, derr := s.displayData(r, v, id)
		if derr != nil {
			return derr
		}
		v.Title, v.Nav, v.Data = p.Display.Title, "displays", p
		s.render(w, r, http.StatusUnprocessableEntity, "display_show", v)
		return nil
	}
	return s.redirect(w, r, "/displays/"+strconv.FormatInt(d.ID, 10), v.T("dsp.saved", d.Title))
}

// scanDisplay moves the scanned copy onto the display or back to its
// shelf; for htmx the answer with the copies swapped in beside it.
func (s *Server) scanDisplay(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	m, err := s.d.Displays.Scan(r.Context(), id, r.PostForm.Get("barcode"))
	status := http.StatusOK
	var a *visitAnswer
	switch {
	case err == nil && m.On:
		a = &visitAnswer{Kind: "in", Head: v.T("dsp.put_on", m.Copy.Title), Sub: m.Copy.Barcode}
		if m.From != "" {
			a.Warn = v.T("dsp.moved_from", m.From)
		}
	case err == nil:
		a = &visitAnswer{Kind: "out", Head: v.T("dsp.taken_off", m.Copy.Title), Sub: v.T("dsp.back_to", m.Copy.CallNumber)}
	default:
		e := errs.As(err)
		if e.Kind == errs.KindInternal {
			return err
		}
		a, status = &visitAnswer{Kind: "error", Head: e.Localized(short(v.Lang))}, httpx.StatusOf(e.Kind)
	}
	p, err := s.displayData(r, v, id)
	if err != nil {
		return err
	}
	p.Answer = a
	v.Title, v.Nav, v.Data = p.Display.Title, "displays", p
	if isHTMX(r) {
		s.renderPart(w, r, http.StatusOK, "display_show", "display-answer", v)
		return nil
	}
	v.Form = displayValues(p.Display)
	s.render(w, r, status, "display_show", v)
	return nil
}

func (s *Server) clearDisplay(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := s.d.Displays.Clear(r.Context(), id)
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/displays/"+strconv.FormatInt(id, 10), v.T("dsp.cleared", n))
}

// opacDisplay is a display in the portal with its books.
type opacDisplay struct {
	Display displays.Display
	Books   []displays.Copy // one copy a record
}

// opacDisplays is the portal's 专题书展: the displays on now and their books.
func (s *Server) opacDisplays(w http.ResponseWriter, r *http.Request, v *view) error {
	cur, err := s.d.Displays.Current(r.Context())
	if err != nil {
		return err
	}
	var out []opacDisplay
	for _, d := range cur {
		cs, err := s.d.Displays.Copies(r.Context(), d.ID, false)
		if err != nil {
			return err
		}
		od := opacDisplay{Display: d}
		seen := map[int64]bool{}
		for _, c := range cs {
			if !seen[c.RecordID] {
				seen[c.RecordID] = true
				od.Books = append(od.Books, c)
			}
		}
		out = append(out, od)
	}
	v.Title, v.Nav, v.Data = v.T("dsp.opac_title"), "opacdisplays", out
	s.render(w, r, http.StatusOK, "opac_displays", v)
	return nil
}
