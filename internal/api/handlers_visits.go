package api

import (
	"net/http"
	"strconv"

	"shuwu/internal/errs"
	"shuwu/internal/visits"
)

type visitScanRequest struct {
	// Card is what the scanner read: a card number, the QR content
	// shuwu:card:CARD, or a link naming the card.
	Card string `json:"card"`
	// Via is where it was scanned: desk (default) or kiosk.
	Via visits.Via `json:"via,omitempty"`
}

type guestsRequest struct {
	Count int        `json:"count"` // 1–50; 0 means 1
	Via   visits.Via `json:"via,omitempty"`
}

// visitRoutes are entry registration (入馆登记) and the room's occupancy.
func (s *Server) visitRoutes() []Route {
	if s.Visits == nil {
		return nil
	}
	G, P := http.MethodGet, http.MethodPost
	return []Route{
		{P, "/api/v1/visits", staff, "入馆登记：扫描读者证或二维码（已在馆则登记离馆，2 分钟内重复不计）/ register an entry by card or QR (counts out a reader already in; a repeat within 2 minutes counts nothing)", visitScanRequest{}, visits.Result{}, nil, s.scanVisit},
		{P, "/api/v1/visits/guests", staff, "登记无证访客入馆 / count visitors without a card in", guestsRequest{}, visits.Occupancy{}, nil, s.countGuests},
		{P, "/api/v1/visits/guests/leave", staff, "登记一位无证访客离馆 / count a visitor without a card out", guestsRequest{}, visits.Occupancy{}, nil, s.guestLeft},
		{G, "/api/v1/visits/today", staff, "今日入馆记录 / today's entries, newest first", nil, []visits.Line{}, []Param{{"limit", "条数 1–200 / how many", "integer"}}, s.visitsToday},
		{G, "/api/v1/visits/years/{year}", reports, "全年入馆人次 / a year's person-visits", nil, visits.YearCount{}, nil, s.visitYear},
		{G, "/api/v1/occupancy", public, "书屋当前在馆人数与开放状态（门口大屏）/ the room now: people in, seats, today's visits, open or closed", nil, visits.Occupancy{}, nil, s.occupancy},
	}
}

func via(v visits.Via) visits.Via {
	if v == visits.Kiosk || v == visits.Desk {
		return v
	}
	return visits.API
}

func (s *Server) scanVisit(w http.ResponseWriter, r *http.Request) error {
	var req visitScanRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	out, err := s.Visits.Scan(r.Context(), req.Card, via(req.Via))
	return reply(w, out, err)
}

func (s *Server) countGuests(w http.ResponseWriter, r *http.Request) error {
	var req guestsRequest
	if r.ContentLength != 0 {
		if err := decode(w, r, &req); err != nil {
			return err
		}
	}
	if req.Count == 0 {
		req.Count = 1
	}
	out, err := s.Visits.Guests(r.Context(), req.Count, via(req.Via))
	return reply(w, out, err)
}

func (s *Server) guestLeft(w http.ResponseWriter, r *http.Request) error {
	var req guestsRequest
	if r.ContentLength != 0 {
		if err := decode(w, r, &req); err != nil {
			return err
		}
	}
	out, err := s.Visits.GuestLeft(r.Context(), via(req.Via))
	return reply(w, out, err)
}

func (s *Server) visitsToday(w http.ResponseWriter, r *http.Request) error {
	limit, _ := strconv.Atoi(r.URL.Query().Get("limit"))
	out, err := s.Visits.Today(r.Context(), limit)
	if out == nil {
		out = []visits.Line{}
	}
	return reply(w, out, err)
}

func (s *Server) visitYear(w http.ResponseWriter, r *http.Request) error {
	y, err := strconv.Atoi(r.PathValue("year"))
	if err != nil || y < 1900 || y > 9999 {
		return errs.Invalid(visits.CodeYearInvalid, "year", "年份格式不正确，如 2026", "malformed year, e.g. 2026")
	}
	out, err := s.Visits.Year(r.Context(), y)
	return reply(w, out, err)
}

func (s *Server) occupancy(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Visits.Occupancy(r.Context())
	return reply(w, out, err)
}
