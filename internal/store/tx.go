package store

import (
	"context"
	"database/sql"
	"errors"

	"shuwu/internal/errs"
)

// querier is what *sql.DB and *sql.Tx have in common.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// Tx is one unit of work: a write transaction inside Update, or a read
// connection inside View. Every area's store methods hang off it, so a use
// case that spans areas (a checkout touches readers, items, loans and the
// ledger) is still one transaction.
type Tx struct {
	ctx   context.Context
	q     querier
	d     dialect
	lite  *sqliteDB // SQLite writes: the writer's prepared statements
	sqlTx *sql.Tx   // SQLite writes only; nil for reads and on PostgreSQL
	// wrote is set once a statement that changes data ran: only such a
	// commit proves a full disk has room again (storageWatch).
	wrote bool
	// locking: a PostgreSQL READ COMMITTED transaction (DB.UpdateLocked),
	// whose row locks are taken for real.
	locking bool
}

// prepared returns a statement bound to this transaction, reusing the
// writer's prepared statements so hot paths skip SQL parsing.
func (tx *Tx) prepared(query string) (*sql.Stmt, error) {
	s, err := tx.lite.stmt(tx.ctx, query)
	if err != nil {
		return nil, err
	}
	return tx.sqlTx.StmtContext(tx.ctx, s), nil
}

func (tx *Tx) exec(query string, args ...any) (sql.Result, error) {
	tx.wrote = true
	if tx.sqlTx != nil {
		s, err := tx.prepared(query)
		if err != nil {
			return nil, mapErr(err)
		}
		res, err := s.ExecContext(tx.ctx, args...)
		return res, mapErr(err)
	}
	res, err := tx.q.ExecContext(tx.ctx, query, args...)
	return res, mapErr(err)
}

func (tx *Tx) query(query string, args ...any) (*sql.Rows, error) {
	if tx.sqlTx != nil {
		s, err := tx.prepared(query)
		if err != nil {
			return nil, mapErr(err)
		}
		rows, err := s.QueryContext(tx.ctx, args...)
		return rows, mapErr(err)
	}
	rows, err := tx.q.QueryContext(tx.ctx, query, args...)
	return rows, mapErr(err)
}

// queryRow scans one row; sql.ErrNoRows comes back as notFound.
func (tx *Tx) queryRow(notFound *errs.Error, query string, args []any, dest ...any) error {
	var row *sql.Row
	if tx.sqlTx != nil {
		s, err := tx.prepared(query)
		if err != nil {
			return mapErr(err)
		}
		row = s.QueryRowContext(tx.ctx, args...)
	} else {
		row = tx.q.QueryRowContext(tx.ctx, query, args...)
	}
	err := row.Scan(dest...)
	if errors.Is(err, sql.ErrNoRows) {
		return notFound
	}
	return mapErr(err)
}

// insert runs an INSERT into a table with an id column and returns the
// new row's id, the way the engine tells it (dialect.insertID).
func (tx *Tx) insert(query string, args ...any) (int64, error) {
	return tx.d.insertID(tx, query, args)
}

// count runs a query returning a single integer.
func (tx *Tx) count(query string, args ...any) (int, error) {
	var n int
	err := tx.queryRow(nil, query, args, &n)
	return n, err
}

// collect scans every row with scan.
func collect[T any](rows *sql.Rows, err error, scan func(*sql.Rows) (T, error)) ([]T, error) {
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, mapErr(err)
		}
		out = append(out, v)
	}
	return out, mapErr(rows.Err())
}

// collectOne is collect for a query of one row: notFound when there is
// none.
func collectOne[T any](rows *sql.Rows, err error, notFound *errs.Error, scan func(*sql.Rows) (T, error)) (T, error) {
	out, err := collect(rows, err, scan)
	if err == nil && len(out) == 0 {
		err = notFound
	}
	if err != nil {
		var zero T
		return zero, err
	}
	return out[0], nil
}
