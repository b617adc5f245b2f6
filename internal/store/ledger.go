package store

import (
	"database/sql"
	"strings"

	"shuwu/internal/ledger"
)

const ledgerColumns = `id, kind, at, COALESCE(reader_id,0), COALESCE(class_id,0), COALESCE(item_id,0), COALESCE(record_id,0), COALESCE(staff_id,0), COALESCE(space_id,0), COALESCE(ref_id,0), due_date, detail`

// AppendLedger adds a line to the ledger.
func (tx *Tx) AppendLedger(e *ledger.Entry) error {
	id, err := tx.insert(`INSERT INTO ledger (kind, at, reader_id, class_id, item_id, record_id, staff_id, space_id, ref_id, due_date, detail) VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		e.Kind, nowMillis(e.At), nullID(e.ReaderID), nullID(e.ClassID), nullID(e.ItemID), nullID(e.RecordID), nullID(e.StaffID), nullID(e.SpaceID), nullID(e.RefID), e.DueDate, e.Detail)
	e.ID = id
	return err
}

// LedgerEntries lists ledger lines matching f, newest first.
func (tx *Tx) LedgerEntries(f ledger.Filter) ([]ledger.Entry, error) {
	where, args := []string{"1=1"}, []any{}
	if !f.From.IsZero() {
		where, args = append(where, "at >= ?"), append(args, nowMillis(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "at < ?"), append(args, nowMillis(f.To))
	}
	if len(f.Kinds) > 0 {
		where = append(where, "kind IN ("+bindMarks(len(f.Kinds))+")")
		for _, k := range f.Kinds {
			args = append(args, string(k))
		}
	}
	if f.ReaderID != 0 {
		where, args = append(where, "reader_id = ?"), append(args, f.ReaderID)
	}
	if f.ItemID != 0 {
		where, args = append(where, "item_id = ?"), append(args, f.ItemID)
	}
	if f.BeforeID != 0 {
		where, args = append(where, "id < ?"), append(args, f.BeforeID)
	}
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+ledgerColumns+`
		FROM ledger WHERE `+strings.Join(where, " AND ")+` ORDER BY id DESC LIMIT ?`, append(args, f.Limit)...)
	return collect(rows, mapErr(err), scanLedger)
}

func scanLedger(r *sql.Rows) (e ledger.Entry, err error) {
	var at int64
	err = r.Scan(&e.ID, &e.Kind, &at, &e.ReaderID, &e.ClassID, &e.ItemID, &e.RecordID, &e.StaffID, &e.SpaceID, &e.RefID, &e.DueDate, &e.Detail)
	e.At = fromMillis(at)
	return e, err
}
