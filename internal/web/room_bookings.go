package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/room"
)

// bookForm is the booking form: the bookable spaces and, for an
// organiser, their unit's name to start from.
type bookForm struct {
	Spaces   []room.Space
	Approval bool // the booking will wait for the librarian
	MaxWeeks int
}

// bookableSpaces lists the spaces a booking may take.
func (s *Server) bookableSpaces(r *http.Request) ([]room.Space, error) {
	all, err := s.d.Room.Spaces(r.Context())
	var out []room.Space
	for _, sp := range all {
		if sp.Bookable {
			out = append(out, sp)
		}
	}
	return out, err
}

// showBookForm is the form to book the room or one of its areas.
func (s *Server) showBookForm(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	v.Form.Set("space", q.Get("space"))
	v.Form.Set("date", q.Get("date"))
	v.Form.Set("from", "14:00")
	v.Form.Set("to", "16:00")
	v.Form.Set("weeks", "1")
	if v.Organiser() {
		unit, err := s.d.Room.Unit(r.Context())
		if err != nil {
			return err
		}
		v.Form.Set("organiser", unit)
	}
	return s.renderBookForm(w, r, v, http.StatusOK)
}

func (s *Server) renderBookForm(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	spaces, err := s.bookableSpaces(r)
	if err != nil {
		return err
	}
	rules, err := s.d.Room.Rules(r.Context())
	if err != nil {
		return err
	}
	v.Path, v.Query = "/room/book", ""
	v.Title, v.Nav = v.T("room.book.title"), "room"
	if v.Organiser() {
		v.Nav = "book"
	}
	v.Data = bookForm{Spaces: spaces, Approval: rules.ApprovalRequired && !v.Librarian(), MaxWeeks: room.MaxWeeks}
	s.render(w, r, status, "room_book", v)
	return nil
}

// bookingInt reads a whole number typed in a form; a blank or unreadable one
// is bad input on its field.
func bookingInt(v *view, field, zh, en string) (int, error) {
	n, err := strconv.Atoi(strings.TrimSpace(v.Form.Get(field)))
	if err != nil {
		return 0, errs.Invalid(room.CodeBookingInvalid, field, zh, en)
	}
	return n, nil
}

// book makes the booking typed in the form; a clash or a mistake comes
// back on its field with the form as typed.
func (s *Server) book(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	fields := []string{"space", "organiser", "date", "from", "to", "purpose", "expected", "weeks"}
	fail := func(err error) error {
		if !v.fieldError(err, fields...) {
			return err
		}
		return s.renderBookForm(w, r, v, http.StatusUnprocessableEntity)
	}
	space, err := strconv.ParseInt(v.Form.Get("space"), 10, 64)
	if err != nil {
		return fail(errs.Invalid(room.CodeSpaceNotFound, "space", "请选择场地", "choose a space"))
	}
	expected, err := bookingInt(v, "expected", "预计人数应填一个数字，如 30", "expected people must be a number such as 30")
	if err != nil {
		return fail(err)
	}
	weeks := 1
	if strings.TrimSpace(v.Form.Get("weeks")) != "" {
		if weeks, err = bookingInt(v, "weeks", "重复周数应填一个数字，如 8", "weeks must be a number such as 8"); err != nil {
			return fail(err)
		}
	}
	req := room.Request{SpaceID: space, Organiser: v.Form.Get("organiser"), Date: v.Form.Get("date"), From: v.Form.Get("from"), To: v.Form.Get("to"),
		Purpose: v.Form.Get("purpose"), Expected: expected, Weeks: weeks}
	done, err := s.d.Room.Book(r.Context(), req)
	if err != nil {
		return fail(err)
	}
	b := done.Bookings[0]
	msg := v.T("room.booked", b.SpaceName, formatDate(v.Lang, b.Start, s.d.TZ), hm(b.Start, s.d.TZ), hm(b.End, s.d.TZ))
	if len(done.Bookings) > 1 {
		msg += v.T("room.booked_weeks", len(done.Bookings))
	}
	if len(done.SkippedDays) > 0 {
		var days []string
		for _, d := range done.SkippedDays {
			days = append(days, formatDate(v.Lang, d, s.d.TZ))
		}
		msg += v.T("room.booked_skipped", strings.Join(days, "、"))
	}
	if b.Status == room.Pending {
		msg += v.T("room.booked_pending")
	}
	to := "/room?week=" + mondayOf(b.Start, s.d.TZ).Format(time.DateOnly)
	if v.Organiser() {
		to = "/room/mine"
	}
	return s.redirect(w, r, to, msg)
}

func hm(t time.Time, tz *time.Location) string { return t.In(tz).Format("15:04") }

// decideBooking approves or refuses a pending booking (and the rest of its
// weekly series).
func (s *Server) decideBooking(approve bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v *view) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		if err := r.ParseForm(); err != nil {
			return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
		}
		v.Form = r.PostForm
		v.Form.Set("booking_id", strconv.FormatInt(id, 10))
		done, err := s.d.Room.Decide(r.Context(), id, approve, v.Form.Get("note"))
		if err != nil {
			if !v.fieldError(err, "note") {
				return err
			}
			return s.renderRoom(w, r, v, http.StatusUnprocessableEntity)
		}
		key := "room.approved"
		if !approve {
			key = "room.refused"
		}
		b := done[0]
		return s.redirect(w, r, "/room?week="+mondayOf(b.Start, s.d.TZ).Format(time.DateOnly),
			v.T(key, b.Organiser, b.SpaceName, formatDate(v.Lang, b.Start, s.d.TZ), len(done)))
	}
}

// cancelBooking withdraws a booking (or the rest of its series): its
// organiser from their list, a librarian from the schedule.
func (s *Server) cancelBooking(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	done, err := s.d.Room.Cancel(r.Context(), id, r.PostForm.Get("rest") == "1", r.PostForm.Get("note"))
	if err != nil {
		return err
	}
	b := done[0]
	to := "/room?week=" + mondayOf(b.Start, s.d.TZ).Format(time.DateOnly)
	if v.Organiser() {
		to = "/room/mine"
	}
	return s.redirect(w, r, to, v.T("room.cancelled", b.SpaceName, formatDate(v.Lang, b.Start, s.d.TZ), len(done)))
}

// myBookings is an organiser's own bookings: those to come, then the last
// month's.
type myBookings struct {
	Unit     string
	Upcoming []room.Booking
	Past     []room.Booking
}

// showMyBookings lists the organiser's bookings with their status.
func (s *Server) showMyBookings(w http.ResponseWriter, r *http.Request, v *view) error {
	now := s.d.Room.Now()
	bs, err := s.d.Room.Mine(r.Context(), now.AddDate(0, -1, 0))
	if err != nil {
		return err
	}
	unit, err := s.d.Room.Unit(r.Context())
	if err != nil {
		return err
	}
	d := myBookings{Unit: unit}
	for _, b := range bs {
		if b.End.After(now) {
			d.Upcoming = append(d.Upcoming, b)
		} else {
			d.Past = append(d.Past, b)
		}
	}
	v.Title, v.Nav, v.Data = v.T("room.mine.title"), "mine", d
	s.render(w, r, http.StatusOK, "room_mine", v)
	return nil
}
