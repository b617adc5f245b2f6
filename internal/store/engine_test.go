package store

import (
	"context"
	"fmt"
	"sync"
	"testing"

	"shuwu/internal/errs"
	"shuwu/internal/testkit/pgtest"
)

// The PostgreSQL pass really runs on PostgreSQL: a pass that quietly fell
// back to SQLite would prove nothing.
func TestTheTestsRunOnTheEngineAskedFor(t *testing.T) {
	want := EngineSQLite
	if pgtest.Enabled() {
		want = EnginePostgres
	}
	if got := openAny(t).Engine(); got != want {
		t.Fatalf("tests run on %s, want %s (SHUWU_TEST_PG=%q)", got, want, pgtest.URL())
	}
}

// One open loan per copy is the schema's rule, not the single writer's:
// a second loan row for a copy is refused by the engine itself, even
// written straight to the table, and nothing of it is kept.
func TestTheSchemaRefusesASecondLoanOfACopy(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	var item, reader int64
	err := db.Update(ctx, func(tx *Tx) error {
		loc, err := tx.insert(`INSERT INTO locations(code, name) VALUES ('A', '书库')`)
		if err != nil {
			return err
		}
		rec, err := tx.insert(`INSERT INTO records(title, created_at, updated_at) VALUES ('红岩', 0, 0)`)
		if err != nil {
			return err
		}
		if item, err = tx.insert(`INSERT INTO items(record_id, barcode, location_id, status, source, added_date, created_at, updated_at) VALUES (?, 'B1', ?, 'on_loan', 'purchase', '2026-01-01', 0, 0)`, rec, loc); err != nil {
			return err
		}
		rt, err := tx.insert(`INSERT INTO reader_types(code, name) VALUES ('T', '学员')`)
		if err != nil {
			return err
		}
		reader, err = tx.insert(`INSERT INTO readers(card, name, type_id, status, expiry_date, created_at, updated_at) VALUES ('R1', '张三', ?, 'active', '2030-01-01', 0, 0)`, rt)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	lend := func(tx *Tx) error {
		_, err := tx.insert(`INSERT INTO loans(item_id, reader_id, loaned_at, due_date) VALUES (?, ?, 0, '2026-02-01')`, item, reader)
		return err
	}
	if err := db.Update(ctx, lend); err != nil {
		t.Fatal(err)
	}
	if err := db.Update(ctx, lend); !errs.Is(err, errs.CodeDuplicate) {
		t.Fatalf("a second loan of the same copy = %v; want %s from the unique constraint", err, errs.CodeDuplicate)
	}
	var n int
	if err := db.View(ctx, func(tx *Tx) (err error) { n, err = tx.count(`SELECT COUNT(*) FROM loans`); return err }); err != nil || n != 1 {
		t.Fatalf("%d loans (%v), want 1", n, err)
	}
}

// No lost update: 40 writers each read a copy's counter and write it back
// one higher, all at once. On SQLite the single writer runs them one after
// another; on PostgreSQL they run side by side and serializable isolation
// makes all but one of each clash fail and run again. Either way every
// increment is kept.
func TestReadThenWriteLosesNoUpdate(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	if err := db.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec(`INSERT INTO sequences(name, last) VALUES ('n', 0)`)
		return err
	}); err != nil {
		t.Fatal(err)
	}
	const writers = 40
	var wg sync.WaitGroup
	errc := make(chan error, writers)
	for i := 0; i < writers; i++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errc <- db.Update(ctx, func(tx *Tx) error {
				n, err := tx.count(`SELECT last FROM sequences WHERE name = 'n'`)
				if err != nil {
					return err
				}
				_, err = tx.exec(`UPDATE sequences SET last = ? WHERE name = 'n'`, n+1)
				return err
			})
		}()
	}
	wg.Wait()
	close(errc)
	for err := range errc {
		if err != nil {
			t.Error(err)
		}
	}
	var n int
	if err := db.View(ctx, func(tx *Tx) (err error) { n, err = tx.count(`SELECT last FROM sequences WHERE name = 'n'`); return err }); err != nil || n != writers {
		t.Fatalf("counter = %d (%v) after %d increments: %s", n, err, writers, fmt.Sprint(writers-n, " lost"))
	}
}
