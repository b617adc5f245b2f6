package web_test

import (
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"
)

// A librarian turns two-step login on by scanning the QR code and typing
// the first code; from then on the password alone does not log in, a
// wrong code is refused, a right one logs in, the same code is not taken
// twice; the administrator resets it for a lost phone.
func TestTwoStepLoginForStaff(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/my/two-step").want(t, http.StatusOK, "两步验证未开启")
	setup := lib.post("/my/two-step/start", nil)
	setup.want(t, http.StatusOK, `id="twostep-qr"`, "<svg")
	m := regexp.MustCompile(`id="twostep-secret">([A-Z2-7]+)<`).FindStringSubmatch(setup.body)
	if m == nil {
		t.Fatal("the setup page shows no key")
	}
	secret := m[1]
	lib.post("/my/two-step/confirm", url.Values{"code": {"000000"}}).want(t, http.StatusUnprocessableEntity, "验证码不正确")
	code, _ := totp.GenerateCode(secret, time.Now())
	lib.post("/my/two-step/confirm", url.Values{"code": {code}}).want(t, http.StatusSeeOther)
	lib.get("/my/two-step").want(t, http.StatusOK, "两步验证已开启")

	// The password alone now leads to the code page, not in.
	b := e.browser(t)
	ask := b.post("/login", url.Values{"username": {"librarian"}, "password": {"shuwu-demo"}})
	ask.want(t, http.StatusOK, "输入验证码", `name="challenge"`)
	if strings.Contains(ask.header.Get("Set-Cookie"), "shuwu_session") {
		t.Fatal("a session cookie was set before the code")
	}
	challenge := regexp.MustCompile(`name="challenge" value="([^"]+)"`).FindStringSubmatch(ask.body)[1]
	b.post("/login/code", url.Values{"challenge": {challenge}, "code": {"123456"}}).want(t, http.StatusUnprocessableEntity, "验证码不正确")
	b.get("/desk").want(t, http.StatusSeeOther)
	next, _ := totp.GenerateCode(secret, time.Now().Add(30*time.Second)) // the step after the one used to confirm
	in := b.post("/login/code", url.Values{"challenge": {challenge}, "code": {next}})
	in.want(t, http.StatusSeeOther)
	b.get("/desk").want(t, http.StatusOK)
	// The same code again, on a new login, is refused.
	c := e.browser(t)
	ask = c.post("/login", url.Values{"username": {"librarian"}, "password": {"shuwu-demo"}})
	challenge = regexp.MustCompile(`name="challenge" value="([^"]+)"`).FindStringSubmatch(ask.body)[1]
	c.post("/login/code", url.Values{"challenge": {challenge}, "code": {next}}).want(t, http.StatusUnprocessableEntity)
	// Five wrong codes end the challenge.
	for i := 0; i < 4; i++ {
		c.post("/login/code", url.Values{"challenge": {challenge}, "code": {"999999"}})
	}
	c.post("/login/code", url.Values{"challenge": {challenge}, "code": {"999999"}}).want(t, http.StatusUnauthorized, "请重新输入用户名和密码")

	// The administrator resets it; the password alone logs in again.
	admin := e.as(t, "admin")
	admin.get("/settings/users").want(t, http.StatusOK, `id="reset-two-step-librarian"`)
	admin.post("/settings/users/librarian/two-step-reset", nil).want(t, http.StatusSeeOther)
	e.as(t, "librarian")
	admin.get("/audit?entity=user").want(t, http.StatusOK, "开启两步验证", "重置账号 librarian 的两步验证")
	// Readers have no such page.
	e.as(t, e.f.Readers[0].Card).get("/my/two-step").want(t, http.StatusForbidden)
}
