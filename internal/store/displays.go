package store

import (
	"database/sql"
	"time"

	"shuwu/internal/displays"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
)

func errDisplayNotFound() *errs.Error {
	return errs.NotFound(displays.CodeDisplayNotFound, "书展不存在", "no such display")
}

// displayLoans counts the loans of a display's copies while they were on
// it (alias d is the display).
const displayLoans = `(SELECT COUNT(*) FROM display_items di JOIN ledger l ON l.item_id = di.item_id AND l.kind = '` + string(ledger.Loan) + `'
	AND l.at >= di.added_at AND (di.removed_at IS NULL OR l.at < di.removed_at) WHERE di.display_id = d.id)`

const displayColumns = `d.id, d.title, d.description, d.place, d.starts, d.ends, COALESCE(d.activity_id,0), COALESCE(a.title,''),
	(SELECT COUNT(*) FROM display_items di WHERE di.display_id = d.id AND di.removed_at IS NULL), ` + displayLoans + `, d.created_at, d.updated_at`

func scanDisplay(r *sql.Rows) (d displays.Display, err error) {
	var created, updated int64
	err = r.Scan(&d.ID, &d.Title, &d.Description, &d.Place, &d.Starts, &d.Ends, &d.ActivityID, &d.ActivityTitle, &d.Copies, &d.Loans, &created, &updated)
	d.CreatedAt, d.UpdatedAt = fromMillis(created), fromMillis(updated)
	return d, err
}

// InsertDisplay stores a new display and sets its id.
func (tx *Tx) InsertDisplay(d *displays.Display) error {
	id, err := tx.insert(`INSERT INTO displays (title, description, place, starts, ends, activity_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?)`,
		d.Title, d.Description, d.Place, d.Starts, d.Ends, nullID(d.ActivityID), nowMillis(d.CreatedAt), nowMillis(d.UpdatedAt))
	d.ID = id
	return err
}

// UpdateDisplay changes a display.
func (tx *Tx) UpdateDisplay(d displays.Display) error {
	return tx.mustAffect(errDisplayNotFound(), `UPDATE displays SET title=?, description=?, place=?, starts=?, ends=?, activity_id=?, updated_at=? WHERE id=?`,
		d.Title, d.Description, d.Place, d.Starts, d.Ends, nullID(d.ActivityID), nowMillis(d.UpdatedAt), d.ID)
}

// Display returns one display with its counts.
func (tx *Tx) Display(id int64) (displays.Display, error) {
	rows, err := tx.query(`SELECT `+displayColumns+` FROM displays d LEFT JOIN activities a ON a.id = d.activity_id WHERE d.id = ?`, id)
	ds, err := collect(rows, err, scanDisplay)
	if err != nil {
		return displays.Display{}, err
	}
	if len(ds) == 0 {
		return displays.Display{}, errDisplayNotFound()
	}
	return ds[0], nil
}

// Displays lists the displays overlapping [from, to], latest start first.
func (tx *Tx) Displays(from, to string) ([]displays.Display, error) {
	q, args := `SELECT `+displayColumns+` FROM displays d LEFT JOIN activities a ON a.id = d.activity_id WHERE 1=1`, []any{}
	if from != "" {
		q, args = q+` AND d.ends >= ?`, append(args, from)
	}
	if to != "" {
		q, args = q+` AND d.starts <= ?`, append(args, to)
	}
	rows, err := tx.query(q+` ORDER BY d.starts DESC, d.id DESC LIMIT 500`, args...)
	return collect(rows, err, scanDisplay)
}

// ActivityTitle is an activity's title.
func (tx *Tx) ActivityTitle(id int64) (title string, err error) {
	err = tx.queryRow(errs.NotFound(displays.CodeDisplayInvalid, "主题活动不存在", "no such activity"), `SELECT title FROM activities WHERE id = ?`, []any{id}, &title)
	return title, err
}

// DisplayOfItem is the display a copy is on now (0 none).
func (tx *Tx) DisplayOfItem(itemID int64) (int64, error) {
	var id int64
	err := tx.queryRow(errDisplayNotFound(), `SELECT display_id FROM display_items WHERE item_id = ? AND removed_at IS NULL`, []any{itemID}, &id)
	if errs.Is(err, displays.CodeDisplayNotFound) {
		return 0, nil
	}
	return id, err
}

// PutOnDisplay puts a copy on a display.
func (tx *Tx) PutOnDisplay(displayID, itemID int64, at time.Time) error {
	_, err := tx.insert(`INSERT INTO display_items (display_id, item_id, added_at) VALUES (?,?,?)`, displayID, itemID, nowMillis(at))
	return err
}

// TakeOffDisplay ends a copy's time on a display.
func (tx *Tx) TakeOffDisplay(displayID, itemID int64, at time.Time) error {
	_, err := tx.exec(`UPDATE display_items SET removed_at = ? WHERE display_id = ? AND item_id = ? AND removed_at IS NULL`, nowMillis(at), displayID, itemID)
	return err
}

// ClearDisplay takes every copy off a display.
func (tx *Tx) ClearDisplay(displayID int64, at time.Time) (int, error) {
	res, err := tx.exec(`UPDATE display_items SET removed_at = ? WHERE display_id = ? AND removed_at IS NULL`, nowMillis(at), displayID)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), err
}

// DisplayCopies lists a display's copies on it now (with past, also those
// taken off), latest first, each with its loans while on the display.
func (tx *Tx) DisplayCopies(displayID int64, past bool) ([]displays.Copy, error) {
	q := `SELECT i.id, i.barcode, r.id, ` + displayTitle("r") + `, i.call_number, i.status, di.added_at, di.removed_at,
		(SELECT COUNT(*) FROM ledger l WHERE l.item_id = di.item_id AND l.kind = '` + string(ledger.Loan) + `' AND l.at >= di.added_at AND (di.removed_at IS NULL OR l.at < di.removed_at))
		FROM display_items di JOIN items i ON i.id = di.item_id JOIN records r ON r.id = i.record_id WHERE di.display_id = ?`
	if !past {
		q += ` AND di.removed_at IS NULL`
	}
	rows, err := tx.query(q+` ORDER BY di.id DESC LIMIT 2000`, displayID)
	return collect(rows, err, func(r *sql.Rows) (displays.Copy, error) {
		var c displays.Copy
		var added int64
		var removed sql.NullInt64
		err := r.Scan(&c.ItemID, &c.Barcode, &c.RecordID, &c.Title, &c.CallNumber, &c.Status, &added, &removed, &c.Loans)
		c.AddedAt = fromMillis(added)
		if removed.Valid {
			t := fromMillis(removed.Int64)
			c.RemovedAt = &t
		}
		return c, err
	})
}
