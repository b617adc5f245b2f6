package api

import (
	"net/http"
	"strconv"

	"shuwu/internal/acquisitions"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// targetRequest is a year's target as sent: the volumes and, per
// category id, its volumes.
type targetRequest struct {
	Volumes    int           `json:"volumes"`
	Categories map[int64]int `json:"categories"`
}

// targetRoutes are the yearly acquisition targets.
func (s *Server) targetRoutes() []Route {
	if s.Acquisitions == nil {
		return nil
	}
	G, U := http.MethodGet, http.MethodPut
	return []Route{
		{G, "/api/v1/targets/{year}", librarian, "年度入藏目标与进度（按来源、分类）/ a year's acquisition target and progress", nil, acquisitions.Progress{}, nil, s.getTarget},
		{U, "/api/v1/targets/{year}", librarian, "设定年度入藏目标 / set a year's target", targetRequest{}, acquisitions.Target{}, nil, s.setTarget},
		{G, "/api/v1/targets/{year}/arrivals", librarian, "本年入藏清单 / what came in that year", nil, Page[acquisitions.Arrival]{},
			[]Param{{"source", "来源 / source", "string"}, {"category", "分类 id", "integer"}, {"page", "页码 / page", "integer"}, {"size", "每页条数 / page size", "integer"}}, s.arrivals},
	}
}

func yearPath(r *http.Request) (int, error) {
	y, err := strconv.Atoi(r.PathValue("year"))
	if err != nil {
		return 0, errs.Invalid(acquisitions.CodeTargetYearInvalid, "year", "年份格式不正确", "malformed year")
	}
	return y, nil
}

func (s *Server) getTarget(w http.ResponseWriter, r *http.Request) error {
	y, err := yearPath(r)
	if err != nil {
		return err
	}
	p, err := s.Acquisitions.Progress(r.Context(), y)
	return reply(w, p, err)
}

func (s *Server) setTarget(w http.ResponseWriter, r *http.Request) error {
	y, err := yearPath(r)
	if err != nil {
		return err
	}
	var in targetRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	t, err := s.Acquisitions.SaveTarget(r.Context(), acquisitions.Target{Year: y, Volumes: in.Volumes, Categories: in.Categories})
	return reply(w, t, err)
}

func (s *Server) arrivals(w http.ResponseWriter, r *http.Request) error {
	y, err := yearPath(r)
	if err != nil {
		return err
	}
	page, size, err := pageParams(r)
	if err != nil {
		return err
	}
	cat, err := intParam(r.URL.Query().Get("category"), "category", 0)
	if err != nil {
		return err
	}
	out, total, err := s.Acquisitions.Arrivals(r.Context(), acquisitions.ArrivalFilter{Year: y, Source: catalog.Source(r.URL.Query().Get("source")), CategoryID: cat, Number: page, Size: size})
	return reply(w, Page[acquisitions.Arrival]{Items: out, Total: total, Page: page, Size: size}, err)
}
