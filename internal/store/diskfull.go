package store

import (
	"errors"
	"syscall"

	"github.com/jackc/pgx/v5/pgconn"
	"modernc.org/sqlite"
	sqlite3 "modernc.org/sqlite/lib"
)

// isDiskFull reports an error that says the disk (or the database's
// file system) has no room left, on either engine: SQLite's SQLITE_FULL,
// PostgreSQL's disk_full (53100), or ENOSPC from the operating system.
func isDiskFull(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, syscall.ENOSPC) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) && se.Code()&0xff == sqlite3.SQLITE_FULL {
		return true
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "53100"
}

// isReadOnly reports an error that says the database's files cannot be
// written: SQLite's SQLITE_READONLY or SQLITE_CANTOPEN on a read-only
// directory, EROFS or EACCES from the operating system, PostgreSQL's
// read_only_sql_transaction (25006).
func isReadOnly(err error) bool {
	if err == nil {
		return false
	}
	if errors.Is(err, syscall.EROFS) || errors.Is(err, syscall.EACCES) {
		return true
	}
	var se *sqlite.Error
	if errors.As(err, &se) && (se.Code()&0xff == sqlite3.SQLITE_READONLY) {
		return true
	}
	var pe *pgconn.PgError
	return errors.As(err, &pe) && pe.Code == "25006"
}
