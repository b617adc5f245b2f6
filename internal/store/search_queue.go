package store

import (
	"context"
	"database/sql"
)

// QueueSearch notes records whose search documents are stale, for the
// server that owns the index to pick up.
func (db *DB) QueueSearch(ctx context.Context, ids []int64) error {
	if len(ids) == 0 {
		return nil
	}
	return db.Update(ctx, func(tx *Tx) error {
		for _, id := range ids {
			if _, err := tx.exec(`INSERT INTO search_queue (record_id) VALUES (?) ON CONFLICT DO NOTHING`, id); err != nil {
				return err
			}
		}
		return nil
	})
}

// TakeSearchQueue removes and returns up to limit queued record ids.
func (db *DB) TakeSearchQueue(ctx context.Context, limit int) ([]int64, error) {
	var ids []int64
	err := db.Update(ctx, func(tx *Tx) error {
		rows, err := tx.query(`SELECT record_id FROM search_queue ORDER BY record_id LIMIT ?`, limit)
		ids, err = collect(rows, err, func(r *sql.Rows) (id int64, err error) { err = r.Scan(&id); return id, err })
		if err != nil || len(ids) == 0 {
			return err
		}
		for _, id := range ids {
			if _, err := tx.exec(`DELETE FROM search_queue WHERE record_id = ?`, id); err != nil {
				return err
			}
		}
		return nil
	})
	return ids, err
}
