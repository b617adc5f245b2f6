package store

import (
	"database/sql"

	"shuwu/internal/readers"
)

// ReadersAfter lists readers by id after afterID, at most limit, only the
// members of classID when it is not 0: the export's page.
func (tx *Tx) ReadersAfter(classID, afterID int64, limit int) ([]readers.Reader, error) {
	where, args := "id > ?", []any{afterID}
	if classID != 0 {
		where += " AND id IN (SELECT reader_id FROM class_members WHERE class_id = ?)"
		args = append(args, classID)
	}
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+readerColumns+` FROM readers WHERE `+where+` ORDER BY id LIMIT ?`, append(args, limit)...)
	return collect(rows, mapErr(err), func(r *sql.Rows) (readers.Reader, error) { return scanReader(r) })
}

// ClassNamesOfReaders returns the names of each reader's classes, the
// most recent first.
func (tx *Tx) ClassNamesOfReaders(ids []int64) (map[int64][]string, error) {
	out := map[int64][]string{}
	if len(ids) == 0 {
		return out, nil
	}
	type pair struct {
		id   int64
		name string
	}
	err := eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.q.QueryContext(tx.ctx, `SELECT m.reader_id, c.name FROM class_members m JOIN classes c ON c.id = m.class_id
		WHERE m.reader_id IN (`+marks+`) ORDER BY m.reader_id, c.start_date DESC, c.id DESC`, args...)
		list, err := collect(rows, mapErr(err), func(r *sql.Rows) (p pair, err error) { return p, r.Scan(&p.id, &p.name) })
		for _, p := range list {
			out[p.id] = append(out[p.id], p.name)
		}
		return err
	})
	return out, err
}
