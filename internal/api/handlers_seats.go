package api

import (
	"net/http"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/seats"
)

// seatRoutes are seat reservations (座位预约): the board, a reader's
// reservations and check-in by the seat's QR code, the desk's check-in and
// release.
func (s *Server) seatRoutes() []Route {
	if s.Seats == nil {
		return nil
	}
	G, P := http.MethodGet, http.MethodPost
	return []Route{
		{G, "/api/v1/seats/board", public, "座位图：某日某时段每个座位空闲、已预约或使用中（默认此刻）/ the seat map for a slot (default now); readers see no one's reservation but their own", nil, seats.Board{},
			[]Param{{"date", "日期 2026-12-08", "string"}, {"from", "开始 14:00", "string"}, {"to", "结束 16:00", "string"}}, s.seatBoard},
		{G, "/api/v1/seats/reservations", staff, "今天的座位预约 / today's seat reservations", nil, []seats.Reservation{}, nil, s.seatsToday},
		{G, "/api/v1/seats/mine", readerSelf, "我的座位预约 / my seat reservations", nil, []seats.Reservation{}, nil, s.mySeats},
		{P, "/api/v1/seats/reservations", readerSelf, "预约座位 / reserve a seat", seats.Request{}, seats.Reservation{}, nil, s.reserveSeat},
		{P, "/api/v1/seats/reservations/{id}/cancel", anyone, "取消座位预约（读者本人或服务台）/ cancel a reservation", nil, seats.Reservation{}, nil, s.cancelSeat},
		{P, "/api/v1/seats/{id}/checkin", readerSelf, "扫座位二维码签到，code 为二维码中的 c / check in with the seat's QR code", seatCheckIn{}, seats.CheckInResult{}, nil, s.checkInSeat},
		{P, "/api/v1/seats/reservations/{id}/checkin", staff, "服务台代为签到 / check in at the desk", nil, seats.Reservation{}, nil, s.deskCheckInSeat},
		{P, "/api/v1/seats/reservations/{id}/release", staff, "服务台释放座位 / release the seat at the desk", nil, seats.Reservation{}, nil, s.deskReleaseSeat},
	}
}

type seatCheckIn struct {
	Code string `json:"code"`
}

func (s *Server) seatBoard(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	start := s.Seats.Now()
	end := start.Add(time.Minute)
	if q.Get("date") != "" || q.Get("from") != "" || q.Get("to") != "" {
		var err error
		if start, end, err = s.Seats.Slot(r.Context(), q.Get("date"), q.Get("from"), q.Get("to")); err != nil {
			return err
		}
	}
	b, err := s.Seats.Board(r.Context(), start, end)
	if a := audit.ActorFrom(r.Context()); !a.AtDesk() {
		b = b.ForReader(a.ReaderID)
	}
	return reply(w, b, err)
}

func (s *Server) seatsToday(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Seats.Today(r.Context())
	if out == nil {
		out = []seats.Reservation{}
	}
	return reply(w, out, err)
}

func (s *Server) mySeats(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Seats.Mine(r.Context())
	if out == nil {
		out = []seats.Reservation{}
	}
	return reply(w, out, err)
}

func (s *Server) reserveSeat(w http.ResponseWriter, r *http.Request) error {
	var in seats.Request
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Seats.Reserve(r.Context(), in)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, out)
	return nil
}

func (s *Server) seatStep(step func(*Server, *http.Request, int64) (seats.Reservation, error)) func(http.ResponseWriter, *http.Request) error {
	return func(w http.ResponseWriter, r *http.Request) error {
		id, err := pathID(r, "id")
		if err != nil {
			return err
		}
		out, err := step(s, r, id)
		return reply(w, out, err)
	}
}

func (s *Server) cancelSeat(w http.ResponseWriter, r *http.Request) error {
	return s.seatStep(func(s *Server, r *http.Request, id int64) (seats.Reservation, error) {
		return s.Seats.Cancel(r.Context(), id)
	})(w, r)
}

func (s *Server) deskCheckInSeat(w http.ResponseWriter, r *http.Request) error {
	return s.seatStep(func(s *Server, r *http.Request, id int64) (seats.Reservation, error) {
		return s.Seats.DeskCheckIn(r.Context(), id)
	})(w, r)
}

func (s *Server) deskReleaseSeat(w http.ResponseWriter, r *http.Request) error {
	return s.seatStep(func(s *Server, r *http.Request, id int64) (seats.Reservation, error) {
		return s.Seats.DeskRelease(r.Context(), id)
	})(w, r)
}

func (s *Server) checkInSeat(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in seatCheckIn
	if err := decode(w, r, &in); err != nil {
		return err
	}
	if in.Code == "" {
		return errs.Invalid(seats.CodeSeatCodeInvalid, "code", "请扫描座位上的二维码", "scan the seat's QR code")
	}
	out, err := s.Seats.CheckIn(r.Context(), id, in.Code)
	return reply(w, out, err)
}
