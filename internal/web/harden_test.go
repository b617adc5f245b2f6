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
