package store

import (
	"database/sql"
	"time"

	"shuwu/internal/auth"
	"shuwu/internal/errs"
)

func errUserNotFound() *errs.Error {
	return errs.NotFound(auth.CodeUserNotFound, "账号不存在", "user does not exist")
}

const userColumns = `id, username, display_name, role, password_hash, disabled, created_at, totp_secret, totp_pending`

func scanUser(sc interface{ Scan(...any) error }) (auth.User, error) {
	var u auth.User
	var created int64
	err := sc.Scan(&u.ID, &u.Username, &u.DisplayName, &u.Role, &u.PasswordHash, &u.Disabled, &created, &u.TOTPSecret, &u.TOTPPending)
	u.CreatedAt = fromMillis(created)
	u.TwoStep = u.TOTPSecret != ""
	return u, err
}

// InsertUser stores a staff account.
func (tx *Tx) InsertUser(u *auth.User) error {
	id, err := tx.insert(`INSERT INTO users (username, display_name, role, password_hash, disabled, created_at) VALUES (?,?,?,?,?,?)`,
		u.Username, u.DisplayName, u.Role, u.PasswordHash, u.Disabled, nowMillis(u.CreatedAt))
	u.ID = id
	return err
}

// UpdateUser saves a staff account.
func (tx *Tx) UpdateUser(u *auth.User) error {
	return tx.mustAffect(errUserNotFound(), `UPDATE users SET display_name=?, role=?, password_hash=?, disabled=?, totp_secret=?, totp_pending=? WHERE id=?`,
		u.DisplayName, u.Role, u.PasswordHash, u.Disabled, u.TOTPSecret, u.TOTPPending, u.ID)
}

func (tx *Tx) oneUser(where string, arg any) (auth.User, error) {
	rows, err := tx.query(`SELECT `+userColumns+` FROM users WHERE `+where, arg)
	us, err := collect(rows, err, func(r *sql.Rows) (auth.User, error) { return scanUser(r) })
	if err != nil {
		return auth.User{}, err
	}
	if len(us) == 0 {
		return auth.User{}, errUserNotFound()
	}
	return us[0], nil
}

// User returns a staff account by id.
func (tx *Tx) User(id int64) (auth.User, error) { return tx.oneUser("id=?", id) }

// UserByName returns a staff account by user name.
func (tx *Tx) UserByName(name string) (auth.User, error) { return tx.oneUser("username=?", name) }

// Users lists staff accounts.
func (tx *Tx) Users() ([]auth.User, error) {
	rows, err := tx.query(`SELECT ` + userColumns + ` FROM users ORDER BY id`)
	return collect(rows, err, func(r *sql.Rows) (auth.User, error) { return scanUser(r) })
}

// InsertSession stores a session under the hash of its token.
func (tx *Tx) InsertSession(hash string, s auth.SessionRow, created time.Time) error {
	_, err := tx.exec(`INSERT INTO sessions (token_hash, user_id, reader_id, created_at, expires_at) VALUES (?,?,?,?,?)`,
		hash, nullID(s.UserID), nullID(s.ReaderID), nowMillis(created), nowMillis(s.ExpiresAt))
	return err
}

// Session returns the session with a token hash.
func (tx *Tx) Session(hash string) (auth.SessionRow, error) {
	var s auth.SessionRow
	var exp int64
	err := tx.queryRow(errs.NotFound(auth.CodeSessionNotFound, "请先登录", "please log in"),
		`SELECT COALESCE(user_id,0), COALESCE(reader_id,0), expires_at FROM sessions WHERE token_hash=?`, []any{hash}, &s.UserID, &s.ReaderID, &exp)
	s.ExpiresAt = fromMillis(exp)
	return s, err
}

// DeleteSession ends one session.
func (tx *Tx) DeleteSession(hash string) error {
	return tx.mustAffect(errs.NotFound(auth.CodeSessionNotFound, "请先登录", "please log in"), `DELETE FROM sessions WHERE token_hash=?`, hash)
}

// DeleteSessionsOf ends every session of a user or a reader.
func (tx *Tx) DeleteSessionsOf(userID, readerID int64) error {
	_, err := tx.exec(`DELETE FROM sessions WHERE (user_id IS NOT NULL AND user_id=?) OR (reader_id IS NOT NULL AND reader_id=?)`, userID, readerID)
	return err
}

// DeleteExpiredSessions removes sessions past their expiry.
func (tx *Tx) DeleteExpiredSessions(now time.Time) error {
	_, err := tx.exec(`DELETE FROM sessions WHERE expires_at < ?`, nowMillis(now))
	return err
}
