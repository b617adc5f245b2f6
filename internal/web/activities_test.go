package web_test

import (
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/testkit/webtest"
)

func activityForm(day string) url.Values {
	return url.Values{"title": {"学习《习近平谈治国理政》第四卷读书分享会"}, "form": {"sharing"}, "organiser": {"随便写的单位"},
		"host": {"李老师"}, "date": {day}, "from": {"14:30"}, "to": {"16:00"}, "space": {"3"}, "booking": {""},
		"capacity": {"20"}, "audience": {"open"}, "class": {""}, "list": {""}, "description": {"每人分享一章的体会。"}}
}

// An organiser plans a reading-sharing meeting on the form for its own
// unit; mistakes come back on their fields with the form as typed; the
// other organiser can neither see nor change it; the librarian edits it;
// readers find it in the portal; the audit log names both steps.
func TestOrganiserPlansAnActivityReadersFindIt(t *testing.T) {
	e := newEnv(t)
	day := webtest.NextOpenDay(e.a)
	branch := e.as(t, "branch1")
	branch.get("/activities").want(t, http.StatusOK, "本单位活动", `id="new-activity"`, "没有符合条件的活动")
	branch.get("/activities/new").want(t, http.StatusOK, `value="校机关一支部"`, "readonly", "读书分享会", "主题党日", "书屋&#43;课堂", "阅览室（24 座）")

	bad := activityForm(day)
	bad.Set("capacity", "30")
	branch.post("/activities/new", bad).want(t, http.StatusUnprocessableEntity, "人数上限 30 人，超过阅览室的 24 个座位", `value="李老师"`, `value="30"`)
	bad = activityForm(day)
	bad.Set("capacity", "许多")
	branch.post("/activities/new", bad).want(t, http.StatusUnprocessableEntity, "人数上限应填一个数字")
	bad = activityForm(day)
	bad.Set("to", "14:00")
	branch.post("/activities/new", bad).want(t, http.StatusUnprocessableEntity, "结束时间须晚于开始时间")
	bad = activityForm(day)
	bad.Set("audience", "class")
	branch.post("/activities/new", bad).want(t, http.StatusUnprocessableEntity, "面向一个班次的活动，请选择班次")
	branch.lang = "en"
	bad.Set("title", "")
	branch.post("/activities/new", bad).want(t, http.StatusUnprocessableEntity, "give the activity a title")
	branch.lang = ""

	res := branch.post("/activities/new", activityForm(day))
	res.want(t, http.StatusSeeOther)
	page := res.header.Get("Location")
	if !strings.HasPrefix(page, "/activities/") {
		t.Fatalf("after planning: %q", page)
	}
	id := strings.TrimPrefix(page, "/activities/")
	show := branch.get(page)
	show.want(t, http.StatusOK, "已安排活动「学习《习近平谈治国理政》第四卷读书分享会」", "校机关一支部", "阅览室", "李老师", "20 人", "全体读者", `id="edit-activity"`)
	if strings.Contains(show.body, "随便写的单位") {
		t.Fatal("an organiser planned under a unit other than its own")
	}

	youth := e.as(t, "youth")
	if st := youth.get(page).status; st != http.StatusForbidden {
		t.Errorf("another unit opens the activity: %d, want 403", st)
	}
	if st := youth.post(page+"/edit", activityForm(day)).status; st != http.StatusForbidden {
		t.Errorf("another unit edits the activity: %d, want 403", st)
	}
	if strings.Contains(youth.get("/activities").body, "读书分享会</a>") {
		t.Error("another unit lists the branch's activity")
	}

	lib := e.as(t, "librarian")
	lib.get(page+"/edit").want(t, http.StatusOK, `value="学习《习近平谈治国理政》第四卷读书分享会"`, `value="14:30"`, "每人分享一章的体会。")
	edit := activityForm(day)
	edit.Set("organiser", "校机关一支部")
	edit.Set("capacity", "24")
	edit.Set("form", "lecture")
	lib.post(page+"/edit", edit).want(t, http.StatusSeeOther)
	lib.get("/activities?form=lecture").want(t, http.StatusOK, "专题讲座", "24 人", "校机关一支部")
	if strings.Contains(lib.get("/activities?form=party_day").body, `id="activity-`+id+`"`) {
		t.Error("the form filter lets another form through")
	}
	lib.get("/activities?q="+url.QueryEscape("治国理政")).want(t, http.StatusOK, `id="activity-`+id+`"`)
	lib.get("/activities?when=past").want(t, http.StatusOK, "没有符合条件的活动")
	lib.get("/audit?entity=activity").want(t, http.StatusOK, "安排活动「学习《习近平谈治国理政》第四卷读书分享会」（读书分享会）", "修改活动「学习《习近平谈治国理政》第四卷读书分享会」：形式、人数上限")

	// Leadership and duty staff read, but plan nothing.
	for _, who := range []string{"leader", "duty1"} {
		b := e.as(t, who)
		got := b.get("/activities")
		got.want(t, http.StatusOK, "学习《习近平谈治国理政》第四卷读书分享会")
		if strings.Contains(got.body, `id="new-activity"`) || strings.Contains(b.get(page).body, `id="edit-activity"`) {
			t.Errorf("%s is offered to plan or edit", who)
		}
		if st := b.get("/activities/new").status; st != http.StatusForbidden {
			t.Errorf("%s GET /activities/new: %d, want 403", who, st)
		}
	}

	// Anyone finds it in the portal.
	portal := e.browser(t)
	portal.get("/opac/activities").want(t, http.StatusOK, "即将举办", "学习《习近平谈治国理政》第四卷读书分享会", "专题讲座", "校机关一支部")
	portal.get("/opac/activities/"+id).want(t, http.StatusOK, "学习《习近平谈治国理政》第四卷读书分享会", "李老师", "每人分享一章的体会。")
	portal.get("/opac/activities/99999").want(t, http.StatusNotFound, "活动不存在")
	if st := portal.get("/activities").status; st != http.StatusSeeOther {
		t.Errorf("the staff list without a login: %d, want a redirect to log in", st)
	}
}

// Readers register in the portal until the activity is full, the next
// waits; one cancels from "my activities" and the first waiting moves up,
// which their own page and the reminder on /my say.
func TestReadersRegisterWaitAndMoveUp(t *testing.T) {
	e := newEnv(t)
	act := webtest.ActivityNow(t, e.a, "《平凡的世界》读书分享会", 1)
	page := "/opac/activities/" + strconv.FormatInt(act.ID, 10)
	e.browser(t).get(page).want(t, http.StatusOK, "已报名 0 / 1 人", `id="login-to-register"`, "登录后报名")
	zhang, li := e.as(t, e.f.Readers[0].Card), e.as(t, e.f.Readers[1].Card)
	zhang.post(page+"/register", nil).want(t, http.StatusSeeOther)
	zhang.get(page).want(t, http.StatusOK, "报名成功", "已报名 1 / 1 人", `id="you-registered"`, `id="unregister"`)
	li.get(page).want(t, http.StatusOK, "已满，加入候补")
	li.post(page+"/register", nil).want(t, http.StatusSeeOther)
	li.get(page).want(t, http.StatusOK, "名额已满，你在候补名单第 1 位", `id="you-waiting"`)
	li.post(page+"/register", nil).want(t, http.StatusUnprocessableEntity, "你已在这项活动的候补名单上")
	li.get("/my").want(t, http.StatusOK, `id="my-coming"`, "候补第 1 位", "《平凡的世界》读书分享会")
	zhang.get("/my/activities").want(t, http.StatusOK, "即将参加", "已报名")
	zhang.post(page+"/unregister", url.Values{"back": {"my"}}).want(t, http.StatusSeeOther)
	zhang.get("/my/activities").want(t, http.StatusOK, "已取消报名", "已取消")
	li.get(page).want(t, http.StatusOK, `id="you-registered"`)
	li.get("/my").want(t, http.StatusOK, `id="my-coming"`, "已报名")
	li.lang = "en"
	li.get(page).want(t, http.StatusOK, "You are registered", "1 of 1 places taken")
	// Staff see who registered, who waits and who cancelled.
	lib := e.as(t, "librarian")
	lib.get("/activities/"+strconv.FormatInt(act.ID, 10)).want(t, http.StatusOK, "报名名单（已报名 1 人，候补 0 人）", e.f.Readers[0].Name, e.f.Readers[1].Name, "已取消")
	// A leader reads the attendance but has no sign-in desk or screen.
	leader := e.as(t, "leader")
	got := leader.get("/activities/" + strconv.FormatInt(act.ID, 10))
	got.want(t, http.StatusOK, "报名名单")
	if strings.Contains(got.body, `id="desk-signin"`) || strings.Contains(got.body, `id="open-screen"`) {
		t.Error("leadership is offered the sign-in desk or screen")
	}
	if st := leader.get("/activities/" + strconv.FormatInt(act.ID, 10) + "/screen").status; st != http.StatusForbidden {
		t.Errorf("leadership opens the screen: %d", st)
	}
	if st := zhang.post("/activities/"+strconv.FormatInt(act.ID, 10)+"/signin", url.Values{"card": {e.f.Readers[0].Card}}).status; st != http.StatusForbidden {
		t.Errorf("a reader uses the desk sign-in: %d", st)
	}
}

// A reader who opens the screen's code without logging in is asked to log
// in and comes back to the sign-in; a stale code is refused with what to do.
func TestSignInPageAsksForLoginAndRefusesAStaleCode(t *testing.T) {
	e := newEnv(t)
	act := webtest.ActivityNow(t, e.a, "主题党日", 20)
	lib := e.as(t, "librarian")
	screen := lib.get("/activities/" + strconv.FormatInt(act.ID, 10) + "/screen")
	screen.want(t, http.StatusOK, "<svg", "请用手机扫码签到", `data-url="http://`)
	link := between(screen.body, `data-url="`, `"`)
	u, err := url.Parse(html.UnescapeString(link))
	if err != nil {
		t.Fatal(err)
	}
	anon := e.browser(t)
	res := anon.get(u.RequestURI())
	if loc := res.header.Get("Location"); res.status != http.StatusSeeOther || !strings.HasPrefix(loc, "/login?next=") {
		t.Fatalf("not logged in: %d %q; want the login page", res.status, loc)
	}
	zhang := e.as(t, e.f.Readers[0].Card)
	zhang.get(u.RequestURI()).want(t, http.StatusOK, `id="signin-button"`, "以 "+e.f.Readers[0].Name+" 的身份签到")
	zhang.post("/opac/activities/"+strconv.FormatInt(act.ID, 10)+"/signin", url.Values{"c": {"0123456789abcdef"}}).
		want(t, http.StatusUnprocessableEntity, "签到二维码无效或已过期，请重新扫描屏幕上的二维码")
	zhang.post("/opac/activities/"+strconv.FormatInt(act.ID, 10)+"/signin", url.Values{"c": {u.Query().Get("c")}}).want(t, http.StatusSeeOther)
	zhang.get(u.RequestURI()).want(t, http.StatusOK, `id="signed-in"`, "已签到")
	lib.get("/activities/"+strconv.FormatInt(act.ID, 10)).want(t, http.StatusOK, "签到名单（1 人）", e.f.Readers[0].Name, "扫码")
	lib.get("/activities/"+strconv.FormatInt(act.ID, 10)+"/screen/qr").want(t, http.StatusOK, `id="screen-attended">1<`)
}
