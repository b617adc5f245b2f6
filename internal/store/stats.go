package store

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
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

// StatsEquipment counts the room's equipment not retired.
func (tx *Tx) StatsEquipment() (pieces, valueFen int64, err error) {
	err = tx.queryRow(nil, `SELECT COALESCE(SUM(quantity), 0), COALESCE(SUM(value_fen), 0) FROM assets WHERE state <> 'retired'`, nil, &pieces, &valueFen)
	return pieces, valueFen, err
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

// StatsReaderTypes lists the reader types and each reader's, pseudonyms
// of old loan history (settings.Retention) included.
func (tx *Tx) StatsReaderTypes() ([]stats.Row, map[int64]int64, error) {
	types, err := tx.statsRows("kne", `SELECT CAST(id AS TEXT), name, name_en FROM reader_types ORDER BY sort, id`)
	if err != nil {
		return nil, nil, err
	}
	rows, err := tx.query(`SELECT id, type_id FROM readers UNION ALL SELECT id, type_id FROM reader_pseudonyms`)
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
	var out []stats.Row
	for _, id := range ids {
		if id < 0 { // a pseudonym of old loan history (settings.Retention)
			out = append(out, stats.Row{Key: strconv.FormatInt(id, 10), Name: readers.PseudonymName})
		}
	}
	rows, err := tx.statsByIDs("kncx", `SELECT CAST(r.id AS TEXT), r.name, r.card, COALESCE((SELECT c.name FROM class_members m JOIN classes c ON c.id = m.class_id WHERE m.reader_id = r.id ORDER BY c.start_date DESC LIMIT 1), r.unit)
		FROM readers r WHERE r.id IN (?)`, ids)
	return append(out, rows...), err
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
	// What the members ever borrowed or read, one pass over their ledger
	// lines; then each class's members × its list titles, counted in Go.
	// (One EXISTS probe per member and title was slow on PostgreSQL.)
	lists, err := tx.query(`SELECT DISTINCT rlc.class_id, rlr.record_id FROM classes c JOIN reading_list_classes rlc ON rlc.class_id = c.id
		JOIN reading_list_records rlr ON rlr.list_id = rlc.list_id WHERE c.start_date <= ? AND c.end_date >= ?`, toDay, fromDay)
	type cr struct{ class, id int64 }
	scan := func(r *sql.Rows) (x cr, err error) { err = r.Scan(&x.class, &x.id); return x, err }
	ls2, err := collect(lists, err, scan)
	if err != nil || len(ls2) == 0 {
		return out, err
	}
	listOf := map[int64]map[int64]bool{}
	for _, x := range ls2 {
		if listOf[x.class] == nil {
			listOf[x.class] = map[int64]bool{}
		}
		listOf[x.class][x.id] = true
	}
	mem, err := tx.query(`SELECT m.class_id, m.reader_id FROM classes c JOIN class_members m ON m.class_id = c.id WHERE c.start_date <= ? AND c.end_date >= ?`, toDay, fromDay)
	members, err := collect(mem, err, scan)
	if err != nil {
		return nil, err
	}
	var readerIDs []int64
	seenReader := map[int64]bool{}
	for _, m := range members {
		if listOf[m.class] != nil && !seenReader[m.id] {
			seenReader[m.id] = true
			readerIDs = append(readerIDs, m.id)
		}
	}
	read := map[int64][]int64{}
	err = eachChunk(readerIDs, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT DISTINCT reader_id, record_id FROM ledger WHERE reader_id IN (`+marks+`) AND kind IN (?,?) AND record_id IS NOT NULL`,
			append(args, ledger.Loan, ledger.InRoom)...)
		got, err := collect(rows, err, scan)
		for _, g := range got {
			read[g.class] = append(read[g.class], g.id) // class holds the reader here
		}
		return err
	})
	if err != nil {
		return nil, err
	}
	for _, m := range members {
		i, ok := idx[m.class]
		list := listOf[m.class]
		if !ok || list == nil {
			continue
		}
		for _, rec := range read[m.id] {
			if list[rec] {
				out[i].ListDone++
			}
		}
	}
	return out, nil
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

// StatsTarget returns a year's target of new volumes and its
// categories' targets.
func (tx *Tx) StatsTarget(year int) (int, bool, map[int64]int, error) {
	rows, err := tx.query(`SELECT volumes FROM acq_targets WHERE year = ?`, year)
	n, err := collect(rows, err, func(r *sql.Rows) (v int, err error) { err = r.Scan(&v); return v, err })
	if err != nil {
		return 0, false, nil, err
	}
	cats := map[int64]int{}
	rows, err = tx.query(`SELECT category_id, volumes FROM acq_category_targets WHERE year = ?`, year)
	type ct struct {
		id int64
		n  int
	}
	cs, err := collect(rows, err, func(r *sql.Rows) (c ct, err error) { err = r.Scan(&c.id, &c.n); return c, err })
	for _, c := range cs {
		cats[c.id] = c.n
	}
	if len(n) == 0 {
		return 0, false, cats, err
	}
	return n[0], true, cats, err
}

// StatsNewBooks lists the titles that came in between two days.
func (tx *Tx) StatsNewBooks(from, to string, limit int) ([]stats.NewBook, error) {
	rows, err := tx.query(`SELECT r.id, `+displayTitle("r")+`, COALESCE((SELECT a.name FROM record_authors a WHERE a.record_id = r.id ORDER BY a.pos LIMIT 1), ''),
		r.publisher, r.year, r.isbn, MIN(i.call_number), COALESCE(MIN(l.name), ''), MIN(i.source), COUNT(*), MAX(i.added_date)
		FROM items i JOIN records r ON r.id = i.record_id LEFT JOIN locations l ON l.id = i.location_id
		WHERE i.added_date >= ? AND i.added_date <= ? AND `+heldItems+`
		GROUP BY r.id, r.title, r.part_number, r.part_name, r.other_title, r.publisher, r.year, r.isbn
		ORDER BY MAX(i.added_date) DESC, MIN(i.call_sort), r.id LIMIT ?`, from, to, limit)
	return collect(rows, err, func(r *sql.Rows) (b stats.NewBook, err error) {
		err = r.Scan(&b.RecordID, &b.Title, &b.Author, &b.Publisher, &b.Year, &b.ISBN, &b.CallNo, &b.Location, &b.Source, &b.Copies, &b.Day)
		return b, err
	})
}

// StatsDonations lists the donated copies between two days by batch and
// donor.
func (tx *Tx) StatsDonations(from, to string) ([]stats.Donation, error) {
	rows, err := tx.query(`SELECT COALESCE(b.number, ''), COALESCE(MIN(b.received_date), MIN(i.added_date)), COALESCE(d.name, i.donor), COALESCE(MIN(d.unit), ''),
		COUNT(*), COUNT(DISTINCT i.record_id), COALESCE(SUM(i.price_fen), 0)
		FROM items i LEFT JOIN acq_batches b ON b.id = i.batch_id LEFT JOIN donors d ON d.id = i.donor_id
		WHERE i.source = 'donation' AND i.added_date >= ? AND i.added_date <= ?
		GROUP BY COALESCE(b.number, ''), COALESCE(d.name, i.donor)
		ORDER BY 2, 1, 3`, from, to)
	return collect(rows, err, func(r *sql.Rows) (d stats.Donation, err error) {
		err = r.Scan(&d.Batch, &d.Day, &d.Donor, &d.Unit, &d.Copies, &d.Titles, &d.ValueFen)
		return d, err
	})
}

// StatsPeriodicals counts each subscription's issues between two days.
func (tx *Tx) StatsPeriodicals(from, to, today string) ([]stats.Periodical, error) {
	rows, err := tx.query(`SELECT s.title, s.issn, s.cn, s.frequency, s.copies,
		COALESCE(SUM(CASE WHEN x.expected_date >= ? AND x.expected_date <= ? THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN x.received_date >= ? AND x.received_date <= ? THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN x.received_date >= ? AND x.received_date <= ? THEN x.received_copies ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN x.claimed_date >= ? AND x.claimed_date <= ? THEN 1 ELSE 0 END), 0),
		COALESCE(SUM(CASE WHEN x.expected_date >= ? AND x.expected_date <= ? AND x.expected_date < ? AND x.received_date = '' THEN 1 ELSE 0 END), 0)
		FROM subscriptions s JOIN issues x ON x.subscription_id = s.id
		GROUP BY s.id, s.title, s.issn, s.cn, s.frequency, s.copies
		HAVING SUM(CASE WHEN (x.expected_date >= ? AND x.expected_date <= ?) OR (x.received_date >= ? AND x.received_date <= ?) THEN 1 ELSE 0 END) > 0
		ORDER BY s.title, s.id`, from, to, from, to, from, to, from, to, from, to, today, from, to, from, to)
	return collect(rows, err, func(r *sql.Rows) (p stats.Periodical, err error) {
		err = r.Scan(&p.Title, &p.ISSN, &p.CN, &p.Frequency, &p.Copies, &p.Expected, &p.Received, &p.Pieces, &p.Claimed, &p.Missing)
		return p, err
	})
}

// StatsClass returns one class with its member and cleared counts.
func (tx *Tx) StatsClass(id int64) (stats.ClassFigures, error) {
	rows, err := tx.query(`SELECT c.id, c.name, c.kind, c.start_date, c.end_date, c.head_teacher,
		(SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id),
		(SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id AND m.cleared_at IS NOT NULL)
		FROM classes c WHERE c.id = ?`, id)
	return collectOne(rows, err, errs.NotFound(readers.CodeClassNotFound, "班次不存在", "no such class"), func(r *sql.Rows) (c stats.ClassFigures, err error) {
		err = r.Scan(&c.ID, &c.Name, &c.Kind, &c.Start, &c.End, &c.HeadTeacher, &c.Members, &c.Cleared)
		return c, err
	})
}

// StatsClassMembers lists a class's members by name.
func (tx *Tx) StatsClassMembers(id int64) ([]stats.Row, error) {
	return tx.statsRows("kncxdV", `SELECT CAST(r.id AS TEXT), r.name, r.card, r.unit, r.phone, CASE WHEN m.cleared_at IS NULL THEN 0 ELSE 1 END
		FROM class_members m JOIN readers r ON r.id = m.reader_id WHERE m.class_id = ? ORDER BY r.name, r.id`, id)
}

// StatsClassListRecords lists the records of a class's required reading.
func (tx *Tx) StatsClassListRecords(id int64) ([]int64, error) {
	rows, err := tx.query(`SELECT DISTINCT rlr.record_id FROM reading_list_classes rlc JOIN reading_list_records rlr ON rlr.list_id = rlc.list_id WHERE rlc.class_id = ?`, id)
	return collect(rows, err, func(r *sql.Rows) (id int64, err error) { err = r.Scan(&id); return id, err })
}

// StatsReadersLines streams some readers' lines, newest first.
func (tx *Tx) StatsReadersLines(readerIDs []int64, from, to int64, kinds []string, fn func(stats.Line)) error {
	in, kargs := kindsIn(kinds)
	return eachChunk(readerIDs, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT at, kind, reader_id, COALESCE(class_id, 0), COALESCE(record_id, 0) FROM ledger WHERE reader_id IN (`+marks+`) AND at >= ? AND at < ? AND `+in+` ORDER BY at DESC, id DESC`,
			append(append(args, from, to), kargs...)...)
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
	})
}

// StatsReadCount counts per reader the records each ever borrowed or read
// in the room.
func (tx *Tx) StatsReadCount(readerIDs, records []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	if len(records) == 0 {
		return out, nil
	}
	want := map[int64]bool{}
	for _, r := range records {
		want[r] = true
	}
	seen := map[[2]int64]bool{}
	err := eachChunk(readerIDs, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT DISTINCT reader_id, record_id FROM ledger WHERE reader_id IN (`+marks+`) AND kind IN ('loan', 'in_room') AND record_id IS NOT NULL`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		var rd, rec int64
		for rows.Next() {
			if err := rows.Scan(&rd, &rec); err != nil {
				return mapErr(err)
			}
			if want[rec] && !seen[[2]int64{rd, rec}] {
				seen[[2]int64{rd, rec}] = true
				out[rd]++
			}
		}
		return mapErr(rows.Err())
	})
	return out, err
}

// StatsOnLoan counts the readers' current loans.
func (tx *Tx) StatsOnLoan(readerIDs []int64) (map[int64]int64, error) {
	out := map[int64]int64{}
	err := eachChunk(readerIDs, func(marks string, args []any) error {
		rows, err := tx.statsRows("kN", `SELECT CAST(reader_id AS TEXT), COUNT(*) FROM loans WHERE reader_id IN (`+marks+`) GROUP BY reader_id`, args...)
		for _, r := range rows {
			id, _ := strconv.ParseInt(r.Key, 10, 64)
			out[id] = r.N
		}
		return err
	})
	return out, err
}
