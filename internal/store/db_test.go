package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"shuwu/internal/errs"
	"shuwu/internal/testkit/pgtest"
)

// openAny opens a fresh store on the engine the tests run on (pgtest).
func openAny(t testing.TB) *DB {
	t.Helper()
	if !pgtest.Enabled() {
		db, _ := openTemp(t)
		return db
	}
	db, err := OpenPostgres(context.Background(), pgtest.NewDatabase(t), nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db
}

func openTemp(t testing.TB) (*DB, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "shuwu.db")
	db, err := OpenSQLite(context.Background(), path, nil)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	return db, path
}

func TestOpenRefusesASchemaFromANewerShuwu(t *testing.T) {
	db, path := openTemp(t)
	if err := db.Update(context.Background(), func(tx *Tx) error {
		_, err := tx.exec(`INSERT INTO schema_migrations(version, applied_at) VALUES (999, 0)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	db.Close()
	_, err := OpenSQLite(context.Background(), path, nil)
	if err == nil || !strings.Contains(err.Error(), "newer") {
		t.Fatalf("open = %v; want a refusal naming the newer schema", err)
	}
}

func TestMigrationsAreRecordedOnce(t *testing.T) {
	db, path := openTemp(t)
	db.Close()
	db2, err := OpenSQLite(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("reopening a migrated database: %v", err)
	}
	defer db2.Close()
	// Numbers are handed out ahead of the work, so the files may have
	// gaps while some are still to land: count files, not the highest.
	ms, err := loadMigrations(sqliteDialect{})
	if err != nil {
		t.Fatal(err)
	}
	var n int
	if err := db2.lite.write.QueryRow(`SELECT COUNT(*) FROM schema_migrations`).Scan(&n); err != nil || n != len(ms) {
		t.Fatalf("%d migrations recorded (%v), want %d", n, err, len(ms))
	}
}

// TestAMigrationThatLandsLateIsApplied: a database at 0009 that lacks 0003
// (a migration from a branch merged later) gets it on the next open.
func TestAMigrationThatLandsLateIsApplied(t *testing.T) {
	db, path := openTemp(t)
	if _, err := db.lite.write.Exec(`DROP TABLE search_queue; DELETE FROM schema_migrations WHERE version=3`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := OpenSQLite(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db2.Close()
	if _, err := db2.lite.write.Exec(`SELECT COUNT(*) FROM search_queue`); err != nil {
		t.Fatalf("the missing migration was not applied: %v", err)
	}
}

// TestGroupCommitIsolatesFailures sends many transactions at once so they
// share commits; the failing and panicking ones must leave nothing behind
// and the others must all be stored.
func TestGroupCommitIsolatesFailures(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	var wg sync.WaitGroup
	errc := make(chan error, 300)
	for i := 0; i < 300; i++ {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			err := db.Update(ctx, func(tx *Tx) error {
				if _, err := tx.exec(`INSERT INTO settings(key, value) VALUES (?, 'x')`, fmt.Sprint("k", i)); err != nil {
					return err
				}
				switch i % 3 {
				case 1:
					return errs.Invalid("TEST_FAIL", "", "测试失败", "test failure")
				case 2:
					panic("boom")
				}
				return nil
			})
			switch i % 3 {
			case 0:
				if err != nil {
					errc <- fmt.Errorf("tx %d: %v", i, err)
				}
			case 1:
				if !errs.Is(err, "TEST_FAIL") {
					errc <- fmt.Errorf("tx %d: got %v, want TEST_FAIL", i, err)
				}
			case 2:
				if !errs.Is(err, errs.CodeInternal) {
					errc <- fmt.Errorf("tx %d: a panic gave %v, want an internal error", i, err)
				}
			}
		}(i)
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		t.Error(err)
	}
	var n int
	err := db.View(ctx, func(tx *Tx) (err error) {
		n, err = tx.count(`SELECT COUNT(*) FROM settings WHERE key LIKE 'k%'`)
		return err
	})
	if err != nil || n != 100 {
		t.Fatalf("%d rows stored (%v), want exactly the 100 successful ones", n, err)
	}
}

func TestDuplicateKeyBecomesAConflict(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	insert := func(tx *Tx) error {
		_, err := tx.exec(`INSERT INTO settings(key, value) VALUES ('same', 'x')`)
		return err
	}
	if err := db.Update(ctx, insert); err != nil {
		t.Fatal(err)
	}
	err := db.Update(ctx, insert)
	if !errs.Is(err, errs.CodeDuplicate) || errs.As(err).Kind != errs.KindConflict {
		t.Fatalf("second insert = %v; want %s", err, errs.CodeDuplicate)
	}
	if errors.Is(err, sql.ErrNoRows) {
		t.Fatal("unexpected")
	}
}
