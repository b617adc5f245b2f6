package store

import (
	"database/sql"
	"fmt"
	"strings"

	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/errs"
)

const recordColumns = `id, title, other_title, part_number, part_name, parallel_title, responsibility, publisher, place, year, edition, pages, size,
	price_fen, isbn, series, language, summary, subjects, clc, COALESCE(category_id, 0), notes, created_at, updated_at`

func errRecordNotFound(id int64) *errs.Error {
	return errs.NotFound(catalog.CodeRecordNotFound, fmt.Sprintf("书目 %d 不存在", id), fmt.Sprintf("record %d does not exist", id))
}

func errItemNotFound(barcode string) *errs.Error {
	return errs.NotFound(catalog.CodeItemNotFound, fmt.Sprintf("条码 %s 的图书不存在", barcode), fmt.Sprintf("no item with barcode %s", barcode))
}

// subjects are stored joined by a separator that never occurs in them.
const subjectSep = "\x1f"

func scanRecord(sc interface{ Scan(...any) error }) (catalog.Record, error) {
	var r catalog.Record
	var subjects string
	var created, updated int64
	err := sc.Scan(&r.ID, &r.Title, &r.OtherTitle, &r.PartNumber, &r.PartName, &r.ParallelTitle, &r.Responsibility, &r.Publisher, &r.Place, &r.Year,
		&r.Edition, &r.Pages, &r.Size, &r.PriceFen, &r.ISBN, &r.Series, &r.Language, &r.Summary, &subjects, &r.CLC,
		&r.CategoryID, &r.Notes, &created, &updated)
	if subjects != "" {
		r.Subjects = strings.Split(subjects, subjectSep)
	} else {
		r.Subjects = []string{}
	}
	r.CreatedAt, r.UpdatedAt = fromMillis(created), fromMillis(updated)
	return r, err
}

func nullID(id int64) any {
	if id == 0 {
		return nil
	}
	return id
}

func recordArgs(r *catalog.Record) []any {
	return []any{r.Title, r.OtherTitle, r.PartNumber, r.PartName, catalog.PartSortKey(r.PartNumber, r.PartName), r.ParallelTitle, r.Responsibility, r.Publisher, r.Place, r.Year, r.Edition, r.Pages, r.Size,
		r.PriceFen, r.ISBN, r.Series, r.Language, r.Summary, strings.Join(r.Subjects, subjectSep), r.CLC, nullID(r.CategoryID), r.Notes,
		nowMillis(r.CreatedAt), nowMillis(r.UpdatedAt)}
}

// InsertRecord stores a new record and its authors.
func (tx *Tx) InsertRecord(r *catalog.Record) error {
	id, err := tx.insert(`INSERT INTO records (title, other_title, part_number, part_name, part_sort, parallel_title, responsibility, publisher, place, year, edition, pages, size,
		price_fen, isbn, series, language, summary, subjects, clc, category_id, notes, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, recordArgs(r)...)
	if err != nil {
		return err
	}
	r.ID = id
	return tx.saveAuthors(r)
}

// UpdateRecord saves a record and replaces its authors.
func (tx *Tx) UpdateRecord(r *catalog.Record) error {
	args := append(recordArgs(r), r.ID)
	res, err := tx.exec(`UPDATE records SET title=?, other_title=?, part_number=?, part_name=?, part_sort=?, parallel_title=?, responsibility=?, publisher=?, place=?, year=?, edition=?,
		pages=?, size=?, price_fen=?, isbn=?, series=?, language=?, summary=?, subjects=?, clc=?, category_id=?, notes=?, created_at=?, updated_at=?
		WHERE id=?`, args...)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errRecordNotFound(r.ID)
	}
	if _, err := tx.exec(`DELETE FROM record_authors WHERE record_id=?`, r.ID); err != nil {
		return err
	}
	return tx.saveAuthors(r)
}

func (tx *Tx) saveAuthors(r *catalog.Record) error {
	for i, a := range r.Authors {
		if _, err := tx.exec(`INSERT INTO record_authors (record_id, pos, name, role) VALUES (?,?,?,?)`, r.ID, i, a.Name, a.Role); err != nil {
			return err
		}
	}
	return nil
}

// DeleteRecord removes a record (its authors and list entries cascade).
func (tx *Tx) DeleteRecord(id int64) error {
	res, err := tx.exec(`DELETE FROM records WHERE id=?`, id)
	if err != nil {
		return err
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return errRecordNotFound(id)
	}
	return nil
}

// Record returns one record with its authors.
func (tx *Tx) Record(id int64) (catalog.Record, error) {
	rows, err := tx.query(`SELECT `+recordColumns+` FROM records WHERE id=?`, id)
	recs, err := collect(rows, err, func(r *sql.Rows) (catalog.Record, error) { return scanRecord(r) })
	if err != nil {
		return catalog.Record{}, err
	}
	if len(recs) == 0 {
		return catalog.Record{}, errRecordNotFound(id)
	}
	if err := tx.attachAuthors(recs); err != nil {
		return catalog.Record{}, err
	}
	return recs[0], nil
}

// RecordsByIDs returns the records with ids, in the order given.
func (tx *Tx) RecordsByIDs(ids []int64) ([]catalog.Record, error) {
	if len(ids) == 0 {
		return []catalog.Record{}, nil
	}
	var recs []catalog.Record
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+recordColumns+` FROM records WHERE id IN (`+marks+`)`, args...)
		got, err := collect(rows, mapErr(err), func(r *sql.Rows) (catalog.Record, error) { return scanRecord(r) })
		recs = append(recs, got...)
		return err
	})
	if err != nil {
		return nil, err
	}
	if err := tx.attachAuthors(recs); err != nil {
		return nil, err
	}
	byID := make(map[int64]catalog.Record, len(recs))
	for _, r := range recs {
		byID[r.ID] = r
	}
	out := make([]catalog.Record, 0, len(ids))
	for _, id := range ids {
		if r, ok := byID[id]; ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// Records lists records matching f, newest first, with the total.
func (tx *Tx) Records(f catalog.RecordFilter) ([]catalog.Record, int, error) {
	where, args := []string{"1=1"}, []any{}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := "%" + escapeLike(q) + "%"
		where = append(where, `(title LIKE ? ESCAPE '\' OR part_number LIKE ? ESCAPE '\' OR part_name LIKE ? ESCAPE '\' OR isbn = ? OR publisher LIKE ? ESCAPE '\' OR id IN (SELECT record_id FROM record_authors WHERE name LIKE ? ESCAPE '\'))`)
		args = append(args, like, like, like, q, like, like)
	}
	if f.CategoryID != 0 {
		where = append(where, "category_id = ?")
		args = append(args, f.CategoryID)
	}
	if p := strings.TrimSpace(f.CLCPrefix); p != "" {
		where = append(where, `clc LIKE ? ESCAPE '\'`)
		args = append(args, escapeLike(strings.ToUpper(p))+"%")
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := tx.q.QueryRowContext(tx.ctx, `SELECT COUNT(*) FROM records WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+recordColumns+` FROM records WHERE `+cond+` ORDER BY id DESC LIMIT ? OFFSET ?`,
		append(args, f.Page.Size, f.Page.Offset())...)
	recs, err := collect(rows, mapErr(err), func(r *sql.Rows) (catalog.Record, error) { return scanRecord(r) })
	if err != nil {
		return nil, 0, err
	}
	return recs, total, tx.attachAuthors(recs)
}

// RecordsAfter returns up to limit records with id > afterID, in id order.
func (tx *Tx) RecordsAfter(afterID int64, limit int) ([]catalog.Record, error) {
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+recordColumns+` FROM records WHERE id > ? ORDER BY id LIMIT ?`, afterID, limit)
	recs, err := collect(rows, mapErr(err), func(r *sql.Rows) (catalog.Record, error) { return scanRecord(r) })
	if err != nil {
		return nil, err
	}
	return recs, tx.attachAuthors(recs)
}

func (tx *Tx) attachAuthors(recs []catalog.Record) error {
	if len(recs) == 0 {
		return nil
	}
	ids := make([]int64, len(recs))
	idx := make(map[int64]int, len(recs))
	for i, r := range recs {
		ids[i] = r.ID
		idx[r.ID] = i
		recs[i].Authors = []catalog.Author{}
	}
	return eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.q.QueryContext(tx.ctx, `SELECT record_id, name, role FROM record_authors WHERE record_id IN (`+marks+`) ORDER BY record_id, pos`, args...)
		if err != nil {
			return mapErr(err)
		}
		defer rows.Close()
		for rows.Next() {
			var id int64
			var a catalog.Author
			if err := rows.Scan(&id, &a.Name, &a.Role); err != nil {
				return mapErr(err)
			}
			recs[idx[id]].Authors = append(recs[idx[id]].Authors, a)
		}
		return mapErr(rows.Err())
	})
}

const itemColumns = `id, record_id, barcode, call_number, call_sort, location_id, status, source, donor, donor_id, batch_id, price_fen, added_date, lendable, notes, created_at, updated_at`

func scanItem(sc interface{ Scan(...any) error }) (catalog.Item, error) {
	var it catalog.Item
	var created, updated int64
	err := sc.Scan(&it.ID, &it.RecordID, &it.Barcode, &it.CallNumber, &it.CallSort, &it.LocationID, &it.Status, &it.Source, &it.Donor, optionalID{&it.DonorID}, optionalID{&it.BatchID},
		&it.PriceFen, &it.AddedDate, &it.Lendable, &it.Notes, &created, &updated)
	it.CreatedAt, it.UpdatedAt = fromMillis(created), fromMillis(updated)
	return it, err
}

// InsertItem stores a new copy.
func (tx *Tx) InsertItem(it *catalog.Item) error {
	if err := tx.donorIDFor(it); err != nil {
		return err
	}
	id, err := tx.insert(`INSERT INTO items (record_id, barcode, call_number, call_sort, location_id, status, source, donor, donor_id, batch_id, order_line_id, price_fen, added_date, lendable, notes, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, it.RecordID, it.Barcode, it.CallNumber, it.CallSort, it.LocationID, it.Status, it.Source, it.Donor,
		nullID(it.DonorID), nullID(it.BatchID), nullID(it.OrderLineID), it.PriceFen, it.AddedDate, it.Lendable, it.Notes, nowMillis(it.CreatedAt), nowMillis(it.UpdatedAt))
	it.ID = id
	return err
}

// UpdateItem saves a copy.
func (tx *Tx) UpdateItem(it *catalog.Item) error {
	if err := tx.donorIDFor(it); err != nil {
		return err
	}
	_, err := tx.exec(`UPDATE items SET call_number=?, call_sort=?, location_id=?, status=?, source=?, donor=?, donor_id=?, price_fen=?, lendable=?, notes=?, updated_at=? WHERE id=?`,
		it.CallNumber, it.CallSort, it.LocationID, it.Status, it.Source, it.Donor, nullID(it.DonorID), it.PriceFen, it.Lendable, it.Notes, nowMillis(it.UpdatedAt), it.ID)
	return err
}

// Item returns a copy by id.
func (tx *Tx) Item(id int64) (catalog.Item, error) {
	var it catalog.Item
	var created, updated int64
	err := tx.queryRow(errs.NotFound(catalog.CodeItemNotFound, "图书不存在", "item does not exist"), `SELECT `+itemColumns+` FROM items WHERE id=?`, []any{id},
		&it.ID, &it.RecordID, &it.Barcode, &it.CallNumber, &it.CallSort, &it.LocationID, &it.Status, &it.Source, &it.Donor, optionalID{&it.DonorID}, optionalID{&it.BatchID},
		&it.PriceFen, &it.AddedDate, &it.Lendable, &it.Notes, &created, &updated)
	it.CreatedAt, it.UpdatedAt = fromMillis(created), fromMillis(updated)
	return it, err
}

// ItemByBarcode returns a copy by barcode.
func (tx *Tx) ItemByBarcode(barcode string) (catalog.Item, error) {
	var it catalog.Item
	var created, updated int64
	err := tx.queryRow(errItemNotFound(barcode), `SELECT `+itemColumns+` FROM items WHERE barcode=?`, []any{barcode},
		&it.ID, &it.RecordID, &it.Barcode, &it.CallNumber, &it.CallSort, &it.LocationID, &it.Status, &it.Source, &it.Donor, optionalID{&it.DonorID}, optionalID{&it.BatchID},
		&it.PriceFen, &it.AddedDate, &it.Lendable, &it.Notes, &created, &updated)
	it.CreatedAt, it.UpdatedAt = fromMillis(created), fromMillis(updated)
	return it, err
}

// ItemsOfRecord returns a record's copies in shelf order.
func (tx *Tx) ItemsOfRecord(recordID int64) ([]catalog.Item, error) {
	rows, err := tx.query(`SELECT `+itemColumns+` FROM items WHERE record_id=? ORDER BY call_sort, barcode`, recordID)
	items, err := collect(rows, err, func(r *sql.Rows) (catalog.Item, error) { return scanItem(r) })
	if items == nil && err == nil {
		items = []catalog.Item{}
	}
	return items, err
}

// ItemsOfRecords returns the copies of several records.
func (tx *Tx) ItemsOfRecords(ids []int64) (map[int64][]catalog.Item, error) {
	out := make(map[int64][]catalog.Item, len(ids))
	if len(ids) == 0 {
		return out, nil
	}
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+itemColumns+` FROM items WHERE record_id IN (`+marks+`) ORDER BY call_sort, barcode`, args...)
		items, err := collect(rows, mapErr(err), func(r *sql.Rows) (catalog.Item, error) { return scanItem(r) })
		for _, it := range items {
			out[it.RecordID] = append(out[it.RecordID], it)
		}
		return err
	})
	return out, err
}

// RecordsOnShelf returns which of the records (all, when ids is nil) have
// a copy on the shelf.
func (tx *Tx) RecordsOnShelf(ids []int64) ([]int64, error) {
	scan := func(r *sql.Rows) (id int64, err error) { err = r.Scan(&id); return id, err }
	const q = `SELECT DISTINCT record_id FROM items WHERE status = ?`
	if ids == nil {
		rows, err := tx.q.QueryContext(tx.ctx, q, catalog.StatusAvailable)
		return collect(rows, mapErr(err), scan)
	}
	out := []int64{}
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.q.QueryContext(tx.ctx, q+` AND record_id IN (`+marks+`)`, append([]any{catalog.StatusAvailable}, args...)...)
		got, err := collect(rows, mapErr(err), scan)
		out = append(out, got...)
		return err
	})
	if err != nil {
		return nil, err
	}
	return out, nil
}

// BarcodeExists reports whether a barcode is taken.
func (tx *Tx) BarcodeExists(barcode string) (bool, error) {
	n, err := tx.count(`SELECT COUNT(*) FROM items WHERE barcode=?`, barcode)
	return n > 0, err
}

// UpdateItemStatus changes only a copy's status: the hot path of lending.
func (tx *Tx) UpdateItemStatus(itemID int64, st catalog.ItemStatus, at time.Time) error {
	_, err := tx.exec(`UPDATE items SET status=?, updated_at=? WHERE id=?`, st, nowMillis(at), itemID)
	return err
}

// NextSequence increments the named counter and returns its new value.
func (tx *Tx) NextSequence(name string) (int64, error) {
	var n int64
	err := tx.queryRow(nil, `INSERT INTO sequences (name, last) VALUES (?, 1) ON CONFLICT(name) DO UPDATE SET last = sequences.last + 1 RETURNING last`, []any{name}, &n)
	return n, err
}

// Categories lists categories in display order.
func (tx *Tx) Categories() ([]catalog.Category, error) {
	rows, err := tx.query(`SELECT id, code, name, name_en, clc_ranges, sort FROM categories ORDER BY sort, id`)
	return collect(rows, err, func(r *sql.Rows) (c catalog.Category, err error) {
		err = r.Scan(&c.ID, &c.Code, &c.Name, &c.NameEn, &c.CLCRanges, &c.Sort)
		return c, err
	})
}

// SaveCategory inserts (ID 0) or updates a category.
func (tx *Tx) SaveCategory(c *catalog.Category) error {
	if c.ID == 0 {
		id, err := tx.insert(`INSERT INTO categories (code, name, name_en, clc_ranges, sort) VALUES (?,?,?,?,?)`, c.Code, c.Name, c.NameEn, c.CLCRanges, c.Sort)
		c.ID = id
		return err
	}
	return tx.mustAffect(errs.NotFound(CodeCategoryNotFound, "分类不存在", "category does not exist"),
		`UPDATE categories SET code=?, name=?, name_en=?, clc_ranges=?, sort=? WHERE id=?`, c.Code, c.Name, c.NameEn, c.CLCRanges, c.Sort, c.ID)
}

// DeleteCategory removes a category.
func (tx *Tx) DeleteCategory(id int64) error {
	return tx.mustAffect(errs.NotFound(CodeCategoryNotFound, "分类不存在", "category does not exist"), `DELETE FROM categories WHERE id=?`, id)
}

// Locations lists locations in display order.
func (tx *Tx) Locations() ([]catalog.Location, error) {
	rows, err := tx.query(`SELECT id, code, name, name_en, lendable, sort FROM locations ORDER BY sort, id`)
	return collect(rows, err, func(r *sql.Rows) (l catalog.Location, err error) {
		err = r.Scan(&l.ID, &l.Code, &l.Name, &l.NameEn, &l.Lendable, &l.Sort)
		return l, err
	})
}

// Location returns one location.
func (tx *Tx) Location(id int64) (catalog.Location, error) {
	var l catalog.Location
	err := tx.queryRow(errs.NotFound(CodeLocationNotFound, "馆藏位置不存在", "location does not exist"),
		`SELECT id, code, name, name_en, lendable, sort FROM locations WHERE id=?`, []any{id}, &l.ID, &l.Code, &l.Name, &l.NameEn, &l.Lendable, &l.Sort)
	return l, err
}

// SaveLocation inserts (ID 0) or updates a location.
func (tx *Tx) SaveLocation(l *catalog.Location) error {
	if l.ID == 0 {
		id, err := tx.insert(`INSERT INTO locations (code, name, name_en, lendable, sort) VALUES (?,?,?,?,?)`, l.Code, l.Name, l.NameEn, l.Lendable, l.Sort)
		l.ID = id
		return err
	}
	return tx.mustAffect(errs.NotFound(CodeLocationNotFound, "馆藏位置不存在", "location does not exist"),
		`UPDATE locations SET code=?, name=?, name_en=?, lendable=?, sort=? WHERE id=?`, l.Code, l.Name, l.NameEn, l.Lendable, l.Sort, l.ID)
}

// DeleteLocation removes a location.
func (tx *Tx) DeleteLocation(id int64) error {
	return tx.mustAffect(errs.NotFound(CodeLocationNotFound, "馆藏位置不存在", "location does not exist"), `DELETE FROM locations WHERE id=?`, id)
}

// ReadingLists lists every required-reading list with its members.
func (tx *Tx) ReadingLists() ([]catalog.ReadingList, error) {
	rows, err := tx.query(`SELECT id FROM reading_lists ORDER BY id`)
	ids, err := collect(rows, err, func(r *sql.Rows) (id int64, err error) { err = r.Scan(&id); return id, err })
	if err != nil {
		return nil, err
	}
	out := make([]catalog.ReadingList, 0, len(ids))
	for _, id := range ids {
		l, err := tx.ReadingList(id)
		if err != nil {
			return nil, err
		}
		out = append(out, l)
	}
	return out, nil
}

// ReadingList returns one list with its records and classes.
func (tx *Tx) ReadingList(id int64) (catalog.ReadingList, error) {
	var l catalog.ReadingList
	err := tx.queryRow(errs.NotFound(CodeReadingListNotFound, "必读书目不存在", "reading list does not exist"),
		`SELECT id, name, description, audience FROM reading_lists WHERE id=?`, []any{id}, &l.ID, &l.Name, &l.Description, &l.Audience)
	if err != nil {
		return l, err
	}
	type member struct {
		id   int64
		note string
	}
	rows, err := tx.query(`SELECT record_id, note FROM reading_list_records WHERE list_id=? ORDER BY pos, record_id`, id)
	members, err := collect(rows, err, func(r *sql.Rows) (m member, err error) { err = r.Scan(&m.id, &m.note); return m, err })
	if err != nil {
		return l, err
	}
	for _, m := range members {
		l.RecordIDs = append(l.RecordIDs, m.id)
		if m.note != "" {
			if l.Notes == nil {
				l.Notes = map[int64]string{}
			}
			l.Notes[m.id] = m.note
		}
	}
	rows, err = tx.query(`SELECT class_id FROM reading_list_classes WHERE list_id=? ORDER BY class_id`, id)
	l.ClassIDs, err = collect(rows, err, func(r *sql.Rows) (v int64, err error) { err = r.Scan(&v); return v, err })
	if l.RecordIDs == nil {
		l.RecordIDs = []int64{}
	}
	if l.ClassIDs == nil {
		l.ClassIDs = []int64{}
	}
	return l, err
}

// SaveReadingList inserts or replaces a list and its members.
func (tx *Tx) SaveReadingList(l *catalog.ReadingList) error {
	if l.ID == 0 {
		id, err := tx.insert(`INSERT INTO reading_lists (name, description, audience, created_at) VALUES (?,?,?,?)`, l.Name, l.Description, l.Audience, nowMillis(time.Now()))
		if err != nil {
			return err
		}
		l.ID = id
	} else if err := tx.mustAffect(errs.NotFound(CodeReadingListNotFound, "必读书目不存在", "reading list does not exist"),
		`UPDATE reading_lists SET name=?, description=?, audience=? WHERE id=?`, l.Name, l.Description, l.Audience, l.ID); err != nil {
		return err
	}
	if _, err := tx.exec(`DELETE FROM reading_list_records WHERE list_id=?`, l.ID); err != nil {
		return err
	}
	if _, err := tx.exec(`DELETE FROM reading_list_classes WHERE list_id=?`, l.ID); err != nil {
		return err
	}
	for i, rid := range l.RecordIDs {
		if _, err := tx.exec(`INSERT INTO reading_list_records (list_id, record_id, pos, note) VALUES (?,?,?,?) ON CONFLICT DO NOTHING`, l.ID, rid, i, l.Notes[rid]); err != nil {
			return err
		}
	}
	for _, cid := range l.ClassIDs {
		if _, err := tx.exec(`INSERT INTO reading_list_classes (list_id, class_id) VALUES (?,?) ON CONFLICT DO NOTHING`, l.ID, cid); err != nil {
			return err
		}
	}
	return nil
}

// DeleteReadingList removes a list.
func (tx *Tx) DeleteReadingList(id int64) error {
	return tx.mustAffect(errs.NotFound(CodeReadingListNotFound, "必读书目不存在", "reading list does not exist"), `DELETE FROM reading_lists WHERE id=?`, id)
}

// ReadingListsOfRecord returns the lists a record is on.
func (tx *Tx) ReadingListsOfRecord(recordID int64) ([]int64, error) {
	rows, err := tx.query(`SELECT list_id FROM reading_list_records WHERE record_id=? ORDER BY list_id`, recordID)
	return collect(rows, err, func(r *sql.Rows) (v int64, err error) { err = r.Scan(&v); return v, err })
}

// CLCClasses returns an imported class tree; empty when none is imported.
func (tx *Tx) CLCClasses() ([]clc.Class, error) {
	rows, err := tx.query(`SELECT code, name, parent, depth, flags FROM clc_classes ORDER BY ` + tx.d.clcOrder())
	return collect(rows, err, func(r *sql.Rows) (c clc.Class, err error) {
		var flags int
		err = r.Scan(&c.Code, &c.Name, &c.Parent, &c.Depth, &flags)
		c.Alternative, c.Discontinued = flags&1 != 0, flags&2 != 0
		return c, err
	})
}

// ReplaceCLCClasses stores a whole class tree in place of the old one.
func (tx *Tx) ReplaceCLCClasses(classes []clc.Class) error {
	if _, err := tx.exec(`DELETE FROM clc_classes`); err != nil {
		return err
	}
	for _, c := range classes {
		flags := 0
		if c.Alternative {
			flags |= 1
		}
		if c.Discontinued {
			flags |= 2
		}
		if _, err := tx.exec(`INSERT INTO clc_classes (code, name, parent, depth, flags) VALUES (?,?,?,?,?)
			ON CONFLICT(code) DO UPDATE SET name=excluded.name, parent=excluded.parent, depth=excluded.depth, flags=excluded.flags`, c.Code, c.Name, c.Parent, c.Depth, flags); err != nil {
			return err
		}
	}
	return nil
}
