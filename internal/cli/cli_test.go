package cli

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"shuwu/internal/store"
	"shuwu/internal/testkit/pgtest"
	"shuwu/internal/testkit/shared"
)

// syncBuffer is a bytes.Buffer safe for the server goroutine to write.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func run(t *testing.T, stdin string, args ...string) (int, string, string) {
	t.Helper()
	var out, errOut syncBuffer
	db := dbForArgs(t, args)
	getenv := func(k string) string {
		if k == "SHUWU_DB" {
			return db
		}
		return ""
	}
	code := Run(context.Background(), args, Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(stdin), Getenv: getenv})
	return code, out.String(), errOut.String()
}

var (
	pgMu  sync.Mutex
	pgDBs = map[string]string{} // --data directory → its PostgreSQL database
)

// dbForArgs is SHUWU_DB for a command: "" (shuwu.db in the data
// directory) on SQLite; on the PostgreSQL pass one database per --data
// directory, so commands on the same directory see the same data.
func dbForArgs(t *testing.T, args []string) string {
	if !pgtest.Enabled() {
		return ""
	}
	dir := ""
	for i, a := range args {
		if a == "--data" && i+1 < len(args) {
			dir = args[i+1]
		} else if v, ok := strings.CutPrefix(a, "--data="); ok {
			dir = v
		}
	}
	if dir == "" {
		return ""
	}
	pgMu.Lock()
	defer pgMu.Unlock()
	if u, ok := pgDBs[dir]; ok {
		return u
	}
	u := pgtest.NewDatabase(t)
	pgDBs[dir] = u
	return u
}

func TestVersionNamesTheSchema(t *testing.T) {
	code, out, _ := run(t, "", "version")
	if code != 0 || !strings.Contains(out, fmt.Sprintf("schema %d", store.SchemaVersion())) {
		t.Fatalf("version = %d %q", code, out)
	}
}

func TestUnknownCommandFailsWithUsage(t *testing.T) {
	code, _, errOut := run(t, "", "frobnicate")
	if code != 2 || !strings.Contains(errOut, "未知命令") {
		t.Fatalf("exit %d, stderr %q", code, errOut)
	}
}

func TestUserAddListAndBadRole(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "librarian", "--name", "王馆员", "wang"); code != 0 {
		t.Fatalf("user add: %d %s", code, errOut)
	}
	code, out, _ := run(t, "", "user", "list", "--data", dir)
	if code != 0 || !strings.Contains(out, "wang") || !strings.Contains(out, "librarian") {
		t.Fatalf("user list = %d %q", code, out)
	}
	code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "chief", "li")
	if code != 2 || !strings.Contains(errOut, "角色") {
		t.Fatalf("bad role: exit %d, %q; want 2 with a Chinese message naming the role", code, errOut)
	}
	code, _, errOut = run(t, "short\n", "user", "passwd", "--data", dir, "wang")
	if code != 2 || !strings.Contains(errOut, "密码至少 8 位") {
		t.Fatalf("short password: exit %d, %q", code, errOut)
	}
	code, _, errOut = run(t, "password\n", "user", "passwd", "--data", dir, "wang")
	if code != 2 || !strings.Contains(errOut, "密码太常见") {
		t.Fatalf("a common password: exit %d, %q", code, errOut)
	}
	code, _, errOut = run(t, "aaaaaaaa\n", "user", "add", "--data", dir, "--role", "duty", "li")
	if code != 2 || !strings.Contains(errOut, "同一个字符") {
		t.Fatalf("one character repeated: exit %d, %q", code, errOut)
	}
}

func TestCLCImportLoadsTheFullTable(t *testing.T) {
	dir := t.TempDir()
	file := shared.Path(t, "data", "clc", "clc5.json")
	code, out, errOut := run(t, "", "clc", "import", "--data", dir, file)
	if code != 0 || !strings.Contains(out, "45835") {
		t.Fatalf("clc import = %d %q %q", code, out, errOut)
	}
	bad := filepath.Join(t.TempDir(), "bad.json")
	os.WriteFile(bad, []byte(`{"not":"a table"}`), 0o600)
	if code, _, errOut := run(t, "", "clc", "import", "--data", dir, bad); code != 2 || errOut == "" {
		t.Fatalf("bad table: exit %d %q", code, errOut)
	}
}

func TestStatsJSONIsOneObject(t *testing.T) {
	code, out, errOut := run(t, "", "stats", "--json", "--data", t.TempDir())
	if code != 0 {
		t.Fatalf("stats: %d %s", code, errOut)
	}
	var m map[string]int
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatalf("stats --json is not one JSON object: %v: %q", err, out)
	}
	for _, k := range []string{"records", "items", "readers", "classes", "active_loans", "overdue_loans", "holds"} {
		if _, ok := m[k]; !ok {
			t.Errorf("stats --json lacks %q", k)
		}
	}
}

func TestServeAnswersHealthAndStopsOnSignal(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data", dir}
	db := dbForArgs(t, args)
	go func() {
		done <- Run(ctx, args, Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""), Getenv: func(k string) string {
			if k == "SHUWU_DB" {
				return db
			}
			return ""
		}})
	}()
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+`)
	var base string
	for i := 0; i < 200 && base == ""; i++ {
		time.Sleep(25 * time.Millisecond)
		base = url.FindString(out.String())
	}
	if base == "" {
		t.Fatalf("serve printed no URL: %q %q", out.String(), errOut.String())
	}
	if !strings.Contains(out.String(), "密码 password: ") {
		t.Fatalf("serve on an empty data dir did not print the new admin password: %q", out.String())
	}
	resp, err := http.Get(base + "/healthz")
	if err != nil || resp.StatusCode != 200 {
		t.Fatalf("healthz: %v %v", resp, err)
	}
	resp.Body.Close()
	cancel()
	select {
	case code := <-done:
		if code != 0 {
			t.Fatalf("serve exited %d: %s", code, errOut.String())
		}
	case <-time.After(20 * time.Second):
		t.Fatal("serve did not stop after the signal")
	}
}

func TestBackupWritesAUsableCopyAndNeverOverwrites(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "librarian", "wang"); code != 0 {
		t.Fatalf("user add: %s", errOut)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	if code, out, errOut := run(t, "", "backup", "--data", dir, dst); code != 0 || !strings.Contains(out, "已备份") {
		t.Fatalf("backup = %d %q %q", code, out, errOut)
	}
	// On either engine the backup is a SQLite file, which shuwu opens as
	// its database (and migrate-data moves back to PostgreSQL).
	restored := t.TempDir()
	raw, err := os.ReadFile(dst)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(restored, "shuwu.db"), raw, 0o600)
	if code, out, _ := run(t, "", "user", "list", "--data", restored, "--db", "sqlite:"+filepath.Join(restored, "shuwu.db")); code != 0 || !strings.Contains(out, "wang") {
		t.Fatalf("the backup does not hold the account: %d %q", code, out)
	}
	if code, _, errOut := run(t, "", "backup", "--data", dir, dst); code != 2 || !strings.Contains(errOut, "已存在") {
		t.Fatalf("second backup to the same file = %d %q; want a refusal", code, errOut)
	}
}

// TestToolsWorkWhileTheServerRuns: the search index belongs to the
// server, so a tool run beside it must neither hang on the index lock nor
// leave the server's search stale.
func TestToolsWorkWhileTheServerRuns(t *testing.T) {
	dir := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var out, errOut syncBuffer
	done := make(chan int, 1)
	args := []string{"serve", "--addr", "127.0.0.1:0", "--data", dir}
	db := dbForArgs(t, args)
	go func() {
		done <- Run(ctx, args, Env{Stdout: &out, Stderr: &errOut, Stdin: strings.NewReader(""), Getenv: func(k string) string {
			if k == "SHUWU_DB" {
				return db
			}
			return ""
		}})
	}()
	defer func() { cancel(); <-done }()
	url := regexp.MustCompile(`http://127\.0\.0\.1:\d+`)
	var base string
	for i := 0; i < 200 && base == ""; i++ {
		time.Sleep(25 * time.Millisecond)
		base = url.FindString(out.String())
	}
	if base == "" {
		t.Fatalf("serve printed no URL: %q", errOut.String())
	}
	if code, _, errOut := run(t, "", "stats", "--json", "--data", dir); code != 0 {
		t.Fatalf("stats beside the server: %d %s", code, errOut)
	}
	csv := filepath.Join(t.TempDir(), "书目.csv")
	os.WriteFile(csv, []byte("题名,作者,分类号,册数\n铁道游击队,刘知侠,I247.5,1\n"), 0o600)
	if code, out, errOut := run(t, "", "import", "books", "--data", dir, csv); code != 0 {
		t.Fatalf("import beside the server: %d %s %s", code, out, errOut)
	}
	deadline := time.Now().Add(15 * time.Second)
	for {
		resp, err := http.Get(base + "/api/v1/search?q=" + "%E9%93%81%E9%81%93%E6%B8%B8%E5%87%BB%E9%98%9F")
		if err != nil {
			t.Fatal(err)
		}
		var res struct{ Total int }
		json.NewDecoder(resp.Body).Decode(&res)
		resp.Body.Close()
		if res.Total == 1 {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the server's search never found the record imported beside it")
		}
		time.Sleep(200 * time.Millisecond)
	}
	// A restore is refused while the server runs, and changes nothing.
	backup := filepath.Join(t.TempDir(), "b.db")
	if code, _, errOut := run(t, "", "backup", "--data", dir, backup); code != 0 {
		t.Fatalf("backup beside the server: %s", errOut)
	}
	if code, _, errOut := run(t, "", "restore", "--data", dir, backup); code != 3 || !strings.Contains(errOut, "服务器正在运行") {
		t.Fatalf("restore beside the server = %d %q; want refused", code, errOut)
	}
	if _, err := os.Stat(filepath.Join(dir, "shuwu.db")); !pgtest.Enabled() && err != nil {
		t.Fatalf("the refused restore moved the database: %v", err)
	}
}

func TestABadTimeZoneIsNamedInChinese(t *testing.T) {
	code, _, errOut := run(t, "", "stats", "--data", t.TempDir(), "--tz", "Mars/Olympus")
	if code != 2 || !strings.Contains(errOut, "未知的时区") {
		t.Fatalf("bad --tz: exit %d, %q; want 2 with a Chinese message", code, errOut)
	}
}

// `shuwu audit verify` checks the audit log's chain: the account just
// made is its one entry, and the chain is whole.
func TestAuditVerifySaysTheChainIsWhole(t *testing.T) {
	dir := t.TempDir()
	if code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "librarian", "wang"); code != 0 {
		t.Fatalf("user add: %d %s", code, errOut)
	}
	code, out, errOut := run(t, "", "audit", "verify", "--data", dir)
	if code != 0 || !strings.Contains(out, "审计链完整：已校验 1 条记录") || !strings.Contains(out, "链头 head: 1 ") {
		t.Fatalf("audit verify = %d %q %q", code, out, errOut)
	}
	if code, _, errOut := run(t, "", "audit", "--data", dir); code != 2 || !strings.Contains(errOut, "shuwu audit verify") {
		t.Fatalf("audit without verify = %d %q, want the usage", code, errOut)
	}
}

// A backup restored: the accounts and books made after it are gone, the
// ones before it are back, the search finds the restored books, and the
// database before the restore is kept (SQLite) — or, on PostgreSQL, a
// database that is not empty is refused and a new one takes the backup.
// A running server is never restored under.
func TestRestorePutsTheBackupBack(t *testing.T) {
	dir := t.TempDir()
	books := filepath.Join(t.TempDir(), "books.csv")
	os.WriteFile(books, []byte("题名,作者,分类号,册数\n论持久战,毛泽东,A4,2\n"), 0o600)
	if code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "librarian", "wang"); code != 0 {
		t.Fatalf("user add: %s", errOut)
	}
	if code, _, errOut := run(t, "", "import", "books", "--data", dir, books); code != 0 {
		t.Fatalf("import: %s", errOut)
	}
	backup := filepath.Join(t.TempDir(), "backup.db")
	if code, _, errOut := run(t, "", "backup", "--data", dir, backup); code != 0 {
		t.Fatalf("backup: %s", errOut)
	}
	if code, _, errOut := run(t, "long-password-1\n", "user", "add", "--data", dir, "--role", "duty", "li"); code != 0 {
		t.Fatalf("user add li: %s", errOut)
	}
	into := dir
	if pgtest.Enabled() {
		code, _, errOut := run(t, "", "restore", "--data", dir, backup)
		if code == 0 || !strings.Contains(errOut, "不是空的") {
			t.Fatalf("restore into a PostgreSQL database in use = %d %q; want refused as not empty", code, errOut)
		}
		into = t.TempDir()
	}
	code, out, errOut := run(t, "", "restore", "--data", into, backup)
	if code != 0 || !strings.Contains(out, "逐表与备份一致") || !strings.Contains(out, "检索索引已重建") {
		t.Fatalf("restore = %d %q %q", code, out, errOut)
	}
	if !pgtest.Enabled() && !strings.Contains(out, "原数据库已保留为") {
		t.Errorf("restore did not say where the database before it is kept: %q", out)
	}
	_, users, _ := run(t, "", "user", "list", "--data", into)
	if !strings.Contains(users, "wang") || strings.Contains(users, "li ") {
		t.Errorf("accounts after the restore: %q; want wang and not li", users)
	}
	_, stats, _ := run(t, "", "stats", "--json", "--data", into)
	if !strings.Contains(stats, `"records":1`) || !strings.Contains(stats, `"items":2`) {
		t.Errorf("stats after the restore: %s", stats)
	}
	if code, _, errOut := run(t, "", "restore", "--data", into, filepath.Join(t.TempDir(), "none.db")); code != 2 || !strings.Contains(errOut, "不存在") {
		t.Errorf("restore of a missing file = %d %q", code, errOut)
	}
	junk := filepath.Join(t.TempDir(), "notes.db")
	os.WriteFile(junk, []byte("这不是数据库"), 0o600)
	if code, _, errOut := run(t, "", "restore", "--data", into, junk); code != 2 || !strings.Contains(errOut, "不是书屋的备份") {
		t.Errorf("restore of a file that is no database = %d %q", code, errOut)
	}
	if _, stats, _ := run(t, "", "stats", "--json", "--data", into); !strings.Contains(stats, `"records":1`) {
		t.Errorf("a refused restore changed the data: %s", stats)
	}
}
