package store

import (
	"database/sql"

	"shuwu/internal/assets"
	"shuwu/internal/errs"
)

const assetColumns = `id, name, category, model, quantity, value_fen, acquired, location, state, notes, retired_on, retire_reason, created_by, created_at, updated_at`

func errAssetNotFound() *errs.Error {
	return errs.NotFound(assets.CodeAssetNotFound, "设备不存在", "no such line of equipment")
}

func scanAsset(r *sql.Rows) (a assets.Asset, err error) {
	var created, updated int64
	err = r.Scan(&a.ID, &a.Name, &a.Category, &a.Model, &a.Quantity, &a.ValueFen, &a.Acquired, &a.Location, &a.State, &a.Notes,
		&a.RetiredOn, &a.RetireReason, &a.CreatedBy, &created, &updated)
	a.CreatedAt, a.UpdatedAt = fromMillis(created), fromMillis(updated)
	return a, err
}

// InsertAsset stores a new line of equipment and sets its id.
func (tx *Tx) InsertAsset(a *assets.Asset) error {
	id, err := tx.insert(`INSERT INTO assets (name, category, model, quantity, value_fen, acquired, location, state, notes, retired_on, retire_reason, created_by, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.Name, a.Category, a.Model, a.Quantity, a.ValueFen, a.Acquired, a.Location, a.State, a.Notes, a.RetiredOn, a.RetireReason,
		a.CreatedBy, nowMillis(a.CreatedAt), nowMillis(a.UpdatedAt))
	a.ID = id
	return err
}

// UpdateAsset changes a line of equipment.
func (tx *Tx) UpdateAsset(a assets.Asset) error {
	return tx.mustAffect(errAssetNotFound(), `UPDATE assets SET name=?, category=?, model=?, quantity=?, value_fen=?, acquired=?, location=?, state=?, notes=?,
		retired_on=?, retire_reason=?, updated_at=? WHERE id=?`,
		a.Name, a.Category, a.Model, a.Quantity, a.ValueFen, a.Acquired, a.Location, a.State, a.Notes, a.RetiredOn, a.RetireReason, nowMillis(a.UpdatedAt), a.ID)
}

// Asset returns one line of equipment.
func (tx *Tx) Asset(id int64) (assets.Asset, error) {
	rows, err := tx.query(`SELECT `+assetColumns+` FROM assets WHERE id = ?`, id)
	return collectOne(rows, err, errAssetNotFound(), scanAsset)
}

// Assets lists every line of equipment by purchase day, then id.
func (tx *Tx) Assets() ([]assets.Asset, error) {
	rows, err := tx.query(`SELECT ` + assetColumns + ` FROM assets ORDER BY acquired, id`)
	return collect(rows, err, scanAsset)
}

// CollectionHeld counts the copies held, their titles and value.
func (tx *Tx) CollectionHeld() (copies, titles, valueFen int64, err error) {
	err = tx.queryRow(nil, `SELECT COUNT(*), COUNT(DISTINCT i.record_id), COALESCE(SUM(i.price_fen), 0) FROM items i WHERE `+heldItems, nil, &copies, &titles, &valueFen)
	return copies, titles, valueFen, err
}
