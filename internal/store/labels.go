package store

import (
	"context"
	"database/sql"
	"strings"

	"shuwu/internal/labels"
)

// Labels returns the label printing's store.
func (db *DB) Labels() labels.Store { return labelsStore{db} }

type labelsStore struct{ db *DB }

func (s labelsStore) Update(ctx context.Context, fn func(labels.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s labelsStore) View(ctx context.Context, fn func(labels.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// LabelCopies lists the copies a selection picks that are still held
// (not lost or withdrawn), in shelf order.
func (tx *Tx) LabelCopies(sel labels.Selection, limit int) ([]labels.Copy, error) {
	where, args := []string{"i.status NOT IN ('lost', 'withdrawn')"}, []any{}
	if sel.AddedOn != "" {
		where, args = append(where, "i.added_date = ?"), append(args, sel.AddedOn)
	}
	if sel.BatchID != 0 {
		where, args = append(where, "i.batch_id = ?"), append(args, sel.BatchID)
	}
	if sel.RecordID != 0 {
		where, args = append(where, "i.record_id = ?"), append(args, sel.RecordID)
	}
	if len(sel.Barcodes) > 0 {
		where = append(where, "i.barcode IN ("+bindMarks(len(sel.Barcodes))+")")
		for _, b := range sel.Barcodes {
			args = append(args, b)
		}
	}
	rows, err := tx.query(`SELECT i.barcode, i.call_number, `+displayTitle("r")+`, COALESCE(l.name, '')
		FROM items i JOIN records r ON r.id = i.record_id LEFT JOIN locations l ON l.id = i.location_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY i.call_sort, i.barcode LIMIT ?`, append(args, limit)...)
	return collect(rows, err, func(r *sql.Rows) (c labels.Copy, err error) {
		err = r.Scan(&c.Barcode, &c.CallNumber, &c.Title, &c.Location)
		return c, err
	})
}

// CardReaders lists a class's members, or the readers with the cards
// given, each with the class they are in (the latest), in card order.
func (tx *Tx) CardReaders(classID int64, cards []string, limit int) ([]labels.Reader, error) {
	q := `SELECT rd.card, rd.name, rd.unit, COALESCE((SELECT c.name FROM class_members m JOIN classes c ON c.id = m.class_id
		WHERE m.reader_id = rd.id ORDER BY c.start_date DESC, c.id DESC LIMIT 1), '') FROM readers rd`
	var args []any
	if classID != 0 {
		q = `SELECT rd.card, rd.name, rd.unit, c.name FROM class_members m JOIN readers rd ON rd.id = m.reader_id
			JOIN classes c ON c.id = m.class_id WHERE m.class_id = ?`
		args = append(args, classID)
	} else {
		q += ` WHERE rd.card IN (` + bindMarks(len(cards)) + `)`
		for _, c := range cards {
			args = append(args, c)
		}
	}
	rows, err := tx.query(q+` ORDER BY rd.card LIMIT ?`, append(args, limit)...)
	return collect(rows, err, func(r *sql.Rows) (rd labels.Reader, err error) {
		err = r.Scan(&rd.Card, &rd.Name, &rd.Unit, &rd.Class)
		return rd, err
	})
}
