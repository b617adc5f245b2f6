package api

import (
	"net/http"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/room"
)

type decisionRequest struct {
	Note string `json:"note"`
}

type cancelBookingRequest struct {
	Rest bool   `json:"rest"` // the rest of a weekly series too
	Note string `json:"note"`
}

func (s *Server) listSpaces(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Room.Spaces(r.Context())
	return reply(w, out, err)
}

// listBookings lists the bookings overlapping from–to (both days
// included; from defaults to today); an organiser sees only its own.
func (s *Server) listBookings(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	loc := s.Room.Location()
	from, err := parseDay(q.Get("from"), "from", loc)
	if err != nil {
		return err
	}
	to, err := parseDay(q.Get("to"), "to", loc)
	if err != nil {
		return err
	}
	if from.IsZero() {
		n := s.Room.Now()
		from = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, loc)
	}
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	f := room.Filter{From: from, To: to}
	if a := actor(r); a.Role == audit.RoleOrganiser {
		unit, err := s.Room.Unit(r.Context())
		if err != nil {
			return err
		}
		f.UserID, f.Unit = a.UserID, unit
	}
	if st := q.Get("status"); st != "" {
		f.Statuses = []room.Status{room.Status(st)}
	}
	out, err := s.Room.Bookings(r.Context(), f)
	if out == nil {
		out = []room.Booking{}
	}
	return reply(w, out, err)
}

func (s *Server) createBooking(w http.ResponseWriter, r *http.Request) error {
	var req room.Request
	if err := decode(w, r, &req); err != nil {
		return err
	}
	out, err := s.Room.Book(r.Context(), req)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) decideBooking(approve bool) HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		var req decisionRequest
		if r.ContentLength != 0 {
			if err := decode(w, r, &req); err != nil {
				return err
			}
		}
		out, err := s.Room.Decide(r.Context(), id, approve, req.Note)
		return reply(w, out, err)
	}
}

func (s *Server) cancelBooking(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req cancelBookingRequest
	if r.ContentLength != 0 {
		if err := decode(w, r, &req); err != nil {
			return err
		}
	}
	out, err := s.Room.Cancel(r.Context(), id, req.Rest, req.Note)
	return reply(w, out, err)
}
