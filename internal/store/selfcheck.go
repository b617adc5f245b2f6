package store

import (
	"database/sql"
	"fmt"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/selfcheck"
)

const terminalColumns = `id, name, password_hash, institution, location, encoding, disabled, created_at, last_login_at`

func scanTerminal(sc interface{ Scan(...any) error }) (selfcheck.Terminal, error) {
	var t selfcheck.Terminal
	var created int64
	var last sql.NullInt64
	err := sc.Scan(&t.ID, &t.Name, &t.PasswordHash, &t.Institution, &t.Location, &t.Encoding, &t.Disabled, &created, &last)
	t.CreatedAt = fromMillis(created)
	if last.Valid {
		at := fromMillis(last.Int64)
		t.LastLoginAt = &at
	}
	return t, err
}

// InsertTerminal stores a self-service machine's account.
func (tx *Tx) InsertTerminal(t *selfcheck.Terminal) error {
	id, err := tx.insert(`INSERT INTO sip_terminals (name, password_hash, institution, location, encoding, disabled, created_at) VALUES (?,?,?,?,?,?,?)`,
		t.Name, t.PasswordHash, t.Institution, t.Location, t.Encoding, t.Disabled, nowMillis(t.CreatedAt))
	t.ID = id
	return err
}

func errTerminalNotFound(name string) *errs.Error {
	return errs.NotFound(selfcheck.CodeTerminalNotFound, fmt.Sprintf("自助机账号 %s 不存在", name), fmt.Sprintf("no self-service terminal %s", name))
}

// UpdateTerminal saves a machine's settings and password hash.
func (tx *Tx) UpdateTerminal(t *selfcheck.Terminal) error {
	return tx.mustAffect(errTerminalNotFound(t.Name), `UPDATE sip_terminals SET password_hash=?, institution=?, location=?, encoding=?, disabled=? WHERE id=?`,
		t.PasswordHash, t.Institution, t.Location, t.Encoding, t.Disabled, t.ID)
}

// DeleteTerminal removes a machine's account.
func (tx *Tx) DeleteTerminal(id int64) error {
	return tx.mustAffect(errTerminalNotFound(fmt.Sprint(id)), `DELETE FROM sip_terminals WHERE id=?`, id)
}

// TerminalByName returns a machine's account by its login name.
func (tx *Tx) TerminalByName(name string) (selfcheck.Terminal, error) {
	rows, err := tx.query(`SELECT `+terminalColumns+` FROM sip_terminals WHERE name=?`, name)
	ts, err := collect(rows, err, func(r *sql.Rows) (selfcheck.Terminal, error) { return scanTerminal(r) })
	if err != nil {
		return selfcheck.Terminal{}, err
	}
	if len(ts) == 0 {
		return selfcheck.Terminal{}, errTerminalNotFound(name)
	}
	return ts[0], nil
}

// Terminals lists the machines by name.
func (tx *Tx) Terminals() ([]selfcheck.Terminal, error) {
	rows, err := tx.query(`SELECT ` + terminalColumns + ` FROM sip_terminals ORDER BY name`)
	return collect(rows, err, func(r *sql.Rows) (selfcheck.Terminal, error) { return scanTerminal(r) })
}

// TouchTerminal notes a machine's last login.
func (tx *Tx) TouchTerminal(id int64, at time.Time) error {
	_, err := tx.exec(`UPDATE sip_terminals SET last_login_at=? WHERE id=?`, nowMillis(at), id)
	return err
}

// ItemIDByBarcode resolves a copy's barcode.
func (tx *Tx) ItemIDByBarcode(barcode string) (int64, error) {
	var id int64
	err := tx.queryRow(errItemNotFound(barcode), `SELECT id FROM items WHERE barcode=?`, []any{barcode}, &id)
	return id, err
}

// ItemProperties returns what a machine stored about a copy.
func (tx *Tx) ItemProperties(itemID int64) (string, error) {
	var p string
	err := tx.queryRow(errs.NotFound(CodeNoProperties, "", ""), `SELECT properties FROM sip_item_properties WHERE item_id=?`, []any{itemID}, &p)
	if errs.Is(err, CodeNoProperties) {
		return "", nil
	}
	return p, err
}

// SetItemProperties keeps a machine's properties of a copy; empty clears them.
func (tx *Tx) SetItemProperties(itemID int64, props string, at time.Time) error {
	if props == "" {
		_, err := tx.exec(`DELETE FROM sip_item_properties WHERE item_id=?`, itemID)
		return err
	}
	_, err := tx.exec(`INSERT INTO sip_item_properties (item_id, properties, updated_at) VALUES (?,?,?)
		ON CONFLICT(item_id) DO UPDATE SET properties=excluded.properties, updated_at=excluded.updated_at`, itemID, props, nowMillis(at))
	return err
}
