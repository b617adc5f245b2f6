package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"
)

// The librarian records a prefecture leader's visit; a visitor's name run
// into the title is refused naming the line, the form as typed; the year
// counts it; leadership reads the record and cannot write one.
func TestTheLibrarianRecordsALeadersVisitAndLeadershipReadsIt(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	year := time.Now().In(e.a.Config.Location()).Format("2006")
	today := time.Now().In(e.a.Config.Location()).Format(time.DateOnly)
	lib.get("/receptions").want(t, http.StatusOK, "接待记录", year+" 年共接待来访 0 次", `id="new-reception"`)
	lib.get("/receptions/new").want(t, http.StatusOK, `value="`+today+`"`, "州级领导", "每行一位")
	form := url.Values{"date": {today}, "level": {"prefecture"}, "guests": {"张明 州委常委、组织部部长\n刘芳州委组织部副部长兼州委党校常务副校长、州委讲师团团长"},
		"accompanying": {"校党委书记、常务副校长 李华"}, "shown": {"书屋“一室多能”布局、红色经典专架"}, "remarks": {"对书屋建设给予肯定"}}
	lib.post("/receptions/new", form).want(t, http.StatusUnprocessableEntity, "第 2 行", "空格隔开", "刘芳州委组织部副部长兼州委党校常务副校长、州委讲师团团长", "红色经典专架")
	form.Set("guests", "张明 州委常委、组织部部长\n刘芳 州委组织部副部长")
	res := lib.post("/receptions/new", form)
	res.want(t, http.StatusSeeOther)
	loc := res.header.Get("Location")
	lib.get(loc).want(t, http.StatusOK, "已保存 张明 一行来访的接待记录", "州委常委、组织部部长", "刘芳", "校党委书记、常务副校长 李华", "对书屋建设给予肯定", `id="edit-reception"`)
	lib.get("/receptions").want(t, http.StatusOK, year+" 年共接待来访 1 次、来宾 2 人", `id="level-prefecture"><b>1</b>`, "等 2 人")
	// Correcting: the date cannot be in the future.
	form.Set("date", time.Now().In(e.a.Config.Location()).AddDate(0, 0, 2).Format(time.DateOnly))
	lib.post(loc+"/edit", form).want(t, http.StatusUnprocessableEntity, "接待日期不能晚于今天")
	leader := e.as(t, "leader")
	leader.get("/").want(t, http.StatusOK, `id="home-received"`, year+" 年接待来访 1 次", "其中州级领导 1 次")
	leader.get("/receptions").want(t, http.StatusOK, "张明", `href="/receptions"`)
	page := leader.get(loc)
	page.want(t, http.StatusOK, "<b>刘芳</b> 州委组织部副部长")
	if strings.Contains(page.body, `id="edit-reception"`) {
		t.Fatal("leadership is offered the edit button")
	}
	for _, p := range []string{"/receptions/new", loc + "/edit"} {
		if st := leader.get(p).status; st != http.StatusForbidden {
			t.Errorf("leadership GET %s: %d, want 403", p, st)
		}
	}
	if st := leader.post("/receptions/new", form).status; st != http.StatusForbidden {
		t.Errorf("leadership POST: %d, want 403", st)
	}
	if st := e.as(t, "duty1").get("/receptions").status; st != http.StatusForbidden {
		t.Errorf("duty staff GET /receptions: %d, want 403", st)
	}
	lib.lang = "en"
	lib.get("/receptions").want(t, http.StatusOK, "Leader and guest visits", "prefecture leaders")
}
