package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/pquerna/otp/totp"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/config"
	"shuwu/internal/testkit"
)

// server is a real shuwu on 127.0.0.1:0 with a temporary database.
type server struct {
	t   *testing.T
	app *app.App
	url string
}

// startServer serves a fresh app; tweak, when given, changes its
// configuration first.
func startServer(t *testing.T, tweak ...func(*config.Config)) *server {
	t.Helper()
	cfg := testkit.Config(t)
	cfg.Addr = "127.0.0.1:0"
	for _, f := range tweak {
		f(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	if err := a.Listen(); err != nil {
		t.Fatal(err)
	}
	go a.Serve()
	t.Cleanup(func() {
		sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		a.Shutdown(sctx)
		a.Close()
	})
	sys := audit.WithActor(ctx, audit.System)
	for _, u := range []struct {
		name string
		role audit.Role
	}{{"admin", audit.RoleAdmin}, {"librarian", audit.RoleLibrarian}, {"duty1", audit.RoleDuty}} {
		if _, err := a.Auth.CreateUser(sys, u.name, u.name, u.role, "password-123"); err != nil {
			t.Fatal(err)
		}
	}
	return &server{t: t, app: a, url: a.URL()}
}

// call sends a JSON request and decodes the JSON answer into out (if not nil).
func (s *server) call(method, path, token string, body any, out any) int {
	s.t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	default:
		raw, _ := json.Marshal(b)
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, s.url+path, rd)
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	if out != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			s.t.Fatalf("%s %s: answer is not JSON: %v: %s", method, path, err, raw)
		}
	}
	return resp.StatusCode
}

func (s *server) login(user, pw string) string {
	s.t.Helper()
	var out struct{ Token string }
	if code := s.call("POST", "/api/v1/auth/login", "", map[string]string{"username": user, "password": pw}, &out); code != 200 {
		s.t.Fatalf("login %s: status %d", user, code)
	}
	return out.Token
}

type apiError struct {
	Error struct {
		Code, Message, Field string
	}
}

// expectError checks status and code, and that the message is Chinese.
func (s *server) expectError(method, path, token string, body any, status int, code string) {
	s.t.Helper()
	var e apiError
	got := s.call(method, path, token, body, &e)
	if got != status || e.Error.Code != code {
		s.t.Fatalf("%s %s = %d %q, want %d %s", method, path, got, e.Error.Code, status, code)
	}
	if e.Error.Message == "" || !strings.ContainsFunc(e.Error.Message, func(r rune) bool { return r >= 0x4e00 && r <= 0x9fff }) {
		s.t.Fatalf("%s %s: message %q is not a Chinese message", method, path, e.Error.Message)
	}
}

func TestLendingFlowOverHTTP(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")

	s.expectError("POST", "/api/v1/records", lib, map[string]any{"title": "共产党宣言", "isbn": "978-7-01-000000-0", "clc": "A12"}, 422, "ISBN_CHECKSUM")
	s.expectError("POST", "/api/v1/records", lib, map[string]any{"title": "共产党宣言", "clc": "Q99X"}, 422, "CLC_MALFORMED")
	var rec struct {
		ID         int64
		CategoryID int64 `json:"category_id"`
	}
	if code := s.call("POST", "/api/v1/records", lib, map[string]any{"title": "共产党宣言", "isbn": "7-5037-1744-0", "clc": "A12",
		"authors": []map[string]string{{"name": "马克思", "role": "著"}, {"name": "恩格斯", "role": "著"}}, "price_fen": 1200}, &rec); code != 201 {
		t.Fatalf("create record: %d", code)
	}
	if rec.CategoryID == 0 {
		t.Fatal("a record in class A got no local category")
	}
	var items []struct {
		Barcode    string
		CallNumber string `json:"call_number"`
	}
	if code := s.call("POST", fmt.Sprintf("/api/v1/records/%d/items", rec.ID), lib, map[string]any{"count": 2, "location_id": 1, "source": "donation", "donor": "张三"}, &items); code != 201 || len(items) != 2 {
		t.Fatalf("add items: %d %+v", code, items)
	}
	if items[0].CallNumber != "A12/1" || items[1].CallNumber != "A12/1" {
		t.Fatalf("call numbers %q %q, want both A12/1 (种次号 1 in class A12)", items[0].CallNumber, items[1].CallNumber)
	}
	s.expectError("POST", fmt.Sprintf("/api/v1/records/%d/items", rec.ID), lib, map[string]any{"barcodes": []string{items[0].Barcode}, "location_id": 1}, 422, "BARCODE_DUPLICATE")

	var reader struct{ Card string }
	if code := s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "王学员", "gender": "男", "unit": "某县委组织部"}, &reader); code != 201 || reader.Card == "" {
		t.Fatalf("create reader: %d %+v", code, reader)
	}
	var co struct {
		Loan struct {
			DueDate string `json:"due_date"`
		}
	}
	if code := s.call("POST", "/api/v1/checkout", duty, map[string]string{"reader": reader.Card, "item": items[0].Barcode}, &co); code != 201 || co.Loan.DueDate == "" {
		t.Fatalf("checkout: %d %+v", code, co)
	}
	s.expectError("POST", "/api/v1/checkout", duty, map[string]string{"reader": reader.Card, "item": items[0].Barcode}, 409, "ITEM_ON_LOAN")
	s.expectError("POST", "/api/v1/checkout", duty, map[string]string{"reader": "R7777777", "item": items[1].Barcode}, 404, "READER_NOT_FOUND")
	s.expectError("POST", "/api/v1/checkout", duty, map[string]string{"reader": reader.Card, "item": "nope"}, 404, "ITEM_NOT_FOUND")

	var acc struct {
		Loans []struct{ Barcode, Title string }
	}
	if code := s.call("GET", "/api/v1/readers/"+reader.Card, duty, nil, &acc); code != 200 || len(acc.Loans) != 1 || acc.Loans[0].Title != "共产党宣言" {
		t.Fatalf("reader account: %d %+v", code, acc)
	}
	var item struct {
		Status string
		Loan   *struct {
			DueDate string `json:"due_date"`
		}
	}
	if code := s.call("GET", "/api/v1/items/"+items[0].Barcode, duty, nil, &item); code != 200 || item.Status != "on_loan" || item.Loan == nil {
		t.Fatalf("item: %d %+v", code, item)
	}
	var ret struct {
		WasOnLoan bool `json:"was_on_loan"`
		Action    string
	}
	if code := s.call("POST", "/api/v1/checkin", duty, map[string]string{"item": items[0].Barcode}, &ret); code != 200 || !ret.WasOnLoan || ret.Action != "shelve" {
		t.Fatalf("checkin: %d %+v", code, ret)
	}
	var events []struct{ Kind string }
	if code := s.call("GET", "/api/v1/ledger?kind=loan,return", lib, nil, &events); code != 200 || len(events) != 2 {
		t.Fatalf("ledger: %d %+v", code, events)
	}
}

func TestAccessAndBadInputAreRefused(t *testing.T) {
	s := startServer(t)
	duty := s.login("duty1", "password-123")
	s.expectError("POST", "/api/v1/records", "", map[string]any{"title": "x"}, 401, "NOT_LOGGED_IN")
	s.expectError("POST", "/api/v1/records", duty, map[string]any{"title": "x"}, 403, "FORBIDDEN")
	s.expectError("GET", "/api/v1/users", duty, nil, 403, "FORBIDDEN")
	s.expectError("POST", "/api/v1/checkout", duty, `{"reader": "R1",`, 422, "BAD_JSON")
	s.expectError("POST", "/api/v1/checkout", duty, `{"reader": 5}`, 422, "BAD_JSON")
	big := `{"reader":"` + strings.Repeat("x", 2<<20) + `"}`
	s.expectError("POST", "/api/v1/checkout", duty, big, 413, "BODY_TOO_LARGE")
	s.expectError("GET", "/api/v1/records/abc", "", nil, 422, "PARAM_INVALID")
	s.expectError("GET", "/api/v1/nothing-here", "", nil, 404, "ROUTE_NOT_FOUND")
	for i := 0; i < 5; i++ {
		s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": "admin", "password": "wrong-pass"}, 401, "WRONG_PASSWORD")
	}
	s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": "admin", "password": "password-123"}, 429, "LOGIN_RATE_LIMITED")
}

func TestReaderSeesOnlyTheirOwnAccount(t *testing.T) {
	s := startServer(t)
	duty := s.login("duty1", "password-123")
	var a, b struct{ Card string }
	s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "甲"}, &a)
	s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "乙"}, &b)
	if code := s.call("POST", "/api/v1/readers/"+a.Card+"/password", duty, map[string]string{"password": "reader-pass-1"}, nil); code != 204 {
		t.Fatalf("set reader password: %d", code)
	}
	tok := s.login(a.Card, "reader-pass-1")
	if code := s.call("GET", "/api/v1/readers/"+a.Card, tok, nil, nil); code != 200 {
		t.Fatalf("own account: %d", code)
	}
	s.expectError("GET", "/api/v1/readers/"+b.Card, tok, nil, 403, "FORBIDDEN")
	s.expectError("POST", "/api/v1/checkout", tok, map[string]string{"reader": a.Card, "item": "1"}, 403, "FORBIDDEN")
	var me struct {
		Actor   struct{ Role string }
		Account *struct{ Reader struct{ Card string } }
	}
	if code := s.call("GET", "/api/v1/me", tok, nil, &me); code != 200 || me.Actor.Role != "reader" || me.Account == nil || me.Account.Reader.Card != a.Card {
		t.Fatalf("me: %d %+v", code, me)
	}
}

// TestOpenAPIDescribesEveryRoute keeps the document and the routes in step:
// every route is documented, and every documented operation is served.
func TestOpenAPIDescribesEveryRoute(t *testing.T) {
	s := startServer(t)
	var doc struct {
		Paths map[string]map[string]json.RawMessage
	}
	if code := s.call("GET", "/api/v1/openapi.json", "", nil, &doc); code != 200 {
		t.Fatalf("openapi: %d", code)
	}
	for _, rt := range s.app.API.Routes() {
		if _, ok := doc.Paths[rt.Path][strings.ToLower(rt.Method)]; !ok {
			t.Errorf("route %s %s is missing from the OpenAPI document", rt.Method, rt.Path)
		}
	}
	admin := s.login("admin", "password-123")
	n := 0
	for path, ops := range doc.Paths {
		for method := range ops {
			concrete := strings.NewReplacer("{id}", "999999", "{barcode}", "none", "{card}", "none", "{code}", "D26", "{username}", "nobody", "{date}", "2030-01-01").Replace(path)
			if method == "post" && strings.HasSuffix(path, "/auth/logout") {
				continue // would end the admin session used below
			}
			var raw json.RawMessage
			code := s.call(strings.ToUpper(method), concrete, admin, "{}", &raw)
			var e apiError
			_ = json.Unmarshal(raw, &e) // lists are arrays; only errors matter here
			if code == http.StatusMethodNotAllowed || e.Error.Code == "ROUTE_NOT_FOUND" {
				t.Errorf("documented %s %s is not served (%d %s)", method, path, code, e.Error.Code)
			}
			if code >= 500 {
				t.Errorf("%s %s answered %d to an empty request", method, concrete, code)
			}
			n++
		}
	}
	if n < 60 {
		t.Fatalf("only %d operations documented", n)
	}
}

func TestSearchFindsANewRecordByTitlePinyinAndISBN(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	var rec struct{ ID int64 }
	if code := s.call("POST", "/api/v1/records", lib, map[string]any{"title": "论共产党员的修养", "isbn": "9787101105285", "clc": "D26",
		"authors": []map[string]string{{"name": "刘少奇", "role": "著"}}}, &rec); code != 201 {
		t.Fatalf("create record: %d", code)
	}
	if code := s.call("POST", fmt.Sprintf("/api/v1/records/%d/items", rec.ID), lib, map[string]any{"count": 1, "location_id": 1}, nil); code != 201 {
		t.Fatalf("add item: %d", code)
	}
	type result struct {
		Total int
		Hits  []struct {
			Record    struct{ ID int64 }
			Available int
		}
	}
	for _, q := range []string{"共产党员", "論共產黨員的修養", "lgcdydxy", "978-7-101-10528-5", "作者:刘少奇"} {
		var res result
		deadline := time.Now().Add(5 * time.Second)
		for {
			code := s.call("GET", "/api/v1/search?q="+url.QueryEscape(q), "", nil, &res)
			if code != 200 {
				t.Fatalf("search %q: %d", q, code)
			}
			if len(res.Hits) > 0 || time.Now().After(deadline) {
				break
			}
			time.Sleep(100 * time.Millisecond) // the indexer batches changes
		}
		if len(res.Hits) == 0 || res.Hits[0].Record.ID != rec.ID || res.Hits[0].Available != 1 {
			t.Errorf("search %q = %+v; want the new record first with 1 copy on the shelf", q, res)
		}
	}
	s.expectError("GET", "/api/v1/search?q="+url.QueryEscape(`"未闭合`), "", nil, 422, "SEARCH_QUERY_INVALID")
}

// The volume is part of a record in the API, both ways.
func TestRecordVolumeThroughTheAPI(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	var rec struct {
		ID         int64
		PartNumber string `json:"part_number"`
	}
	if code := s.call("POST", "/api/v1/records", lib, map[string]any{"title": "习近平谈治国理政", "part_number": "第四卷", "clc": "D2-0"}, &rec); code != 201 {
		t.Fatalf("create record: %d", code)
	}
	var got struct {
		Title      string
		PartNumber string `json:"part_number"`
	}
	if code := s.call("GET", fmt.Sprintf("/api/v1/records/%d", rec.ID), lib, nil, &got); code != 200 || got.PartNumber != "第四卷" {
		t.Fatalf("GET record: %d, part_number %q; want 第四卷", code, got.PartNumber)
	}
	if code := s.call("POST", "/api/v1/records", lib, map[string]any{"title": "x", "part_number": strings.Repeat("卷", 101)}, nil); code != 422 {
		t.Errorf("a 101-character volume: %d, want 422", code)
	}
}

// An account with two-step login logs in through the API with its code in
// the same request; without it the answer is 401 TOTP_REQUIRED.
func TestAPILoginWithTwoStep(t *testing.T) {
	s := startServer(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	users, err := s.app.Auth.Users(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var id int64
	for _, u := range users {
		if u.Username == "duty1" {
			id = u.ID
		}
	}
	setup, err := s.app.Auth.BeginTOTP(ctx, id)
	if err != nil {
		t.Fatal(err)
	}
	code, _ := totp.GenerateCode(setup.Secret, time.Now())
	if err := s.app.Auth.ConfirmTOTP(ctx, id, code); err != nil {
		t.Fatal(err)
	}
	s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": "duty1", "password": "password-123"}, 401, "TOTP_REQUIRED")
	s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": "duty1", "password": "password-123", "totp": "000000"}, 422, "TOTP_WRONG")
	next, _ := totp.GenerateCode(setup.Secret, time.Now().Add(30*time.Second))
	var out struct{ Token string }
	if st := s.call("POST", "/api/v1/auth/login", "", map[string]string{"username": "duty1", "password": "password-123", "totp": next}, &out); st != 200 || out.Token == "" {
		t.Fatalf("login with the code: %d %+v", st, out)
	}
}
