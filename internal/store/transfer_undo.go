package store

import (
	"database/sql"

	"shuwu/internal/transfer/transferstore"
)

// FirstCopyCallNumber returns the call number of a record's first copy.
// The items_record index holds (record_id, id), so this is one index step
// however many copies the record has.
func (tx *Tx) FirstCopyCallNumber(recordID int64) (string, bool, error) {
	rows, err := tx.query(`SELECT call_number FROM items WHERE record_id=? ORDER BY id LIMIT 1`, recordID)
	list, err := collect(rows, err, func(r *sql.Rows) (cn string, err error) { return cn, r.Scan(&cn) })
	if err != nil || len(list) == 0 {
		return "", false, err
	}
	return list[0], true, nil
}

// DeleteImportedCopies deletes the copies an import added, except those
// that were lent, held or used since (a loan, a hold or an event names
// them): those are kept and returned.
func (tx *Tx) DeleteImportedCopies(ids []int64) ([]int64, error) {
	kept := []int64{}
	for _, chunk := range idChunks(ids, 500) {
		marks, args := bindMarks(len(chunk)), int64Args(chunk)
		used := `SELECT item_id FROM loans WHERE item_id IN (` + marks + `)
			UNION SELECT item_id FROM holds WHERE item_id IN (` + marks + `)
			UNION SELECT item_id FROM ledger WHERE item_id IN (` + marks + `)`
		rows, err := tx.q.QueryContext(tx.ctx, used, append(append(append([]any{}, args...), args...), args...)...)
		got, err := collect(rows, mapErr(err), func(r *sql.Rows) (id int64, err error) { return id, r.Scan(&id) })
		if err != nil {
			return kept, err
		}
		kept = append(kept, got...)
		skip := map[int64]bool{}
		for _, id := range got {
			skip[id] = true
		}
		var del []int64
		for _, id := range chunk {
			if !skip[id] {
				del = append(del, id)
			}
		}
		if len(del) == 0 {
			continue
		}
		if _, err := tx.q.ExecContext(tx.ctx, `DELETE FROM items WHERE id IN (`+bindMarks(len(del))+`)`, int64Args(del)...); err != nil {
			return kept, mapErr(err)
		}
	}
	return kept, nil
}

// DeleteRecordsWithoutCopies deletes those of the records that have no
// copies and no holds; their authors, subjects and MARC originals go
// with them.
func (tx *Tx) DeleteRecordsWithoutCopies(ids []int64) (int, error) {
	n := 0
	for _, chunk := range idChunks(ids, 500) {
		res, err := tx.q.ExecContext(tx.ctx, `DELETE FROM records WHERE id IN (`+bindMarks(len(chunk))+`)
			AND NOT EXISTS (SELECT 1 FROM items i WHERE i.record_id = records.id)
			AND NOT EXISTS (SELECT 1 FROM holds h WHERE h.record_id = records.id)`, int64Args(chunk)...)
		if err != nil {
			return n, mapErr(err)
		}
		m, _ := res.RowsAffected()
		n += int(m)
	}
	return n, nil
}

// idChunks splits ids into pieces of at most n, for IN lists.
func idChunks(ids []int64, n int) [][]int64 {
	var out [][]int64
	for len(ids) > n {
		out, ids = append(out, ids[:n]), ids[n:]
	}
	if len(ids) > 0 {
		out = append(out, ids)
	}
	return out
}

// ImportedFile returns the latest import of a file with this content.
func (tx *Tx) ImportedFile(kind, hash string) (transferstore.ImportedFile, bool, error) {
	rows, err := tx.query(`SELECT kind, hash, file, imported_at, rows, stored FROM import_files WHERE kind=? AND hash=?`, kind, hash)
	list, err := collect(rows, err, func(r *sql.Rows) (f transferstore.ImportedFile, err error) {
		var at int64
		err = r.Scan(&f.Kind, &f.Hash, &f.File, &at, &f.Rows, &f.Stored)
		f.ImportedAt = fromMillis(at)
		return f, err
	})
	if err != nil || len(list) == 0 {
		return transferstore.ImportedFile{}, false, err
	}
	return list[0], true, nil
}

// SaveImportedFile remembers an import of a file, replacing an earlier one.
func (tx *Tx) SaveImportedFile(f transferstore.ImportedFile) error {
	_, err := tx.exec(`INSERT INTO import_files (kind, hash, file, imported_at, rows, stored) VALUES (?,?,?,?,?,?)
		ON CONFLICT(kind, hash) DO UPDATE SET file=excluded.file, imported_at=excluded.imported_at, rows=excluded.rows, stored=excluded.stored`,
		f.Kind, f.Hash, f.File, nowMillis(f.ImportedAt), f.Rows, f.Stored)
	return err
}
