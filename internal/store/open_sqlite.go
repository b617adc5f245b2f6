package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"time"
)

// OpenSQLite opens (creating if needed) the database file at path and
// migrates it to the current schema.
func OpenSQLite(ctx context.Context, path string, log *slog.Logger) (*DB, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o750); err != nil {
		return nil, fmt.Errorf("create data dir: %w", err)
	}
	// busy_timeout comes before journal_mode so that switching to WAL waits
	// for another process instead of failing; synchronous=FULL makes every
	// commit durable, which group commit keeps affordable.
	pragmas := []string{fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()), "journal_mode(WAL)", "synchronous(FULL)", "foreign_keys(1)",
		fmt.Sprintf("journal_size_limit(%d)", walSizeLimit)}
	q := url.Values{}
	for _, p := range pragmas {
		q.Add("_pragma", p)
	}
	wq := url.Values{"_txlock": {"immediate"}}
	for k, v := range q {
		wq[k] = append([]string{}, v...)
	}
	// The writer never checkpoints: a checkpoint inside a commit would
	// stall every desk waiting in that batch. checkpointer does it beside.
	wq.Add("_pragma", "wal_autocheckpoint(0)")
	write, err := sql.Open("sqlite", "file:"+path+"?"+wq.Encode())
	if err != nil {
		return nil, err
	}
	// Two connections: the writer's own, and a spare that only prepares
	// statements (see DB.stmt).
	write.SetMaxOpenConns(2)
	write.SetMaxIdleConns(2)
	write.SetConnMaxLifetime(0)

	rq := url.Values{}
	for k, v := range q {
		rq[k] = v
	}
	rq.Add("_pragma", "query_only(1)")
	read, err := sql.Open("sqlite", "file:"+path+"?"+rq.Encode())
	if err != nil {
		write.Close()
		return nil, err
	}
	n := max(4, runtime.NumCPU()*2)
	read.SetMaxOpenConns(n)
	read.SetMaxIdleConns(n)

	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	db := &sqliteDB{path: path, watch: newStorageWatch(log), write: write, read: read, log: log, queue: make(chan *writeReq, 1024), stop: make(chan struct{}), stmts: map[string]*sql.Stmt{}, durable: true}
	if err := migrate(ctx, write, sqliteDialect{}); err != nil {
		write.Close()
		read.Close()
		if cannotWrite(err) {
			return nil, errDBFileReadOnly(path, err)
		}
		return nil, err
	}
	conn, err := write.Conn(ctx)
	if err != nil {
		write.Close()
		read.Close()
		return nil, err
	}
	// Nor does the writer wait for the disk: its commits are
	// synchronous=NORMAL and the syncer fsyncs the WAL before any caller is
	// told "committed", so a commit is as durable as with FULL while the
	// writer already runs the next batch (wal_sync.go).
	if _, err := conn.ExecContext(ctx, "PRAGMA synchronous=NORMAL"); err != nil {
		conn.Close()
		write.Close()
		read.Close()
		return nil, err
	}
	db.conn = conn
	db.syncer = newWALSyncer(path+"-wal", log)
	db.stopped.Add(2)
	go db.writer()
	go db.checkpointer(path + "-wal")
	return opened(ctx, &DB{eng: db, kind: EngineSQLite, lite: db, watch: db.watch})
}

// busyTimeout is how long a connection waits for a lock another process
// holds (a command-line import beside the server) before giving up.
const busyTimeout = 10 * time.Second
