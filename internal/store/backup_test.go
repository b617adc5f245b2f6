package store

import (
	"context"
	"database/sql"
	"path/filepath"
	"sync/atomic"
	"testing"
	"time"
)

// TestTheDeskWritesWhileABackupRuns: the backup ran on the writer's own
// connection, so every write waited for the whole copy (the desk's p99 was
// 345 ms during a backup). Writes now commit while the copy is made: many
// finish before the backup does.
func TestTheDeskWritesWhileABackupRuns(t *testing.T) {
	db, _ := openTemp(t) // SQLite: PostgreSQL's backup never used a writer of its own
	ctx := context.Background()
	// About 150 MB to copy, so the backup takes a while even on a fast disk.
	err := db.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec("CREATE TABLE filler (x BLOB)")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(ctx, func(tx *Tx) error {
		_, err := tx.exec("WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i+1 FROM n WHERE i < 150) INSERT INTO filler SELECT randomblob(1048576) FROM n")
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	// The filler went through the WAL: copy it into the file first, so the
	// checkpointer has nothing big to do during the backup.
	if err := db.lite.raw(ctx, func(ctx context.Context, c *sql.Conn) error {
		_, err := c.ExecContext(ctx, "PRAGMA wal_checkpoint(TRUNCATE)")
		return err
	}); err != nil {
		t.Fatal(err)
	}
	var backupDone atomic.Bool
	started := make(chan struct{})
	finished := make(chan error, 1)
	go func() {
		close(started)
		err := db.Backup(ctx, filepath.Join(t.TempDir(), "copy.db"))
		backupDone.Store(true)
		finished <- err
	}()
	<-started
	time.Sleep(20 * time.Millisecond) // let the copy begin
	during := 0
	for i := 0; !backupDone.Load() && i < 2000; i++ {
		err := db.Update(ctx, func(tx *Tx) error {
			_, err := tx.exec("INSERT INTO settings(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value", "bench", i)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
		if !backupDone.Load() {
			during++
		}
	}
	if err := <-finished; err != nil {
		t.Fatal(err)
	}
	t.Logf("%d writes committed while the backup ran", during)
	if during < 3 {
		t.Errorf("only %d writes committed while the backup ran: the desk waits for the backup", during)
	}
}
