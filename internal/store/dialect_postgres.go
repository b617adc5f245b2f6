package store

import (
	"context"
	"database/sql"
	"errors"
	"os"
	"strconv"
	"strings"
	"sync"

	"github.com/jackc/pgx/v5/pgconn"

	"shuwu/internal/errs"
)

// pgDialect binds the package's SQLite-flavoured SQL for PostgreSQL:
// ? becomes $1, $2 …; LIKE becomes ILIKE, since SQLite's LIKE ignores
// case and PostgreSQL's does not; booleans are sent as 0/1 because the
// schema keeps SQLite's integer flags; new ids come back through
// RETURNING id. Everything else (ON CONFLICT upserts, LIMIT/OFFSET,
// COALESCE, LIKE … ESCAPE '\') both engines read alike.
type pgDialect struct{}

func (pgDialect) migrationsDir() string { return "migrations/postgres" }

// clcOrder: PostgreSQL has no insertion order; by depth keeps parents
// before children, and codes sort as the printed table does.
func (pgDialect) clcOrder() string { return "depth, code" }

var pgBound sync.Map // query → bound query

func (pgDialect) bind(query string) string {
	if b, ok := pgBound.Load(query); ok {
		return b.(string)
	}
	var sb strings.Builder
	n := 0
	inQuote := false
	for i := 0; i < len(query); i++ {
		c := query[i]
		switch {
		case c == '\'':
			inQuote = !inQuote
			sb.WriteByte(c)
		case inQuote:
			sb.WriteByte(c)
		case c == '?':
			n++
			sb.WriteByte('$')
			sb.WriteString(strconv.Itoa(n))
		case (c == 'L' || c == 'l') && i+4 <= len(query) && strings.EqualFold(query[i:i+4], "LIKE") &&
			(i == 0 || !isIdentByte(query[i-1])) && (i+4 == len(query) || !isIdentByte(query[i+4])):
			sb.WriteString("ILIKE")
			i += 3
		default:
			sb.WriteByte(c)
		}
	}
	b := sb.String()
	pgBound.Store(query, b)
	return b
}

func isIdentByte(c byte) bool {
	return c == '_' || c >= '0' && c <= '9' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
}

// pgArgs sends Go booleans as the integers the schema stores.
func pgArgs(args []any) []any {
	var out []any
	for i, a := range args {
		if b, ok := a.(bool); ok {
			if out == nil {
				out = append([]any(nil), args...)
			}
			out[i] = boolInt(b)
		}
	}
	if out == nil {
		return args
	}
	return out
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

func (pgDialect) insertID(tx *Tx, query string, args []any) (int64, error) {
	q, ok := tx.q.(*pgQuerier)
	if !ok {
		return 0, errors.New("store: a PostgreSQL insert outside a write transaction")
	}
	var id int64
	tx.wrote = true
	err := q.guard(tx.ctx, query, func() error {
		return q.q.QueryRowContext(tx.ctx, pgDialect{}.bind(query)+" RETURNING id", pgArgs(args)...).Scan(&id)
	})
	return id, mapErr(err)
}

// pgAttempt is what one attempt of a PostgreSQL transaction learnt about
// its failures, which decides whether the engine runs it again.
type pgAttempt struct {
	// savepoints wraps each write in a savepoint, so a statement that
	// breaks a constraint fails alone, as on SQLite, instead of aborting
	// the transaction (used once a function went on after such an error).
	savepoints bool
	conflict   bool // serialization failure or deadlock: run it again
	unique     bool // a unique constraint: maybe a concurrent twin, run once more
	aborted    bool // a statement ran after the transaction had failed
}

func (a *pgAttempt) note(err error) {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return
	}
	switch pe.Code {
	case "40001", "40P01":
		a.conflict = true
	case "23505":
		a.unique = true
	case "25P02":
		a.aborted = true
	}
}

// pgQuerier runs the package's queries on a PostgreSQL transaction,
// bound by pgDialect, noting failures in the attempt.
type pgQuerier struct {
	q  querier
	at *pgAttempt
}

var _ querier = (*pgQuerier)(nil)

// guard runs one statement, inside a savepoint when the attempt asks.
// Savepoint statements of the caller's own (transfer's batches) run as
// they are: wrapping them would release them with the wrapper.
func (p *pgQuerier) guard(ctx context.Context, query string, run func() error) error {
	if !p.at.savepoints || isSavepointStmt(query) {
		err := run()
		p.at.note(err)
		return err
	}
	if _, err := p.q.ExecContext(ctx, "SAVEPOINT stmt"); err != nil {
		p.at.note(err)
		return err
	}
	err := run()
	p.at.note(err)
	if err != nil {
		if _, rerr := p.q.ExecContext(ctx, "ROLLBACK TO SAVEPOINT stmt"); rerr != nil {
			p.at.note(rerr)
			return err
		}
		p.at.aborted = false
	}
	if _, rerr := p.q.ExecContext(ctx, "RELEASE SAVEPOINT stmt"); rerr != nil {
		p.at.note(rerr)
	}
	return err
}

func (p *pgQuerier) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	var res sql.Result
	err := p.guard(ctx, query, func() (err error) {
		res, err = p.q.ExecContext(ctx, pgDialect{}.bind(query), pgArgs(args)...)
		return err
	})
	return res, err
}

func (p *pgQuerier) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	rows, err := p.q.QueryContext(ctx, pgDialect{}.bind(query), pgArgs(args)...)
	p.at.note(err)
	return rows, err
}

func (p *pgQuerier) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	row := p.q.QueryRowContext(ctx, pgDialect{}.bind(query), pgArgs(args)...)
	p.at.note(row.Err())
	return row
}

func pgConstraint(err error) constraint {
	var pe *pgconn.PgError
	if !errors.As(err, &pe) {
		return constraintNone
	}
	switch pe.Code {
	case "23505":
		return constraintUnique
	case "23503":
		return constraintForeignKey
	}
	return constraintNone
}

func isSavepointStmt(query string) bool {
	q := strings.ToUpper(strings.TrimSpace(query))
	return strings.HasPrefix(q, "SAVEPOINT ") || strings.HasPrefix(q, "ROLLBACK TO ") || strings.HasPrefix(q, "RELEASE ")
}

// backup on PostgreSQL writes the whole database, from one snapshot, into
// a new SQLite file: the same file `shuwu backup` makes on SQLite, which
// `shuwu migrate-data` moves back. (pg_dump serves an operator who wants
// PostgreSQL's own format.)
func (p *pgDB) backup(ctx context.Context, path string) error {
	if _, err := os.Stat(path); err == nil {
		return errs.Invalid(CodeBackupFailed, "file", "备份失败："+path+" 已存在", "backup failed: "+path+" exists")
	}
	to, err := OpenSQLite(ctx, path, p.log)
	if err != nil {
		return errs.Invalid(CodeBackupFailed, "file", "备份失败："+path+"（目录不可写？）", "backup failed: "+path).Wrap(err)
	}
	src := &DB{eng: p, kind: EnginePostgres, pg: p}
	if err := to.SetDurable(ctx, false); err != nil {
		to.Close()
		return err
	}
	err = src.CopyTo(ctx, to, nil)
	if err == nil {
		err = to.SetDurable(ctx, true)
	}
	if cerr := to.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		os.Remove(path + "-wal")
		os.Remove(path + "-shm")
		return errs.Invalid(CodeBackupFailed, "file", "备份失败："+path, "backup failed: "+path).Wrap(err)
	}
	return nil
}
