package store

import (
	"database/sql"
	"fmt"

	"shuwu/internal/copycat/targets"
	"shuwu/internal/errs"
)

const copyTargetColumns = `id, name, kind, address, flavor, charset, created_at`

func scanCopyTarget(r *sql.Rows) (targets.Target, error) {
	var t targets.Target
	var created int64
	var kind, flavor, charset string
	err := r.Scan(&t.ID, &t.Name, &kind, &t.Address, &flavor, &charset, &created)
	t.Kind, t.Flavor, t.Charset, t.CreatedAt = targets.Kind(kind), targets.Flavor(flavor), targets.Charset(charset), fromMillis(created)
	return t, err
}

func errCopyTargetNotFound(id int64) *errs.Error {
	return errs.NotFound(targets.CodeTargetNotFound, fmt.Sprintf("书目来源 %d 不存在", id), fmt.Sprintf("no copy-cataloguing source %d", id))
}

// InsertCopyTarget stores a copy-cataloguing source.
func (tx *Tx) InsertCopyTarget(t *targets.Target) error {
	id, err := tx.insert(`INSERT INTO copy_targets (name, kind, address, flavor, charset, created_at) VALUES (?,?,?,?,?,?)`,
		t.Name, string(t.Kind), t.Address, string(t.Flavor), string(t.Charset), nowMillis(t.CreatedAt))
	t.ID = id
	return err
}

// UpdateCopyTarget saves a source's settings.
func (tx *Tx) UpdateCopyTarget(t *targets.Target) error {
	return tx.mustAffect(errCopyTargetNotFound(t.ID), `UPDATE copy_targets SET name=?, kind=?, address=?, flavor=?, charset=? WHERE id=?`,
		t.Name, string(t.Kind), t.Address, string(t.Flavor), string(t.Charset), t.ID)
}

// DeleteCopyTarget removes a source.
func (tx *Tx) DeleteCopyTarget(id int64) error {
	return tx.mustAffect(errCopyTargetNotFound(id), `DELETE FROM copy_targets WHERE id=?`, id)
}

// CopyTarget returns one source.
func (tx *Tx) CopyTarget(id int64) (targets.Target, error) {
	rows, err := tx.query(`SELECT `+copyTargetColumns+` FROM copy_targets WHERE id=?`, id)
	ts, err := collect(rows, err, scanCopyTarget)
	if err != nil {
		return targets.Target{}, err
	}
	if len(ts) == 0 {
		return targets.Target{}, errCopyTargetNotFound(id)
	}
	return ts[0], nil
}

// CopyTargets lists the sources by name.
func (tx *Tx) CopyTargets() ([]targets.Target, error) {
	rows, err := tx.query(`SELECT ` + copyTargetColumns + ` FROM copy_targets ORDER BY name`)
	return collect(rows, err, scanCopyTarget)
}
