package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// TestWeakPasswordsAreRefusedOnEveryForm: aaaaaaaa and password were
// accepted. The staff-account form, the reader page's password reset and
// the reader's own password page now each refuse them, saying which rule
// (in English in the English interface), and change nothing.
func TestWeakPasswordsAreRefusedOnEveryForm(t *testing.T) {
	e := newEnv(t)
	admin := e.as(t, "admin")
	admin.post("/settings/users", url.Values{"username": {"zhao"}, "role": {"duty"}, "password": {"password"}}).
		want(t, http.StatusUnprocessableEntity, "密码太常见")
	if page := admin.get("/settings/users"); strings.Contains(page.body, "/settings/users/zhao") {
		t.Error("the account with the weak password was created")
	}
	admin.post("/settings/users/duty1", url.Values{"display_name": {"改了名"}, "role": {"duty"}, "password": {"aaaaaaaa"}}).
		want(t, http.StatusUnprocessableEntity, "密码不能全是同一个字符")
	if page := admin.get("/settings/users"); strings.Contains(page.body, "改了名") {
		t.Error("the account was changed although its new password was refused")
	}

	card := e.f.Readers[0].Card
	duty := e.as(t, "duty1")
	duty.post("/readers/"+card+"/password", url.Values{"password": {"12345678"}}).
		want(t, http.StatusUnprocessableEntity, "密码不能是连续的数字或字母")

	rd := e.as(t, card)
	rd.post("/my/password", url.Values{"old_password": {"shuwu-demo"}, "new_password": {"aaaaaaaa"}, "confirm": {"aaaaaaaa"}}).
		want(t, http.StatusUnprocessableEntity, "密码不能全是同一个字符")
	rd.lang = "en"
	rd.post("/my/password", url.Values{"old_password": {"shuwu-demo"}, "new_password": {"password"}, "confirm": {"password"}}).
		want(t, http.StatusUnprocessableEntity, "most common")
	rd.get("/my").want(t, http.StatusOK) // still logged in: nothing changed
}

// TestACancelledReaderIsLoggedOutOfThePortal: the portal kept serving a
// reader whose card the desk had just cancelled.
func TestACancelledReaderIsLoggedOutOfThePortal(t *testing.T) {
	e := newEnv(t)
	card := e.f.Readers[0].Card // the fixture lends them nothing
	rd := e.as(t, card)
	rd.get("/my").want(t, http.StatusOK)
	e.as(t, "duty1").post("/readers/"+card+"/status", url.Values{"status": {"cancelled"}}).want(t, http.StatusSeeOther)
	if res := rd.get("/my"); res.status != http.StatusSeeOther || !strings.HasPrefix(res.header.Get("Location"), "/login") {
		t.Fatalf("the portal after the card was cancelled: %d to %q, want the login page", res.status, res.header.Get("Location"))
	}
}

// TestAWrongMethodOnAPageIs405WithAllow: DELETE /desk or GET of a form's
// target answered 页面不存在. Now 405 says the page is there, with Allow.
func TestAWrongMethodOnAPageIs405WithAllow(t *testing.T) {
	e := newEnv(t)
	b := e.as(t, "duty1")
	for _, c := range []struct{ method, path, allow string }{
		{"DELETE", "/desk", "GET, HEAD"},
		{"GET", "/desk/scan", "POST"},
		{"PUT", "/login", "GET, HEAD, POST"},
	} {
		req, _ := http.NewRequest(c.method, b.base+c.path, nil)
		res := b.do(req)
		if res.status != http.StatusMethodNotAllowed || res.header.Get("Allow") != c.allow || !strings.Contains(res.body, "不支持") {
			t.Errorf("%s %s = %d Allow %q, want 405 Allow %q; body %s", c.method, c.path, res.status, res.header.Get("Allow"), c.allow, clip(res.body))
		}
	}
	b.get("/no-such-page").want(t, http.StatusNotFound, "页面不存在")
}
