package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"testing"
)

// TestDonorTextBecomesTheRegister: a database from before the donor
// register, whose copies name their donors as free text, comes out of the
// migration with every name in the register (an institution for 单位支持),
// each copy pointing at its donor, and no name lost.
func TestDonorTextBecomesTheRegister(t *testing.T) {
	ctx := context.Background()
	db, err := sql.Open("sqlite", "file:"+filepath.Join(t.TempDir(), "old.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if _, err := db.Exec(`CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at INTEGER NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations(sqliteDialect{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if m.version >= 17 {
			continue
		}
		if _, err := db.Exec(m.sql); err != nil {
			t.Fatalf("%s: %v", m.name, err)
		}
		if _, err := db.Exec(`INSERT INTO schema_migrations VALUES (?, 0)`, m.version); err != nil {
			t.Fatal(err)
		}
	}
	mustExec := func(q string, args ...any) {
		t.Helper()
		if _, err := db.Exec(q, args...); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	mustExec(`INSERT INTO records (id, title, created_at, updated_at) VALUES (1, '红岩', 1, 1)`)
	mustExec(`INSERT INTO locations (id, code, name) VALUES (1, 'shelf1', '第1组书架')`)
	copies := []struct{ barcode, source, donor, status string }{
		{"A1", "donation", "王建国", "available"},
		{"A2", "donation", "王建国", "lost"},
		{"A3", "institution", "州委组织部", "available"},
		{"A4", "purchase", "", "available"},
		{"A5", "donation", "李秀英", "withdrawn"},
	}
	for _, c := range copies {
		mustExec(`INSERT INTO items (record_id, barcode, location_id, status, source, donor, added_date, created_at, updated_at) VALUES (1, ?, 1, ?, ?, ?, '2023-01-01', 5, 5)`,
			c.barcode, c.status, c.source, c.donor)
	}
	if err := migrate(ctx, db, sqliteDialect{}); err != nil {
		t.Fatal(err)
	}
	kinds := map[string]string{}
	rows, err := db.Query(`SELECT name, kind FROM donors`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var n, k string
		if err := rows.Scan(&n, &k); err != nil {
			t.Fatal(err)
		}
		kinds[n] = k
	}
	rows.Close()
	want := map[string]string{"王建国": "person", "州委组织部": "institution", "李秀英": "person"}
	if len(kinds) != len(want) {
		t.Fatalf("register %v, want %v", kinds, want)
	}
	for n, k := range want {
		if kinds[n] != k {
			t.Errorf("%s is %q, want %q", n, kinds[n], k)
		}
	}
	var unlinked int
	if err := db.QueryRow(`SELECT COUNT(*) FROM items i LEFT JOIN donors d ON d.id = i.donor_id WHERE i.donor <> '' AND (d.name IS NULL OR d.name <> i.donor)`).Scan(&unlinked); err != nil {
		t.Fatal(err)
	}
	if unlinked != 0 {
		t.Fatalf("%d copies do not point at their donor", unlinked)
	}
	var held int
	if err := db.QueryRow(`SELECT COUNT(*) FROM items WHERE ` + heldCondition).Scan(&held); err != nil {
		t.Fatal(err)
	}
	if held != 3 {
		t.Fatalf("held copies %d, want 3 (a lost and a withdrawn one are not holdings)", held)
	}
}
