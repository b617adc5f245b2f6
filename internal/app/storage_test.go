package app_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/testkit"
)

// lockedBuffer is a log sink the server's goroutines share.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) lines(substr string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, line := range strings.Split(l.b.String(), "\n") {
		if strings.Contains(line, substr) {
			n++
		}
	}
	return n
}

// TestAFullDiskRefusesWritesPlainlyAndRecovers: a full disk answered every
// write with 500 内部错误, logged 103,000 lines in 15 seconds and /healthz
// said nothing. On a real full disk (a small tmpfs) the API now answers
// 503 STORAGE_FAILED in Chinese, the pages say it too and show a banner,
// the log has a line a minute, /healthz reports it, reads go on, and when
// space returns the next write works without a restart.
func TestAFullDiskRefusesWritesPlainlyAndRecovers(t *testing.T) {
	disk, ok := testkit.SmallDisk(t, 24<<20)
	if !ok {
		return
	}
	cfg := testkit.Config(t)
	cfg.DataDir, cfg.DB = filepath.Join(disk, "data"), "" // the SQLite file on the small disk, on either pass
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	logs := &lockedBuffer{}
	a, err := app.Open(context.Background(), cfg, slog.New(slog.NewTextHandler(logs, nil)))
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Auth.CreateUser(audit.WithActor(context.Background(), audit.System), "librarian", "馆员", audit.RoleLibrarian, "password-123"); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()

	call := func(method, path, token string, body any) (int, map[string]any) {
		t.Helper()
		var rd io.Reader
		if body != nil {
			raw, _ := json.Marshal(body)
			rd = bytes.NewReader(raw)
		}
		req, _ := http.NewRequest(method, srv.URL+path, rd)
		req.Header.Set("Content-Type", "application/json")
		if token != "" {
			req.Header.Set("Authorization", "Bearer "+token)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var out map[string]any
		json.NewDecoder(res.Body).Decode(&out)
		return res.StatusCode, out
	}
	_, sess := call("POST", "/api/v1/auth/login", "", map[string]string{"username": "librarian", "password": "password-123"})
	tok, _ := sess["token"].(string)
	jar, _ := cookiejar.New(nil)
	page := &http.Client{Jar: jar, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	if res, err := page.PostForm(srv.URL+"/login", url.Values{"username": {"librarian"}, "password": {"password-123"}}); err != nil || res.StatusCode != http.StatusSeeOther {
		t.Fatalf("page login: %v %v", res, err)
	}
	code, rec := call("POST", "/api/v1/records", tok, map[string]any{"title": "写满之前的书"})
	if code != 201 {
		t.Fatalf("a write before the disk is full: %d %v", code, rec)
	}
	recID := fmt.Sprint(rec["id"])

	var frees []func()
	full := func() { frees = append(frees, testkit.FillDisk(t, disk, 0)) } // again when something freed space
	free := func() {
		for _, f := range frees {
			f()
		}
	}
	full()
	notes := strings.Repeat("长", 1900)
	failing := func() (int, string) {
		for i := range 400 {
			code, out := call("POST", "/api/v1/records", tok, map[string]any{"title": fmt.Sprintf("写满之后的书 %d", i), "notes": notes})
			if code != 201 {
				e, _ := out["error"].(map[string]any)
				return code, fmt.Sprint(e["code"], " ", e["message"])
			}
		}
		return 201, ""
	}
	code, msg := failing()
	if code != 503 || !strings.HasPrefix(msg, "STORAGE_FAILED ") || !strings.Contains(msg, "存储空间不足") {
		t.Fatalf("a write on the full disk: %d %q, want 503 STORAGE_FAILED saying 存储空间不足", code, msg)
	}
	// A write that finds room (SQLite reuses pages a checkpoint freed)
	// is not a failure; fill the disk again and go on, a few times at most.
	refills := 0
	for range 300 {
		code, _ := call("POST", "/api/v1/records", tok, map[string]any{"title": "又一本", "notes": notes})
		if code == 201 && refills < 3 {
			refills++
			full()
			continue
		}
		if code != 503 {
			t.Fatalf("a write on the full disk: %d", code)
		}
	}
	if n := logs.lines("level=ERROR"); n > 5 {
		t.Errorf("301 refused writes logged %d error lines, want one a minute:\n%s", n, logs.b.String())
	}
	if n := logs.lines("disk is full or read-only"); n < 1 || n > 3 {
		t.Errorf("the full disk was logged %d times, want once (a minute)", n)
	}
	if code, out := call("GET", "/api/v1/records/"+recID, tok, nil); code != 200 {
		t.Errorf("a read on the full disk: %d %v", code, out)
	}
	// Searching goes on; the indexer meets the full disk too (Bleve
	// panicked on its next batch, which took the whole server down).
	for range 5 {
		if code, out := call("GET", "/api/v1/search?q="+url.QueryEscape("写满"), tok, nil); code != 200 {
			t.Fatalf("a search on the full disk: %d %v\n%s", code, out, logs.b.String())
		}
		time.Sleep(150 * time.Millisecond)
	}
	full() // the index gave back the space of the segment it could not write
	code, health := call("GET", "/healthz", "", nil)
	if st, _ := health["storage"].(map[string]any); code != 503 || health["status"] != "storage_failed" || st == nil || !strings.Contains(fmt.Sprint(st["message"]), "存储空间不足") {
		t.Errorf("/healthz on the full disk: %d %v", code, health)
	}
	// The index frees the space of what it failed to write, now and then:
	// fill that too, so the page meets a full disk.
	var res *http.Response
	var body []byte
	for range 5 {
		full()
		if res, err = page.PostForm(srv.URL+"/catalog/new", url.Values{"title": {"从页面保存的书"}}); err != nil {
			t.Fatal(err)
		}
		body, _ = io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != http.StatusSeeOther {
			break
		}
	}
	if res.StatusCode != 503 || !strings.Contains(string(body), "存储空间不足") || strings.Contains(string(body), "内部错误") {
		t.Errorf("saving a record from its page on the full disk: %d\n%.600s", res.StatusCode, body)
	}
	res, _ = page.Get(srv.URL + "/catalog")
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(body), `id="storage-failed"`) {
		t.Errorf("the catalogue page on the full disk: %d, no storage banner", res.StatusCode)
	}

	free()
	if code, out := call("POST", "/api/v1/records", tok, map[string]any{"title": "腾出空间之后的书"}); code != 201 {
		t.Fatalf("a write once space is back: %d %v", code, out)
	}
	if code, health := call("GET", "/healthz", "", nil); code != 200 || health["status"] != "ok" {
		t.Errorf("/healthz once space is back: %d %v", code, health)
	}
	res, _ = page.Get(srv.URL + "/catalog")
	body, _ = io.ReadAll(res.Body)
	res.Body.Close()
	if strings.Contains(string(body), `id="storage-failed"`) {
		t.Error("the storage banner outlived the failure")
	}
	// The search index catches up by itself, the broken one rebuilt.
	found := false
	for range 300 {
		_, out := call("GET", "/api/v1/search?q="+url.QueryEscape("腾出空间之后的书"), tok, nil)
		if n, _ := out["total"].(float64); n >= 1 {
			found = true
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if !found {
		t.Errorf("the record saved once space was back is not found by search:\n%s", logs.b.String())
	}
	t.Logf("log:\n%s", logs.b.String())
	if logs.lines("writes work again") < 1 {
		t.Errorf("the recovery is not in the log:\n%s", logs.b.String())
	}
}
