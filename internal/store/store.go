// Package store is the SQL adapter: it implements the store interfaces that
// the domain packages declare. It owns connections, transactions and
// migrations, on one of two engines behind the one DB: SQLite (the
// default, one file; group commit through a single writer, db.go and
// open_sqlite.go) or PostgreSQL (ordinary serializable transactions on a
// connection pool, open_postgres.go). What differs in their SQL is in
// dialect_sqlite.go and dialect_postgres.go; the rest of the package is
// written once, in SQL both accept.
package store

import (
	"context"
	"log/slog"
	"strings"
)

// engine is what an engine provides under DB.
type engine interface {
	update(ctx context.Context, fn func(*Tx) error) error
	// updateLocked is update for a transaction that takes row locks on
	// what it changes (Tx.LockForLending): on PostgreSQL it runs at READ
	// COMMITTED, on SQLite it is update (the single writer locks it all).
	updateLocked(ctx context.Context, fn func(*Tx) error) error
	view(ctx context.Context, fn func(*Tx) error) error
	setDurable(ctx context.Context, durable bool) error
	backup(ctx context.Context, path string) error
	close() error
}

// DB is an open shuwu database on either engine.
type DB struct {
	eng  engine
	kind Engine
	lite *sqliteDB // the SQLite engine, nil on PostgreSQL
	pg   *pgDB     // the PostgreSQL engine, nil on SQLite
	// watch turns a full or read-only disk into STORAGE_FAILED (health.go).
	watch *storageWatch
}

// Engine names a database engine.
type Engine string

const (
	EngineSQLite   Engine = "sqlite"
	EnginePostgres Engine = "postgres"
)

// Engine tells which engine the database runs on.
func (db *DB) Engine() Engine { return db.kind }

// IsPostgresURL reports whether a --db value names a PostgreSQL database
// (postgres:// or postgresql://) rather than a SQLite file.
func IsPostgresURL(dsn string) bool {
	return strings.HasPrefix(dsn, "postgres://") || strings.HasPrefix(dsn, "postgresql://")
}

// Open opens the database a --db value names: a postgres:// URL, or
// otherwise a SQLite file path (with or without a "sqlite:" prefix).
func Open(ctx context.Context, dsn string, log *slog.Logger) (*DB, error) {
	if IsPostgresURL(dsn) {
		return OpenPostgres(ctx, dsn, log)
	}
	return OpenSQLite(ctx, strings.TrimPrefix(dsn, "sqlite:"), log)
}

// Update runs fn in a write transaction and returns once it is durably
// committed. fn may run more than once (PostgreSQL retries a transaction
// that lost a serialization conflict), so it must not act outside the
// transaction before it returns.
func (db *DB) Update(ctx context.Context, fn func(*Tx) error) error {
	var wrote bool
	err := db.eng.update(ctx, func(tx *Tx) error {
		err := fn(tx)
		wrote = wrote || tx.wrote
		return err
	})
	return db.watch.check(err, wrote)
}

// UpdateLocked is Update for a transaction that first locks the rows
// whose invariants it keeps (Tx.LockForLending) and relies on
// constraints for the rest (one loan per copy). On PostgreSQL it runs at
// READ COMMITTED, where fifty desks lending at once wait on row locks
// only when they touch the same reader or copy, instead of losing
// serialization conflicts on the index pages they all read; on SQLite it
// is Update.
func (db *DB) UpdateLocked(ctx context.Context, fn func(*Tx) error) error {
	var wrote bool
	err := db.eng.updateLocked(ctx, func(tx *Tx) error {
		err := fn(tx)
		wrote = wrote || tx.wrote
		return err
	})
	return db.watch.check(err, wrote)
}

// View runs fn in a read transaction: every query inside it sees one
// snapshot, whatever commits meanwhile. fn must not write.
func (db *DB) View(ctx context.Context, fn func(*Tx) error) error { return db.eng.view(ctx, fn) }

// SetDurable switches waiting for the disk on commit on (the default) or
// off. Bulk loads such as the demo data set turn it off for speed and back
// on at the end; a crash in between may lose the load, never corrupt it.
func (db *DB) SetDurable(ctx context.Context, durable bool) error {
	return db.eng.setDurable(ctx, durable)
}

// Close stops the engine and closes its connections.
func (db *DB) Close() error { return db.eng.close() }
