package api_test

import (
	"bytes"
	"image"
	"image/png"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/testkit/webtest"
)

func TestPlanningActivitiesOverTheAPI(t *testing.T) {
	s := startServer(t)
	sys := audit.WithActor(t.Context(), audit.System)
	for _, u := range []struct{ name, display string }{{"branch1", "校机关一支部"}, {"youth", "青年理论学习小组"}} {
		if _, err := s.app.Auth.CreateUser(sys, u.name, u.display, audit.RoleOrganiser, "password-123"); err != nil {
			t.Fatal(err)
		}
	}
	branch, youth, lib, duty := s.login("branch1", "password-123"), s.login("youth", "password-123"), s.login("librarian", "password-123"), s.login("duty1", "password-123")
	day := webtest.NextOpenDay(s.app)
	draft := map[string]any{"title": "“清廉湘西”建设主题党日活动", "form": "party_day", "organiser": "别的单位", "host": "王书记",
		"date": day, "from": "14:00", "to": "16:00", "space_id": 1, "capacity": 40, "audience": "open"}
	type activity struct {
		ID        int64
		Title     string
		Organiser string
		FormLabel string `json:"form_label"`
		SpaceName string `json:"space_name"`
		Capacity  int
	}
	var made activity
	if code := s.call("POST", "/api/v1/activities", branch, draft, &made); code != 201 || made.Organiser != "校机关一支部" || made.FormLabel != "主题党日" || made.SpaceName != "书屋（全室）" {
		t.Fatalf("plan: %d %+v", code, made)
	}
	path := "/api/v1/activities/" + strconv.FormatInt(made.ID, 10)
	draft["capacity"] = 80
	s.expectError("POST", "/api/v1/activities", branch, draft, 422, "ACTIVITY_INVALID")
	draft["capacity"] = 30
	s.expectError("PUT", path, youth, draft, 403, "ACTIVITY_NOT_YOURS")
	s.expectError("POST", "/api/v1/activities", duty, draft, 403, "FORBIDDEN")
	s.expectError("GET", "/api/v1/activities/12345", "", nil, 404, "ACTIVITY_NOT_FOUND")
	var changed activity
	if code := s.call("PUT", path, branch, draft, &changed); code != 200 || changed.Capacity != 30 {
		t.Fatalf("update: %d %+v", code, changed)
	}
	var public activity
	if code := s.call("GET", path, "", nil, &public); code != 200 || public.Title != "“清廉湘西”建设主题党日活动" {
		t.Fatalf("public read: %d %+v", code, public)
	}
	var list []activity
	if code := s.call("GET", "/api/v1/activities?form=party_day&from="+day+"&to="+day, lib, nil, &list); code != 200 || len(list) != 1 {
		t.Fatalf("librarian lists %d (%d)", len(list), code)
	}
	if code := s.call("GET", "/api/v1/activities", youth, nil, &list); code != 200 || len(list) != 0 {
		t.Fatalf("the youth group lists %d of the branch's activities (%d); want none", len(list), code)
	}
	if code := s.call("GET", "/api/v1/activities?form=lecture", "", nil, &list); code != 200 || len(list) != 0 {
		t.Fatalf("lectures: %d (%d)", len(list), code)
	}
	s.expectError("GET", "/api/v1/activities?from=明天", "", nil, 422, "DATE_INVALID")
}

func TestRecordingAnActivityOverTheAPI(t *testing.T) {
	s := startServer(t)
	act := webtest.ActivityNow(t, s.app, "专题讲座", 10)
	webtest.StartNow(t, s.app, act.ID)
	lib := s.login("librarian", "password-123")
	path := "/api/v1/activities/" + strconv.FormatInt(act.ID, 10)
	var got struct{ Summary string }
	if code := s.call("PUT", path+"/summary", lib, map[string]string{"summary": "到会 9 人"}, &got); code != 200 || got.Summary != "到会 9 人" {
		t.Fatalf("summary: %d %+v", code, got)
	}
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	var b bytes.Buffer
	png.Encode(&b, img)
	if code, body := s.upload(path+"/photos?caption=%E7%8E%B0%E5%9C%BA", lib, "p.png", b.Bytes()); code != 201 || !strings.Contains(string(body), `"caption":"现场"`) {
		t.Fatalf("upload: %d %s", code, body)
	}
	if code, body := s.upload(path+"/photos", lib, "p.txt", []byte("text")); code != 422 || !strings.Contains(string(body), "ACTIVITY_INVALID") {
		t.Fatalf("not a photo: %d %s", code, body)
	}
	var photos []struct{ Width, Height int }
	if code := s.call("GET", path+"/photos", "", nil, &photos); code != 200 || len(photos) != 1 || photos[0].Width != 40 {
		t.Fatalf("photos: %d %+v", code, photos)
	}
}
