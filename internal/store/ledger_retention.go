package store

import (
	"database/sql"
	"sort"
	"time"
)

// retainedLine is a ledger line to pseudonymise, with what its pseudonym
// keeps.
type retainedLine struct {
	id, reader, typeID int64
	at                 int64
}

// PseudonymiseLedger takes the lines older than before (Unix ms) that
// still name a reader, for at most readers readers, and ties each
// reader's lines of one year (in loc) to one new pseudonym of that year,
// with the reader's type. A line about a copy the reader still has on
// loan waits until it is returned (the lines of that loan; earlier loans
// of the same copy do not wait). It returns the lines it changed; 0
// means none are left.
//
// A reader's qualifying lines are all taken in one call, so a year of one
// reader never splits between two pseudonyms within a run.
func (tx *Tx) PseudonymiseLedger(before int64, loc *time.Location, readers int) (int, error) {
	const qualifies = `l.reader_id > 0 AND l.at < ? AND NOT EXISTS (SELECT 1 FROM loans o WHERE o.reader_id = l.reader_id AND o.item_id = l.item_id AND l.at >= o.loaned_at - 1000)`
	rows, err := tx.query(`SELECT DISTINCT l.reader_id FROM ledger l WHERE `+qualifies+` ORDER BY l.reader_id LIMIT ?`, before, readers)
	ids, err := collect(rows, err, func(r *sql.Rows) (id int64, err error) { err = r.Scan(&id); return id, err })
	if err != nil || len(ids) == 0 {
		return 0, err
	}
	var lines []retainedLine
	err = eachChunk(ids, func(marks string, args []any) error {
		rows, err := tx.query(`SELECT l.id, l.reader_id, COALESCE(r.type_id, 0), l.at FROM ledger l LEFT JOIN readers r ON r.id = l.reader_id
			WHERE l.reader_id IN (`+marks+`) AND `+qualifies, append(args, before)...)
		ls, err := collect(rows, err, func(r *sql.Rows) (l retainedLine, err error) {
			err = r.Scan(&l.id, &l.reader, &l.typeID, &l.at)
			return l, err
		})
		lines = append(lines, ls...)
		return err
	})
	if err != nil {
		return 0, err
	}
	type readerYear struct {
		reader int64
		year   int
	}
	groups, typeOf := map[readerYear][]int64{}, map[readerYear]int64{}
	for _, l := range lines {
		k := readerYear{l.reader, time.UnixMilli(l.at).In(loc).Year()}
		groups[k], typeOf[k] = append(groups[k], l.id), l.typeID
	}
	keys := make([]readerYear, 0, len(groups))
	for k := range groups {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool {
		if keys[i].reader != keys[j].reader {
			return keys[i].reader < keys[j].reader
		}
		return keys[i].year < keys[j].year
	})
	// Pseudonyms count down from -1, below every reader's id.
	var low int64
	if err := tx.queryRow(nil, `SELECT COALESCE(MIN(id), 0) FROM reader_pseudonyms`, nil, &low); err != nil {
		return 0, err
	}
	for _, k := range keys {
		low--
		if _, err := tx.exec(`INSERT INTO reader_pseudonyms (id, type_id, year) VALUES (?, ?, ?)`, low, typeOf[k], k.year); err != nil {
			return 0, err
		}
		if err := eachChunk(groups[k], func(marks string, args []any) error {
			_, err := tx.exec(`UPDATE ledger SET reader_id = ? WHERE id IN (`+marks+`)`, append([]any{low}, args...)...)
			return err
		}); err != nil {
			return 0, err
		}
	}
	return len(lines), nil
}
