package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/testkit/webtest"
)

func bookingForm(space, day, from, to, purpose, expected string) url.Values {
	return url.Values{"space": {space}, "organiser": {"随便写的单位"}, "date": {day}, "from": {from}, "to": {to},
		"purpose": {purpose}, "expected": {expected}, "weeks": {"1"}}
}

// An organiser books the whole room for its own unit; a clash is refused
// on the form as typed; the librarian approves; the portal then says the
// room is closed to walk-in reading for that time.
func TestOrganiserBooksLibrarianApprovesPortalSaysClosed(t *testing.T) {
	e := newEnv(t)
	day := webtest.NextOpenDay(e.a)
	branch := e.as(t, "branch1")
	if loc := branch.get("/").header.Get("Location"); loc != "/room/mine" {
		t.Fatalf("an organiser's home sends to %q, want /room/mine", loc)
	}
	branch.get("/room/book").want(t, http.StatusOK, `value="校机关一支部"`, "readonly", "书屋（全室）", "阅览室（24 座）")
	res := branch.post("/room/book", bookingForm("1", day, "14:00", "16:00", "“清廉湘西”建设主题党日活动", "40"))
	res.want(t, http.StatusSeeOther)
	mine := branch.get("/room/mine")
	mine.want(t, http.StatusOK, "已预约书屋（全室）", "等待馆员审批", "待审批", "“清廉湘西”建设主题党日活动")
	if strings.Contains(mine.body, "随便写的单位") {
		t.Fatal("an organiser booked under a unit other than its own")
	}
	// The youth group's booking of the reading room at the same time clashes.
	youth := e.as(t, "youth")
	clash := youth.post("/room/book", bookingForm("3", day, "15:00", "17:00", "集中学习", "15"))
	clash.want(t, http.StatusUnprocessableEntity, "与已有预约冲突", "14:00–16:00 书屋（全室） · 校机关一支部「“清廉湘西”建设主题党日活动」", `value="集中学习"`, `value="15:00"`)
	youth.post("/room/book", bookingForm("3", day, "16:00", "17:00", "集中学习", "abc")).want(t, http.StatusUnprocessableEntity, "预计人数应填一个数字")
	// Organisers see neither the schedule nor anyone else's bookings.
	for _, p := range []string{"/room", "/desk", "/settings/spaces", "/catalog"} {
		if st := youth.get(p).status; st != http.StatusForbidden {
			t.Errorf("organiser GET %s: %d, want 403", p, st)
		}
	}
	if strings.Contains(youth.get("/room/mine").body, "清廉湘西") {
		t.Error("the youth group sees the branch's booking")
	}
	// Not yet approved: the portal does not say the room is closed.
	if strings.Contains(e.browser(t).get("/opac").body, "room-closures") {
		t.Fatal("the portal names a closure before it is approved")
	}
	lib := e.as(t, "librarian")
	week := lib.get("/room?week=" + day)
	week.want(t, http.StatusOK, "待审批", "校机关一支部", `id="approve-`)
	id := between(week.body, `id="approve-`, `"`)
	lib.post("/room/bookings/"+id+"/approve", nil).want(t, http.StatusSeeOther)
	lib.get("/room?week="+day).want(t, http.StatusOK, "已批准", "全室预约：这段时间暂停对外阅览")
	portal := e.browser(t).get("/opac")
	portal.want(t, http.StatusOK, `id="room-closures"`, "暂停对外阅览", "14:00–16:00", "“清廉湘西”建设主题党日活动（校机关一支部）")
	e.browser(t).get("/room/open").want(t, http.StatusOK, "开放信息", "近两周暂停对外阅览", "校机关一支部", "休闲讨论区")
	// The audit log names the booking and the approval.
	lib.get("/audit?entity=booking").want(t, http.StatusOK, "预约书屋（全室）", "批准预约 书屋（全室）")
	// The branch cancels; the portal's notice goes.
	branch.post("/room/bookings/"+id+"/cancel", nil).want(t, http.StatusSeeOther)
	if strings.Contains(e.browser(t).get("/opac").body, "room-closures") {
		t.Fatal("the portal still names a cancelled closure")
	}
}

func TestLibrarianConfiguresSpacesAndApproval(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/settings/spaces").want(t, http.StatusOK, "藏书室", "电子资料查阅台", "茶水台", `id="approval" checked`)
	lib.post("/settings/spaces/3", url.Values{"name": {"阅览室"}, "capacity": {"多"}, "opens": {"08:30"}, "closes": {"21:30"}, "bookable": {"1"}}).
		want(t, http.StatusUnprocessableEntity, "座位数应填一个数字")
	lib.post("/settings/spaces/3", url.Values{"name": {"阅览室"}, "capacity": {"24"}, "opens": {"18:00"}, "closes": {"08:00"}, "bookable": {"1"}}).
		want(t, http.StatusUnprocessableEntity, "关闭时间须晚于开放时间", `value="18:00"`)
	lib.post("/settings/spaces/3", url.Values{"name": {"阅览室"}, "capacity": {"28"}, "opens": {"08:00"}, "closes": {"21:30"}, "bookable": {"1"}}).want(t, http.StatusSeeOther)
	lib.get("/settings/spaces").want(t, http.StatusOK, `value="28"`, `value="08:00"`)
	lib.post("/settings/room", url.Values{}).want(t, http.StatusSeeOther)
	// Without approval an organiser's booking is confirmed at once.
	branch := e.as(t, "branch1")
	day := webtest.NextOpenDay(e.a)
	branch.post("/room/book", bookingForm("4", day, "09:00", "10:00", "支部学习", "10")).want(t, http.StatusSeeOther)
	branch.get("/room/mine").want(t, http.StatusOK, "已批准")
	// Duty staff see the schedule but cannot approve or configure. The
	// next open day may fall in next week (Friday evening onwards).
	duty := e.as(t, "duty1")
	duty.get("/room?week="+day).want(t, http.StatusOK, "支部学习")
	if st := duty.get("/settings/spaces").status; st != http.StatusForbidden {
		t.Errorf("duty GET /settings/spaces: %d", st)
	}
}

// between returns the text after the first from up to the next to.
func between(s, from, to string) string {
	_, rest, ok := strings.Cut(s, from)
	if !ok {
		return ""
	}
	out, _, _ := strings.Cut(rest, to)
	return out
}
