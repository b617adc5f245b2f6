package store

import (
	"context"
	"testing"

	"shuwu/internal/catalog"
)

// A command-line import can leave 100,000 queued changes for the server's
// indexer, which asks for all those records at once: every IN-list is cut
// into chunks SQLite can bind (it refuses more than 32,766 variables).
func TestLookupsByHundredThousandIDs(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	var rec catalog.Record
	var loc int64
	err := db.Update(ctx, func(tx *Tx) error {
		var err error
		loc, err = tx.insert(`INSERT INTO locations(code, name) VALUES ('A', '书库')`)
		if err != nil {
			return err
		}
		rec = catalog.Record{Title: "学习", Authors: []catalog.Author{{Name: "张三", Role: "著"}}}
		if err := tx.InsertRecord(&rec); err != nil {
			return err
		}
		it := catalog.Item{RecordID: rec.ID, Barcode: "B1", LocationID: loc, Status: catalog.StatusAvailable, Source: "purchase", AddedDate: "2026-01-01"}
		return tx.InsertItem(&it)
	})
	if err != nil {
		t.Fatal(err)
	}
	const n = 100_000
	ids := make([]int64, n)
	for i := range ids {
		ids[i] = rec.ID + int64(i) // one real record, the rest deleted or never made
	}
	if err := db.QueueSearch(ctx, ids); err != nil {
		t.Fatalf("queueing %d changes: %v", n, err)
	}
	var taken []int64
	for {
		got, err := db.TakeSearchQueue(ctx, 1000)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) == 0 {
			break
		}
		taken = append(taken, got...)
	}
	if len(taken) != n {
		t.Fatalf("took %d queued changes, want %d", len(taken), n)
	}
	err = db.View(ctx, func(tx *Tx) error {
		recs, err := tx.RecordsByIDs(taken)
		if err != nil {
			return err
		}
		if len(recs) != 1 || recs[0].ID != rec.ID || len(recs[0].Authors) != 1 {
			t.Errorf("RecordsByIDs over %d ids = %+v, want the one record with its author", n, recs)
		}
		items, err := tx.ItemsOfRecords(taken)
		if err != nil {
			return err
		}
		if len(items[rec.ID]) != 1 {
			t.Errorf("ItemsOfRecords over %d ids found %d copies, want 1", n, len(items[rec.ID]))
		}
		on, err := tx.RecordsOnShelf(taken)
		if err != nil {
			return err
		}
		if len(on) != 1 {
			t.Errorf("RecordsOnShelf over %d ids = %v, want the one record", n, on)
		}
		origs, err := tx.OriginalsOf(taken)
		if err != nil {
			return err
		}
		if len(origs) != 0 {
			t.Errorf("OriginalsOf = %v, want none", origs)
		}
		return nil
	})
	if err != nil {
		t.Fatalf("lookups by %d ids: %v", n, err)
	}
}
