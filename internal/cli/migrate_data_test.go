package cli

import (
	"context"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/config"
	"shuwu/internal/demo"
	"shuwu/internal/search"
	"shuwu/internal/store"
	"shuwu/internal/testkit"
	"shuwu/internal/testkit/pgtest"
	"shuwu/internal/transfer/transferstore"
)

// openDSN opens a store by its --db value and closes it with the test.
func openDSN(t *testing.T, dsn string) *store.DB {
	t.Helper()
	db, err := store.Open(context.Background(), dsn, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

// A whole reading room goes from the engine under test to a SQLite file
// and back again with migrate-data: on the PostgreSQL pass that is
// PostgreSQL → SQLite → PostgreSQL, both directions. Every table comes
// back row for row (counts and checksums), the moved database takes new
// records without id clashes, and the search index built on it finds them.
func TestMigrateDataMovesAWholeReadingRoomBothWays(t *testing.T) {
	ctx := audit.WithActor(context.Background(), audit.System)
	now := time.Date(2025, 11, 19, 10, 30, 0, 0, testkit.Shanghai)
	src := testkit.DBURL(t)
	mid := "sqlite:" + filepath.Join(t.TempDir(), "moved.db")
	back := testkit.DBURL(t)

	func() {
		db, err := store.Open(ctx, src, nil)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		if err := db.Seed(ctx); err != nil {
			t.Fatal(err)
		}
		if _, err := demo.Load(ctx, db, demo.Options{Seed: 7, Now: now, TZ: testkit.Shanghai, Scale: 0.02}); err != nil {
			t.Fatal(err)
		}
		// A MARC original, so a binary column crosses too.
		err = db.Update(ctx, func(tx *store.Tx) error {
			return tx.SaveOriginal(transferstore.Original{RecordID: 1, Flavor: "cnmarc", ControlNumber: "CN1", Data: []byte{0x00, 0x1d, 0x1e, 0xff, '0', '1'}, ImportedAt: now})
		})
		if err != nil {
			t.Fatal(err)
		}
	}()

	for _, hop := range [][2]string{{src, mid}, {mid, back}} {
		code, out, errOut := run(t, "", "migrate-data", "--from", hop[0], "--to", hop[1])
		if code != 0 || !strings.Contains(out, "校验和逐表一致") {
			t.Fatalf("migrate-data %s → %s = %d\n%s\n%s", config.MaskedDB(hop[0]), config.MaskedDB(hop[1]), code, out, errOut)
		}
	}

	a, b := openDSN(t, src), openDSN(t, back)
	sums, diff, err := store.Compare(ctx, a, b)
	if err != nil {
		t.Fatal(err)
	}
	if len(diff) > 0 {
		t.Fatalf("after the round trip these tables differ: %+v", diff)
	}
	rows := map[string]int64{}
	for _, s := range sums {
		rows[s.Table] = s.Rows
	}
	for _, tb := range []string{"records", "items", "readers", "classes", "loans", "ledger", "audit_log", "marc_originals", "reading_lists"} {
		if rows[tb] == 0 {
			t.Errorf("table %s has no rows: the test data set should fill it (%v)", tb, rows)
		}
	}

	// The checksums see a single changed value.
	if err := b.Update(ctx, func(tx *store.Tx) error {
		return tx.SetSetting("migrate_data_probe", "changed")
	}); err != nil {
		t.Fatal(err)
	}
	if _, diff, _ := store.Compare(ctx, a, b); len(diff) != 1 || diff[0].Table != "settings" {
		t.Fatalf("after one changed setting, differing tables = %+v; want settings alone", diff)
	}

	// Into a database that is not empty: refused, naming the table.
	code, _, errOut := run(t, "", "migrate-data", "--from", mid, "--to", back)
	if code != 2 || !strings.Contains(errOut, "目标数据库不是空的") {
		t.Fatalf("migrate-data into a full database = %d %q; want a refusal", code, errOut)
	}

	// The moved reading room works: a new record gets a fresh id, and the
	// search index built from the moved database finds it.
	var moved catalog.Record
	if err := b.View(ctx, func(tx *store.Tx) (err error) { moved, err = tx.Record(1); return err }); err != nil {
		t.Fatal(err)
	}
	b.Close()
	cfg := config.Defaults()
	cfg.DataDir, cfg.DB = t.TempDir(), back
	if err := cfg.Validate(); err != nil {
		t.Fatal(err)
	}
	ap, err := app.Open(ctx, cfg, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer ap.Close()
	if err := ap.RebuildSearchIfStale(ctx); err != nil {
		t.Fatal(err)
	}
	rec, err := ap.Catalog.CreateRecord(ctx, catalog.Record{Title: "迁移之后的新书", CLC: "D26"})
	if err != nil {
		t.Fatalf("a new record in the moved database: %v", err)
	}
	if rec.ID <= rows["records"] {
		t.Errorf("the new record got id %d, not past the %d moved ones", rec.ID, rows["records"])
	}
	for _, title := range []string{"迁移之后的新书", moved.Title} {
		deadline := time.Now().Add(20 * time.Second)
		for {
			res, err := ap.Search.Search(ctx, search.Request{Query: title, Page: 1, Size: 10})
			if err == nil && res.Total >= 1 {
				break
			}
			if time.Now().After(deadline) {
				t.Fatalf("the search on the moved database never found %q: %+v %v", title, res, err)
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	if pgtest.Enabled() && !config.IsPostgresURL(back) {
		t.Fatalf("the PostgreSQL pass moved into %s", back)
	}
}
