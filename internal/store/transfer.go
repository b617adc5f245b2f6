package store

import (
	"context"
	"database/sql"
	"time"

	"shuwu/internal/readers"
	"shuwu/internal/transfer/transferstore"
)

// Transfer returns the bulk import and export store.
func (db *DB) Transfer() transferstore.Store { return transferStore{db} }

type transferStore struct{ db *DB }

func (s transferStore) Update(ctx context.Context, fn func(transferstore.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s transferStore) View(ctx context.Context, fn func(transferstore.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// SaveOriginal stores or replaces a record's original MARC.
func (tx *Tx) SaveOriginal(o transferstore.Original) error {
	_, err := tx.exec(`INSERT INTO marc_originals (record_id, flavor, control_number, data, imported_at) VALUES (?,?,?,?,?)
		ON CONFLICT(record_id) DO UPDATE SET flavor=excluded.flavor, control_number=excluded.control_number, data=excluded.data, imported_at=excluded.imported_at`,
		o.RecordID, o.Flavor, o.ControlNumber, o.Data, nowMillis(o.ImportedAt))
	return err
}

// OriginalsOf returns the originals of the given records.
func (tx *Tx) OriginalsOf(ids []int64) (map[int64]transferstore.Original, error) {
	out := map[int64]transferstore.Original{}
	if len(ids) == 0 {
		return out, nil
	}
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.q.QueryContext(tx.ctx, `SELECT record_id, flavor, control_number, data, imported_at FROM marc_originals WHERE record_id IN (`+marks+`)`, args...)
		list, err := collect(rows, mapErr(err), func(r *sql.Rows) (o transferstore.Original, err error) {
			var at int64
			err = r.Scan(&o.RecordID, &o.Flavor, &o.ControlNumber, &o.Data, &at)
			o.ImportedAt = fromMillis(at)
			return o, err
		})
		for _, o := range list {
			out[o.RecordID] = o
		}
		return err
	})
	return out, err
}

// RecordIDByControlNumber finds the record imported with a 001; 0 if none.
func (tx *Tx) RecordIDByControlNumber(cn string) (int64, error) {
	rows, err := tx.query(`SELECT record_id FROM marc_originals WHERE control_number=? AND control_number <> '' ORDER BY record_id LIMIT 1`, cn)
	ids, err := collect(rows, err, func(r *sql.Rows) (id int64, err error) { return id, r.Scan(&id) })
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	return ids[0], nil
}

// RecordIDsByISBN lists the records with an ISBN-13.
func (tx *Tx) RecordIDsByISBN(isbn13 string) ([]int64, error) {
	rows, err := tx.query(`SELECT id FROM records WHERE isbn=? AND isbn <> '' ORDER BY id`, isbn13)
	return collect(rows, err, func(r *sql.Rows) (id int64, err error) { return id, r.Scan(&id) })
}

// RecordIDsByTitle lists the records with exactly this title.
func (tx *Tx) RecordIDsByTitle(title string) ([]int64, error) {
	rows, err := tx.query(`SELECT id FROM records WHERE title=? ORDER BY id`, title)
	return collect(rows, err, func(r *sql.Rows) (id int64, err error) { return id, r.Scan(&id) })
}

// Savepoint opens a named savepoint inside the write transaction. The
// statements bypass the prepared-statement cache: they are cheap to
// parse and carry a name.
func (tx *Tx) Savepoint(name string) error {
	_, err := tx.q.ExecContext(tx.ctx, "SAVEPOINT "+name)
	return mapErr(err)
}

// RollbackTo undoes everything since the named savepoint.
func (tx *Tx) RollbackTo(name string) error {
	_, err := tx.q.ExecContext(tx.ctx, "ROLLBACK TO "+name)
	return mapErr(err)
}

// Release ends the named savepoint, keeping its changes.
func (tx *Tx) Release(name string) error {
	_, err := tx.q.ExecContext(tx.ctx, "RELEASE "+name)
	return mapErr(err)
}

// ReadersByPhone lists the readers with a phone number.
func (tx *Tx) ReadersByPhone(phone string) ([]readers.Reader, error) {
	rows, err := tx.query(`SELECT `+readerColumns+` FROM readers WHERE phone=? AND phone <> '' ORDER BY id`, phone)
	return collect(rows, err, func(r *sql.Rows) (readers.Reader, error) { return scanReader(r) })
}

// ReadersByNameUnit lists the readers with a name and work unit.
func (tx *Tx) ReadersByNameUnit(name, unit string) ([]readers.Reader, error) {
	rows, err := tx.query(`SELECT `+readerColumns+` FROM readers WHERE name=? AND unit=? ORDER BY id`, name, unit)
	return collect(rows, err, func(r *sql.Rows) (readers.Reader, error) { return scanReader(r) })
}

// Ledger lists events with reader, copy and staff names, oldest first.
func (tx *Tx) Ledger(f transferstore.LedgerFilter) ([]transferstore.LedgerRow, error) {
	where, args := "e.id > ?", []any{f.AfterID}
	if !f.From.IsZero() {
		where, args = where+" AND e.at >= ?", append(args, nowMillis(f.From))
	}
	if !f.To.IsZero() {
		where, args = where+" AND e.at < ?", append(args, nowMillis(f.To))
	}
	if f.ClassID != 0 {
		where, args = where+" AND e.class_id = ?", append(args, f.ClassID)
	}
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT e.id, e.kind, e.at, e.due_date, COALESCE(r.card,''), COALESCE(r.name, CASE WHEN e.reader_id < 0 THEN '`+readers.PseudonymName+`' ELSE '' END), COALESCE(c.name,''),
			COALESCE(i.barcode,''), COALESCE(i.call_number,''), COALESCE(rec.title,''), COALESCE(u.display_name, u.username, '')
		FROM ledger e
		LEFT JOIN readers r ON r.id = e.reader_id
		LEFT JOIN classes c ON c.id = e.class_id
		LEFT JOIN items i ON i.id = e.item_id
		LEFT JOIN records rec ON rec.id = COALESCE(e.record_id, i.record_id)
		LEFT JOIN users u ON u.id = e.staff_id
		WHERE `+where+` ORDER BY e.id LIMIT ?`, append(args, f.Limit)...)
	return collect(rows, mapErr(err), func(r *sql.Rows) (l transferstore.LedgerRow, err error) {
		var at int64
		err = r.Scan(&l.ID, &l.Kind, &at, &l.DueDate, &l.ReaderCard, &l.ReaderName, &l.ClassName, &l.Barcode, &l.CallNumber, &l.Title, &l.Staff)
		l.At = time.UnixMilli(at).UTC()
		return l, err
	})
}
