package web_test

import (
	"io"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/app"
	"shuwu/internal/config"
	"shuwu/internal/testkit/webtest"
)

// env is a running app with the fixture library.
type env struct {
	a   *app.App
	srv *httptest.Server
	f   webtest.Fixture
}

// newEnv starts the app; tweak, when given, changes its configuration.
func newEnv(t *testing.T, tweak ...func(*config.Config)) *env {
	t.Helper()
	a := webtest.Open(t, tweak...)
	f := webtest.Seed(t, a)
	return &env{a: a, srv: webtest.Server(t, a), f: f}
}

// browser is a client with cookies that does not follow redirects, so a
// test sees the 303 of a PRG.
type browser struct {
	t    *testing.T
	c    *http.Client
	base string
	lang string
}

func (e *env) browser(t *testing.T) *browser {
	t.Helper()
	jar, _ := cookiejar.New(nil)
	return &browser{t: t, base: e.srv.URL, c: &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}}
}

// as logs b in and returns it.
func (e *env) as(t *testing.T, name string) *browser {
	t.Helper()
	b := e.browser(t)
	res := b.post("/login", url.Values{"username": {name}, "password": {webtest.Password}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("login %s: status %d, body %s", name, res.status, res.body)
	}
	return b
}

type answer struct {
	status int
	body   string
	header http.Header
}

func (b *browser) do(req *http.Request) answer {
	b.t.Helper()
	if b.lang != "" {
		req.Header.Set("Accept-Language", b.lang)
	}
	res, err := b.c.Do(req)
	if err != nil {
		b.t.Fatal(err)
	}
	defer res.Body.Close()
	body, err := io.ReadAll(res.Body)
	if err != nil {
		b.t.Fatal(err)
	}
	return answer{status: res.StatusCode, body: string(body), header: res.Header}
}

func (b *browser) get(path string) answer {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodGet, b.base+path, nil)
	if err != nil {
		b.t.Fatal(err)
	}
	return b.do(req)
}

func (b *browser) post(path string, form url.Values, header ...string) answer {
	b.t.Helper()
	req, err := http.NewRequest(http.MethodPost, b.base+path, strings.NewReader(form.Encode()))
	if err != nil {
		b.t.Fatal(err)
	}
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	return b.do(req)
}

// want fails unless the answer has status and contains every snippet.
func (a answer) want(t *testing.T, status int, snippets ...string) {
	t.Helper()
	if a.status != status {
		t.Fatalf("status %d, want %d; body:\n%s", a.status, status, clip(a.body))
	}
	for _, s := range snippets {
		if !strings.Contains(a.body, s) {
			t.Errorf("body lacks %q:\n%s", s, clip(a.body))
		}
	}
}

func clip(s string) string {
	if len(s) > 3000 {
		return s[:3000] + "…"
	}
	return s
}
