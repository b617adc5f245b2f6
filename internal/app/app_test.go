package app_test

import (
	"context"
	"crypto/tls"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/protocol/z3950"
	"shuwu/internal/readers"
	"shuwu/internal/search"
	"shuwu/internal/settings"
	"shuwu/internal/store"
	"shuwu/internal/testkit"
)

func TestASynonymsFileExtendsSearch(t *testing.T) {
	syn := filepath.Join(t.TempDir(), "synonyms.txt")
	os.WriteFile(syn, []byte("# 本校简称\n青干班 = 青年干部培训班\n"), 0o600)
	cfg := testkit.Config(t)
	cfg.Synonyms = syn
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Catalog.CreateRecord(ctx, catalog.Record{Title: "青年干部培训班学习读本", CLC: "D26"}); err != nil {
		t.Fatal(err)
	}
	res, err := a.Search.Search(ctx, search.Request{Query: "青干班", Page: 1, Size: 10})
	if err != nil || res.Total != 1 {
		t.Fatalf("search 青干班 = %+v, %v; want the record found through the configured synonym", res, err)
	}
}

func TestAMissingSynonymsFileIsAClearError(t *testing.T) {
	cfg := testkit.Config(t)
	cfg.Synonyms = filepath.Join(t.TempDir(), "nope.txt")
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	_, err := app.Open(context.Background(), cfg, nil)
	if !errs.Is(err, "SYNONYMS_UNREADABLE") {
		t.Fatalf("open = %v; want SYNONYMS_UNREADABLE", err)
	}
}

func TestAvailabilityFacetFollowsLending(t *testing.T) {
	cfg := testkit.Config(t)
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer func() { a.Close() }() // a is reopened below
	rec, err := a.Catalog.CreateRecord(ctx, catalog.Record{Title: "红星照耀中国", CLC: "K26"})
	if err != nil {
		t.Fatal(err)
	}
	items, err := a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: 2, LocationID: 1})
	if err != nil {
		t.Fatal(err)
	}
	r, err := a.Readers.Create(ctx, readers.Reader{Name: "读者"})
	if err != nil {
		t.Fatal(err)
	}
	onShelf := func() int {
		res, err := a.Search.Search(ctx, search.Request{Query: "红星照耀中国", Page: 1, Size: 10, Filters: map[string][]string{"available": {"true"}}})
		if err != nil {
			t.Fatal(err)
		}
		return res.Total
	}
	if n := onShelf(); n != 1 {
		t.Fatalf("on-shelf hits before lending = %d, want 1", n)
	}
	for i, it := range items {
		if _, err := a.Circulation.Checkout(ctx, r.Card, it.Barcode); err != nil {
			t.Fatal(err)
		}
		want := 1
		if i == len(items)-1 {
			want = 0 // the last copy has left the shelf
		}
		if n := onShelf(); n != want {
			t.Fatalf("on-shelf hits after lending %d of %d copies = %d, want %d", i+1, len(items), n, want)
		}
	}
	if _, err := a.Circulation.Checkin(ctx, items[0].Barcode, false); err != nil {
		t.Fatal(err)
	}
	if n := onShelf(); n != 1 {
		t.Fatalf("on-shelf hits after a copy came back = %d, want 1", n)
	}

	// A librarian sending the copy on the shelf to repair changes nothing
	// in the record's document but its shelf state.
	repair := catalog.StatusRepair
	if _, err := a.Catalog.UpdateItem(ctx, items[0].Barcode, catalog.ItemChange{Status: &repair}); err != nil {
		t.Fatal(err)
	}
	if n := onShelf(); n != 0 {
		t.Fatalf("on-shelf hits with the only copy on the shelf sent to repair = %d, want 0", n)
	}
	back := catalog.StatusAvailable
	if _, err := a.Catalog.UpdateItem(ctx, items[0].Barcode, catalog.ItemChange{Status: &back}); err != nil {
		t.Fatal(err)
	}

	// The shelf states are not kept in the index files: a restart loads
	// them from the database.
	if _, err := a.Circulation.Checkout(ctx, r.Card, items[0].Barcode); err != nil {
		t.Fatal(err)
	}
	a.Close()
	if a, err = app.Open(ctx, cfg, nil); err != nil {
		t.Fatal(err)
	}
	if n := onShelf(); n != 0 {
		t.Fatalf("on-shelf hits after a restart with every copy out = %d, want 0", n)
	}
}

func TestOAIAnswersWithoutLogin(t *testing.T) {
	cfg := testkit.Config(t)
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	a, err := app.Open(context.Background(), cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctx := audit.WithActor(context.Background(), audit.System)
	if _, err := a.Circulation.SaveLibrary(ctx, settings.Library{Name: "州委党校党建书屋"}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	res, err := http.Get(srv.URL + "/oai?verb=Identify")
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	body, _ := io.ReadAll(res.Body)
	if res.StatusCode != http.StatusOK || !strings.Contains(string(body), "<baseURL>"+srv.URL+"/oai</baseURL>") ||
		!strings.Contains(string(body), "<repositoryName>州委党校党建书屋</repositoryName>") {
		t.Fatalf("GET /oai = %d %s", res.StatusCode, body)
	}
}

// The server answers SRU at /sru and OAI-PMH at /oai without a login, with
// the library's name.
func TestCatalogueProtocolsAreServedWithoutLogin(t *testing.T) {
	cfg := testkit.Config(t)
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Catalog.CreateRecord(ctx, catalog.Record{Title: "红色家书", CLC: "K26"}); err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(a.Handler())
	defer srv.Close()
	for path, want := range map[string]string{
		"/sru?version=1.2&operation=searchRetrieve&query=dc.title%3D红色家书": "<zs:numberOfRecords>1</zs:numberOfRecords>",
		"/sru":               "explainResponse",
		"/oai?verb=Identify": "<repositoryName>",
	} {
		res, err := http.Get(srv.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != 200 || !strings.Contains(string(body), want) {
			t.Errorf("%s: %d, body lacks %q:\n%.400s", path, res.StatusCode, want, body)
		}
	}
}

// --z3950-addr starts the Z39.50 listener beside the web server, and
// shutting the server down stops it.
func TestTheZ3950ListenerRunsWithTheServer(t *testing.T) {
	cfg := testkit.Config(t)
	cfg.Addr, cfg.Z3950Addr = "127.0.0.1:0", "127.0.0.1:0"
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Catalog.CreateRecord(ctx, catalog.Record{Title: "论持久战", CLC: "E0"}); err != nil {
		t.Fatal(err)
	}
	if err := a.Listen(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.Serve() }()
	c, err := z3950.Dial(ctx, a.Z3950Addr(), z3950.Options{Timeout: 5 * time.Second})
	if err != nil {
		t.Fatal(err)
	}
	if n, err := c.Search("Default", z3950.OIDUSMARC, z3950.Use(z3950.UseTitle, "论持久战")); err != nil || n != 1 {
		t.Errorf("search: %d, %v", n, err)
	}
	c.Close()
	sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
	defer cancel()
	if err := a.Shutdown(sctx); err != nil {
		t.Fatal(err)
	}
	<-done
	if _, err := z3950.Dial(ctx, a.Z3950Addr(), z3950.Options{Timeout: time.Second}); err == nil {
		t.Error("the Z39.50 listener still answers after shutdown")
	}
}

// With --tls-cert and --tls-key the web answers over HTTPS only, tells
// browsers to stay on it (HSTS), and marks the session cookie Secure.
func TestTheServerServesHTTPSWithSecureCookies(t *testing.T) {
	_, certFile, keyFile := testkit.SelfSigned(t)
	cfg := testkit.Config(t)
	cfg.Addr, cfg.TLSCert, cfg.TLSKey = "127.0.0.1:0", certFile, keyFile
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	if _, err := a.Auth.CreateUser(ctx, "tlsadmin", "管理员", audit.RoleAdmin, "Tls-pass-2026"); err != nil {
		t.Fatal(err)
	}
	if err := a.Listen(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- a.Serve() }()
	defer func() {
		sctx, cancel := context.WithTimeout(ctx, 5*time.Second)
		defer cancel()
		a.Shutdown(sctx)
		<-done
	}()
	if !strings.HasPrefix(a.URL(), "https://") {
		t.Fatalf("URL %q, want https://", a.URL())
	}
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{InsecureSkipVerify: true}},
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}
	res, err := c.PostForm(a.URL()+"/login", url.Values{"username": {"tlsadmin"}, "password": {"Tls-pass-2026"}})
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Strict-Transport-Security"), "max-age=") {
		t.Fatalf("login over HTTPS: %d, HSTS %q", res.StatusCode, res.Header.Get("Strict-Transport-Security"))
	}
	var secure bool
	for _, ck := range res.Cookies() {
		secure = secure || ck.Secure
	}
	if !secure || len(res.Cookies()) == 0 {
		t.Fatalf("cookies %v, want the session cookie Secure", res.Cookies())
	}
	plain, err := http.Get("http://" + strings.TrimPrefix(a.URL(), "https://") + "/login")
	if err == nil {
		plain.Body.Close()
		if plain.StatusCode == http.StatusOK {
			t.Error("plain HTTP on the HTTPS port answered the page")
		}
	}
}

// The daily backup writes a dated, usable copy and keeps only the newest
// ones, never touching other files in the directory.
func TestScheduledBackupsKeepTheNewest(t *testing.T) {
	cfg := testkit.Config(t)
	cfg.BackupDir, cfg.BackupKeep = filepath.Join(t.TempDir(), "backups"), 2
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ctx := audit.WithActor(context.Background(), audit.System)
	a, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	os.MkdirAll(cfg.BackupDir, 0o755)
	mine := filepath.Join(cfg.BackupDir, "librarian-notes.txt")
	os.WriteFile(mine, []byte("keep"), 0o600)
	var paths []string
	for i := 0; i < 3; i++ {
		if _, err := a.Catalog.CreateRecord(ctx, catalog.Record{Title: fmt.Sprintf("第%d本", i+1), CLC: "D2"}); err != nil {
			t.Fatal(err)
		}
		p, err := a.BackupNow(ctx)
		if err != nil {
			t.Fatal(err)
		}
		paths = append(paths, p)
		time.Sleep(5 * time.Millisecond)
	}
	entries, _ := os.ReadDir(cfg.BackupDir)
	if len(entries) != 5 {
		t.Fatalf("backup dir holds %d files, want the 2 newest backups with their photos and the librarian's file", len(entries))
	}
	if st, err := os.Stat(paths[2] + ".photos"); err != nil || !st.IsDir() {
		t.Errorf("the newest backup has no photos beside it: %v", err)
	}
	if _, err := os.Stat(paths[0]); !os.IsNotExist(err) {
		t.Error("the oldest backup was kept")
	}
	if _, err := os.Stat(mine); err != nil {
		t.Error("a file that is no backup was removed")
	}
	b, err := store.Open(ctx, "sqlite:"+paths[2], nil)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	if c, err := b.Counts(ctx, "2026-12-04"); err != nil || c.Records != 3 {
		t.Fatalf("the newest backup holds %d records (%v), want 3", c.Records, err)
	}
}
