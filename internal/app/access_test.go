package app_test

import (
	"bufio"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"sort"
	"strings"
	"testing"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/httpx"
	"shuwu/internal/readers"
	"shuwu/internal/testkit/webtest"
)

// rolesDoc is the table of who may open which route; the test reads it,
// and SHUWU_WRITE_ROLES=1 writes it from what the server does (then read
// the diff before committing it).
const rolesDoc = "../../docs/roles.md"

// roleColumns are the table's columns, in order.
var roleColumns = []string{"anonymous", "reader", "organiser", "leadership", "duty", "librarian", "admin"}

// recordingMux lists every pattern registered on it.
type recordingMux struct {
	*http.ServeMux
	patterns []string
}

func (m *recordingMux) Handle(p string, h http.Handler) {
	m.patterns = append(m.patterns, p)
	m.ServeMux.Handle(p, h)
}

// routeKey is one route as the table names it: "GET /catalog/{id}".
type routeKey = string

// everyRoute is every page and API route of the server, but the static
// files and the catch-all 404.
func everyRoute(t *testing.T, a *app.App) []routeKey {
	rec := &recordingMux{ServeMux: http.NewServeMux()}
	a.Web.Register(rec)
	var out []routeKey
	for _, p := range rec.patterns {
		if p == "/" || strings.HasPrefix(p, "GET /static/") {
			continue
		}
		out = append(out, strings.Replace(p, "/{$}", "/", 1))
	}
	for _, r := range a.API.Routes() {
		out = append(out, r.Method+" "+r.Path)
	}
	sort.Strings(out)
	return slices.Compact(out)
}

var param = regexp.MustCompile(`\{[^}]*\}`)

// refused tells whether the answer turned the person away: not logged in,
// not allowed, or sent to the login page.
func refused(res *http.Response) bool {
	switch res.StatusCode {
	case http.StatusUnauthorized, http.StatusForbidden:
		return true
	}
	if res.StatusCode >= 300 && res.StatusCode < 400 {
		return strings.HasPrefix(res.Header.Get("Location"), "/login")
	}
	return false
}

// try asks for the route as the session's person, with every path
// parameter an id that does not exist, so an allowed request finds
// nothing (404) or is refused on its input (422) and changes nothing.
func try(t *testing.T, srv *httptest.Server, route routeKey, token string) bool {
	t.Helper()
	method, path, _ := strings.Cut(route, " ")
	path = param.ReplaceAllString(path, "999999")
	req, err := http.NewRequest(method, srv.URL+path, strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	if strings.HasPrefix(path, "/api/") {
		req.Header.Set("Content-Type", "application/json")
	} else {
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if token != "" {
		req.AddCookie(&http.Cookie{Name: httpx.SessionCookie, Value: token})
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.Do(req)
	if err != nil {
		t.Fatalf("%s: %v", route, err)
	}
	res.Body.Close()
	if res.StatusCode >= 500 {
		t.Errorf("%s as %s: status %d: no request may fail the server", route, tokenRole[token], res.StatusCode)
	}
	if strings.HasSuffix(route, "/auth/login") || route == "POST /login/code" {
		// A login answers 401 to a wrong password or code: that is the route
		// open, not the person refused.
		return res.StatusCode != http.StatusForbidden
	}
	return !refused(res)
}

var tokenRole = map[string]string{}

// readRolesDoc reads the table: route → role → allowed.
func readRolesDoc(t *testing.T) map[routeKey]map[string]bool {
	f, err := os.Open(rolesDoc)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[routeKey]map[string]bool{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "| `") {
			continue
		}
		cells := strings.Split(strings.Trim(line, "|"), "|")
		if len(cells) != len(roleColumns)+1 {
			t.Fatalf("%s: %q has %d cells, want %d", rolesDoc, line, len(cells), len(roleColumns)+1)
		}
		route := strings.Trim(strings.TrimSpace(cells[0]), "`")
		out[route] = map[string]bool{}
		for i, role := range roleColumns {
			out[route][role] = strings.TrimSpace(cells[i+1]) == "✓"
		}
	}
	return out
}

// writeRolesDoc replaces the table in the document with got.
func writeRolesDoc(t *testing.T, routes []routeKey, got map[routeKey]map[string]bool) {
	b, err := os.ReadFile(rolesDoc)
	if err != nil {
		t.Fatal(err)
	}
	const begin, end = "<!-- roles:begin -->\n", "<!-- roles:end -->"
	s := string(b)
	i, j := strings.Index(s, begin), strings.Index(s, end)
	if i < 0 || j < i {
		t.Fatalf("%s lacks the %q … %q markers", rolesDoc, begin, end)
	}
	var tb strings.Builder
	tb.WriteString("| route | 匿名 anonymous | 读者 reader | 组织者 organiser | 领导 leadership | 值班员 duty | 馆员 librarian | 管理员 admin |\n|---|---|---|---|---|---|---|---|\n")
	for _, r := range routes {
		fmt.Fprintf(&tb, "| `%s` |", r)
		for _, role := range roleColumns {
			if got[r][role] {
				tb.WriteString(" ✓ |")
			} else {
				tb.WriteString(" – |")
			}
		}
		tb.WriteString("\n")
	}
	if err := os.WriteFile(rolesDoc, []byte(s[:i+len(begin)]+tb.String()+s[j:]), 0o644); err != nil {
		t.Fatal(err)
	}
}

// The access matrix: every page and API route, tried as each of the seven
// kinds of person, answers as docs/roles.md says (✓ the route is open to
// them, – they are refused or sent to log in). Whatever the table says,
// some rules hold: leadership and anonymous visitors change nothing but
// their own session, a reader reaches nothing staff-only, and an
// administrator may do all a librarian may.
func TestEveryRouteAnswersEachRoleAsTheTableSays(t *testing.T) {
	a := webtest.Open(t)
	f := webtest.Seed(t, a)
	srv := webtest.Server(t, a)
	ctx := t.Context()
	logins := map[string]string{"reader": f.Readers[0].Card, "organiser": "branch1", "leadership": "leader", "duty": "duty1", "librarian": "librarian", "admin": "admin"}
	tokens := map[string]string{"anonymous": ""}
	for role, name := range logins {
		sess, err := a.Auth.Login(ctx, name, webtest.Password, "")
		if err != nil {
			t.Fatalf("login %s: %v", name, err)
		}
		tokens[role] = sess.Token
		tokenRole[sess.Token] = role
	}
	tokenRole[""] = "anonymous"

	routes := everyRoute(t, a)
	got := map[routeKey]map[string]bool{}
	var logouts []routeKey // tried last: they end the session
	for _, r := range routes {
		got[r] = map[string]bool{}
		if strings.HasSuffix(r, "/logout") {
			logouts = append(logouts, r)
			continue
		}
		for _, role := range roleColumns {
			got[r][role] = try(t, srv, r, tokens[role])
		}
	}
	for _, r := range logouts {
		for _, role := range roleColumns {
			got[r][role] = try(t, srv, r, tokens[role])
		}
	}

	if os.Getenv("SHUWU_WRITE_ROLES") == "1" {
		writeRolesDoc(t, routes, got)
	}
	want := readRolesDoc(t)
	for _, r := range routes {
		w, ok := want[r]
		if !ok {
			t.Errorf("%s is not in %s: add its row (SHUWU_WRITE_ROLES=1 writes the table; check the new row)", r, rolesDoc)
			continue
		}
		for _, role := range roleColumns {
			if w[role] != got[r][role] {
				t.Errorf("%s as %s: open %v, but %s says %v", r, role, got[r][role], rolesDoc, w[role])
			}
		}
	}
	for r := range want {
		if _, ok := got[r]; !ok {
			t.Errorf("%s names %s, which the server no longer has", rolesDoc, r)
		}
	}

	ownSession := map[routeKey]bool{"POST /login": true, "POST /logout": true, "POST /my/password": true,
		"POST /api/v1/auth/login": true, "POST /api/v1/auth/logout": true, "POST /api/v1/me/password": true,
		"POST /login/code": true, "POST /my/two-step/start": true, "POST /my/two-step/confirm": true, "POST /my/two-step/off": true}
	for _, r := range routes {
		method, path, _ := strings.Cut(r, " ")
		changes := method != http.MethodGet && method != http.MethodHead
		for _, role := range []string{"anonymous", "leadership"} {
			if changes && got[r][role] && !ownSession[r] && !publicWrites[r] {
				t.Errorf("%s is open to %s: it changes something", r, role)
			}
		}
		if got[r]["reader"] && !got[r]["anonymous"] && staffOnly(path) {
			t.Errorf("%s is open to readers", r)
		}
		if got[r]["librarian"] && !got[r]["admin"] {
			t.Errorf("%s is open to librarians but not to administrators", r)
		}
	}
}

// publicWrites are the changes anyone may ask for without logging in:
// none but the door's entry kiosk and the self-check machines' own
// protocol, which authenticate by other means.
var publicWrites = map[routeKey]bool{}

// staffOnly tells the staff areas by their path.
func staffOnly(path string) bool {
	for _, p := range []string{"/desk", "/catalog", "/readers", "/classes", "/settings", "/audit", "/import", "/export", "/acquisitions", "/stocktake", "/print", "/duty", "/visits", "/receptions", "/api/v1/items", "/api/v1/ledger"} {
		if path == p || strings.HasPrefix(path, p+"/") {
			return true
		}
	}
	return false
}

// A reader can only ever reach their own account: asked for every other
// reader's card, hold and loan, through the API and the portal, the
// answer is a refusal and nothing of the other reader changes.
func TestAReaderReachesOnlyTheirOwnAccount(t *testing.T) {
	a := webtest.Open(t)
	f := webtest.Seed(t, a)
	srv := webtest.Server(t, a)
	ctx := audit.WithActor(t.Context(), audit.System)
	me, other := f.Readers[0], f.Readers[1]
	theirs := f.Barcodes[1][0]
	if _, err := a.Circulation.Checkout(ctx, other.Card, theirs); err != nil {
		t.Fatal(err)
	}
	if _, err := a.Circulation.Checkout(ctx, me.Card, f.Barcodes[0][0]); err != nil {
		t.Fatal(err)
	}
	hold, err := a.Circulation.PlaceHold(ctx, other.Card, f.Records[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	sess, err := a.Auth.Login(t.Context(), me.Card, webtest.Password, "")
	if err != nil {
		t.Fatal(err)
	}
	c := &http.Client{CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	ask := func(method, path, body string) int {
		t.Helper()
		req, _ := http.NewRequest(method, srv.URL+path, strings.NewReader(body))
		if strings.HasPrefix(path, "/api/") {
			req.Header.Set("Content-Type", "application/json")
		} else {
			req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		}
		req.AddCookie(&http.Cookie{Name: httpx.SessionCookie, Value: sess.Token})
		res, err := c.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if code := ask("GET", "/api/v1/readers/"+me.Card, ""); code != http.StatusOK {
		t.Fatalf("my own account: %d, want 200", code)
	}
	// Every card there is, and some there are not.
	all, _, err := a.Readers.List(ctx, readers.Filter{Size: 200})
	if err != nil {
		t.Fatal(err)
	}
	cards := []string{"R0000000", "R9999999", "../" + me.Card}
	for _, r := range all {
		if r.Card != me.Card {
			cards = append(cards, r.Card)
		}
	}
	for _, card := range cards {
		for _, p := range []string{"/api/v1/readers/" + card, "/api/v1/readers/" + card + "/history", "/readers/" + card} {
			if code := ask("GET", p, ""); code == http.StatusOK {
				t.Errorf("GET %s as reader %s: 200; another reader's data", p, me.Card)
			}
		}
		if code := ask("POST", "/api/v1/renew-all", `{"reader":"`+card+`"}`); code == http.StatusOK {
			t.Errorf("renew-all of %s as %s: 200", card, me.Card)
		}
		if code := ask("POST", "/api/v1/holds", fmt.Sprintf(`{"reader":%q,"record":%d}`, card, f.Records[2].ID)); code < 400 {
			t.Errorf("a hold for %s placed by %s: %d", card, me.Card, code)
		}
	}
	// Every hold id up to well past the last.
	for id := int64(1); id <= hold.ID+20; id++ {
		ask("DELETE", fmt.Sprintf("/api/v1/holds/%d", id), "")
		ask("POST", fmt.Sprintf("/my/holds/%d/cancel", id), "")
	}
	ask("POST", "/api/v1/renew", `{"item":"`+theirs+`"}`)
	ask("POST", "/my/renew", "barcode="+theirs)

	acc, err := a.Circulation.Account(ctx, other.Card)
	if err != nil {
		t.Fatal(err)
	}
	if len(acc.Holds) != 1 || acc.Holds[0].ID != hold.ID {
		t.Errorf("the other reader's holds after my tries: %+v, want their one hold untouched", acc.Holds)
	}
	if len(acc.Loans) != 1 || acc.Loans[0].Renewals != 0 {
		t.Errorf("the other reader's loan after my tries: %+v, want it not renewed", acc.Loans)
	}
}
