package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
)

// Leadership (领导) reads the day's figures and the overdue report and can
// open nothing that changes anything: no desk, catalogue, readers,
// settings, no slips, and a post to the desk is refused.
func TestLeadershipSeesFiguresAndChangesNothing(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	if _, err := e.a.Circulation.Checkout(ctx, e.f.Readers[0].Card, e.f.Barcodes[0][0]); err != nil {
		t.Fatal(err)
	}
	lead := e.as(t, "leader")
	home := lead.get("/")
	home.want(t, http.StatusOK, "今日概况", "今日借出", "领导", "逾期报表", "2024年春季县干班")
	for _, desk := range []string{`href="/desk"`, `href="/catalog"`, `href="/readers`, `href="/classes/`, `href="/settings"`, `id="pickup-shelf"`} {
		if strings.Contains(home.body, desk) {
			t.Errorf("leadership home offers %s", desk)
		}
	}
	over := lead.get("/overdue")
	over.want(t, http.StatusOK, "超期")
	if strings.Contains(over.body, `id="print-slips"`) || strings.Contains(over.body, `href="/readers/`) {
		t.Error("the overdue report offers leadership the desk's slips or reader pages")
	}
	for _, p := range []string{"/desk", "/catalog", "/readers", "/classes", "/settings", "/audit", "/holds", "/overdue/slips", "/my"} {
		if res := lead.get(p); res.status != http.StatusForbidden {
			t.Errorf("leadership GET %s: status %d, want 403", p, res.status)
		}
	}
	lead.post("/desk/scan", url.Values{"code": {e.f.Readers[1].Card}}).want(t, http.StatusForbidden, "权限")
	// Login lands leadership on the home page, not the reader portal.
	res := e.browser(t).post("/login", url.Values{"username": {"leader"}, "password": {"shuwu-demo"}})
	if loc := res.header.Get("Location"); loc != "/" {
		t.Errorf("leadership login lands on %q, want /", loc)
	}
}

// The administrator can make a leadership account on the users page.
func TestAdminMakesALeadershipAccount(t *testing.T) {
	e := newEnv(t)
	admin := e.as(t, "admin")
	page := admin.get("/settings/users")
	page.want(t, http.StatusOK, `value="leadership"`, "领导")
	admin.post("/settings/users", url.Values{"username": {"zhao"}, "display_name": {"赵副校长"}, "role": {"leadership"}, "password": {"long-password-1"}}).want(t, http.StatusSeeOther)
	admin.get("/settings/users").want(t, http.StatusOK, "赵副校长")
	admin.get("/audit").want(t, http.StatusOK, "新建账号 zhao（领导）")
	admin.post("/settings/users", url.Values{"username": {"qian"}, "role": {"chief"}, "password": {"long-password-1"}}).want(t, http.StatusUnprocessableEntity, "角色必须是系统管理员、馆员、值班员或领导")
}
