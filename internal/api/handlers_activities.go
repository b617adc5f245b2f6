package api

import (
	"io"
	"net/http"
	"os"

	"shuwu/internal/activities"
	"shuwu/internal/audit"
	"shuwu/internal/errs"
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
		{P, "/api/v1/activities/{id}/register", readerSelf, "报名（满员时进入候补）/ register, or join the waitlist when full", nil, activities.Registration{}, nil, s.registerActivity},
		{P, "/api/v1/activities/{id}/unregister", readerSelf, "取消报名（名额给候补第一位）/ cancel a registration; the first waiting moves up", nil, unregisterReply{}, nil, s.unregisterActivity},
		{P, "/api/v1/activities/{id}/signin", signers, "签到：读者用大屏二维码的 code，工作人员用读者证号 card / sign in: a reader with the screen's code, staff with a card", signInRequest{}, activities.SignIn{}, nil, s.signInActivity},
		{G, "/api/v1/activities/{id}/attendance", roomViewers, "报名与签到名单及人数 / registrations, sign-ins and figures", nil, activities.Attendance{}, nil, s.activityAttendance},
		{G, "/api/v1/activities/{id}/screen-code", activityRunners, "大屏当前的签到码（约 30 秒一换，5 分钟内有效）/ the screen's current sign-in code", nil, screenCodeReply{}, nil, s.activityScreenCode},
		{U, "/api/v1/activities/{id}/summary", bookers, "填写活动总结（活动开始后）/ write the summary, once it has begun", summaryRequest{}, activities.Activity{}, nil, s.saveActivitySummary},
		{G, "/api/v1/activities/{id}/photos", public, "活动照片 / the activity's photos", nil, []activities.Photo{}, nil, s.activityPhotos},
		{P, "/api/v1/activities/{id}/photos", bookers, "上传活动照片（multipart 的 file 字段，JPG/PNG/GIF，caption 为说明）/ upload a photo", nil, activities.Photo{},
			[]Param{{"caption", "照片说明 / caption", "string"}}, s.uploadActivityPhoto},
		{P, "/api/v1/activities/{id}/desk-register", activityRunners, "服务台代读者报名（card 为读者证号）/ register a reader on their behalf", deskRegisterRequest{}, activities.Registration{}, nil, s.deskRegisterActivity},
		{P, "/api/v1/activities/{id}/cancel", bookers, "取消整个活动（note 为原因，读者在门户可见；报名与签到记录保留）/ cancel the whole activity", cancelActivityRequest{}, activities.Activity{}, nil, s.cancelActivity},
		{G, "/api/v1/my/activities", readerSelf, "我的活动：报名、候补与签到 / my activities", nil, []activities.Mine{}, nil, s.myActivities},
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

type unregisterReply struct {
	Promoted *activities.Registration `json:"promoted,omitempty"` // who moved up from the waitlist
}

type signInRequest struct {
	Code string `json:"code,omitempty"` // the screen's code (a reader)
	Card string `json:"card,omitempty"` // a reader's card (staff)
}

type screenCodeReply struct {
	Code string `json:"code"`
	Path string `json:"path"` // the page a reader's phone opens
}

func (s *Server) registerActivity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	g, err := s.Activities.Register(r.Context(), id)
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, g)
	return nil
}

func (s *Server) unregisterActivity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	p, err := s.Activities.Unregister(r.Context(), id)
	return reply(w, unregisterReply{Promoted: p}, err)
}

func (s *Server) signInActivity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req signInRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	var in activities.SignIn
	if actor(r).Role == audit.RoleReader {
		in, err = s.Activities.SignIn(r.Context(), id, req.Code)
	} else {
		in, err = s.Activities.DeskSignIn(r.Context(), id, req.Card)
	}
	return reply(w, in, err)
}

func (s *Server) activityAttendance(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	att, err := s.Activities.Attendance(r.Context(), id)
	return reply(w, att, err)
}

func (s *Server) activityScreenCode(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	act, c, err := s.Activities.ScreenCode(r.Context(), id)
	return reply(w, screenCodeReply{Code: c, Path: activities.SignInPath(act.ID, c)}, err)
}

func (s *Server) myActivities(w http.ResponseWriter, r *http.Request) error {
	out, err := s.Activities.My(r.Context())
	if out == nil {
		out = []activities.Mine{}
	}
	return reply(w, out, err)
}

type summaryRequest struct {
	Summary string `json:"summary"`
}

func (s *Server) saveActivitySummary(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var req summaryRequest
	if err := decode(w, r, &req); err != nil {
		return err
	}
	act, err := s.Activities.SaveSummary(r.Context(), id, req.Summary)
	return reply(w, act, err)
}

func (s *Server) activityPhotos(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.Activities.Activity(r.Context(), id); err != nil {
		return err
	}
	out, err := s.Activities.Photos(r.Context(), id)
	if out == nil {
		out = []activities.Photo{}
	}
	return reply(w, out, err)
}

func (s *Server) uploadActivityPhoto(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	f, _, _, err := s.receiveUpload(w, r)
	if err != nil {
		return err
	}
	defer func() { f.Close(); os.Remove(f.Name()) }()
	data, err := io.ReadAll(io.LimitReader(f, activities.MaxPhotoBytes+1))
	if err != nil {
		return errs.Internalf("read photo: %w", err)
	}
	p, err := s.Activities.AddPhoto(r.Context(), id, data, r.URL.Query().Get("caption"))
	if err != nil {
		return err
	}
	writeJSON(w, http.StatusCreated, p)
	return nil
}

type deskRegisterRequest struct {
	Card string `json:"card"`
}

func (s *Server) deskRegisterActivity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in deskRegisterRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Activities.DeskRegister(r.Context(), id, in.Card)
	return reply(w, out, err)
}

type cancelActivityRequest struct {
	Note string `json:"note"`
}

func (s *Server) cancelActivity(w http.ResponseWriter, r *http.Request) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	var in cancelActivityRequest
	if err := decode(w, r, &in); err != nil {
		return err
	}
	out, err := s.Activities.Cancel(r.Context(), id, in.Note)
	return reply(w, out, err)
}
