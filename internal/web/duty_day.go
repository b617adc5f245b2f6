package web

import (
	"net/http"
	"strconv"
	"time"

	"shuwu/internal/duty"
)

// dutyDayPage is a shift's working page: who is on today, the shift's
// checklist, its handover (to write or as written) and the latest
// handovers to acknowledge.
type dutyDayPage struct {
	Day       string
	Shift     duty.Shift
	Shifts    []duty.Shift
	OnDuty    [][]duty.Slot // per shift of Shifts
	Checklist []duty.TaskState
	Done      int
	Written   *duty.Handover // this shift's handover, when written
	Recent    []duty.Handover
	Unacked   int
}

// dayShift is the day and shift a page is about: ?day= and ?shift= (or
// the form's), else today and the shift under way.
func (s *Server) dayShift(r *http.Request, v *view, shifts []duty.Shift) (string, duty.Shift) {
	day := v.Val("day")
	if day == "" {
		day = r.URL.Query().Get("day")
	}
	if _, err := time.ParseInLocation(time.DateOnly, day, s.d.TZ); err != nil {
		day = s.d.Duty.Today()
	}
	want := v.Val("shift_id")
	if want == "" {
		want = r.URL.Query().Get("shift")
	}
	for _, sh := range shifts {
		if strconv.FormatInt(sh.ID, 10) == want {
			return day, sh
		}
	}
	sh, _ := duty.CurrentShift(shifts, s.d.Duty.Now())
	return day, sh
}

// showDutyDay is the shift's page (今日值班).
func (s *Server) showDutyDay(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderDutyDay(w, r, v, http.StatusOK)
}

func (s *Server) renderDutyDay(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	shifts, err := s.d.Duty.Shifts(ctx)
	if err != nil {
		return err
	}
	d := dutyDayPage{Shifts: shifts}
	d.Day, d.Shift = s.dayShift(r, v, shifts)
	on, err := s.d.Duty.OnDuty(ctx, d.Day)
	if err != nil {
		return err
	}
	d.OnDuty = make([][]duty.Slot, len(shifts))
	for _, sl := range on {
		for i, sh := range shifts {
			if sh.ID == sl.ShiftID {
				d.OnDuty[i] = append(d.OnDuty[i], sl)
			}
		}
	}
	if d.Shift.ID != 0 {
		if d.Checklist, err = s.d.Duty.Checklist(ctx, d.Day, d.Shift.ID); err != nil {
			return err
		}
	}
	for _, t := range d.Checklist {
		if t.Done {
			d.Done++
		}
	}
	if d.Recent, err = s.d.Duty.Handovers(ctx, 200); err != nil {
		return err
	}
	for i, h := range d.Recent {
		if h.Day == d.Day && h.ShiftID == d.Shift.ID {
			d.Written = &d.Recent[i]
		}
		if !h.Acked() {
			d.Unacked++
		}
	}
	if len(d.Recent) > 8 {
		d.Recent = d.Recent[:8]
	}
	v.Path, v.Query = "/duty/today", "day="+d.Day+"&shift="+strconv.FormatInt(d.Shift.ID, 10)
	v.Title, v.Nav, v.Data = v.T("duty.today"), "duty", d
	s.render(w, r, status, "duty_today", v)
	return nil
}

// tickTask marks a task of the shift done or not.
func (s *Server) tickTask(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	shiftID, _ := strconv.ParseInt(v.Val("shift_id"), 10, 64)
	err := s.d.Duty.Tick(r.Context(), v.Val("day"), shiftID, v.Val("task"), v.Val("done") == "1")
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderDutyDay(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/duty/today?day="+v.Val("day")+"&shift="+v.Val("shift_id")+"#checklist", "")
}

// writeHandover records the shift's handover.
func (s *Server) writeHandover(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	f := v.Form
	shiftID, _ := strconv.ParseInt(f.Get("shift_id"), 10, 64)
	h, err := s.d.Duty.WriteHandover(r.Context(), duty.HandoverInput{Day: f.Get("day"), ShiftID: shiftID,
		Happened: f.Get("happened"), FollowUp: f.Get("follow_up"), Periodicals: f.Get("periodicals"), Cash: f.Get("cash")})
	if err != nil {
		if !v.fieldError(err, "day", "happened", "follow_up", "periodicals", "cash") {
			return err
		}
		return s.renderDutyDay(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/duty/today?day="+h.Day+"&shift="+strconv.FormatInt(h.ShiftID, 10), v.T("duty.handover_written", h.Day, h.ShiftName))
}

// ackHandover is the next shift confirming the handover.
func (s *Server) ackHandover(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	h, err := s.d.Duty.AckHandover(r.Context(), id)
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		if v.Val("back") == "log" {
			return s.renderHandovers(w, r, v, http.StatusConflict)
		}
		return s.renderDutyDay(w, r, v, http.StatusConflict)
	}
	to := "/duty/today"
	if v.Val("back") == "log" {
		to = "/duty/handovers"
	}
	return s.redirect(w, r, to, v.T("duty.acked", h.Day, h.ShiftName))
}

// showHandovers is the handover log (交接班记录).
func (s *Server) showHandovers(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderHandovers(w, r, v, http.StatusOK)
}

func (s *Server) renderHandovers(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	list, err := s.d.Duty.Handovers(r.Context(), 200)
	if err != nil {
		return err
	}
	v.Path, v.Query = "/duty/handovers", ""
	v.Title, v.Nav, v.Data = v.T("duty.handovers"), "duty", list
	s.render(w, r, status, "duty_handovers", v)
	return nil
}

// dutyHome is the staff home's duty card: today's shifts and who is on
// them, the current one marked, and the handovers to acknowledge.
type dutyHome struct {
	Shifts  []duty.Shift
	OnDuty  [][]duty.Slot
	Current int64
	Unacked int
}

func (s *Server) dutyHome(r *http.Request) (*dutyHome, error) {
	ctx := r.Context()
	shifts, err := s.d.Duty.Shifts(ctx)
	if err != nil {
		return nil, err
	}
	on, err := s.d.Duty.OnDuty(ctx, s.d.Duty.Today())
	if err != nil {
		return nil, err
	}
	h := &dutyHome{Shifts: shifts, OnDuty: make([][]duty.Slot, len(shifts))}
	for _, sl := range on {
		for i, sh := range shifts {
			if sh.ID == sl.ShiftID {
				h.OnDuty[i] = append(h.OnDuty[i], sl)
			}
		}
	}
	if cur, ok := duty.CurrentShift(shifts, s.d.Duty.Now()); ok {
		h.Current = cur.ID
	}
	recent, err := s.d.Duty.Handovers(ctx, 50)
	if err != nil {
		return nil, err
	}
	for _, ho := range recent {
		if !ho.Acked() {
			h.Unacked++
		}
	}
	return h, nil
}
