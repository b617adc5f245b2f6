package web

import (
	"fmt"
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/duty"
	"shuwu/internal/errs"
)

// postForm parses a posted form into v.Form; a body that is no form is
// bad input.
func postForm(r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	return nil
}

// rosterPage is a month's duty table with, for the librarian, the form
// that generates it and the swaps waiting, and for everyone their own
// shifts to offer for a swap.
type rosterPage struct {
	Month, Prev, Next string
	Today             string
	Shifts            []duty.Shift
	Rows              []rosterRow
	Staff             []duty.Staffer
	Pending           []duty.Swap
	Mine              []duty.Slot    // the person's own shifts from today on
	Picked            map[int64]bool // the staff ticked in the generate form
	Print             bool
}

type rosterRow struct {
	Date    string
	Weekday string
	Open    bool
	On      [][]duty.Slot
}

// monthParam is the month a page shows: ?month=YYYY-MM, else this month.
func (s *Server) monthParam(r *http.Request) time.Time {
	now := s.d.Duty.Now()
	if m, err := time.ParseInLocation("2006-01", r.URL.Query().Get("month"), s.d.TZ); err == nil && m.Year() > 2000 && m.Year() < 2100 {
		return m
	}
	return time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, s.d.TZ)
}

func (s *Server) rosterData(r *http.Request, v *view, month time.Time) (rosterPage, error) {
	ctx := r.Context()
	roster, err := s.d.Duty.Month(ctx, month.Format("2006-01"))
	if err != nil {
		return rosterPage{}, err
	}
	d := rosterPage{Month: roster.Month, Prev: month.AddDate(0, -1, 0).Format("2006-01"), Next: month.AddDate(0, 1, 0).Format("2006-01"),
		Today: s.d.Duty.Today(), Shifts: roster.Shifts}
	for _, day := range roster.Days {
		t, _ := time.ParseInLocation(time.DateOnly, day.Date, s.d.TZ)
		d.Rows = append(d.Rows, rosterRow{Date: day.Date, Weekday: v.T(fmt.Sprintf("weekday.%d", t.Weekday())), Open: day.Open, On: day.On})
		for _, on := range day.On {
			for _, sl := range on {
				if sl.UserID == v.Actor.UserID && sl.Day >= d.Today {
					d.Mine = append(d.Mine, sl)
				}
			}
		}
	}
	if d.Staff, err = s.d.Duty.Staff(ctx); err != nil {
		return d, err
	}
	if v.Librarian() {
		if d.Pending, err = s.d.Duty.Swaps(ctx, duty.SwapPending); err != nil {
			return d, err
		}
	}
	return d, nil
}

// showRoster is the month's duty table (值班表).
func (s *Server) showRoster(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderRoster(w, r, v, s.monthParam(r), http.StatusOK)
}

func (s *Server) renderRoster(w http.ResponseWriter, r *http.Request, v *view, month time.Time, status int) error {
	d, err := s.rosterData(r, v, month)
	if err != nil {
		return err
	}
	if v.Val("month") == "" {
		v.Form.Set("month", d.Month)
	}
	if v.Val("per_shift") == "" {
		v.Form.Set("per_shift", "1")
	}
	if _, posted := v.Form["librarian"]; !posted {
		for _, st := range d.Staff {
			if st.Role == "librarian" {
				v.Form.Set("librarian", strconv.FormatInt(st.ID, 10))
				break
			}
		}
	}
	// The form starts with the duty staff ticked; a corrected one keeps
	// what was ticked.
	d.Picked = map[int64]bool{}
	for _, id := range ids(v.Form["staff"]) {
		d.Picked[id] = true
	}
	if _, posted := v.Form["staff"]; !posted {
		for _, st := range d.Staff {
			d.Picked[st.ID] = st.Role == "duty"
		}
	}
	v.Path, v.Query = "/duty", "month="+d.Month
	v.Title, v.Nav, v.Data = v.T("duty.roster"), "duty", d
	s.render(w, r, status, "duty_roster", v)
	return nil
}

// printRoster is the month's duty table on an A4 sheet, for the wall.
func (s *Server) printRoster(w http.ResponseWriter, r *http.Request, v *view) error {
	month := s.monthParam(r)
	d, err := s.rosterData(r, v, month)
	if err != nil {
		return err
	}
	d.Print = true
	v.Path, v.Query = "/duty/print", "month="+d.Month
	v.Title, v.Nav, v.Data = v.T("duty.print_title", d.Month), "duty", d
	s.render(w, r, http.StatusOK, "duty_print", v)
	return nil
}

// ids reads the ids checked in a form's list field.
func ids(vals []string) []int64 {
	var out []int64
	for _, s := range vals {
		if id, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64); err == nil && id > 0 {
			out = append(out, id)
		}
	}
	return out
}

// generateRoster fills a month from the pattern in the form.
func (s *Server) generateRoster(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	f := v.Form
	p := duty.Pattern{Month: strings.TrimSpace(f.Get("month")), Staff: ids(f["staff"]), LeadOn: ids(f["lead_on"]), ByShift: f.Get("by_shift") == "1"}
	if lib := ids([]string{f.Get("librarian")}); len(lib) == 1 {
		p.Librarian = lib[0]
	}
	n, err := strconv.Atoi(strings.TrimSpace(f.Get("per_shift")))
	if err != nil {
		v.Errors["per_shift"] = v.T("form.number")
	}
	p.PerShift = n
	if len(v.Errors) == 0 {
		g, err := s.d.Duty.Generate(r.Context(), p)
		if err == nil {
			return s.redirect(w, r, "/duty?month="+p.Month, v.T("duty.generated", p.Month, g.Days, g.Slots))
		}
		if !v.fieldError(err, "month", "librarian", "staff", "per_shift", "lead_on") {
			return err
		}
	}
	month := s.monthParam(r)
	if m, err := time.ParseInLocation("2006-01", p.Month, s.d.TZ); err == nil {
		month = m
	}
	return s.renderRoster(w, r, v, month, http.StatusUnprocessableEntity)
}

// requestSwap asks to hand one's shift to a colleague (the librarian
// reassigns at once).
func (s *Server) requestSwap(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	in := duty.SwapRequest{Reason: v.Form.Get("reason")}
	if id := ids([]string{v.Form.Get("slot_id")}); len(id) == 1 {
		in.SlotID = id[0]
	}
	if id := ids([]string{v.Form.Get("to_user")}); len(id) == 1 {
		in.ToUser = id[0]
	}
	sw, err := s.d.Duty.RequestSwap(r.Context(), in)
	if err != nil {
		if !v.fieldError(err, "slot_id", "to_user", "reason") {
			return err
		}
		return s.renderRoster(w, r, v, s.monthParam(r), http.StatusUnprocessableEntity)
	}
	key := "duty.swap_asked"
	if sw.Status == duty.SwapApproved {
		key = "duty.swap_done"
	}
	return s.redirect(w, r, "/duty?month="+sw.Day[:7], v.T(key, sw.Day, sw.ShiftName))
}

// decideSwap approves or refuses a swap request.
func (s *Server) decideSwap(approve bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v *view) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if err := postForm(r, v); err != nil {
			return err
		}
		sw, err := s.d.Duty.DecideSwap(r.Context(), id, approve)
		if err != nil {
			if !v.fieldError(err) {
				return err
			}
			return s.renderRoster(w, r, v, s.monthParam(r), http.StatusConflict)
		}
		key := "duty.swap_refused"
		if sw.Status == duty.SwapApproved {
			key = "duty.swap_approved"
		}
		return s.redirect(w, r, "/duty?month="+sw.Day[:7], v.T(key, sw.FromName, sw.Day, sw.ShiftName, sw.ToName))
	}
}
