package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"strconv"
	"strings"

	"shuwu/internal/ledger"
	"shuwu/internal/stats"
)

// Stats returns the statistics' store.
func (db *DB) Stats() stats.Store { return statsStore{db} }

type statsStore struct{ db *DB }

func (s statsStore) Update(ctx context.Context, fn func(stats.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s statsStore) View(ctx context.Context, fn func(stats.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// statsRows reads rows of up to seven columns into stats.Row, in the
// order of cols: k key, n name, e name_en, x extra, d day, N, M, V.
func (tx *Tx) statsRows(cols string, query string, args ...any) ([]stats.Row, error) {
	rows, err := tx.query(query, args...)
	return collect(rows, err, func(r *sql.Rows) (x stats.Row, err error) {
		dest := make([]any, 0, len(cols))
		for _, c := range cols {
			switch c {
			case 'k':
				dest = append(dest, &x.Key)
			case 'n':
				dest = append(dest, &x.Name)
			case 'e':
				dest = append(dest, &x.NameEn)
			case 'x':
				dest = append(dest, &x.Extra)
			case 'd':
				dest = append(dest, &x.Day)
			case 'N':
				dest = append(dest, &x.N)
			case 'M':
				dest = append(dest, &x.M)
			case 'V':
				dest = append(dest, &x.V)
			}
		}
		err = r.Scan(dest...)
		return x, err
	})
}

const heldItems = `i.status NOT IN ('lost', 'withdrawn')`

// StatsHeld counts the copies held by dim.
func (tx *Tx) StatsHeld(dim string) ([]stats.Row, error) {
	const sums = `COUNT(*), COUNT(DISTINCT i.record_id), COALESCE(SUM(i.price_fen), 0)`
	switch dim {
	case "":
		return tx.statsRows("NMV", `SELECT `+sums+` FROM items i WHERE `+heldItems)
	case "clc":
		return tx.statsRows("kNMV", `SELECT substr(r.clc, 1, 2), `+sums+` FROM items i JOIN records r ON r.id = i.record_id WHERE `+heldItems+` GROUP BY substr(r.clc, 1, 2)`)
	case "source":
		return tx.statsRows("kNMV", `SELECT i.source, `+sums+` FROM items i WHERE `+heldItems+` GROUP BY i.source`)
	case "location":
		return tx.statsRows("kneNMV", `SELECT CAST(l.id AS TEXT), l.name, l.name_en, `+sums+` FROM items i JOIN locations l ON l.id = i.location_id WHERE `+heldItems+
			` GROUP BY l.id, l.name, l.name_en, l.sort ORDER BY l.sort, l.id`)
	case "category":
		return tx.statsRows("kneNMV", `SELECT CAST(COALESCE(c.id, 0) AS TEXT), COALESCE(c.name, '未分类'), COALESCE(c.name_en, 'No category'), `+sums+
			` FROM items i JOIN records r ON r.id = i.record_id LEFT JOIN categories c ON c.id = r.category_id WHERE `+heldItems+
			` GROUP BY c.id, c.name, c.name_en, c.sort ORDER BY COALESCE(c.sort, 1000000), c.id`)
	}
	return nil, nil
}

// StatsAdded counts the copies added between two days by dim.
func (tx *Tx) StatsAdded(from, to, dim string) ([]stats.Row, error) {
	const sums = `COUNT(*), COUNT(DISTINCT i.record_id), COALESCE(SUM(i.price_fen), 0)`
	const in = ` i.added_date >= ? AND i.added_date <= ?`
	switch dim {
	case "":
		return tx.statsRows("NMV", `SELECT `+sums+` FROM items i WHERE`+in, from, to)
	case "day":
		return tx.statsRows("dNMV", `SELECT i.added_date, `+sums+` FROM items i WHERE`+in+` GROUP BY i.added_date ORDER BY i.added_date`, from, to)
	case "source":
		return tx.statsRows("kNMV", `SELECT i.source, `+sums+` FROM items i WHERE`+in+` GROUP BY i.source`, from, to)
	case "category":
		return tx.statsRows("kneNMV", `SELECT CAST(COALESCE(c.id, 0) AS TEXT), COALESCE(c.name, '未分类'), COALESCE(c.name_en, 'No category'), `+sums+
			` FROM items i JOIN records r ON r.id = i.record_id LEFT JOIN categories c ON c.id = r.category_id WHERE`+in+
			` GROUP BY c.id, c.name, c.name_en, c.sort ORDER BY COALESCE(c.sort, 1000000), c.id`, from, to)
	}
	return nil, nil
}

// StatsKinds counts the ledger lines per kind in [from, to).
func (tx *Tx) StatsKinds(from, to int64) ([]stats.Row, error) {
	return tx.statsRows("kNM", `SELECT kind, COUNT(*), COUNT(DISTINCT reader_id) FROM ledger WHERE at >= ? AND at < ? GROUP BY kind`, from, to)
}

func kindsIn(kinds []string) (string, []any) {
	args := make([]any, len(kinds))
	for i, k := range kinds {
		args[i] = k
	}
	return `kind IN (` + bindMarks(len(kinds)) + `)`, args
}

// StatsServed counts distinct readers per bucket.
func (tx *Tx) StatsServed(bounds []int64, kinds []string) ([]stats.Row, error) {
	if len(bounds) < 2 {
		return nil, nil
	}
	in, kargs := kindsIn(kinds)
	var b strings.Builder
	var args []any
	b.WriteString(`SELECT CASE`)
	for i := 1; i < len(bounds); i++ {
		b.WriteString(` WHEN at < ? THEN ` + strconv.Itoa(i-1))
		args = append(args, bounds[i])
	}
	b.WriteString(` END AS bucket, COUNT(DISTINCT reader_id) FROM ledger WHERE at >= ? AND at < ? AND reader_id IS NOT NULL AND ` + in + ` GROUP BY 1`)
	args = append(args, bounds[0], bounds[len(bounds)-1])
	return tx.statsRows("kN", b.String(), append(args, kargs...)...)
}

// StatsServedDaily counts distinct readers per local day (Key: days
// since the epoch).
func (tx *Tx) StatsServedDaily(from, to, offset int64, kinds []string) ([]stats.Row, error) {
	in, kargs := kindsIn(kinds)
	return tx.statsRows("kN", `SELECT (at + ?) / 86400000, COUNT(DISTINCT reader_id) FROM ledger WHERE at >= ? AND at < ? AND reader_id IS NOT NULL AND `+in+` GROUP BY 1`,
		append([]any{offset, from, to}, kargs...)...)
}

// StatsDaily counts the lines per local day and kind.
func (tx *Tx) StatsDaily(from, to, offset int64, kinds []string) ([]stats.Row, error) {
	in, kargs := kindsIn(kinds)
	return tx.statsRows("knN", `SELECT (at + ?) / 86400000, kind, COUNT(*) FROM ledger WHERE at >= ? AND at < ? AND `+in+` GROUP BY 1, 2`,
		append([]any{offset, from, to}, kargs...)...)
}

// StatsHeat counts the lines per local weekday (0 Sunday) and hour.
func (tx *Tx) StatsHeat(from, to, offset int64, kinds []string) ([]stats.Row, error) {
	in, kargs := kindsIn(kinds)
	// 1970-01-01 was a Thursday: day 0 is weekday 4.
	return tx.statsRows("kNM", `SELECT ((at + ?) / 86400000 + 4) % 7, ((at + ?) / 3600000) % 24, COUNT(*) FROM ledger WHERE at >= ? AND at < ? AND `+in+` GROUP BY 1, 2`,
		append([]any{offset, offset, from, to}, kargs...)...)
}

// StatsLoansBy counts the loans by class or reader type.
func (tx *Tx) StatsLoansBy(from, to int64, dim string) ([]stats.Row, error) {
	switch dim {
	case "class":
		return tx.statsRows("knNM", `SELECT CAST(c.id AS TEXT), c.name, COUNT(*), COUNT(DISTINCT l.reader_id) FROM ledger l JOIN classes c ON c.id = l.class_id
			WHERE l.kind = ? AND l.at >= ? AND l.at < ? GROUP BY c.id, c.name ORDER BY 3 DESC, c.id`, ledger.Loan, from, to)
	case "reader_type":
		return tx.statsRows("kneNM", `SELECT CAST(t.id AS TEXT), t.name, t.name_en, COUNT(*), COUNT(DISTINCT l.reader_id) FROM ledger l JOIN readers r ON r.id = l.reader_id JOIN reader_types t ON t.id = r.type_id
			WHERE l.kind = ? AND l.at >= ? AND l.at < ? GROUP BY t.id, t.name, t.name_en, t.sort ORDER BY t.sort, t.id`, ledger.Loan, from, to)
	}
	return nil, nil
}

// StatsTopRecords ranks the titles by loans in the range.
func (tx *Tx) StatsTopRecords(from, to int64, limit int) ([]stats.Row, error) {
	return tx.statsRows("knxN", `SELECT CAST(r.id AS TEXT), `+displayTitle("r")+`, COALESCE((SELECT MIN(i.call_number) FROM items i WHERE i.record_id = r.id), ''), x.n
		FROM (SELECT record_id, COUNT(*) AS n FROM ledger WHERE kind = ? AND at >= ? AND at < ? AND record_id IS NOT NULL GROUP BY record_id ORDER BY 2 DESC, record_id LIMIT ?) x
		JOIN records r ON r.id = x.record_id ORDER BY x.n DESC, r.id`, ledger.Loan, from, to, limit)
}

// StatsTopReaders ranks the readers by loans in the range.
func (tx *Tx) StatsTopReaders(from, to int64, limit int) ([]stats.Row, error) {
	return tx.statsRows("knxN", `SELECT r.card, r.name, COALESCE((SELECT c.name FROM class_members m JOIN classes c ON c.id = m.class_id WHERE m.reader_id = r.id ORDER BY c.start_date DESC LIMIT 1), r.unit), x.n
		FROM (SELECT reader_id, COUNT(*) AS n FROM ledger WHERE kind = ? AND at >= ? AND at < ? AND reader_id IS NOT NULL GROUP BY reader_id ORDER BY 2 DESC, reader_id LIMIT ?) x
		JOIN readers r ON r.id = x.reader_id ORDER BY x.n DESC, r.id`, ledger.Loan, from, to, limit)
}

const neverLent = ` FROM items i JOIN records r ON r.id = i.record_id WHERE ` + heldItems +
	` AND i.record_id NOT IN (SELECT record_id FROM ledger WHERE kind = 'loan' AND record_id IS NOT NULL)`

// StatsNeverLent lists the held titles never lent, in shelf order.
func (tx *Tx) StatsNeverLent(limit int) ([]stats.Row, int, error) {
	var n int
	if err := tx.queryRow(nil, `SELECT COUNT(DISTINCT i.record_id)`+neverLent, nil, &n); err != nil {
		return nil, 0, err
	}
	rows, err := tx.statsRows("knxNd", `SELECT CAST(r.id AS TEXT), `+displayTitle("r")+`, MIN(i.call_number), COUNT(*), MIN(i.added_date)`+neverLent+
		` GROUP BY r.id, r.title, r.part_number, r.part_name, r.other_title ORDER BY MIN(i.call_sort), r.id LIMIT ?`, limit)
	return rows, n, err
}

// StatsClasses lists the classes running in the days with their figures.
func (tx *Tx) StatsClasses(fromDay, toDay string, from, to int64) ([]stats.ClassFigures, error) {
	rows, err := tx.query(`SELECT c.id, c.name, c.kind, c.start_date, c.end_date, c.head_teacher,
		(SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id),
		(SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id AND m.cleared_at IS NOT NULL)
		FROM classes c WHERE c.start_date <= ? AND c.end_date >= ? ORDER BY c.start_date, c.id`, toDay, fromDay)
	out, err := collect(rows, err, func(r *sql.Rows) (c stats.ClassFigures, err error) {
		err = r.Scan(&c.ID, &c.Name, &c.Kind, &c.Start, &c.End, &c.HeadTeacher, &c.Members, &c.Cleared)
		return c, err
	})
	if err != nil || len(out) == 0 {
		return out, err
	}
	idx := map[int64]int{}
	for i, c := range out {
		idx[c.ID] = i
	}
	lines, err := tx.query(`SELECT class_id, kind, COUNT(*), COUNT(DISTINCT reader_id) FROM ledger WHERE at >= ? AND at < ? AND class_id IS NOT NULL AND kind IN (?,?,?,?) GROUP BY class_id, kind`,
		from, to, ledger.Loan, ledger.InRoom, ledger.Visit, ledger.ActivitySignIn)
	type line struct {
		class int64
		kind  ledger.Kind
		n, m  int64
	}
	ls, err := collect(lines, err, func(r *sql.Rows) (l line, err error) { err = r.Scan(&l.class, &l.kind, &l.n, &l.m); return l, err })
	if err != nil {
		return nil, err
	}
	for _, l := range ls {
		i, ok := idx[l.class]
		if !ok {
			continue
		}
		c := &out[i]
		switch l.kind {
		case ledger.Loan:
			c.Loans, c.Borrowers = l.n, l.m
		case ledger.InRoom:
			c.InRoom = l.n
		case ledger.Visit:
			c.Visits = l.n
		case ledger.ActivitySignIn:
			c.Attendance = l.n
		}
	}
	// Required reading: each member owes each title of the class's lists;
	// a title is done when the member borrowed it or read it in the room.
	pairs, err := tx.query(`SELECT c.id, COUNT(DISTINCT rlr.record_id) FROM classes c JOIN reading_list_classes rlc ON rlc.class_id = c.id
		JOIN reading_list_records rlr ON rlr.list_id = rlc.list_id WHERE c.start_date <= ? AND c.end_date >= ? GROUP BY c.id`, toDay, fromDay)
	type pair struct{ class, n int64 }
	ps, err := collect(pairs, err, func(r *sql.Rows) (p pair, err error) { err = r.Scan(&p.class, &p.n); return p, err })
	if err != nil {
		return nil, err
	}
	for _, p := range ps {
		if i, ok := idx[p.class]; ok {
			out[i].ListBooks = p.n * out[i].Members
		}
	}
	done, err := tx.query(`SELECT x.class_id, COUNT(*) FROM (SELECT DISTINCT m.class_id, m.reader_id, rlr.record_id
		FROM classes c JOIN class_members m ON m.class_id = c.id JOIN reading_list_classes rlc ON rlc.class_id = c.id JOIN reading_list_records rlr ON rlr.list_id = rlc.list_id
		WHERE c.start_date <= ? AND c.end_date >= ? AND EXISTS (SELECT 1 FROM ledger l WHERE l.reader_id = m.reader_id AND l.record_id = rlr.record_id AND l.kind IN (?,?))) x
		GROUP BY x.class_id`, toDay, fromDay, ledger.Loan, ledger.InRoom)
	ds, err := collect(done, err, func(r *sql.Rows) (p pair, err error) { err = r.Scan(&p.class, &p.n); return p, err })
	for _, p := range ds {
		if i, ok := idx[p.class]; ok {
			out[i].ListDone = p.n
		}
	}
	return out, err
}

// StatsActivities lists the activities starting in the range.
func (tx *Tx) StatsActivities(from, to int64) ([]stats.Activity, error) {
	rows, err := tx.query(`SELECT a.id, a.title, a.form, a.organiser, a.starts_at, a.capacity,
		(SELECT COUNT(*) FROM activity_registrations g WHERE g.activity_id = a.id AND g.status = 'registered'),
		(SELECT COUNT(*) FROM activity_signins s WHERE s.activity_id = a.id)
		FROM activities a WHERE a.status <> 'cancelled' AND a.starts_at >= ? AND a.starts_at < ? ORDER BY a.starts_at, a.id`, from, to)
	return collect(rows, err, func(r *sql.Rows) (a stats.Activity, err error) {
		var at int64
		err = r.Scan(&a.ID, &a.Title, &a.Form, &a.Organiser, &at, &a.Capacity, &a.Registered, &a.SignedIn)
		a.StartsAt = fromMillis(at)
		return a, err
	})
}

// StatsBookings counts the bookings starting in the range by status.
func (tx *Tx) StatsBookings(from, to int64) ([]stats.Row, error) {
	return tx.statsRows("kNM", `SELECT status, COUNT(*), COALESCE(SUM(expected), 0) FROM bookings WHERE starts_at >= ? AND starts_at < ? GROUP BY status ORDER BY status`, from, to)
}

// StatsReceptions counts the receptions between two days by level.
func (tx *Tx) StatsReceptions(fromDay, toDay string) ([]stats.Row, error) {
	rows, err := tx.query(`SELECT level, guests FROM receptions WHERE day >= ? AND day <= ?`, fromDay, toDay)
	type rc struct{ level, guests string }
	got, err := collect(rows, err, func(r *sql.Rows) (x rc, err error) { err = r.Scan(&x.level, &x.guests); return x, err })
	by := map[string]int{}
	var out []stats.Row
	for _, x := range got {
		var gs []json.RawMessage
		_ = json.Unmarshal([]byte(x.guests), &gs)
		i, ok := by[x.level]
		if !ok {
			i = len(out)
			out = append(out, stats.Row{Key: x.level})
			by[x.level] = i
		}
		out[i].N++
		out[i].M += int64(len(gs))
	}
	return out, err
}

// StatsTarget returns a year's target of new volumes.
func (tx *Tx) StatsTarget(year int) (int, bool, error) {
	var n []int
	rows, err := tx.query(`SELECT volumes FROM acq_targets WHERE year = ?`, year)
	n, err = collect(rows, err, func(r *sql.Rows) (v int, err error) { err = r.Scan(&v); return v, err })
	if err != nil || len(n) == 0 {
		return 0, false, err
	}
	return n[0], true, nil
}
