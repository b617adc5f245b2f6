package web

import (
	"net/http"
	"strconv"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/room"
)

// roomWeek is the room's week as the librarian plans it: the bookings
// waiting for approval, then each day's bookings.
type roomWeek struct {
	Monday           time.Time
	Prev, Next, This string // YYYY-MM-DD Mondays
	Days             []roomDay
	Pending          []room.Booking
	Approval         bool  // organisers' bookings wait for approval
	NoteID           int64 // the booking whose form has an error
}

type roomDay struct {
	Date     time.Time
	Open     bool
	Bookings []room.Booking
}

// mondayOf is the Monday of the week of t, at midnight in tz.
func mondayOf(t time.Time, tz *time.Location) time.Time {
	t = t.In(tz)
	d := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, tz)
	return d.AddDate(0, 0, -((int(d.Weekday()) + 6) % 7))
}

// showRoom is the week's schedule of the room with the approvals waiting.
func (s *Server) showRoom(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderRoom(w, r, v, http.StatusOK)
}

func (s *Server) renderRoom(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	tz := s.d.TZ
	mon := mondayOf(s.d.Room.Now(), tz)
	if q := r.URL.Query().Get("week"); q != "" {
		d, err := time.ParseInLocation(time.DateOnly, q, tz)
		if err != nil {
			return errs.Invalid(errs.CodeDateInvalid, "week", "周次应写成日期，如 2026-12-07", "the week must be a date such as 2026-12-07")
		}
		mon = mondayOf(d, tz)
	}
	d := roomWeek{Monday: mon, Prev: mon.AddDate(0, 0, -7).Format(time.DateOnly), Next: mon.AddDate(0, 0, 7).Format(time.DateOnly),
		This: mondayOf(s.d.Room.Now(), tz).Format(time.DateOnly)}
	d.NoteID, _ = strconv.ParseInt(v.Form.Get("booking_id"), 10, 64)
	bs, err := s.d.Room.Bookings(ctx, room.Filter{From: mon, To: mon.AddDate(0, 0, 7), Statuses: []room.Status{room.Pending, room.Approved}})
	if err != nil {
		return err
	}
	cal, err := s.d.Room.Calendar(ctx, mon)
	if err != nil {
		return err
	}
	for i := 0; i < 7; i++ {
		day := mon.AddDate(0, 0, i)
		rd := roomDay{Date: day, Open: cal.Open(day)}
		for _, b := range bs {
			if st := b.Start.In(tz); st.Year() == day.Year() && st.YearDay() == day.YearDay() {
				rd.Bookings = append(rd.Bookings, b)
			}
		}
		d.Days = append(d.Days, rd)
	}
	if d.Pending, err = s.d.Room.Bookings(ctx, room.Filter{From: s.d.Room.Now(), Statuses: []room.Status{room.Pending}}); err != nil {
		return err
	}
	rules, err := s.d.Room.Rules(ctx)
	if err != nil {
		return err
	}
	d.Approval = rules.ApprovalRequired
	v.Path, v.Query = "/room", r.URL.RawQuery
	v.Title, v.Nav, v.Data = v.T("room.title"), "room", d
	s.render(w, r, status, "room", v)
	return nil
}
