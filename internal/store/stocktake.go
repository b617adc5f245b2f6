package store

import (
	"context"
	"database/sql"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/stocktake"
)

// Stocktake returns the stocktakes' store.
func (db *DB) Stocktake() stocktake.Store { return stocktakeStore{db} }

type stocktakeStore struct{ db *DB }

func (s stocktakeStore) Update(ctx context.Context, fn func(stocktake.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s stocktakeStore) View(ctx context.Context, fn func(stocktake.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// InsertStocktake stores a new stocktake.
func (tx *Tx) InsertStocktake(st *stocktake.Stocktake) error {
	id, err := tx.insert(`INSERT INTO stocktakes (name, location_id, clc_from, clc_to, status, started_by, started_at) VALUES (?,?,?,?,?,?,?)`,
		st.Name, nullID(st.LocationID), st.CLCFrom, st.CLCTo, st.Status, st.StartedBy, nowMillis(st.StartedAt))
	st.ID = id
	return err
}

const stocktakeSelect = `SELECT s.id, s.name, COALESCE(s.location_id, 0), COALESCE(l.name, ''), s.clc_from, s.clc_to, s.status,
	s.started_by, s.started_at, s.closed_at, s.lost_marked, (SELECT COUNT(*) FROM stocktake_scans c WHERE c.stocktake_id = s.id)
	FROM stocktakes s LEFT JOIN locations l ON l.id = s.location_id`

func scanStocktake(r *sql.Rows) (st stocktake.Stocktake, err error) {
	var started, closed int64
	err = r.Scan(&st.ID, &st.Name, &st.LocationID, &st.LocationName, &st.CLCFrom, &st.CLCTo, &st.Status,
		&st.StartedBy, &started, &closed, &st.LostMarked, &st.Scanned)
	st.StartedAt = fromMillis(started)
	if closed != 0 {
		st.ClosedAt = fromMillis(closed)
	}
	return st, err
}

// Stocktake returns one stocktake.
func (tx *Tx) Stocktake(id int64) (stocktake.Stocktake, error) {
	rows, err := tx.query(stocktakeSelect+` WHERE s.id = ?`, id)
	return collectOne(rows, err, errs.NotFound(stocktake.CodeNotFound, "盘点不存在", "no such stocktake"), scanStocktake)
}

// Stocktakes lists the latest stocktakes.
func (tx *Tx) Stocktakes(limit int) ([]stocktake.Stocktake, error) {
	rows, err := tx.query(stocktakeSelect+` ORDER BY s.started_at DESC, s.id DESC LIMIT ?`, limit)
	return collect(rows, err, scanStocktake)
}

// CloseStocktake ends a stocktake.
func (tx *Tx) CloseStocktake(id int64, at int64) error {
	return tx.mustAffect(errs.NotFound(stocktake.CodeNotFound, "盘点不存在", "no such stocktake"),
		`UPDATE stocktakes SET status = ?, closed_at = ? WHERE id = ?`, stocktake.Closed, at, id)
}

// AddLostMarked counts copies marked lost from a stocktake.
func (tx *Tx) AddLostMarked(id int64, n int) error {
	_, err := tx.exec(`UPDATE stocktakes SET lost_marked = lost_marked + ? WHERE id = ?`, n, id)
	return err
}

// LocationName is a shelf group's name, "" when there is none.
func (tx *Tx) LocationName(id int64) (string, error) {
	var name string
	err := tx.queryRow(errs.NotFound(stocktake.CodeShelfRequired, "", ""), `SELECT name FROM locations WHERE id = ?`, []any{id}, &name)
	if errs.Is(err, stocktake.CodeShelfRequired) {
		return "", nil
	}
	return name, err
}

const stockCopySelect = `SELECT i.id, i.record_id, i.barcode, ` + "%s" + `, i.call_number, i.call_sort, r.clc, i.location_id,
	COALESCE(l.name, ''), i.status, i.price_fen FROM items i JOIN records r ON r.id = i.record_id LEFT JOIN locations l ON l.id = i.location_id`

var stockCopyQuery = strings.Replace(stockCopySelect, "%s", displayTitle("r"), 1)

func scanStockCopy(r *sql.Rows) (c stocktake.Copy, err error) {
	err = r.Scan(&c.ID, &c.RecordID, &c.Barcode, &c.Title, &c.CallNumber, &c.CallSort, &c.CLC, &c.LocationID, &c.LocationName, &c.Status, &c.PriceFen)
	return c, err
}

// CopyByBarcode finds a copy by its barcode.
func (tx *Tx) CopyByBarcode(barcode string) (stocktake.Copy, bool, error) {
	rows, err := tx.query(stockCopyQuery+` WHERE i.barcode = ?`, barcode)
	out, err := collect(rows, err, scanStockCopy)
	if err != nil || len(out) == 0 {
		return stocktake.Copy{}, false, err
	}
	return out[0], true, nil
}

// ScopeCopies lists the copies a stocktake covers, in call-number order.
func (tx *Tx) ScopeCopies(st stocktake.Stocktake) ([]stocktake.Copy, error) {
	where, args := []string{"i.status <> 'withdrawn'"}, []any{}
	if st.LocationID != 0 {
		where, args = append(where, "i.location_id = ?"), append(args, st.LocationID)
	}
	if st.CLCFrom != "" {
		// A prefix range: D0 … D9 takes D0, D01 and D9, D99 (every class
		// number that starts with the end).
		where = append(where, "UPPER(r.clc) >= ? AND (UPPER(r.clc) <= ? OR UPPER(r.clc) LIKE ? ESCAPE '\\')")
		args = append(args, st.CLCFrom, st.CLCTo, escapeLike(st.CLCTo)+"%")
	}
	rows, err := tx.query(stockCopyQuery+` WHERE `+strings.Join(where, " AND ")+` ORDER BY i.call_sort, i.barcode`, args...)
	return collect(rows, err, scanStockCopy)
}

// CopiesByBarcodes finds the copies of some barcodes.
func (tx *Tx) CopiesByBarcodes(codes []string) ([]stocktake.Copy, error) {
	var out []stocktake.Copy
	for start := 0; start < len(codes); start += 500 {
		part := codes[start:min(start+500, len(codes))]
		args := make([]any, len(part))
		for i, c := range part {
			args[i] = c
		}
		rows, err := tx.query(stockCopyQuery+` WHERE i.barcode IN (`+bindMarks(len(part))+`)`, args...)
		got, err := collect(rows, err, scanStockCopy)
		if err != nil {
			return nil, err
		}
		out = append(out, got...)
	}
	return out, nil
}

// SaveScan records a barcode on a shelf group, last in its order; the
// same barcode scanned again on the same shelf keeps its place (a double
// scan), on another shelf it moves there.
func (tx *Tx) SaveScan(id int64, s stocktake.Scan) (bool, error) {
	n, err := tx.count(`SELECT COUNT(*) FROM stocktake_scans WHERE stocktake_id = ? AND barcode = ?`, id, s.Barcode)
	if err != nil {
		return false, err
	}
	_, err = tx.exec(`INSERT INTO stocktake_scans (stocktake_id, barcode, location_id, seq, scanned_at)
		VALUES (?, ?, ?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM stocktake_scans WHERE stocktake_id = ?), ?)
		ON CONFLICT (stocktake_id, barcode) DO UPDATE SET
			seq = CASE WHEN stocktake_scans.location_id = excluded.location_id THEN stocktake_scans.seq ELSE excluded.seq END,
			location_id = excluded.location_id, scanned_at = excluded.scanned_at`,
		id, s.Barcode, s.LocationID, id, nowMillis(s.ScannedAt))
	return n > 0, err
}

// Scans lists a stocktake's scans in the order they were made.
func (tx *Tx) Scans(id int64) ([]stocktake.Scan, error) {
	rows, err := tx.query(`SELECT barcode, location_id, seq, scanned_at FROM stocktake_scans WHERE stocktake_id = ? ORDER BY seq`, id)
	return collect(rows, err, func(r *sql.Rows) (s stocktake.Scan, err error) {
		var at int64
		err = r.Scan(&s.Barcode, &s.LocationID, &s.Seq, &at)
		s.ScannedAt = fromMillis(at)
		return s, err
	})
}

// ScanCount is how many barcodes a stocktake has seen.
func (tx *Tx) ScanCount(id int64) (int, error) {
	return tx.count(`SELECT COUNT(*) FROM stocktake_scans WHERE stocktake_id = ?`, id)
}

// MarkLost sets copies still on the shelf in the catalogue to lost.
func (tx *Tx) MarkLost(ids []int64, at int64) (int, error) {
	total := 0
	err := eachChunk(ids, func(marks string, args []any) error {
		res, err := tx.exec(`UPDATE items SET status = 'lost', updated_at = ? WHERE status = 'available' AND id IN (`+marks+`)`, append([]any{at}, args...)...)
		if err != nil {
			return err
		}
		n, err := res.RowsAffected()
		total += int(n)
		return err
	})
	return total, err
}
