package store

import (
	"context"
	"testing"
	"time"

	"shuwu/internal/ledger"
)

// A database from before 0012 keeps every line of its events table, now
// read from the ledger, and the ledger takes the room's lines with their
// space and booking.
func TestTheEventsTableBecomesTheLedger(t *testing.T) {
	db, path := openTemp(t)
	if _, err := db.lite.write.Exec(`DROP INDEX ledger_at; DROP INDEX ledger_reader; DROP INDEX ledger_item; DROP INDEX ledger_kind_at;
		ALTER TABLE ledger DROP COLUMN ref_id; ALTER TABLE ledger DROP COLUMN space_id; ALTER TABLE ledger RENAME TO events;
		CREATE INDEX events_at ON events(at); CREATE INDEX events_reader ON events(reader_id, at);
		CREATE INDEX events_item ON events(item_id, at); CREATE INDEX events_kind_at ON events(kind, at);
		INSERT INTO events (kind, at, due_date, detail) VALUES ('loan', 1700000000000, '2023-12-14', '');
		DELETE FROM schema_migrations WHERE version=12`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	db2, err := OpenSQLite(context.Background(), path, nil)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db2.Close()
	ctx := context.Background()
	at := time.UnixMilli(1700000100000)
	if err := db2.Update(ctx, func(tx *Tx) error {
		return tx.AppendLedger(&ledger.Entry{Kind: ledger.BookingMade, At: at, SpaceID: 3, RefID: 7})
	}); err != nil {
		t.Fatal(err)
	}
	var got []ledger.Entry
	if err := db2.View(ctx, func(tx *Tx) (err error) {
		got, err = tx.LedgerEntries(ledger.Filter{Limit: 10})
		return err
	}); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[1].Kind != ledger.Loan || got[1].DueDate != "2023-12-14" || got[0].SpaceID != 3 || got[0].RefID != 7 {
		t.Fatalf("ledger after the migration: %+v; want the old loan and the new booking with space 3, booking 7", got)
	}
	if _, err := db2.lite.write.Exec(`SELECT 1 FROM events`); err == nil {
		t.Fatal("the old events table is still there")
	}
}
