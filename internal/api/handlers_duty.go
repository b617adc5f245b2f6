package api

import (
	"net/http"
	"strconv"
	"time"

	"shuwu/internal/duty"
)

// dutyRoutes are the staff's roster, handovers and the room's regulations.
func (s *Server) dutyRoutes() []Route {
	if s.Duty == nil {
		return nil
	}
	G, P := http.MethodGet, http.MethodPost
	return []Route{
		{G, "/api/v1/duty/roster", staff, "一个月的值班表 / a month's duty roster", nil, duty.Roster{}, []Param{{"month", "月份 2026-12（默认本月）/ the month, e.g. 2026-12 (default: this month)", "string"}}, s.dutyRoster},
		{G, "/api/v1/duty/today", staff, "今日各班次值班人员 / who is on each shift today", nil, []duty.Slot{}, nil, s.dutyToday},
		{G, "/api/v1/duty/handovers", staff, "最近的交接班记录 / the latest handovers, newest first", nil, []duty.Handover{}, []Param{{"limit", "条数 1–200 / how many", "integer"}}, s.listHandovers},
		{P, "/api/v1/duty/handovers", staff, "填写本班交接班记录（每班一条）/ write a shift's handover (one a shift)", duty.HandoverInput{}, duty.Handover{}, nil, s.writeHandover},
		{P, "/api/v1/duty/handovers/{id}/ack", staff, "接班确认（不能确认自己写的）/ acknowledge a handover (not one's own)", nil, duty.Handover{}, nil, s.ackHandover},
		{G, "/api/v1/regulations", public, "书屋三项制度 / the room's regulations", nil, []duty.Regulation{}, nil, s.listRegulations},
	}
}

func (s *Server) dutyRoster(w http.ResponseWriter, r *http.Request) error {
	month := r.URL.Query().Get("month")
	if month == "" {
		month = s.Duty.Now().Format("2006-01")
	}
	out, err := s.Duty.Month(r.Context(), month)
	return reply(w, out, err)
}

func (s *Server) dutyToday(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Duty.OnDuty(r.Context(), s.Duty.Now().Format(time.DateOnly))
	if out == nil {
		out = []duty.Slot{}
	}
	return reply(w, out, err)
}

func (s *Server) listHandovers(w http.ResponseWriter, r *http.Request) error {
	limit, err := strconv.Atoi(r.URL.Query().Get("limit"))
	if err != nil || limit < 1 || limit > 200 {
		limit = 50
	}
	out, err := s.Duty.Handovers(r.Context(), limit)
	if out == nil {
		out = []duty.Handover{}
	}
	return reply(w, out, err)
}

func (s *Server) writeHandover(w http.ResponseWriter, r *http.Request) error {
	var in duty.HandoverInput
	if err := decode(w, r, &in); err != nil {
		return err
	}
	h, err := s.Duty.WriteHandover(r.Context(), in)
	return replyCreated(w, r, h, err)
}

func (s *Server) ackHandover(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	h, err := s.Duty.AckHandover(r.Context(), id)
	return reply(w, h, err)
}

func (s *Server) listRegulations(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Duty.Regulations(r.Context())
	return reply(w, out, err)
}
