package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/catalog"
)

// BuryRecord keeps a tombstone of a record about to be deleted.
func (tx *Tx) BuryRecord(id int64, at time.Time) error {
	_, err := tx.exec(`INSERT INTO record_tombstones (record_id, deleted_at, category_id, title)
		SELECT id, ?, category_id, title FROM records WHERE id=?
		ON CONFLICT(record_id) DO UPDATE SET deleted_at=excluded.deleted_at, category_id=excluded.category_id, title=excluded.title`, nowMillis(at), id)
	return err
}

// Tombstone returns a deleted record's tombstone.
func (tx *Tx) Tombstone(id int64) (catalog.Tombstone, error) {
	t := catalog.Tombstone{RecordID: id}
	var at int64
	var cat sql.NullInt64
	err := tx.queryRow(errRecordNotFound(id), `SELECT deleted_at, category_id, title FROM record_tombstones WHERE record_id=?`, []any{id}, &at, &cat, &t.Title)
	t.DeletedAt, t.CategoryID = fromMillis(at), cat.Int64
	return t, err
}

// harvestWhere builds the window of a harvest over a union of live records
// (stamp = updated_at) and tombstones (stamp = deleted_at).
func harvestWhere(f catalog.HarvestFilter, withAfter bool) (string, []any) {
	var conds []string
	var args []any
	if !f.From.IsZero() {
		conds, args = append(conds, "stamp >= ?"), append(args, nowMillis(f.From))
	}
	if !f.Until.IsZero() {
		conds, args = append(conds, "stamp <= ?"), append(args, nowMillis(f.Until))
	}
	if f.CategoryID != 0 {
		conds, args = append(conds, "category_id = ?"), append(args, f.CategoryID)
	}
	if withAfter && (!f.AfterStamp.IsZero() || f.AfterID != 0) {
		conds, args = append(conds, "(stamp > ? OR (stamp = ? AND id > ?))"), append(args, nowMillis(f.AfterStamp), nowMillis(f.AfterStamp), f.AfterID)
	}
	if len(conds) == 0 {
		return "", nil
	}
	return " WHERE " + strings.Join(conds, " AND "), args
}

const harvestUnion = `(SELECT id, updated_at AS stamp, category_id, 0 AS deleted FROM records
	UNION ALL SELECT record_id, deleted_at, category_id, 1 FROM record_tombstones) AS harvest`

// Harvest lists records and tombstones in datestamp order.
func (tx *Tx) Harvest(f catalog.HarvestFilter) ([]catalog.HarvestEntry, error) {
	where, args := harvestWhere(f, true)
	limit := f.Limit
	if limit <= 0 {
		limit = 100
	}
	rows, err := tx.query(fmt.Sprintf(`SELECT id, stamp, COALESCE(category_id, 0), deleted FROM %s%s ORDER BY stamp, id LIMIT %d`, harvestUnion, where, limit), args...)
	return collect(rows, err, func(r *sql.Rows) (catalog.HarvestEntry, error) {
		var e catalog.HarvestEntry
		var stamp int64
		err := r.Scan(&e.RecordID, &stamp, &e.CategoryID, &e.Deleted)
		e.Datestamp = fromMillis(stamp)
		return e, err
	})
}

// HarvestCount counts the records and tombstones in a harvest's window.
func (tx *Tx) HarvestCount(f catalog.HarvestFilter) (int, error) {
	where, args := harvestWhere(f, false)
	return tx.count(`SELECT COUNT(*) FROM `+harvestUnion+where, args...)
}

// EarliestDatestamp is the oldest record or tombstone stamp.
func (tx *Tx) EarliestDatestamp() (time.Time, error) {
	var ms sql.NullInt64
	err := tx.queryRow(nil, `SELECT MIN(stamp) FROM `+harvestUnion, nil, &ms)
	if !ms.Valid {
		return time.Time{}, err
	}
	return fromMillis(ms.Int64), err
}
