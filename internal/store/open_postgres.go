package store

import (
	"context"
	"database/sql"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"sync/atomic"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // the "pgx" database/sql driver

	"shuwu/internal/errs"
)

// pgDB is the PostgreSQL engine: every Update is an ordinary SERIALIZABLE
// transaction on a pool of connections, so concurrent desks run in
// parallel and PostgreSQL, not a single writer, keeps them apart. What the
// single writer guaranteed on SQLite holds here by constraints and by
// serializable isolation: loans.item_id is UNIQUE (one loan per copy),
// and two transactions that read and then change the same copy cannot
// both commit (no lost update on its status, no reader above the loan
// limit). The loser gets a serialization failure and is run again.
type pgDB struct {
	db      *sql.DB
	log     *slog.Logger
	durable atomic.Bool
}

// pgMaxAttempts bounds how often a transaction that keeps losing
// serialization conflicts is run again.
const pgMaxAttempts = 30

// OpenPostgres connects to the database a postgres:// URL names and
// migrates it to the current schema.
func OpenPostgres(ctx context.Context, url string, log *slog.Logger) (*DB, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	db, err := sql.Open("pgx", url)
	if err != nil {
		return nil, fmt.Errorf("postgres: %w", err)
	}
	db.SetMaxOpenConns(32)
	db.SetMaxIdleConns(32)
	db.SetConnMaxIdleTime(5 * time.Minute)
	if err := db.PingContext(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("postgres: connect: %w", err)
	}
	if err := migrate(ctx, db, pgDialect{}); err != nil {
		db.Close()
		return nil, err
	}
	p := &pgDB{db: db, log: log}
	p.durable.Store(true)
	return opened(ctx, &DB{eng: p, kind: EnginePostgres, pg: p, watch: newStorageWatch(log)})
}

func (p *pgDB) update(ctx context.Context, fn func(*Tx) error) error {
	return p.updateAt(ctx, sql.LevelSerializable, fn)
}

// updateLocked runs fn at READ COMMITTED: fn locks what it changes.
func (p *pgDB) updateLocked(ctx context.Context, fn func(*Tx) error) error {
	return p.updateAt(ctx, sql.LevelReadCommitted, fn)
}

func (p *pgDB) updateAt(ctx context.Context, level sql.IsolationLevel, fn func(*Tx) error) error {
	at := &pgAttempt{}
	retriedUnique := false
	for attempt := 1; ; attempt++ {
		err := p.try(ctx, level, at, fn)
		if err == nil || ctx.Err() != nil {
			return err
		}
		switch {
		case at.conflict && attempt < pgMaxAttempts:
			// Back off, doubling and jittered (up to 256 ms), so the same
			// transactions do not collide again at once: fifty desks
			// checking out together need more room than a linear step.
			window := int64(min(1<<attempt, 256)) * int64(time.Millisecond)
			time.Sleep(time.Duration(rand.Int64N(window) + int64(time.Millisecond)))
		case at.aborted && !at.savepoints:
			// fn went on after a failed statement, which SQLite allows:
			// run it again with each statement in a savepoint.
		case at.unique && !retriedUnique:
			// Under SERIALIZABLE a concurrent insert of the same key can
			// surface as a unique violation; a second run sees the
			// committed row and gives fn's own answer (ITEM_ON_LOAN).
			retriedUnique = true
		case at.conflict:
			return errs.New(errs.KindConflict, CodeBusy, "数据库繁忙，请重试", "the database is busy; try again").Wrap(err)
		default:
			return err
		}
		at = &pgAttempt{savepoints: at.savepoints || at.aborted}
	}
}

func (p *pgDB) try(ctx context.Context, level sql.IsolationLevel, at *pgAttempt, fn func(*Tx) error) error {
	tx, err := p.db.BeginTx(ctx, &sql.TxOptions{Isolation: level})
	if err != nil {
		return errs.Internalf("store: begin: %w", err)
	}
	defer tx.Rollback()
	if !p.durable.Load() {
		if _, err := tx.ExecContext(ctx, "SET LOCAL synchronous_commit = off"); err != nil {
			return errs.Internalf("store: %w", err)
		}
	}
	if err := runGuarded(&Tx{ctx: ctx, q: &pgQuerier{q: tx, at: at}, d: pgDialect{}, locking: level == sql.LevelReadCommitted}, fn); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		at.note(err)
		return mapErr(err)
	}
	return nil
}

// view reads one snapshot: REPEATABLE READ, READ ONLY, which never fails
// for serialization and never blocks writers.
func (p *pgDB) view(ctx context.Context, fn func(*Tx) error) error {
	tx, err := p.db.BeginTx(ctx, &sql.TxOptions{Isolation: sql.LevelRepeatableRead, ReadOnly: true})
	if err != nil {
		return errs.Internalf("store: begin read: %w", err)
	}
	defer tx.Rollback()
	return fn(&Tx{ctx: ctx, q: &pgQuerier{q: tx, at: &pgAttempt{}}, d: pgDialect{}})
}

// setDurable: with durability off, commits do not wait for the WAL flush
// (synchronous_commit = off); a crash may lose the last commits, never
// corrupt the database.
func (p *pgDB) setDurable(_ context.Context, durable bool) error {
	p.durable.Store(durable)
	return nil
}

func (p *pgDB) close() error { return p.db.Close() }
