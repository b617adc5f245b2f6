package store

import (
	"context"
	"database/sql"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuwu/internal/testkit/pgtest"
)

// upgradeFixture is the database of the last release with a small library
// in it (records, copies, readers, a class, a loan, a return, a hold, an
// activity with a registration, a leader visit, the audit log), written
// by that release's own code (testdata/upgrade/README.md).
const upgradeFixture = "testdata/upgrade/r72dcead.sql"

var fixtureInsert = regexp.MustCompile(`^INSERT INTO (\w+) `)

// loadRelease builds the fixture's database on the engine the tests run
// on: that release's migrations only, then its rows, as that release left
// them. It returns the database's --db value and the rows per table.
func loadRelease(t *testing.T) (string, map[string]int) {
	t.Helper()
	body, err := os.ReadFile(upgradeFixture)
	if err != nil {
		t.Fatal(err)
	}
	var stmts []string
	rows := map[string]int{}
	versions := map[int]bool{}
	version := regexp.MustCompile(`^INSERT INTO schema_migrations \(version, applied_at\) VALUES \((\d+),`)
	for _, line := range fixtureStatements(string(body)) {
		m := fixtureInsert.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		stmts = append(stmts, line)
		rows[m[1]]++
		if v := version.FindStringSubmatch(line); v != nil {
			n, _ := strconv.Atoi(v[1])
			versions[n] = true
		}
	}
	if len(versions) < 20 || rows["audit_log"] == 0 {
		t.Fatalf("the fixture has %d migrations and %d audit entries: not a release's database", len(versions), rows["audit_log"])
	}
	ctx := context.Background()
	var d dialect = sqliteDialect{}
	driver, dsn := "sqlite", filepath.Join(t.TempDir(), "shuwu.db")
	if pgtest.Enabled() {
		d, driver, dsn = pgDialect{}, "pgx", pgtest.NewDatabase(t)
	}
	raw, err := sql.Open(driver, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer raw.Close()
	if _, err := raw.ExecContext(ctx, `CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		t.Fatal(err)
	}
	ms, err := loadMigrations(d)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range ms {
		if !versions[m.version] {
			continue
		}
		if _, err := raw.ExecContext(ctx, m.sql); err != nil {
			t.Fatalf("the release's migration %s: %v", m.name, err)
		}
	}
	tx, err := raw.BeginTx(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	if pgtest.Enabled() {
		// The rows go in table by table as the release wrote them;
		// foreign keys are checked by the upgraded store afterwards.
		if _, err := tx.ExecContext(ctx, `SET LOCAL session_replication_role = replica`); err != nil {
			t.Fatal(err)
		}
	}
	for table := range rows {
		if _, err := tx.ExecContext(ctx, `DELETE FROM `+table); err != nil { // the migrations' seeds
			t.Fatal(err)
		}
	}
	for _, s := range stmts {
		if _, err := tx.ExecContext(ctx, s); err != nil {
			t.Fatalf("%s: %v", s[:min(len(s), 120)], err)
		}
	}
	if pgtest.Enabled() {
		for table := range rows {
			var hasID bool
			if err := tx.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = $1 AND column_name = 'id' AND is_identity = 'YES')`, table).Scan(&hasID); err != nil {
				t.Fatal(err)
			}
			if hasID {
				if _, err := tx.ExecContext(ctx, `SELECT setval(pg_get_serial_sequence('`+table+`', 'id'), (SELECT MAX(id) FROM `+table+`))`); err != nil {
					t.Fatal(err)
				}
			}
		}
	}
	if err := tx.Commit(); err != nil {
		t.Fatal(err)
	}
	if pgtest.Enabled() {
		return dsn, rows
	}
	return "sqlite:" + dsn, rows
}

// Upgrading a database the last release made, with data in it, applies
// the new migrations and loses nothing: every row is still there, the
// audit log's old entries are chained and verify, and the upgraded
// database takes new loans, records and audit entries.
func TestUpgradingTheLastReleaseKeepsItsData(t *testing.T) {
	dsn, rows := loadRelease(t)
	ctx := context.Background()
	db, err := Open(ctx, dsn, nil)
	if err != nil {
		t.Fatalf("upgrade: %v", err)
	}
	defer db.Close()
	err = db.View(ctx, func(tx *Tx) error {
		for table, want := range rows {
			if table == "schema_migrations" {
				continue
			}
			got, err := tx.count(`SELECT COUNT(*) FROM ` + table)
			if err != nil {
				return err
			}
			if got != want {
				t.Errorf("%s: %d rows after the upgrade, the release had %d", table, got, want)
			}
		}
		n, err := tx.count(`SELECT COUNT(*) FROM schema_migrations`)
		if err == nil && n != len(mustMigrations(t)) {
			t.Errorf("%d migrations recorded after the upgrade, this shuwu has %d", n, len(mustMigrations(t)))
		}
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	v, err := db.VerifyAuditChain(ctx)
	if err != nil || !v.OK() || v.Entries != int64(rows["audit_log"]) {
		t.Fatalf("the release's audit log after the upgrade: %+v (%v), want its %d entries chained and whole", v, err, rows["audit_log"])
	}
	err = db.Update(ctx, func(tx *Tx) error {
		r, err := tx.ReaderByCard("R0000001")
		if err != nil {
			return err
		}
		if r.Name != "张三" {
			t.Errorf("reader R0000001 after the upgrade: %+v", r)
		}
		id, err := tx.insert(`INSERT INTO records(title, created_at, updated_at) VALUES ('升级后的新书', 0, 0)`)
		if err != nil {
			return err
		}
		if id <= int64(rows["records"]) {
			t.Errorf("a new record got id %d, which the release's records use", id)
		}
		if n, err := tx.ActiveLoanCount(r.ID); err != nil || n != 1 {
			t.Errorf("the release's loan of R0000001: %d (%v), want 1", n, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	c, err := db.Counts(ctx, time.Now().Format(time.DateOnly))
	if err != nil || c.Records != rows["records"]+1 || c.Readers != rows["readers"] {
		t.Fatalf("counts after the upgrade: %+v (%v)", c, err)
	}
}

// fixtureStatements splits the fixture into its statements: each ends
// with ");" at the end of a line outside a quoted string (texts such as a
// shift's checklist span lines).
func fixtureStatements(body string) []string {
	var out []string
	var cur strings.Builder
	quotes := 0
	for _, line := range strings.Split(body, "\n") {
		if cur.Len() == 0 && !strings.HasPrefix(line, "INSERT INTO ") {
			continue
		}
		if cur.Len() > 0 {
			cur.WriteByte('\n')
		}
		cur.WriteString(line)
		quotes += strings.Count(line, "'")
		if quotes%2 == 0 && strings.HasSuffix(line, ");") {
			out = append(out, cur.String())
			cur.Reset()
			quotes = 0
		}
	}
	return out
}

func mustMigrations(t *testing.T) []migration {
	ms, err := loadMigrations(sqliteDialect{})
	if err != nil {
		t.Fatal(err)
	}
	return ms
}
