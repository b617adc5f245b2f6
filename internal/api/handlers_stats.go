package api

import (
	"net/http"

	"shuwu/internal/stats"
)

// statsRoutes are every dashboard figure of a date range, for scripts and
// the annual work report.
func (s *Server) statsRoutes() []Route {
	if s.Stats == nil {
		return nil
	}
	return []Route{
		{http.MethodGet, "/api/v1/stats/dashboard", reports, "统计图表的全部指标（与上一同长时段比较）/ every dashboard figure of a range beside the previous period", nil, stats.Dashboard{},
			[]Param{{"from", "开始日期（默认今年1月1日）/ first day, default 1 January", "string"}, {"to", "结束日期（默认今天）/ last day, default today", "string"}}, s.statsDashboard},
	}
}

func (s *Server) statsDashboard(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	rg, err := s.Stats.ParseRange(q.Get("from"), q.Get("to"))
	if err != nil {
		return err
	}
	out, err := s.Stats.Dashboard(r.Context(), rg)
	return reply(w, out, err)
}
