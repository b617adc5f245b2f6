package store

import (
	"context"
	"database/sql"
	"errors"

	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"

	"shuwu/internal/errs"
)

// dialect is what differs in the SQL of the two engines. Queries are
// written once with ? placeholders, LIKE … ESCAPE '\', ON CONFLICT upserts
// and integer times; each dialect says how its engine returns new ids and
// how a query is bound, and its file holds the engine's error codes.
type dialect interface {
	// insertID runs an INSERT into a table with an id column and returns
	// the new row's id.
	insertID(tx *Tx, query string, args []any) (int64, error)
	// bind turns a query written for SQLite into the engine's own.
	bind(query string) string
	// clcOrder orders an imported class table as it was imported, parents
	// before their children.
	clcOrder() string
	// migrationsDir is where the engine's numbered migrations are.
	migrationsDir() string
}

// sqliteDialect: the SQL is written in it, so binding changes nothing;
// new ids come from last_insert_rowid().
type sqliteDialect struct{}

func (sqliteDialect) bind(query string) string { return query }

func (sqliteDialect) migrationsDir() string { return "migrations" }

func (sqliteDialect) clcOrder() string { return "rowid" }

func (sqliteDialect) insertID(tx *Tx, query string, args []any) (int64, error) {
	res, err := tx.exec(query, args...)
	if err != nil {
		return 0, err
	}
	id, err := res.LastInsertId()
	if err != nil {
		return 0, errs.Internalf("store: last insert id: %w", err)
	}
	return id, nil
}

func sqliteConstraint(err error) constraint {
	var se *sqlite.Error
	if !errors.As(err, &se) {
		return constraintNone
	}
	switch se.Code() {
	case sqlite3.SQLITE_CONSTRAINT_UNIQUE, sqlite3.SQLITE_CONSTRAINT_PRIMARYKEY:
		return constraintUnique
	case sqlite3.SQLITE_CONSTRAINT_FOREIGNKEY:
		return constraintForeignKey
	}
	return constraintNone
}

// backup writes a consistent copy of the database to path while the
// server keeps running (SQLite's VACUUM INTO). The file must not exist.
//
// It runs on a connection of its own: on the writer's, between two
// batches, every desk waited for the whole copy (p99 345 ms during a
// backup). VACUUM INTO only reads the database, from one snapshot (a
// read transaction, which in WAL mode never blocks the writer), and
// writes the new file; the read pool cannot run it, being query_only.
func (db *sqliteDB) backup(ctx context.Context, path string) error {
	c, err := sql.Open("sqlite", "file:"+db.path+"?_pragma=busy_timeout(10000)")
	if err == nil {
		c.SetMaxOpenConns(1)
		_, err = c.ExecContext(ctx, "VACUUM INTO ?", path)
		if cerr := c.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return errs.Invalid(CodeBackupFailed, "file", "备份失败："+path+"（文件已存在或目录不可写？）", "backup failed: "+path).Wrap(err)
	}
	return nil
}
