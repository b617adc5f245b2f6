package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
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
			case 'c':
				dest = append(dest, &x.Code)
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

// StatsHeldItems streams the copies held with their record's class and
// category, a record's copies together: the records' two columns first
// (one pass over records), then the copies in record order.
func (tx *Tx) StatsHeldItems(fn func(stats.HeldItem)) error {
	type rec struct {
		clc string
		cat int64
	}
	recs := map[int64]rec{}
	rows, err := tx.query(`SELECT id, substr(clc, 1, 2), COALESCE(category_id, 0) FROM records`)
	if err != nil {
		return err
	}
	var id int64
	var r rec
	for rows.Next() {
		if err := rows.Scan(&id, &r.clc, &r.cat); err != nil {
			rows.Close()
			return mapErr(err)
		}
		recs[id] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return mapErr(err)
	}
	rows, err = tx.query(`SELECT i.record_id, i.source, i.location_id, i.price_fen FROM items i WHERE ` + heldItems + ` ORDER BY i.record_id`)
	if err != nil {
		return err
	}
	defer rows.Close()
	var h stats.HeldItem
	for rows.Next() {
		if err := rows.Scan(&h.Record, &h.Source, &h.Location, &h.PriceFen); err != nil {
			return mapErr(err)
		}
		r := recs[h.Record]
		h.CLC, h.Category = r.clc, r.cat
		fn(h)
	}
	return mapErr(rows.Err())
}

// StatsCategories lists the categories in order.
func (tx *Tx) StatsCategories() ([]stats.Row, error) {
	return tx.statsRows("kne", `SELECT CAST(id AS TEXT), name, name_en FROM categories ORDER BY sort, id`)
}

// StatsLocations lists the locations in order.
func (tx *Tx) StatsLocations() ([]stats.Row, error) {
	return tx.statsRows("kne", `SELECT CAST(id AS TEXT), name, name_en FROM locations ORDER BY sort, id`)
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

func kindsIn(kinds []string) (string, []any) {
	args := make([]any, len(kinds))
	for i, k := range kinds {
		args[i] = k
	}
	return `kind IN (` + bindMarks(len(kinds)) + `)`, args
}

// StatsLines streams the ledger lines of kinds in [from, to); it reads
// the ledger_stats index alone.
func (tx *Tx) StatsLines(from, to int64, kinds []string, fn func(stats.Line)) error {
	in, kargs := kindsIn(kinds)
	rows, err := tx.query(`SELECT at, kind, COALESCE(reader_id, 0), COALESCE(class_id, 0), COALESCE(record_id, 0) FROM ledger WHERE `+in+` AND at >= ? AND at < ?`, append(kargs, from, to)...)
	if err != nil {
		return err
	}
	defer rows.Close()
	var l stats.Line
	for rows.Next() {
		if err := rows.Scan(&l.At, &l.Kind, &l.Reader, &l.Class, &l.Record); err != nil {
			return mapErr(err)
		}
		fn(l)
	}
	return mapErr(rows.Err())
}

func (tx *Tx) statsByIDs(cols, query string, ids []int64) ([]stats.Row, error) {
	var out []stats.Row
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.statsRows(cols, strings.Replace(query, "(?)", "("+marks+")", 1), args...)
		out = append(out, rows...)
		return err
	})
	return out, err
}

// StatsClassNames names classes.
func (tx *Tx) StatsClassNames(ids []int64) ([]stats.Row, error) {
	return tx.statsByIDs("kn", `SELECT CAST(id AS TEXT), name FROM classes WHERE id IN (?)`, ids)
}

// StatsReaderTypes lists the reader types and each reader's.
func (tx *Tx) StatsReaderTypes() ([]stats.Row, map[int64]int64, error) {
	types, err := tx.statsRows("kne", `SELECT CAST(id AS TEXT), name, name_en FROM reader_types ORDER BY sort, id`)
	if err != nil {
		return nil, nil, err
	}
	rows, err := tx.query(`SELECT id, type_id FROM readers`)
	if err != nil {
		return nil, nil, err
	}
	defer rows.Close()
	of := map[int64]int64{}
	var id, t int64
	for rows.Next() {
		if err := rows.Scan(&id, &t); err != nil {
			return nil, nil, mapErr(err)
		}
		of[id] = t
	}
	return types, of, mapErr(rows.Err())
}

// StatsRecordTitles names records with a call number.
func (tx *Tx) StatsRecordTitles(ids []int64) ([]stats.Row, error) {
	return tx.statsByIDs("knx", `SELECT CAST(r.id AS TEXT), `+displayTitle("r")+`, COALESCE((SELECT MIN(i.call_number) FROM items i WHERE i.record_id = r.id), '') FROM records r WHERE r.id IN (?)`, ids)
}

// StatsReaderNames names readers with their card and latest class or
// unit.
func (tx *Tx) StatsReaderNames(ids []int64) ([]stats.Row, error) {
	return tx.statsByIDs("kncx", `SELECT CAST(r.id AS TEXT), r.name, r.card, COALESCE((SELECT c.name FROM class_members m JOIN classes c ON c.id = m.class_id WHERE m.reader_id = r.id ORDER BY c.start_date DESC LIMIT 1), r.unit)
		FROM readers r WHERE r.id IN (?)`, ids)
}

// lentEver is true of a record one of whose copies was ever lent: one
// probe of the ledger_record index.
const lentEver = `EXISTS (SELECT 1 FROM ledger l WHERE l.record_id = %s AND l.kind = 'loan')`

// StatsNeverLent lists the first held titles in shelf order that were
// never lent, and counts them all.
func (tx *Tx) StatsNeverLent(limit int) ([]stats.Row, int, error) {
	var n int
	if err := tx.queryRow(nil, `SELECT COUNT(*) FROM records r WHERE NOT `+fmt.Sprintf(lentEver, "r.id")+
		` AND EXISTS (SELECT 1 FROM items i WHERE i.record_id = r.id AND `+heldItems+`)`, nil, &n); err != nil {
		return nil, 0, err
	}
	// Walk the shelf (call_sort order) until limit titles are found.
	rows, err := tx.query(`SELECT i.record_id FROM items i WHERE `+heldItems+` AND NOT `+fmt.Sprintf(lentEver, "i.record_id")+
		` ORDER BY i.call_sort, i.id LIMIT ?`, limit*20)
	ids, err := collect(rows, err, func(r *sql.Rows) (id int64, err error) { err = r.Scan(&id); return id, err })
	if err != nil {
		return nil, 0, err
	}
	var order []int64
	seen := map[int64]bool{}
	for _, id := range ids {
		if !seen[id] && len(order) < limit {
			seen[id] = true
			order = append(order, id)
		}
	}
	got, err := tx.statsByIDs("knxNd", `SELECT CAST(r.id AS TEXT), `+displayTitle("r")+`, MIN(i.call_number), COUNT(*), MIN(i.added_date)
		FROM records r JOIN items i ON i.record_id = r.id AND `+heldItems+` WHERE r.id IN (?)
		GROUP BY r.id, r.title, r.part_number, r.part_name, r.other_title`, order)
	if err != nil {
		return nil, 0, err
	}
	byID := map[string]stats.Row{}
	for _, g := range got {
		byID[g.Key] = g
	}
	out := make([]stats.Row, 0, len(order))
	for _, id := range order {
		out = append(out, byID[strconv.FormatInt(id, 10)])
	}
	return out, n, nil
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
