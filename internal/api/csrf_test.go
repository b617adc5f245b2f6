package api_test

import (
	"fmt"
	"io"
	"net/http"
	"strings"
	"testing"
)

// rawCall sends body as text/plain with the session cookie and the given
// extra headers, as a form or fetch from another site would.
func (s *server) rawCall(method, path, cookie, body string, headers ...string) (int, string) {
	s.t.Helper()
	req, _ := http.NewRequest(method, s.url+path, strings.NewReader(body))
	req.Header.Set("Content-Type", "text/plain")
	req.AddCookie(&http.Cookie{Name: "shuwu_session", Value: cookie})
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	defer resp.Body.Close()
	raw, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(raw)
}

// TestCookieWritesFromAnotherSiteAreRefused is the attack from issue 14: a
// text/plain POST carrying an admin's session cookie, sent from
// http://evil.example, must not create an account or lend a book.
func TestCookieWritesFromAnotherSiteAreRefused(t *testing.T) {
	s := startServer(t)
	admin, duty := s.login("admin", "password-123"), s.login("duty1", "password-123")

	var reader struct{ Card string }
	if code := s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "王学员"}, &reader); code != 201 {
		t.Fatalf("create reader: %d", code)
	}
	var rec struct{ ID int64 }
	s.call("POST", "/api/v1/records", admin, map[string]any{"title": "共产党宣言", "clc": "A12"}, &rec)
	var items []struct{ Barcode string }
	if code := s.call("POST", fmt.Sprintf("/api/v1/records/%d/items", rec.ID), admin, map[string]any{"count": 1, "location_id": 1}, &items); code != 201 {
		t.Fatalf("add item: %d", code)
	}

	newAdmin := `{"username":"mallory","name":"Mallory","role":"admin","password":"evil-password-1"}`
	checkout := `{"reader":"` + reader.Card + `","item":"` + items[0].Barcode + `"}`
	for _, tc := range []struct {
		name    string
		headers []string
	}{
		{"Origin of another site", []string{"Origin", "http://evil.example"}},
		{"Sec-Fetch-Site cross-site", []string{"Sec-Fetch-Site", "cross-site", "Origin", "http://evil.example"}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			code, body := s.rawCall("POST", "/api/v1/users", admin, newAdmin, tc.headers...)
			if code != http.StatusForbidden || !strings.Contains(body, "CROSS_ORIGIN") || !strings.Contains(body, "跨站") {
				t.Fatalf("create admin from another site = %d %s, want 403 CROSS_ORIGIN with a Chinese message", code, body)
			}
			code, body = s.rawCall("POST", "/api/v1/checkout", admin, checkout, tc.headers...)
			if code != http.StatusForbidden {
				t.Fatalf("checkout from another site = %d %s, want 403", code, body)
			}
		})
	}

	var users []struct{ Username string }
	s.call("GET", "/api/v1/users", admin, nil, &users)
	for _, u := range users {
		if u.Username == "mallory" {
			t.Fatal("the cross-site request created the account mallory")
		}
	}
	var acc struct{ Loans []struct{ Barcode string } }
	s.call("GET", "/api/v1/readers/"+reader.Card, duty, nil, &acc)
	if len(acc.Loans) != 0 {
		t.Fatalf("the cross-site checkout lent %+v", acc.Loans)
	}

	// The same request from the site itself, and a bearer token from a
	// script anywhere, still work: only the cookie is a browser's ambient
	// credential.
	if code, body := s.rawCall("POST", "/api/v1/checkout", admin, checkout, "Origin", s.url, "Sec-Fetch-Site", "same-origin"); code != http.StatusCreated {
		t.Fatalf("same-origin cookie checkout = %d %s, want 201", code, body)
	}
	req, _ := http.NewRequest("POST", s.url+"/api/v1/users", strings.NewReader(`{"username":"clerk2","name":"二号","role":"duty","password":"clerk-password-2"}`))
	req.Header.Set("Authorization", "Bearer "+admin)
	req.Header.Set("Origin", "http://tools.example")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusCreated {
		t.Fatalf("bearer-token create from a script = %d, want 201", resp.StatusCode)
	}
}
