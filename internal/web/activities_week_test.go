package web_test

import (
	"net/http"
	"testing"
	"time"

	"shuwu/internal/testkit/webtest"
)

// The week view beside the month view lists this week's activities by day
// for the staff and in the portal, and pages to the weeks around.
func TestTheWeekViewListsTheWeeksActivities(t *testing.T) {
	e := newEnv(t)
	act := webtest.ActivityNow(t, e.a, "学习《习近平谈治国理政》第四卷读书分享会", 20)
	lib := e.as(t, "librarian")
	lib.get("/activities/calendar").want(t, http.StatusOK, `id="to-week"`)
	week := lib.get("/activities/calendar?week=")
	week.want(t, http.StatusOK, "活动周历", "本周共 1 项活动", "学习《习近平谈治国理政》第四卷读书分享会", `href="/activities/`+itoa(act.ID)+`"`, `id="to-month"`, "周一", "周日")
	next := act.Start.In(e.a.Config.Location()).AddDate(0, 0, 7).Format(time.DateOnly)
	lib.get("/activities/calendar?week="+next).want(t, http.StatusOK, "本周共 0 项活动", "无活动")
	anon := e.browser(t)
	anon.get("/opac/activities/calendar?week=").want(t, http.StatusOK, "学习《习近平谈治国理政》第四卷读书分享会", `href="/opac/activities/`+itoa(act.ID)+`"`)
	anon.get("/opac/activities/calendar?week=12/07").want(t, http.StatusUnprocessableEntity, "周视图的日期应写成 2026-12-07")
	lib.lang = "en"
	lib.get("/activities/calendar?week=").want(t, http.StatusOK, "Activities, week of", "Month view")
}
