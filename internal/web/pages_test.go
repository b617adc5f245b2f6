package web_test

import (
	"net/http"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/httpx"
	"shuwu/internal/testkit/webtest"
	"shuwu/internal/web"
)

func TestStaffHome(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	if _, err := e.a.Circulation.Checkout(ctx, e.f.Readers[0].Card, e.f.Barcodes[0][0]); err != nil {
		t.Fatal(err)
	}
	duty := e.as(t, "duty1")
	duty.get("/").want(t, http.StatusOK, "今日概况", "今日借出", "超期未还", "2024年春季县干班", "1 人未还，共 1 册")
	en := e.as(t, "duty1")
	en.lang = "en"
	en.get("/").want(t, http.StatusOK, "Today", "Loans today", "1 readers, 1 books")
	en.get("/desk").want(t, http.StatusOK, "Circulation desk", "Scan a reader&#39;s card")
}

func TestLoginPage(t *testing.T) {
	e := newEnv(t)
	b := e.browser(t)
	b.get("/login").want(t, http.StatusOK, "用户名或读者证号", `name="password"`)
	b.post("/login", url.Values{"username": {""}}).want(t, http.StatusUnprocessableEntity, "请输入用户名或读者证号")
	b.post("/login", url.Values{"username": {"duty1"}, "password": {"wrong"}}).want(t, http.StatusUnprocessableEntity, "用户名或密码错误", `value="duty1"`)
	res := b.post("/login", url.Values{"username": {"duty1"}, "password": {webtest.Password}, "next": {"/catalog"}})
	if res.status != http.StatusSeeOther || res.header.Get("Location") != "/catalog" {
		t.Fatalf("login: %d %q", res.status, res.header.Get("Location"))
	}
	c := res.header.Get("Set-Cookie")
	for _, want := range []string{httpx.SessionCookie + "=", "HttpOnly", "SameSite=Lax", "Path=/"} {
		if !strings.Contains(c, want) {
			t.Errorf("session cookie %q lacks %s", c, want)
		}
	}
	if strings.Contains(c, "Secure") {
		t.Errorf("cookie is Secure without TLS: %q", c)
	}
	// An address off the site is not followed after login.
	res = e.browser(t).post("/login", url.Values{"username": {"duty1"}, "password": {webtest.Password}, "next": {"//evil.example/"}})
	if res.header.Get("Location") != "/" {
		t.Errorf("next to another site: %q", res.header.Get("Location"))
	}
	b.post("/logout", nil).want(t, http.StatusSeeOther)
	b.get("/desk").want(t, http.StatusSeeOther)
	b.get("/no/such/page").want(t, http.StatusNotFound, "页面不存在")
	b.get("/static/css/app.css").want(t, http.StatusOK, "--red")
}

func TestSecureCookies(t *testing.T) {
	a := webtest.Open(t)
	webtest.Seed(t, a)
	w, err := web.New(web.Deps{Catalog: a.Catalog, Readers: a.Readers, Circulation: a.Circulation, Auth: a.Auth, SecureCookies: true})
	if err != nil {
		t.Fatal(err)
	}
	mux := http.NewServeMux()
	w.Register(mux)
	req := httptest.NewRequest(http.MethodPost, "/login", strings.NewReader(url.Values{"username": {"duty1"}, "password": {webtest.Password}}.Encode()))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	rec := httptest.NewRecorder()
	mux.ServeHTTP(rec, req)
	if c := rec.Header().Get("Set-Cookie"); rec.Code != http.StatusSeeOther || !strings.Contains(c, "Secure") {
		t.Errorf("login behind TLS: %d, cookie %q", rec.Code, c)
	}
}
