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
func (db *sqliteDB) backup(ctx context.Context, path string) error {
	// The read pool is query_only, which VACUUM INTO counts as writing;
	// the writer runs it between transactions.
	err := db.raw(ctx, func(ctx context.Context, c *sql.Conn) error {
		_, err := c.ExecContext(ctx, "VACUUM INTO ?", path)
		return err
	})
	if err != nil {
		return errs.Invalid(CodeBackupFailed, "file", "备份失败："+path+"（文件已存在或目录不可写？）", "backup failed: "+path).Wrap(err)
	}
	return nil
}
