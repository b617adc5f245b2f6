package api_test

import (
	"encoding/json"
	"io"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shuwu/internal/config"
	"shuwu/internal/httpx"
)

// TestWeakPasswordsAreRefusedEverywhereAPasswordIsSet: aaaaaaaa and
// password were accepted. Now a new staff account, a staff reset, a
// librarian's reset of a reader's password and a reader's first own
// password each refuse them with the rule's code and a Chinese message.
func TestWeakPasswordsAreRefusedEverywhereAPasswordIsSet(t *testing.T) {
	s := startServer(t)
	admin, duty := s.login("admin", "password-123"), s.login("duty1", "password-123")
	s.expectError("POST", "/api/v1/users", admin, map[string]any{"username": "zhao", "role": "duty", "password": "password"}, 422, "PASSWORD_COMMON")
	s.expectError("POST", "/api/v1/users", admin, map[string]any{"username": "zhao", "role": "duty", "password": "zhao"}, 422, "PASSWORD_TOO_SHORT")
	s.expectError("POST", "/api/v1/users/duty1/password", admin, map[string]any{"password": "aaaaaaaa"}, 422, "PASSWORD_ONE_CHARACTER")

	var rd struct{ Card string }
	if code := s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "孙学员", "phone": "13800138456"}, &rd); code != 201 {
		t.Fatalf("create reader: %d", code)
	}
	s.expectError("POST", "/api/v1/readers/"+rd.Card+"/password", duty, map[string]any{"password": "12345678"}, 422, "PASSWORD_SEQUENCE")
	s.expectError("POST", "/api/v1/readers/"+rd.Card+"/password", duty, map[string]any{"password": rd.Card}, 422, "PASSWORD_IS_NAME")
	first := s.login(rd.Card, "138456")
	s.expectError("POST", "/api/v1/me/password", first, map[string]any{"old_password": "138456", "new_password": "aaaaaaaa"}, 422, "PASSWORD_ONE_CHARACTER")
	s.expectError("POST", "/api/v1/me/password", first, map[string]any{"old_password": "138456", "new_password": "qwertyuiop"}, 422, "PASSWORD_COMMON")
	if code := s.call("POST", "/api/v1/me/password", first, map[string]any{"old_password": "138456", "new_password": "sun-reads-2026"}, nil); code != 204 {
		t.Fatalf("a good password after the weak ones: %d", code)
	}
}

// TestACancelledReadersSessionStopsAtOnce: a reader whose card was
// cancelled kept using an open session. Now the next request after the
// cancellation is refused, and the card cannot log in again.
func TestACancelledReadersSessionStopsAtOnce(t *testing.T) {
	s := startServer(t)
	duty := s.login("duty1", "password-123")
	var rd struct{ Card string }
	if code := s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "郑读者"}, &rd); code != 201 {
		t.Fatalf("create reader: %d", code)
	}
	if code := s.call("POST", "/api/v1/readers/"+rd.Card+"/password", duty, map[string]any{"password": "zheng-reads-1"}, nil); code != 204 {
		t.Fatalf("set password: %d", code)
	}
	tok := s.login(rd.Card, "zheng-reads-1")
	if code := s.call("GET", "/api/v1/readers/"+rd.Card, tok, nil, nil); code != 200 {
		t.Fatalf("own account before: %d", code)
	}
	if code := s.call("POST", "/api/v1/readers/"+rd.Card+"/status", duty, map[string]any{"status": "cancelled"}, nil); code != 200 {
		t.Fatalf("cancel the card: %d", code)
	}
	s.expectError("GET", "/api/v1/readers/"+rd.Card, tok, nil, 401, "NOT_LOGGED_IN")
	s.expectError("GET", "/api/v1/me", tok, nil, 401, "NOT_LOGGED_IN")
	s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": rd.Card, "password": "zheng-reads-1"}, 401, "WRONG_PASSWORD")
}

// TestAWrongMethodIs405WithAllow: a wrong method on an existing endpoint
// answered 404 接口不存在, as if the address were wrong. Now it is 405
// with the methods that work in Allow; an unknown address stays 404.
func TestAWrongMethodIs405WithAllow(t *testing.T) {
	s := startServer(t)
	for _, c := range []struct{ method, path, allow string }{
		{"GET", "/api/v1/checkout", "POST"},
		{"DELETE", "/api/v1/checkout", "POST"},
		{"PATCH", "/api/v1/records", "GET, HEAD, POST"},
		{"POST", "/api/v1/records/1", "GET, HEAD, PUT, DELETE"},
		{"PUT", "/api/v1/auth/login", "POST"},
	} {
		req, _ := http.NewRequest(c.method, s.url+c.path, nil)
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		var e apiError
		json.NewDecoder(resp.Body).Decode(&e)
		resp.Body.Close()
		if resp.StatusCode != 405 || resp.Header.Get("Allow") != c.allow || e.Error.Code != "METHOD_NOT_ALLOWED" || !strings.Contains(e.Error.Message, "不支持") {
			t.Errorf("%s %s = %d Allow %q %+v, want 405 Allow %q", c.method, c.path, resp.StatusCode, resp.Header.Get("Allow"), e.Error, c.allow)
		}
	}
	s.expectError("GET", "/api/v1/no-such-thing", "", nil, 404, "ROUTE_NOT_FOUND")
	s.expectError("DELETE", "/api/v1/no-such-thing", "", nil, 404, "ROUTE_NOT_FOUND")
}

// TestHiddenCharactersAreDroppedFromWhatIsStored: the API stored a NUL,
// control characters and a right-to-left override in a title, a reader's
// name and a class name as sent.
func TestHiddenCharactersAreDroppedFromWhatIsStored(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	var rec struct {
		ID        int64
		Title     string
		Publisher string
		Notes     string
	}
	if code := s.call("POST", "/api/v1/records", lib, map[string]any{"title": "论持久战\x00\u202eexe.txt", "publisher": "人民\x07出版社",
		"notes": "第一行\r\n第二行\u2067"}, &rec); code != 201 {
		t.Fatalf("create record: %d", code)
	}
	if rec.Title != "论持久战exe.txt" || rec.Publisher != "人民出版社" || rec.Notes != "第一行\n第二行" {
		t.Errorf("stored %q / %q / %q", rec.Title, rec.Publisher, rec.Notes)
	}
	s.expectError("POST", "/api/v1/records", lib, map[string]any{"title": "\x00\u202e\x01"}, 422, "TITLE_REQUIRED")
	var rd struct{ Name, Unit string }
	if code := s.call("POST", "/api/v1/readers", lib, map[string]any{"name": "\u202e三张\x00", "unit": "县委\u2066办\u2069"}, &rd); code != 201 {
		t.Fatalf("create reader: %d", code)
	}
	if rd.Name != "三张" || rd.Unit != "县委办" {
		t.Errorf("reader stored as %q of %q", rd.Name, rd.Unit)
	}
	var cl struct{ Name string }
	if code := s.call("POST", "/api/v1/classes", lib, map[string]any{"name": "科干班\x1b[2J", "start_date": "2026-03-01", "end_date": "2026-04-01"}, &cl); code != 201 {
		t.Fatalf("create class: %d", code)
	}
	if cl.Name != "科干班[2J" {
		t.Errorf("class stored as %q", cl.Name)
	}
}

// TestSlowUploadsCannotHoldTheServer: 300 slow uploads from one address
// held 300 sockets, spooled in /tmp. Now a fourth upload under way from
// one address is refused with 429 UPLOADS_BUSY, the files being received
// are in the data directory's spool, and they go when the uploads break
// off; files a crash left there go at the next start.
func TestSlowUploadsCannotHoldTheServer(t *testing.T) {
	var dataDir string
	s := startServer(t, func(c *config.Config) {
		dataDir = c.DataDir
		os.MkdirAll(c.SpoolDir(), 0o700)
		os.WriteFile(filepath.Join(c.SpoolDir(), "spool-upload-123456"), []byte("left by a crash"), 0o600)
	})
	spool := filepath.Join(dataDir, "spool")
	if left, _ := filepath.Glob(filepath.Join(spool, "spool-*")); len(left) != 0 {
		t.Fatalf("files left by a crash are still in the spool: %v", left)
	}
	lib := s.login("librarian", "password-123")
	addr := strings.TrimPrefix(s.url, "http://")
	const boundary = "XyZ"
	head := "POST /api/v1/imports/marc/preview HTTP/1.1\r\nHost: " + addr + "\r\nAuthorization: Bearer " + lib +
		"\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: 10000000\r\n\r\n" +
		"--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.mrc\"\r\n\r\n" + strings.Repeat("0", 4096)
	var conns []net.Conn
	for range httpx.UploadsPerAddress {
		c, err := net.Dial("tcp", addr)
		if err != nil {
			t.Fatal(err)
		}
		defer c.Close()
		io.WriteString(c, head)
		conns = append(conns, c)
	}
	// The server has the three under way once their files are spooled.
	var spooled []string
	for range 500 {
		if spooled, _ = filepath.Glob(filepath.Join(spool, "spool-upload-*")); len(spooled) == len(conns) {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(spooled) != len(conns) {
		t.Fatalf("%d files spooled in the data directory, want %d", len(spooled), len(conns))
	}
	body := "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.mrc\"\r\n\r\nx\r\n--" + boundary + "--\r\n"
	req, _ := http.NewRequest("POST", s.url+"/api/v1/imports/marc/preview", strings.NewReader(body))
	req.Header.Set("Authorization", "Bearer "+lib)
	req.Header.Set("Content-Type", "multipart/form-data; boundary="+boundary)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	var e apiError
	json.NewDecoder(resp.Body).Decode(&e)
	resp.Body.Close()
	if resp.StatusCode != 429 || e.Error.Code != "UPLOADS_BUSY" || !strings.Contains(e.Error.Message, "正在上传") {
		t.Fatalf("a fourth upload from the same address: %d %+v, want 429 UPLOADS_BUSY", resp.StatusCode, e.Error)
	}
	for _, c := range conns {
		c.Close()
	}
	for range 500 {
		if spooled, _ = filepath.Glob(filepath.Join(spool, "spool-*")); len(spooled) == 0 {
			break
		}
		time.Sleep(10 * time.Millisecond)
	}
	if len(spooled) != 0 {
		t.Errorf("broken-off uploads left %v in the spool", spooled)
	}
}

// TestAPeriodicalsTitleIsStoredWithoutHiddenCharacters: a subscription's
// title and source kept a NUL and a right-to-left override as sent.
func TestAPeriodicalsTitleIsStoredWithoutHiddenCharacters(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	var sub struct{ Title, Source string }
	if code := s.call("POST", "/api/v1/subscriptions", lib, map[string]any{"title": "求是\x00\u202e", "frequency": "monthly", "copies": 1,
		"year": s.app.Periodicals.ThisYear(), "source": "邮局\u2066订阅\u2069"}, &sub); code != 201 {
		t.Fatalf("subscribe: %d", code)
	}
	if sub.Title != "求是" || sub.Source != "邮局订阅" {
		t.Errorf("stored %q from %q", sub.Title, sub.Source)
	}
}
