package store

import (
	"context"
	"database/sql"

	"shuwu/internal/acquisitions"
	"shuwu/internal/catalog"
)

// Acquisitions returns the yearly targets' store.
func (db *DB) Acquisitions() acquisitions.Store { return acquisitionsStore{db} }

type acquisitionsStore struct{ db *DB }

func (s acquisitionsStore) Update(ctx context.Context, fn func(acquisitions.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s acquisitionsStore) View(ctx context.Context, fn func(acquisitions.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// Target returns a year's saved target; Set is false when there is none.
func (tx *Tx) Target(year int) (acquisitions.Target, error) {
	t := acquisitions.Target{Year: year, Categories: map[int64]int{}}
	rows, err := tx.query(`SELECT volumes, updated_at FROM acq_targets WHERE year=?`, year)
	got, err := collect(rows, err, func(r *sql.Rows) (acquisitions.Target, error) {
		var v acquisitions.Target
		var at int64
		err := r.Scan(&v.Volumes, &at)
		v.UpdatedAt = fromMillis(at)
		return v, err
	})
	if err != nil {
		return t, err
	}
	if len(got) == 1 {
		t.Volumes, t.UpdatedAt, t.Set = got[0].Volumes, got[0].UpdatedAt, true
	}
	rows, err = tx.query(`SELECT category_id, volumes FROM acq_category_targets WHERE year=?`, year)
	type pair struct {
		id int64
		n  int
	}
	ps, err := collect(rows, err, func(r *sql.Rows) (p pair, err error) { err = r.Scan(&p.id, &p.n); return p, err })
	for _, p := range ps {
		t.Categories[p.id] = p.n
	}
	return t, err
}

// SaveTarget replaces a year's target and category targets.
func (tx *Tx) SaveTarget(t acquisitions.Target) error {
	if _, err := tx.exec(`INSERT INTO acq_targets (year, volumes, updated_at) VALUES (?,?,?)
		ON CONFLICT (year) DO UPDATE SET volumes = excluded.volumes, updated_at = excluded.updated_at`, t.Year, t.Volumes, nowMillis(t.UpdatedAt)); err != nil {
		return err
	}
	if _, err := tx.exec(`DELETE FROM acq_category_targets WHERE year=?`, t.Year); err != nil {
		return err
	}
	for id, n := range t.Categories {
		if _, err := tx.exec(`INSERT INTO acq_category_targets (year, category_id, volumes) VALUES (?,?,?)`, t.Year, id, n); err != nil {
			return err
		}
	}
	return nil
}

// YearCounts counts the copies added between two days, by source and by
// the record's category.
func (tx *Tx) YearCounts(from, to string) (acquisitions.YearCounts, error) {
	c := acquisitions.YearCounts{BySource: map[catalog.Source]int{}, ByCategory: map[int64]int{}}
	if err := tx.queryRow(nil, `SELECT COUNT(*), COUNT(DISTINCT record_id), COALESCE(SUM(price_fen), 0) FROM items WHERE added_date >= ? AND added_date <= ?`,
		[]any{from, to}, &c.Copies, &c.Titles, &c.ValueFen); err != nil {
		return c, err
	}
	rows, err := tx.query(`SELECT source, COUNT(*) FROM items WHERE added_date >= ? AND added_date <= ? GROUP BY source`, from, to)
	type srcCount struct {
		src catalog.Source
		n   int
	}
	sc, err := collect(rows, err, func(r *sql.Rows) (x srcCount, err error) { err = r.Scan(&x.src, &x.n); return x, err })
	if err != nil {
		return c, err
	}
	for _, x := range sc {
		c.BySource[x.src] = x.n
	}
	rows, err = tx.query(`SELECT COALESCE(r.category_id, 0), COUNT(*) FROM items i JOIN records r ON r.id = i.record_id
		WHERE i.added_date >= ? AND i.added_date <= ? GROUP BY COALESCE(r.category_id, 0)`, from, to)
	type catCount struct {
		id int64
		n  int
	}
	cc, err := collect(rows, err, func(r *sql.Rows) (x catCount, err error) { err = r.Scan(&x.id, &x.n); return x, err })
	for _, x := range cc {
		c.ByCategory[x.id] = x.n
	}
	return c, err
}

// Arrivals pages the copies added between two days, one row per title,
// day and source, newest first.
func (tx *Tx) Arrivals(from, to string, f acquisitions.ArrivalFilter) ([]acquisitions.Arrival, int, error) {
	where := `i.added_date >= ? AND i.added_date <= ?`
	args := []any{from, to}
	if f.Source != "" {
		where += ` AND i.source = ?`
		args = append(args, f.Source)
	}
	if f.CategoryID != 0 {
		where += ` AND r.category_id = ?`
		args = append(args, f.CategoryID)
	}
	group := ` FROM items i JOIN records r ON r.id = i.record_id LEFT JOIN categories c ON c.id = r.category_id WHERE ` + where +
		` GROUP BY r.id, i.added_date, i.source`
	var total int
	if err := tx.queryRow(nil, `SELECT COUNT(*) FROM (SELECT r.id`+group+`) x`, args, &total); err != nil {
		return nil, 0, err
	}
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT r.id, `+displayTitle("r")+`, i.added_date, i.source, COALESCE(MAX(c.name), ''), COUNT(*), MIN(i.call_number)`+group+
		` ORDER BY i.added_date DESC, r.id DESC LIMIT ? OFFSET ?`, append(args, f.Size, (f.Number-1)*f.Size)...)
	out, err := collect(rows, mapErr(err), func(r *sql.Rows) (a acquisitions.Arrival, err error) {
		err = r.Scan(&a.RecordID, &a.Title, &a.Date, &a.Source, &a.Category, &a.Copies, &a.CallNo)
		return a, err
	})
	return out, total, err
}
