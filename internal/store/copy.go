package store

import (
	"context"
	"database/sql"
	"encoding/hex"
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"

	"shuwu/internal/errs"
)

// table is one table of the schema with its columns in order.
type table struct {
	name    string
	columns []string
	// seeded is how many rows the migrations themselves put in the table
	// (the reading room's default spaces): a freshly migrated target has
	// them, and a copy replaces them with the source's.
	seeded int64
	refs   []string // tables its foreign keys reference
}

// schemaTables lists the tables of the current schema in creation order
// (so a table comes after those it references), with their columns,
// read off SQLite's migrations applied to an empty in-memory database.
// Both engines have the same tables and columns (TestSchemasMatch).
func schemaTables(ctx context.Context) ([]table, error) {
	mem, err := sql.Open("sqlite", "file:schema?mode=memory")
	if err != nil {
		return nil, err
	}
	defer mem.Close()
	mem.SetMaxOpenConns(1)
	if err := migrate(ctx, mem, sqliteDialect{}); err != nil {
		return nil, err
	}
	rows, err := mem.QueryContext(ctx, `SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY rowid`)
	names, err := collect(rows, err, func(r *sql.Rows) (n string, err error) { return n, r.Scan(&n) })
	if err != nil {
		return nil, err
	}
	out := make([]table, 0, len(names))
	for _, n := range names {
		rows, err := mem.QueryContext(ctx, `SELECT name FROM pragma_table_info(?) ORDER BY cid`, n)
		cols, err := collect(rows, err, func(r *sql.Rows) (c string, err error) { return c, r.Scan(&c) })
		if err != nil {
			return nil, err
		}
		var seeded int64
		if err := mem.QueryRowContext(ctx, `SELECT COUNT(*) FROM `+n).Scan(&seeded); err != nil {
			return nil, err
		}
		rows, err = mem.QueryContext(ctx, `SELECT DISTINCT "table" FROM pragma_foreign_key_list(?)`, n)
		refs, err := collect(rows, err, func(r *sql.Rows) (c string, err error) { return c, r.Scan(&c) })
		if err != nil {
			return nil, err
		}
		out = append(out, table{name: n, columns: cols, seeded: seeded, refs: refs})
	}
	return referencedFirst(out), nil
}

// referencedFirst orders tables so that each comes after the tables it
// references (a later migration may add a reference to a newer table, as
// items → donors), keeping creation order otherwise.
func referencedFirst(tables []table) []table {
	out := make([]table, 0, len(tables))
	done := map[string]bool{}
	for len(out) < len(tables) {
		progressed := false
		for _, t := range tables {
			if done[t.name] {
				continue
			}
			ready := true
			for _, r := range t.refs {
				if r != t.name && !done[r] {
					ready = false
					break
				}
			}
			if ready {
				out, done[t.name], progressed = append(out, t), true, true
			}
		}
		if !progressed { // a cycle: keep creation order for the rest
			for _, t := range tables {
				if !done[t.name] {
					out, done[t.name] = append(out, t), true
				}
			}
		}
	}
	return out
}

// TableSum is one table's row count and an order-independent checksum of
// its rows, the same on either engine for the same data.
type TableSum struct {
	Table string `json:"table"`
	Rows  int64  `json:"rows"`
	Sum   string `json:"checksum"`
}

// Checksums counts and checksums every table in one snapshot.
func (db *DB) Checksums(ctx context.Context) ([]TableSum, error) {
	tables, err := schemaTables(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]TableSum, 0, len(tables))
	err = db.View(ctx, func(tx *Tx) error {
		for _, t := range tables {
			var sum uint64
			var n int64
			err := eachRow(tx, t, func(vals []any) error {
				sum += rowHash(vals) // a sum, so row order does not matter
				n++
				return nil
			})
			if err != nil {
				return err
			}
			out = append(out, TableSum{Table: t.name, Rows: n, Sum: fmt.Sprintf("%016x", sum)})
		}
		return nil
	})
	return out, err
}

// eachRow reads every row of t as driver values.
func eachRow(tx *Tx, t table, fn func([]any) error) error {
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+strings.Join(t.columns, ", ")+` FROM `+t.name)
	if err != nil {
		return mapErr(err)
	}
	defer rows.Close()
	vals := make([]any, len(t.columns))
	ptrs := make([]any, len(vals))
	for i := range vals {
		ptrs[i] = &vals[i]
	}
	for rows.Next() {
		if err := rows.Scan(ptrs...); err != nil {
			return mapErr(err)
		}
		if err := fn(vals); err != nil {
			return err
		}
	}
	return mapErr(rows.Err())
}

// rowHash hashes a row's values in a form both engines' drivers agree on.
func rowHash(vals []any) uint64 {
	h := fnv.New64a()
	for _, v := range vals {
		switch v := v.(type) {
		case nil:
			h.Write([]byte{0})
		case int64:
			h.Write([]byte("i" + strconv.FormatInt(v, 10)))
		case string:
			h.Write([]byte("s" + v))
		case []byte:
			h.Write([]byte("b" + hex.EncodeToString(v)))
		case bool:
			h.Write([]byte("i" + strconv.FormatInt(boolInt(v), 10)))
		default:
			fmt.Fprintf(h, "?%v", v)
		}
		h.Write([]byte{0xff})
	}
	return h.Sum64()
}

// copyBatch is how many rows one write transaction of a copy carries;
// copyRowsPerInsert bounds the rows of one multi-row INSERT, under both
// engines' limits on bound values (SQLite 32,766, PostgreSQL 65,535).
const (
	copyBatch         = 2000
	copyMaxBindValues = 30000
)

// CopyTo copies every row of db into to, which must have no rows in any
// table (a freshly migrated database), reading one snapshot of db. Ids are
// kept, so references stay true; PostgreSQL's id counters are moved past
// the copied ids. Tables go in the order their migrations made them, so a
// table comes after those it references. progress, if set, is told each
// table as it is done.
func (db *DB) CopyTo(ctx context.Context, to *DB, progress func(table string, rows int64)) error {
	tables, err := schemaTables(ctx)
	if err != nil {
		return err
	}
	if err := to.mustBeEmpty(ctx, tables); err != nil {
		return err
	}
	if err := to.dropSeeds(ctx, tables); err != nil {
		return err
	}
	return db.View(ctx, func(src *Tx) error {
		for _, t := range tables {
			n, err := copyTable(ctx, src, to, t)
			if err != nil {
				return fmt.Errorf("copy %s: %w", t.name, err)
			}
			if progress != nil {
				progress(t.name, n)
			}
		}
		return to.afterCopy(ctx, tables)
	})
}

// copyTable copies one table's rows in transactions of copyBatch rows,
// each written as a few multi-row INSERTs.
func copyTable(ctx context.Context, src *Tx, to *DB, t table) (int64, error) {
	perInsert := max(1, copyMaxBindValues/len(t.columns))
	row := "(" + bindMarks(len(t.columns)) + ")"
	head := `INSERT INTO ` + t.name + ` (` + strings.Join(t.columns, ", ") + `) VALUES `
	var batch [][]any
	var n int64
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		err := to.Update(ctx, func(tx *Tx) error {
			for rows := batch; len(rows) > 0; {
				k := min(len(rows), perInsert)
				args := make([]any, 0, k*len(t.columns))
				for _, r := range rows[:k] {
					args = append(args, r...)
				}
				if _, err := tx.exec(head+strings.TrimSuffix(strings.Repeat(row+",", k), ","), args...); err != nil {
					return err
				}
				rows = rows[k:]
			}
			return nil
		})
		batch = batch[:0]
		return err
	}
	err := eachRow(src, t, func(vals []any) error {
		batch = append(batch, append([]any(nil), vals...))
		n++
		if len(batch) == copyBatch {
			return flush()
		}
		return nil
	})
	if err == nil {
		err = flush()
	}
	return n, err
}

// Mismatch is a table whose rows differ between two databases.
type Mismatch struct {
	Table    string
	From, To TableSum
}

// Compare counts and checksums every table of a and b and returns the
// tables that differ; empty means the two hold the same rows.
func Compare(ctx context.Context, a, b *DB) (sums []TableSum, diff []Mismatch, err error) {
	as, err := a.Checksums(ctx)
	if err != nil {
		return nil, nil, err
	}
	bs, err := b.Checksums(ctx)
	if err != nil {
		return nil, nil, err
	}
	for i := range as {
		if as[i] != bs[i] {
			diff = append(diff, Mismatch{Table: as[i].Table, From: as[i], To: bs[i]})
		}
	}
	return as, diff, nil
}

// mustBeEmpty refuses a target holding anything but the migrations' seeds.
func (db *DB) mustBeEmpty(ctx context.Context, tables []table) error {
	return db.View(ctx, func(tx *Tx) error {
		for _, t := range tables {
			n, err := tx.count(`SELECT COUNT(*) FROM ` + t.name)
			if err != nil {
				return err
			}
			if seeded := int(t.seeded); n > seeded || (n > 0 && n < seeded) {
				return errs.Invalid(CodeTargetNotEmpty, "to", fmt.Sprintf("目标数据库不是空的（表 %s 已有 %d 行）：请用一个新建的空数据库", t.name, n),
					fmt.Sprintf("the target database is not empty (table %s has %d rows): use a new, empty database", t.name, n))
			}
		}
		return nil
	})
}

// dropSeeds removes the rows the migrations seeded in a freshly migrated
// target, last table first, so that the source's own rows (its spaces as
// the librarian configured them) take their place with their ids.
func (db *DB) dropSeeds(ctx context.Context, tables []table) error {
	return db.Update(ctx, func(tx *Tx) error {
		for i := len(tables) - 1; i >= 0; i-- {
			if tables[i].seeded == 0 {
				continue
			}
			if _, err := tx.exec(`DELETE FROM ` + tables[i].name); err != nil {
				return err
			}
		}
		return nil
	})
}

// afterCopy moves PostgreSQL's identity counters past the copied ids, so
// the next insert does not collide with a copied row.
func (db *DB) afterCopy(ctx context.Context, tables []table) error {
	if db.kind != EnginePostgres {
		return nil
	}
	return db.Update(ctx, func(tx *Tx) error {
		for _, t := range tables {
			if len(t.columns) == 0 || t.columns[0] != "id" {
				continue
			}
			if _, err := tx.exec(`SELECT setval(pg_get_serial_sequence('` + t.name + `', 'id'), COALESCE((SELECT MAX(id) FROM ` + t.name + `), 0) + 1, false)`); err != nil {
				return err
			}
		}
		return nil
	})
}
