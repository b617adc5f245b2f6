package api

import (
	"net/http"
	"strconv"

	"shuwu/internal/errs"
	"shuwu/internal/weeding"
)

// Weeding (剔除): the candidates of some rules and their withdrawal.

func (s *Server) weedingRoutes() []Route {
	if s.Weeding == nil {
		return nil
	}
	G, P := http.MethodGet, http.MethodPost
	return []Route{
		{G, "/api/v1/weeding/candidates", librarian, "剔除候选（符合任一规则；借出、在预约架、在途的只计数）/ the copies the rules choose, with why", nil, weeding.List{},
			[]Param{{"idle_years", "近 N 年未借出 / not lent in N years", "integer"}, {"damaged", "破损 / damaged: 1", "string"},
				{"superseded", "有新版本 / a later edition held: 1", "string"}, {"acquired_before", "仅限此年以前入藏 / acquired before the year", "integer"},
				{"clc_from", "中图法分类号范围起点 / CLC range start", "string"}, {"clc_to", "中图法分类号范围终点 / CLC range end", "string"},
				{"location_id", "馆藏地点 / shelf group", "integer"}}, s.weedingCandidates},
		{P, "/api/v1/weeding/withdraw", librarian, "剔除所列复本（一个事务：有一册不能剔除则都不剔除）/ withdraw the copies, all or none", weeding.Withdrawal{}, weeding.Withdrawn{}, nil, s.weedingWithdraw},
	}
}

func (s *Server) weedingCandidates(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	num := func(name string) (int, error) {
		if q.Get(name) == "" {
			return 0, nil
		}
		n, err := strconv.Atoi(q.Get(name))
		if err != nil {
			return 0, errs.Invalid(weeding.CodeWeedingInvalid, name, name+" 应为整数", name+" is a whole number")
		}
		return n, nil
	}
	rules := weeding.Rules{Damaged: q.Get("damaged") == "1" || q.Get("damaged") == "true", Superseded: q.Get("superseded") == "1" || q.Get("superseded") == "true",
		CLCFrom: q.Get("clc_from"), CLCTo: q.Get("clc_to")}
	var err error
	if rules.IdleYears, err = num("idle_years"); err != nil {
		return err
	}
	if rules.AcquiredBefore, err = num("acquired_before"); err != nil {
		return err
	}
	loc, err := num("location_id")
	if err != nil {
		return err
	}
	rules.LocationID = int64(loc)
	out, err := s.Weeding.Candidates(r.Context(), rules)
	return reply(w, out, err)
}

func (s *Server) weedingWithdraw(w http.ResponseWriter, r *http.Request) error {
	var in weeding.Withdrawal
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Weeding.Withdraw(r.Context(), in)
	return reply(w, out, err)
}
