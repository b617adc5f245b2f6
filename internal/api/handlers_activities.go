package api

import (
	"net/http"

	"shuwu/internal/activities"
	"shuwu/internal/audit"
)

// activityRoutes are the room's 主题活动.
func (s *Server) activityRoutes() []Route {
	if s.Activities == nil {
		return nil
	}
	G, P, U := http.MethodGet, http.MethodPost, http.MethodPut
	return []Route{
		{G, "/api/v1/activities", public, "主题活动（组织者只见本单位的）/ activities (an organiser sees its own)", nil, []activities.Activity{},
			[]Param{{"from", "起始日期（含）/ from date", "string"}, {"to", "截止日期（含）/ to date, inclusive", "string"},
				{"form", "形式 class/activity/training/sharing/party_day/lecture/other / form", "string"},
				{"audience", "参加对象 open/class/staff / audience", "string"}, {"q", "名称、主讲人或组织单位 / title, host or organiser", "string"}}, s.listActivities},
		{P, "/api/v1/activities", bookers, "安排活动（组织者为本单位）/ plan an activity", activities.Draft{}, activities.Activity{}, nil, s.createActivity},
		{G, "/api/v1/activities/{id}", public, "一项活动 / an activity", nil, activities.Activity{}, nil, s.getActivity},
		{U, "/api/v1/activities/{id}", bookers, "修改活动（组织者只能改本单位的）/ change an activity", activities.Draft{}, activities.Activity{}, nil, s.updateActivity},
	}
}

func (s *Server) listActivities(w http.ResponseWriter, r *http.Request) error {
	q := r.URL.Query()
	loc := s.Activities.Location()
	from, err := parseDay(q.Get("from"), "from", loc)
	if err != nil {
		return err
	}
	to, err := parseDay(q.Get("to"), "to", loc)
	if err != nil {
		return err
	}
	if !to.IsZero() {
		to = to.AddDate(0, 0, 1)
	}
	f := activities.Filter{From: from, To: to, Form: activities.Form(q.Get("form")), Audience: activities.Audience(q.Get("audience")), Query: q.Get("q")}
	var out []activities.Activity
	if actor(r).Role == audit.RoleOrganiser {
		out, err = s.Activities.Mine(r.Context(), f)
	} else {
		out, err = s.Activities.List(r.Context(), f)
	}
	if out == nil {
		out = []activities.Activity{}
	}
	return reply(w, out, err)
}

func (s *Server) getActivity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	act, err := s.Activities.Activity(r.Context(), id)
	return reply(w, act, err)
}

func (s *Server) createActivity(w http.ResponseWriter, r *http.Request) error {
	var d activities.Draft
	if err := decode(w, r, &d); err != nil {
		return err
	}
	act, err := s.Activities.Create(r.Context(), d)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, act)
	return nil
}

func (s *Server) updateActivity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var d activities.Draft
	if err := decode(w, r, &d); err != nil {
		return err
	}
	act, err := s.Activities.Update(r.Context(), id, d)
	return reply(w, act, err)
}
