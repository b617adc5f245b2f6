package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// Every login, failed or not, is in the audit log with the address it
// came from; the log exports to Excel with each entry's chain hash, and
// the chain check says it is whole.
func TestLoginsAreAuditedExportedAndTheChainChecked(t *testing.T) {
	e := newEnv(t)
	anon := e.browser(t)
	anon.post("/login", url.Values{"username": {"librarian"}, "password": {"wrong-password"}}).want(t, http.StatusUnprocessableEntity)
	lib := e.as(t, "librarian")

	page := lib.get("/audit?entity=login")
	page.want(t, http.StatusOK, "登录失败", "登录成功", "127.0.0.1")

	x := lib.get("/audit/export.xlsx?entity=login")
	x.want(t, http.StatusOK)
	if ct := x.header.Get("Content-Type"); !strings.Contains(ct, "spreadsheetml") {
		t.Fatalf("export Content-Type = %q", ct)
	}
	f, err := excelize.OpenReader(bytes.NewReader([]byte(x.body)))
	if err != nil {
		t.Fatalf("the export does not open as .xlsx: %v", err)
	}
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) < 3 || rows[0][3] != "来源地址" || rows[0][8] != "哈希" {
		t.Fatalf("export rows = %v, want a header with 来源地址 and 哈希 and the logins", rows)
	}
	var failed bool
	for _, r := range rows[1:] {
		if len(r) > 8 && r[4] == "登录失败" && r[3] == "127.0.0.1" && len(r[8]) == 64 {
			failed = true
		}
	}
	if !failed {
		t.Fatalf("the failed login with its address and hash is not in the export: %v", rows)
	}

	lib.get("/audit/verify").want(t, http.StatusOK, "审计链完整", `id="verify-head"`)
	// Leadership does not see the log.
	e.as(t, "leader").get("/audit/verify").want(t, http.StatusForbidden)
}

// Every answer carries the security headers: no inline or foreign
// script, no framing by another site, no MIME sniffing.
func TestAnswersCarryTheSecurityHeaders(t *testing.T) {
	e := newEnv(t)
	for _, path := range []string{"/", "/login", "/opac", "/api/v1/healthz", "/static/js/app.js"} {
		a := e.browser(t).get(path)
		csp := a.header.Get("Content-Security-Policy")
		for _, want := range []string{"script-src 'self'", "frame-ancestors 'none'", "object-src 'none'"} {
			if !strings.Contains(csp, want) {
				t.Errorf("%s: Content-Security-Policy %q lacks %q", path, csp, want)
			}
		}
		if strings.Contains(csp, "unsafe-eval") || strings.Contains(strings.SplitN(csp, "style-src", 2)[0], "unsafe-inline") {
			t.Errorf("%s: the policy allows inline script or eval: %q", path, csp)
		}
		if a.header.Get("X-Content-Type-Options") != "nosniff" || a.header.Get("X-Frame-Options") != "DENY" {
			t.Errorf("%s: nosniff/frame headers = %q %q", path, a.header.Get("X-Content-Type-Options"), a.header.Get("X-Frame-Options"))
		}
		if a.header.Get("Strict-Transport-Security") != "" {
			t.Errorf("%s: HSTS sent over plain HTTP", path)
		}
	}
}
