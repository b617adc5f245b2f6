package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"runtime/debug"
	"sync"
	"time"

	"shuwu/internal/errs"
)

// sqliteDB is the SQLite engine: one writer connection fed by a
// group-commit queue, and a pool of readers.
type sqliteDB struct {
	write *sql.DB
	read  *sql.DB
	// conn is the one connection all writes go through, held by the writer
	// goroutine for its whole life so prepared statements stay valid on it.
	conn *sql.Conn
	log  *slog.Logger
	// watch logs a full disk once a minute, not at every write (health.go).
	watch *storageWatch
	// path is the database file: its WAL is path + "-wal", and a backup
	// opens a connection of its own on it.
	path string

	queue   chan *writeReq
	stop    chan struct{}
	stopped sync.WaitGroup

	// syncer makes commits durable beside the writer (see wal_sync.go);
	// durable is false while a bulk load has fsync switched off. Only the
	// writer goroutine touches durable.
	syncer  *walSyncer
	durable bool

	// batches and lastRestart pace the writer's own WAL restarts
	// (restartIfBig); only the writer goroutine touches them.
	batches     int
	lastRestart time.Time

	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt // prepared on the single writer connection

	closeOnce sync.Once
}

// maxBatch bounds how many write transactions share one commit.
const maxBatch = 128

type writeReq struct {
	ctx  context.Context
	fn   func(*Tx) error
	raw  func(ctx context.Context, c *sql.Conn) error // outside any transaction
	done chan error
}

// update runs fn in a write transaction and returns once it is durably
// committed. Concurrent callers are committed together (group commit): each
// fn runs in its own savepoint, so one caller's failure rolls back only its
// own changes, and all share the cost of one fsync.
// updateLocked: the single writer already serializes every write.
func (db *sqliteDB) updateLocked(ctx context.Context, fn func(*Tx) error) error {
	return db.update(ctx, fn)
}

func (db *sqliteDB) update(ctx context.Context, fn func(*Tx) error) error {
	if err := db.syncer.failure(); err != nil {
		return err
	}
	req := &writeReq{ctx: ctx, fn: fn, done: make(chan error, 1)}
	select {
	case db.queue <- req:
	case <-ctx.Done():
		return ctx.Err()
	case <-db.stop:
		return errs.Internalf("store: database closed")
	}
	return <-req.done
}

// view runs fn in a read transaction: every query inside it sees the one
// snapshot taken at its first read, whatever commits meanwhile. fn must
// not write (the read pool is query_only). Keep Views short: a snapshot
// held open keeps the WAL from being checkpointed past it.
func (db *sqliteDB) view(ctx context.Context, fn func(*Tx) error) error {
	tx, err := db.read.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return errs.Internalf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(&Tx{ctx: ctx, q: tx, d: sqliteDialect{}})
}

func (db *sqliteDB) writer() {
	defer db.stopped.Done()
	for {
		var first *writeReq
		select {
		case first = <-db.queue:
		case <-db.stop:
			return
		}
		if first.raw != nil {
			first.done <- first.raw(first.ctx, db.conn)
			continue
		}
		batch := []*writeReq{first}
	drain:
		for len(batch) < maxBatch {
			select {
			case r := <-db.queue:
				if r.raw != nil {
					db.runBatch(batch)
					batch = nil
					r.done <- r.raw(r.ctx, db.conn)
					break drain
				}
				batch = append(batch, r)
			default:
				break drain
			}
		}
		if len(batch) > 0 {
			db.runBatch(batch)
			db.restartIfBig()
		}
	}
}

// restartIfBig is the writer's own check of the WAL's size, every few
// batches: a fast writer can put tens of megabytes through the WAL between
// two of the checkpointer's ticks, so the bound must follow the size, not
// the clock. A restart that readers hold off is not tried again for a
// while, so that a long read does not slow every batch.
func (db *sqliteDB) restartIfBig() {
	db.batches++
	if db.batches%8 != 0 || time.Since(db.lastRestart) < restartWait {
		return
	}
	fi, err := os.Stat(db.path + "-wal")
	if err != nil || fi.Size() <= walRestartBytes {
		return
	}
	db.lastRestart = time.Now()
	if err := restartOn(context.Background(), db.conn, db.log); err != nil && db.watch.noisy(err, "restart the WAL") {
		db.log.Warn("store: restart the WAL", "size", fi.Size(), "err", err)
	}
}

func (db *sqliteDB) runBatch(batch []*writeReq) {
	ctx := context.Background()
	results := make([]error, len(batch))
	var diskFailed error // a caller's storage failure, for the commit's error
	tx, err := db.conn.BeginTx(ctx, nil)
	if err != nil {
		for _, r := range batch {
			r.done <- errs.Internalf("store: begin: %w", err)
		}
		return
	}
	for i, r := range batch {
		if err := r.ctx.Err(); err != nil {
			results[i] = err
			continue
		}
		if err := db.execPrepared(ctx, tx, "SAVEPOINT op"); err != nil {
			results[i] = errs.Internalf("store: savepoint: %w", err)
			continue
		}
		results[i] = runGuarded(&Tx{ctx: r.ctx, q: tx, lite: db, sqlTx: tx, d: sqliteDialect{}}, r.fn)
		if results[i] != nil {
			if isStorageFailure(results[i]) {
				diskFailed = results[i]
			}
			if err := db.execPrepared(ctx, tx, "ROLLBACK TO op"); err != nil && db.watch.noisy(err, "rollback") {
				db.log.Error("store: rollback to savepoint", "err", err)
			}
		}
		if err := db.execPrepared(ctx, tx, "RELEASE op"); err != nil && db.watch.noisy(err, "release") {
			db.log.Error("store: release savepoint", "err", err)
		}
	}
	if err := tx.Commit(); err != nil {
		// A full disk may have rolled the whole transaction back; the
		// commit then fails with "no transaction", which is the disk's
		// doing too.
		cause := error(errs.Internalf("store: commit: %w", err))
		if diskFailed != nil && !isStorageFailure(err) {
			cause = diskFailed
		}
		for i := range results {
			if results[i] == nil {
				results[i] = cause
			}
		}
		reply(batch, results, nil)
		return
	}
	if !db.durable {
		reply(batch, results, nil)
		return
	}
	// The commit is in the WAL but not yet on disk: the syncer answers the
	// callers after its next fsync, while this goroutine goes on with the
	// next batch.
	db.syncer.ack(batch, results)
}

// reply answers each caller of a batch; a non-nil failed overrides the
// successes (the batch could not be made durable).
func reply(batch []*writeReq, results []error, failed error) {
	for i, r := range batch {
		err := results[i]
		if err == nil {
			err = failed
		}
		r.done <- err
	}
}

// execPrepared runs a parameterless statement through the statement cache.
func (db *sqliteDB) execPrepared(ctx context.Context, tx *sql.Tx, query string) error {
	st, err := db.stmt(ctx, query)
	if err != nil {
		return err
	}
	_, err = tx.StmtContext(ctx, st).ExecContext(ctx)
	return err
}

// runGuarded turns a panic inside a transaction function into an internal
// error, so one bad request cannot take the writer down with it.
func runGuarded(tx *Tx, fns ...func(*Tx) error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = errs.Internalf("store: panic in transaction: %v\n%s", p, debug.Stack())
		}
	}()
	for _, fn := range fns {
		if err := fn(tx); err != nil {
			return err
		}
	}
	return nil
}

// close drains nothing new, stops the writer and closes both pools.
func (db *sqliteDB) close() error {
	var err error
	db.closeOnce.Do(func() {
		close(db.stop)
		db.stopped.Wait()
		db.syncer.close()
		db.stmtMu.Lock()
		for _, s := range db.stmts {
			s.Close()
		}
		db.stmtMu.Unlock()
		err = errors.Join(db.conn.Close(), db.write.Close(), db.read.Close())
	})
	return err
}

// stmt returns a statement prepared once. It is prepared through the pool
// (on a spare connection, since the writer holds its own); Tx.StmtContext
// then prepares it once more on the writer's connection and database/sql
// keeps that copy for every later transaction.
func (db *sqliteDB) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	db.stmtMu.Lock()
	defer db.stmtMu.Unlock()
	if s, ok := db.stmts[query]; ok {
		return s, nil
	}
	s, err := db.write.PrepareContext(ctx, query)
	if err != nil {
		return nil, fmt.Errorf("prepare %q: %w", query, err)
	}
	db.stmts[query] = s
	return s, nil
}

// nowMillis is the storage form of a time.
func nowMillis(t time.Time) int64 { return t.UnixMilli() }

// fromMillis reads the storage form of a time back.
func fromMillis(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// setDurable: see DB.SetDurable.
func (db *sqliteDB) setDurable(ctx context.Context, durable bool) error {
	// NORMAL, not FULL, when durable: SQLite then writes each commit to the
	// WAL without waiting for the disk, and the syncer's fsync makes it
	// durable before the caller hears of it (wal_sync.go).
	mode := "NORMAL"
	if !durable {
		mode = "OFF"
	}
	return db.raw(ctx, func(ctx context.Context, c *sql.Conn) error {
		if _, err := c.ExecContext(ctx, "PRAGMA synchronous="+mode); err != nil {
			return err
		}
		db.durable = durable
		return nil
	})
}

// raw runs fn on the writer's connection between transactions.
func (db *sqliteDB) raw(ctx context.Context, fn func(ctx context.Context, c *sql.Conn) error) error {
	req := &writeReq{ctx: ctx, done: make(chan error, 1), raw: fn}
	select {
	case db.queue <- req:
	case <-db.stop:
		return errs.Internalf("store: database closed")
	}
	// The checkpointer's WAL restart can be queued just as the database
	// closes; the writer then stops without taking it, and waiting for it
	// alone would hold Close forever.
	select {
	case err := <-req.done:
		return err
	case <-db.stop:
		select {
		case err := <-req.done:
			return err
		default:
			return errs.Internalf("store: database closed")
		}
	}
}

// checkpointInterval is how often the WAL is copied back into the
// database file.
const checkpointInterval = 500 * time.Millisecond

// walRestartBytes is the WAL size at which the checkpointer makes SQLite
// start the WAL over from its beginning; walSizeLimit is what the file is
// cut back to then. Together they keep the WAL well under 64 MB whatever
// the load (docs/operations.md).
const (
	walRestartBytes = 8 << 20
	walSizeLimit    = 4 << 20
)

// restartWait bounds how long a restart waits for readers still reading
// an old snapshot; the writer waits with it, so it is kept short, and a
// restart that does not get through is tried again a second later.
const restartWait = 100 * time.Millisecond

// checkpointer copies the WAL into the database file in the background.
//
// A PASSIVE checkpoint on the spare connection does the copying without
// ever blocking the writer or readers. It is not enough on its own: SQLite
// only reuses the WAL from its beginning when a write starts while every
// frame is copied and no reader still reads from the WAL, and with desks
// writing and OPAC pages reading all the time that moment never comes, so
// the file grew without end (837 MB in 42 minutes). So once the WAL passes
// walRestartBytes, a RESTART checkpoint runs on the writer's own
// connection between two batches: it waits (up to restartWait) for the
// readers of old snapshots to finish, while new readers read the database
// file, and the next commit then starts the WAL over and cuts the file
// back to walSizeLimit. A final TRUNCATE at Close leaves an empty WAL.
func (db *sqliteDB) checkpointer(walPath string) {
	defer db.stopped.Done()
	t := time.NewTicker(checkpointInterval)
	defer t.Stop()
	for {
		select {
		case <-db.stop:
			if _, err := db.write.Exec("PRAGMA wal_checkpoint(TRUNCATE)"); err != nil {
				db.log.Warn("store: final checkpoint", "err", err)
			}
			return
		case <-t.C:
			if _, err := db.write.Exec("PRAGMA wal_checkpoint(PASSIVE)"); err != nil && db.watch.noisy(err, "checkpoint") {
				db.log.Warn("store: checkpoint", "err", err)
			}
			if fi, err := os.Stat(walPath); err == nil && fi.Size() > walRestartBytes {
				if err := db.restartWAL(); err != nil && db.watch.noisy(err, "restart the WAL") {
					db.log.Warn("store: restart the WAL", "size", fi.Size(), "err", err)
				}
			}
		}
	}
}

// restartWAL runs a RESTART checkpoint on the writer's connection between
// batches. Readers holding an old snapshot longer than restartWait (a
// long export) make it give up until the next tick.
func (db *sqliteDB) restartWAL() error {
	return db.raw(context.Background(), func(ctx context.Context, c *sql.Conn) error {
		return restartOn(ctx, c, db.log)
	})
}

// restartOn runs the RESTART checkpoint on the writer's connection c.
func restartOn(ctx context.Context, c *sql.Conn, log *slog.Logger) error {
	if _, err := c.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout=%d", restartWait.Milliseconds())); err != nil {
		return err
	}
	var busy, logFrames, copied int
	err := c.QueryRowContext(ctx, "PRAGMA wal_checkpoint(RESTART)").Scan(&busy, &logFrames, &copied)
	if _, rerr := c.ExecContext(ctx, fmt.Sprintf("PRAGMA busy_timeout=%d", busyTimeout.Milliseconds())); err == nil {
		err = rerr
	}
	if err == nil && busy != 0 {
		log.Debug("store: WAL restart waited out by a long read; retrying", "frames", logFrames, "copied", copied)
	}
	return err
}
