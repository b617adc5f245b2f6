// Package webtest starts a real shuwu on a temporary database with a small
// library in it, for the page tests, the browser tests and the benchmarks.
package webtest

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"sync"
	"testing"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/config"
	"shuwu/internal/readers"
	"shuwu/internal/testkit/pgtest"
)

// Password is the password of every account and reader the fixture makes.
const Password = app.DemoPassword

// Fixture is what Seed made.
type Fixture struct {
	Records  []catalog.Record
	Barcodes [][]string // per record
	Readers  []readers.Reader
	Class    readers.Class
}

// Open starts an app on a temporary data directory; it is shut down when
// the test ends.
// tweak, when given, changes the configuration before the app opens.
func Open(tb testing.TB, tweak ...func(*config.Config)) *app.App {
	tb.Helper()
	a := OpenDir(tb, tb.TempDir(), tweak...)
	tb.Cleanup(func() { _ = a.Close() })
	return a
}

// OpenDir opens an app on dir, or on a new temporary directory when dir
// is "". The caller closes it; benchmarks share one across runs.
func OpenDir(tb testing.TB, dir string, tweak ...func(*config.Config)) *app.App {
	tb.Helper()
	if dir == "" {
		d, err := os.MkdirTemp("", "shuwu-web-")
		if err != nil {
			tb.Fatal(err)
		}
		dir = d
	}
	cfg := config.Defaults()
	cfg.DataDir = dir
	cfg.DB = pgDatabaseFor(tb, dir)
	cfg.Addr = "127.0.0.1:0"
	for _, f := range tweak {
		f(&cfg)
	}
	if err := cfg.Validate(); err != nil {
		tb.Fatal(err)
	}
	a, err := app.Open(context.Background(), cfg, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return a
}

var (
	pgMu  sync.Mutex
	pgDBs = map[string]string{} // data directory → its PostgreSQL database
)

// pgDatabaseFor is the --db value for a data directory: "" (shuwu.db in
// it) on SQLite; on the PostgreSQL pass one database per directory, so
// reopening a directory finds its data again.
func pgDatabaseFor(tb testing.TB, dir string) string {
	if !pgtest.Enabled() {
		return ""
	}
	pgMu.Lock()
	defer pgMu.Unlock()
	if u, ok := pgDBs[dir]; ok {
		return u
	}
	u := pgtest.NewDatabase(tb)
	pgDBs[dir] = u
	return u
}

// Server serves a's handler on an httptest server.
func Server(tb testing.TB, a *app.App) *httptest.Server {
	tb.Helper()
	srv := httptest.NewServer(a.Handler())
	tb.Cleanup(srv.Close)
	return srv
}

// books are the fixture's records: title, author, CLC class, copies.
var books = []struct {
	title, author, clc string
	copies             int
}{
	{"习近平谈治国理政（第四卷）", "习近平", "D2", 1},
	{"中国共产党简史", "本书编写组", "D2", 2},
	{"共产党宣言", "马克思", "A1", 2},
	{"平凡的世界", "路遥", "I2", 1},
	{"红岩", "罗广斌", "I2", 1},
	{"中华人民共和国史", "当代中国研究所", "K2", 3},
}

// ISBN13 completes twelve digits with their ISBN-13 check digit.
func ISBN13(twelve string) string {
	sum := 0
	for i, c := range twelve {
		d := int(c - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return twelve + fmt.Sprint((10-sum%10)%10)
}

// Seed adds staff accounts (the demo's: admin, librarian, duty1, duty2, leader),
// six records with copies on the shelf groups, two readers with
// passwords, and a class ending in ten days with both in it.
func Seed(tb testing.TB, a *app.App) Fixture {
	tb.Helper()
	ctx := audit.WithActor(context.Background(), audit.System)
	if err := a.CreateDemoAccounts(ctx); err != nil {
		tb.Fatal(err)
	}
	locs, err := a.Catalog.Locations(ctx)
	if err != nil || len(locs) == 0 {
		tb.Fatalf("locations: %v", err)
	}
	var f Fixture
	for i, b := range books {
		rec, err := a.Catalog.CreateRecord(ctx, catalog.Record{Title: b.title, Authors: []catalog.Author{{Name: b.author}},
			Publisher: "人民出版社", Place: "北京", Year: 2020 + i%4, ISBN: ISBN13(fmt.Sprintf("97870100%04d", i+1)), CLC: b.clc, PriceFen: 4500})
		if err != nil {
			tb.Fatalf("record %s: %v", b.title, err)
		}
		items, err := a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: b.copies, LocationID: locs[i%len(locs)].ID})
		if err != nil {
			tb.Fatalf("items of %s: %v", b.title, err)
		}
		var codes []string
		for _, it := range items {
			codes = append(codes, it.Barcode)
		}
		f.Records = append(f.Records, rec)
		f.Barcodes = append(f.Barcodes, codes)
	}
	types, err := a.Readers.Types(ctx)
	if err != nil {
		tb.Fatal(err)
	}
	var trainee int64
	for _, t := range types {
		if t.Code == readers.TypeTrainee {
			trainee = t.ID
		}
	}
	today := a.Catalog.Today()
	c, err := a.Readers.CreateClass(ctx, readers.Class{Name: "2024年春季县干班", Kind: "主体班", StartDate: addDays(tb, today, -30), EndDate: addDays(tb, today, 10)})
	if err != nil {
		tb.Fatal(err)
	}
	f.Class = c
	for _, p := range []struct{ name, unit, phone string }{{"张三", "某县委组织部", "13800138000"}, {"李四", "某县委宣传部", "13900139000"}} {
		r, err := a.Readers.Create(ctx, readers.Reader{Name: p.name, Unit: p.unit, Phone: p.phone, TypeID: trainee, ExpiryDate: addDays(tb, today, 60)})
		if err != nil {
			tb.Fatal(err)
		}
		if err := a.Auth.SetReaderPassword(ctx, r.Card, Password); err != nil {
			tb.Fatal(err)
		}
		if _, err := a.Readers.AddMembers(ctx, c.ID, []string{r.Card}); err != nil {
			tb.Fatal(err)
		}
		if r, err = a.Readers.ByCard(ctx, r.Card); err != nil {
			tb.Fatal(err)
		}
		f.Readers = append(f.Readers, r)
	}
	return f
}
