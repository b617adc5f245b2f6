package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// TestTraineesLogInWithTheInitialPassword: readers from a roster had no
// password and could not use the portal. The librarian picks the rule, the
// login page and the slips say it, a trainee's first login leads to
// setting their own password and nowhere else, and the class page puts a
// whole class back on the initial password.
func TestTraineesLogInWithTheInitialPassword(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	tr, err := e.a.Readers.Create(ctx, readers.Reader{Name: "钱学员", Phone: "13912345678", Unit: "某乡镇党委"})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Readers.AddMembers(ctx, e.f.Class.ID, []string{tr.Card}); err != nil {
		t.Fatal(err)
	}
	anon := e.browser(t)
	anon.get("/login").want(t, http.StatusOK, `id="first-login"`, "手机号后 6 位")

	b := e.browser(t)
	b.post("/login", url.Values{"username": {tr.Card}, "password": {"000000"}}).want(t, http.StatusUnprocessableEntity, "用户名或密码错误")
	res := b.post("/login", url.Values{"username": {tr.Card}, "password": {"345678"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/my/password" {
		t.Fatalf("first login: %d to %q, want 303 to /my/password", res.status, res.header.Get("Location"))
	}
	for _, p := range []string{"/my", "/my/history", "/opac"} {
		if a := b.get(p); a.status != http.StatusSeeOther || a.header.Get("Location") != "/my/password" {
			t.Errorf("%s before setting a password: %d to %q", p, a.status, a.header.Get("Location"))
		}
	}
	first := b.get("/my/password")
	first.want(t, http.StatusOK, "首次登录：请设置您自己的密码", "初始密码")
	if strings.Contains(first.body, `href="/opac/lists"`) {
		t.Error("the first-password page offers the portal's menu, whose links all lead back to it")
	}
	b.post("/my/password", url.Values{"old_password": {"345678"}, "new_password": {"qian-2026-pw"}, "confirm": {"qian-2026-pw"}}).want(t, http.StatusSeeOther)
	b.post("/login", url.Values{"username": {tr.Card}, "password": {"qian-2026-pw"}}).want(t, http.StatusSeeOther)
	b.get("/my").want(t, http.StatusOK, "钱学员，您好")

	lib := e.as(t, "librarian")
	class := "/classes/" + strconv.FormatInt(e.f.Class.ID, 10)
	lib.get(class).want(t, http.StatusOK, `id="login-slips"`, `id="reset-passwords"`)
	slips := lib.get(class + "/login-slips")
	slips.want(t, http.StatusOK, "书屋读者登录说明", tr.Card, "/login", "您自己设置的密码", "您自己设置的密码")
	if strings.Contains(slips.body, "345678") {
		t.Error("a login slip prints the initial password itself")
	}
	lib.post(class+"/reset-passwords", url.Values{}).want(t, http.StatusSeeOther)
	lib.get(class).want(t, http.StatusOK, "已将 3 名学员恢复为初始密码")
	b.get("/my").want(t, http.StatusSeeOther) // the reset ended the session
	res = b.post("/login", url.Values{"username": {tr.Card}, "password": {"345678"}})
	if res.header.Get("Location") != "/my/password" {
		t.Fatalf("after the class reset the initial password leads to %q", res.header.Get("Location"))
	}

	// The librarian switches to the card number; the slips say so.
	lib.post("/settings/rules", url.Values{"card_grace_days": {"7"}, "hold_pickup_days": {"7"}, "suspend_days_per_overdue_day": {"0"},
		"staff_expiry_years": {"3"}, "closed_weekdays": {"0", "6"}, "initial_password": {"card"}}).want(t, http.StatusSeeOther)
	lib.get("/settings").want(t, http.StatusOK, `<option value="card" selected>读者证号</option>`)
	lib.get("/readers/"+tr.Card+"/login-slip").want(t, http.StatusOK, "初始密码为读者证号")
	lib.post("/settings/rules", url.Values{"card_grace_days": {"7"}, "hold_pickup_days": {"7"}, "suspend_days_per_overdue_day": {"0"},
		"staff_expiry_years": {"3"}, "initial_password": {"birthday"}}).want(t, http.StatusUnprocessableEntity, "初始密码规则")
}
