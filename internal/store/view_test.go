package store

import (
	"context"
	"testing"
)

// A View is one read transaction: a count, a commit by another writer and a
// second count inside the same View see the same state.
func TestViewIsAConsistentRead(t *testing.T) {
	db := openAny(t)
	ctx := context.Background()
	if err := db.Update(ctx, insertSetting("first")); err != nil {
		t.Fatal(err)
	}
	const q = `SELECT COUNT(*) FROM settings`
	var before, after int
	err := db.View(ctx, func(tx *Tx) error {
		var err error
		if before, err = tx.count(q); err != nil {
			return err
		}
		if err := db.Update(ctx, insertSetting("meanwhile")); err != nil {
			return err
		}
		after, err = tx.count(q)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if before != after {
		t.Fatalf("one View counted %d, then %d after another writer committed: not one snapshot", before, after)
	}
	var now int
	if err := db.View(ctx, func(tx *Tx) (err error) { now, err = tx.count(q); return err }); err != nil || now != before+1 {
		t.Fatalf("a later View counts %d (%v), want %d: the other commit must be visible there", now, err, before+1)
	}
}
