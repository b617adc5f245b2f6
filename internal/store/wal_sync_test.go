package store

import (
	"context"
	"os"
	"strings"
	"testing"

	"shuwu/internal/errs"
)

func insertSetting(key string) func(*Tx) error {
	return func(tx *Tx) error {
		_, err := tx.exec(`INSERT INTO settings(key, value) VALUES (?, 'x')`, key)
		return err
	}
}

// A commit is answered only after the syncer has synced the WAL (the file
// is open for syncing by then) and reaches the WAL file itself; reopening
// finds it. A crash before the fsync cannot be staged here: that the
// answer waits for the fsync is what the syncer's code ensures.
func TestAnsweredCommitsAreInTheWALAndSurviveReopening(t *testing.T) {
	db, path := openTemp(t)
	ctx := context.Background()
	if err := db.Update(ctx, insertSetting("kept")); err != nil {
		t.Fatal(err)
	}
	if db.lite.syncer.f == nil {
		t.Fatal("the commit was answered without the WAL file ever being synced")
	}
	if fi, err := os.Stat(path + "-wal"); err != nil || fi.Size() == 0 {
		t.Fatalf("WAL after an answered commit: %v, %v", fi, err)
	}
	db.Close()
	db2, err := OpenSQLite(ctx, path, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer db2.Close()
	var n int
	if err := db2.lite.read.QueryRow(`SELECT COUNT(*) FROM settings WHERE key = 'kept'`).Scan(&n); err != nil || n != 1 {
		t.Fatalf("after reopening: %d rows (%v), want the committed one", n, err)
	}
}

// When the disk refuses an fsync, the write is reported failed and every
// later write is refused with a Chinese message, writing nothing.
func TestAFailedSyncStopsWrites(t *testing.T) {
	db, _ := openTemp(t)
	ctx := context.Background()
	if err := db.Update(ctx, insertSetting("before")); err != nil {
		t.Fatal(err)
	}
	db.lite.syncer.f.Close() // the next fsync fails as a broken disk's would
	err := db.Update(ctx, insertSetting("during"))
	if !errs.Is(err, errs.CodeStorageFailed) {
		t.Fatalf("write during the failure = %v, want %s", err, errs.CodeStorageFailed)
	}
	err = db.Update(ctx, insertSetting("after"))
	if !errs.Is(err, errs.CodeStorageFailed) || !strings.Contains(errs.As(err).Message, "磁盘") {
		t.Fatalf("write after the failure = %v, want %s naming the disk", err, errs.CodeStorageFailed)
	}
	var n int
	if err := db.lite.read.QueryRow(`SELECT COUNT(*) FROM settings WHERE key = 'after'`).Scan(&n); err != nil || n != 0 {
		t.Fatalf("a refused write stored %d rows (%v)", n, err)
	}
}
