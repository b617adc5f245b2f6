package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/displays"
	"shuwu/internal/errs"
	"shuwu/internal/httpx"
	"shuwu/internal/visits"
)

// visitsPage is the desk's entry registration (入馆登记) and the door
// tablet: the scan form, what the last scan did, the room's occupancy and
// today's lines.
type visitsPage struct {
	Occupancy visits.Occupancy
	Lines     []visits.Line
	Answer    *visitAnswer
	// Displays are the themed displays on today, for the door display.
	Displays []displays.Display
}

// visitAnswer is what a scan or a count did, as the person at the door
// reads it: Kind is in, out, again, guest or error.
type visitAnswer struct {
	Kind string
	Head string
	Sub  string
	Warn string
}

// visitLines is how many of today's lines the desk page lists.
const visitLines = 30

func viaOf(r *http.Request) visits.Via {
	if r.PostForm.Get("via") == string(visits.Kiosk) {
		return visits.Kiosk
	}
	return visits.Desk
}

// scanAnswer words a scan's result.
func (s *Server) scanAnswer(v *view, res visits.Result) *visitAnswer {
	a := &visitAnswer{}
	var sub []string
	if res.ClassName != "" {
		sub = append(sub, res.ClassName)
	} else if res.Reader.Unit != "" {
		sub = append(sub, res.Reader.Unit)
	}
	switch {
	case res.Outcome == visits.Entered && res.Counted:
		a.Kind, a.Head = "in", v.T("visits.welcome", res.Reader.Name)
		sub = append(sub, v.T("visits.entered_at", res.Occupancy.At.In(s.d.TZ).Format("15:04")))
	case res.Outcome == visits.Entered:
		a.Kind, a.Head = "again", v.T("visits.already_in", res.Reader.Name)
		sub = append(sub, v.T("visits.entered_at", res.Since.In(s.d.TZ).Format("15:04")), v.T("visits.not_twice"))
	case res.Counted:
		a.Kind, a.Head = "out", v.T("visits.goodbye", res.Reader.Name)
		sub = append(sub, v.T("visits.stayed", res.Since.In(s.d.TZ).Format("15:04"), res.Occupancy.At.In(s.d.TZ).Format("15:04")))
	default:
		a.Kind, a.Head = "again", v.T("visits.already_out", res.Reader.Name)
		sub = append(sub, v.T("visits.not_twice"))
	}
	a.Sub = strings.Join(sub, " · ")
	switch res.CardIssue {
	case "":
	case "expired":
		a.Warn = v.T("visits.card_expired", formatDate(v.Lang, res.Reader.ExpiryDate, s.d.TZ))
	default:
		a.Warn = v.T("visits.card_status", res.Reader.Status.Label(short(v.Lang)))
	}
	return a
}

func (s *Server) visitsData(r *http.Request, withLines bool) (*visitsPage, error) {
	return s.visitsDataWith(r, withLines, nil)
}

// visitsDataWith is visitsData with the occupancy a scan or count already
// answered with, when there is one, so it is not read twice.
func (s *Server) visitsDataWith(r *http.Request, withLines bool, occ *visits.Occupancy) (*visitsPage, error) {
	d := &visitsPage{}
	var err error
	if occ != nil {
		d.Occupancy = *occ
	} else if d.Occupancy, err = s.d.Visits.Occupancy(r.Context()); err != nil {
		return nil, err
	}
	if withLines {
		if d.Lines, err = s.d.Visits.Today(r.Context(), visitLines); err != nil {
			return nil, err
		}
	}
	return d, nil
}

// showVisits is the desk's entry registration page.
func (s *Server) showVisits(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.visitsData(r, true)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("visits.title"), "visits", d
	s.render(w, r, http.StatusOK, "visits", v)
	return nil
}

// showKiosk is the door tablet: one big scan field, kept focused, for a
// barcode or QR scanner that types the code and Enter.
func (s *Server) showKiosk(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.visitsData(r, false)
	if err != nil {
		return err
	}
	v.Title, v.Data = v.T("kiosk.title"), d
	s.renderPart(w, r, http.StatusOK, "visit_kiosk", "kiosk", v)
	return nil
}

// visitOccupancy is the desk's occupancy panel, which it polls.
func (s *Server) visitOccupancy(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.visitsData(r, false)
	if err != nil {
		return err
	}
	v.Data = d
	s.renderPart(w, r, http.StatusOK, "visits", "visit-occupancy-body", v)
	return nil
}

// answerVisit ends a scan or a count: for htmx the answer with the
// occupancy (and on the desk today's lines) swapped in beside it; without
// script the whole page again. An error changes nothing and is shown in
// the answer's place.
func (s *Server) answerVisit(w http.ResponseWriter, r *http.Request, v *view, via visits.Via, a *visitAnswer, occ *visits.Occupancy, err error) error {
	status := http.StatusOK
	if err != nil {
		e := errs.As(err)
		if e.Kind == errs.KindInternal {
			return err
		}
		a, status = &visitAnswer{Kind: "error", Head: e.Localized(short(v.Lang))}, httpx.StatusOf(e.Kind)
	}
	if err != nil {
		occ = nil
	}
	d, derr := s.visitsDataWith(r, via == visits.Desk, occ)
	if derr != nil {
		return derr
	}
	d.Answer = a
	v.Data = d
	page, part := "visits", "visit-answer"
	if via == visits.Kiosk {
		page, part = "visit_kiosk", "kiosk-answer"
	}
	if isHTMX(r) {
		// htmx swaps only a 2xx answer: the error is in the fragment.
		s.renderPart(w, r, http.StatusOK, page, part, v)
		return nil
	}
	v.Title, v.Nav = v.T("visits.title"), "visits"
	if via == visits.Kiosk {
		v.Title = v.T("kiosk.title")
		s.renderPart(w, r, status, page, "kiosk", v)
		return nil
	}
	s.render(w, r, status, page, v)
	return nil
}

func (s *Server) scanVisit(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	via := viaOf(r)
	res, err := s.d.Visits.Scan(r.Context(), r.PostForm.Get("code"), via)
	var a *visitAnswer
	if err == nil {
		a = s.scanAnswer(v, res)
	}
	return s.answerVisit(w, r, v, via, a, &res.Occupancy, err)
}

func (s *Server) countGuests(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	via := viaOf(r)
	n := 1
	if raw := strings.TrimSpace(r.PostForm.Get("count")); raw != "" {
		var err error
		if n, err = strconv.Atoi(raw); err != nil {
			n = -1
		}
	}
	occ, err := s.d.Visits.Guests(r.Context(), n, via)
	var a *visitAnswer
	if err == nil {
		a = &visitAnswer{Kind: "guest", Head: v.T("visits.guests_counted", n), Sub: v.T("visits.entered_at", s.d.Visits.Now().Format("15:04"))}
	}
	return s.answerVisit(w, r, v, via, a, &occ, err)
}

func (s *Server) guestLeft(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	via := viaOf(r)
	occ, err := s.d.Visits.GuestLeft(r.Context(), via)
	var a *visitAnswer
	if err == nil {
		a = &visitAnswer{Kind: "out", Head: v.T("visits.guest_left")}
	}
	return s.answerVisit(w, r, v, via, a, &occ, err)
}

// showDisplay is the door display (大屏): a public page for a screen at the
// door, in large type, that refreshes itself.
func (s *Server) showDisplay(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.visitsData(r, false)
	if err != nil {
		return err
	}
	if d.Displays, err = s.currentDisplays(r); err != nil {
		return err
	}
	v.Title, v.Data = v.T("display.title"), d
	s.renderPart(w, r, http.StatusOK, "display", "display", v)
	return nil
}

// displayPanel is the door display's figures, which it polls.
func (s *Server) displayPanel(w http.ResponseWriter, r *http.Request, v *view) error {
	d, err := s.visitsData(r, false)
	if err != nil {
		return err
	}
	if d.Displays, err = s.currentDisplays(r); err != nil {
		return err
	}
	v.Data = d
	s.renderPart(w, r, http.StatusOK, "display", "display-panel", v)
	return nil
}

// currentDisplays are the themed displays on today (none without them).
func (s *Server) currentDisplays(r *http.Request) ([]displays.Display, error) {
	if s.d.Displays == nil {
		return nil, nil
	}
	return s.d.Displays.Current(r.Context())
}
