package store

import (
	"database/sql"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

const readerColumns = `id, card, name, gender, unit, position, phone, type_id, status, expiry_date, suspended_until, notes, password_hash, created_at, updated_at, email`

func scanReader(sc interface{ Scan(...any) error }) (readers.Reader, error) {
	var r readers.Reader
	var created, updated int64
	err := sc.Scan(&r.ID, &r.Card, &r.Name, &r.Gender, &r.Unit, &r.Position, &r.Phone, &r.TypeID, &r.Status, &r.ExpiryDate,
		&r.SuspendedUntil, &r.Notes, &r.PasswordHash, &created, &updated, &r.Email)
	r.CreatedAt, r.UpdatedAt = fromMillis(created), fromMillis(updated)
	return r, err
}

func (tx *Tx) oneReader(notFound *errs.Error, where string, arg any) (readers.Reader, error) {
	rows, err := tx.query(`SELECT `+readerColumns+` FROM readers WHERE `+where, arg)
	rs, err := collect(rows, err, func(r *sql.Rows) (readers.Reader, error) { return scanReader(r) })
	if err != nil {
		return readers.Reader{}, err
	}
	if len(rs) == 0 {
		return readers.Reader{}, notFound
	}
	return rs[0], nil
}

// InsertReader stores a new reader.
func (tx *Tx) InsertReader(r *readers.Reader) error {
	id, err := tx.insert(`INSERT INTO readers (card, name, gender, unit, position, phone, type_id, status, expiry_date, suspended_until, notes, password_hash, created_at, updated_at, email)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`, r.Card, r.Name, r.Gender, r.Unit, r.Position, r.Phone, r.TypeID, r.Status, r.ExpiryDate,
		r.SuspendedUntil, r.Notes, r.PasswordHash, nowMillis(r.CreatedAt), nowMillis(r.UpdatedAt), r.Email)
	r.ID = id
	return err
}

// UpdateReader saves a reader.
func (tx *Tx) UpdateReader(r *readers.Reader) error {
	return tx.mustAffect(errs.NotFound(readers.CodeReaderNotFound, "读者不存在", "reader does not exist"),
		`UPDATE readers SET card=?, name=?, gender=?, unit=?, position=?, phone=?, type_id=?, status=?, expiry_date=?, suspended_until=?, notes=?, password_hash=?, updated_at=?, email=? WHERE id=?`,
		r.Card, r.Name, r.Gender, r.Unit, r.Position, r.Phone, r.TypeID, r.Status, r.ExpiryDate, r.SuspendedUntil, r.Notes, r.PasswordHash, nowMillis(r.UpdatedAt), r.Email, r.ID)
}

// Reader returns a reader by id.
func (tx *Tx) Reader(id int64) (readers.Reader, error) {
	return tx.oneReader(errs.NotFound(readers.CodeReaderNotFound, fmt.Sprintf("读者 %d 不存在", id), "reader does not exist"), "id=?", id)
}

// ReaderByCard returns a reader by card number.
func (tx *Tx) ReaderByCard(card string) (readers.Reader, error) {
	return tx.oneReader(readers.ErrReaderNotFound(card), "card=?", card)
}

// CardExists reports whether a card number is taken.
func (tx *Tx) CardExists(card string) (bool, error) {
	n, err := tx.count(`SELECT COUNT(*) FROM readers WHERE card=?`, card)
	return n > 0, err
}

// Readers searches readers by name, card, phone or unit.
func (tx *Tx) Readers(f readers.Filter) ([]readers.Reader, int, error) {
	where, args := []string{"1=1"}, []any{}
	if q := strings.TrimSpace(f.Query); q != "" {
		like := "%" + escapeLike(q) + "%"
		where = append(where, `(card = ? OR phone = ? OR name LIKE ? ESCAPE '\' OR unit LIKE ? ESCAPE '\')`)
		args = append(args, q, q, like, like)
	}
	if f.TypeID != 0 {
		where = append(where, "type_id = ?")
		args = append(args, f.TypeID)
	}
	if f.Status != "" {
		where = append(where, "status = ?")
		args = append(args, f.Status)
	}
	if f.ClassID != 0 {
		where = append(where, "id IN (SELECT reader_id FROM class_members WHERE class_id = ?)")
		args = append(args, f.ClassID)
	}
	if f.ExpiringFrom != "" || f.ExpiringTo != "" {
		where = append(where, "status = 'active' AND expiry_date >= ? AND expiry_date <= ?")
		args = append(args, f.ExpiringFrom, max(f.ExpiringTo, f.ExpiringFrom))
	}
	cond := strings.Join(where, " AND ")
	var total int
	if err := tx.q.QueryRowContext(tx.ctx, `SELECT COUNT(*) FROM readers WHERE `+cond, args...).Scan(&total); err != nil {
		return nil, 0, mapErr(err)
	}
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+readerColumns+` FROM readers WHERE `+cond+` ORDER BY id DESC LIMIT ? OFFSET ?`, append(args, f.Size, (f.Number-1)*f.Size)...)
	rs, err := collect(rows, mapErr(err), func(r *sql.Rows) (readers.Reader, error) { return scanReader(r) })
	return rs, total, err
}

// Types lists reader types.
func (tx *Tx) Types() ([]readers.Type, error) {
	rows, err := tx.query(`SELECT id, code, name, name_en, sort FROM reader_types ORDER BY sort, id`)
	return collect(rows, err, func(r *sql.Rows) (t readers.Type, err error) {
		err = r.Scan(&t.ID, &t.Code, &t.Name, &t.NameEn, &t.Sort)
		return t, err
	})
}

// SaveType inserts (ID 0) or updates a reader type.
func (tx *Tx) SaveType(t *readers.Type) error {
	if t.ID == 0 {
		id, err := tx.insert(`INSERT INTO reader_types (code, name, name_en, sort) VALUES (?,?,?,?)`, t.Code, t.Name, t.NameEn, t.Sort)
		t.ID = id
		return err
	}
	return tx.mustAffect(errs.NotFound(CodeReaderTypeNotFound, "读者类型不存在", "reader type does not exist"),
		`UPDATE reader_types SET code=?, name=?, name_en=?, sort=? WHERE id=?`, t.Code, t.Name, t.NameEn, t.Sort, t.ID)
}

// DeleteType removes a reader type.
func (tx *Tx) DeleteType(id int64) error {
	return tx.mustAffect(errs.NotFound(CodeReaderTypeNotFound, "读者类型不存在", "reader type does not exist"), `DELETE FROM reader_types WHERE id=?`, id)
}

const classColumns = `c.id, c.name, c.kind, c.start_date, c.end_date, c.head_teacher, c.notes, c.created_at, (SELECT COUNT(*) FROM class_members m WHERE m.class_id = c.id), c.head_teacher_email, c.head_teacher_phone`

func scanClass(sc interface{ Scan(...any) error }) (readers.Class, error) {
	var c readers.Class
	var created int64
	err := sc.Scan(&c.ID, &c.Name, &c.Kind, &c.StartDate, &c.EndDate, &c.HeadTeacher, &c.Notes, &created, &c.Members, &c.HeadTeacherEmail, &c.HeadTeacherPhone)
	c.CreatedAt = fromMillis(created)
	return c, err
}

func errClassNotFound() *errs.Error {
	return errs.NotFound(readers.CodeClassNotFound, "班次不存在", "class does not exist")
}

// InsertClass stores a class.
func (tx *Tx) InsertClass(c *readers.Class) error {
	id, err := tx.insert(`INSERT INTO classes (name, kind, start_date, end_date, head_teacher, notes, created_at, head_teacher_email, head_teacher_phone) VALUES (?,?,?,?,?,?,?,?,?)`,
		c.Name, c.Kind, c.StartDate, c.EndDate, c.HeadTeacher, c.Notes, nowMillis(c.CreatedAt), c.HeadTeacherEmail, c.HeadTeacherPhone)
	c.ID = id
	return err
}

// UpdateClass saves a class.
func (tx *Tx) UpdateClass(c *readers.Class) error {
	return tx.mustAffect(errClassNotFound(), `UPDATE classes SET name=?, kind=?, start_date=?, end_date=?, head_teacher=?, notes=?, head_teacher_email=?, head_teacher_phone=? WHERE id=?`,
		c.Name, c.Kind, c.StartDate, c.EndDate, c.HeadTeacher, c.Notes, c.HeadTeacherEmail, c.HeadTeacherPhone, c.ID)
}

// DeleteClass removes a class.
func (tx *Tx) DeleteClass(id int64) error {
	return tx.mustAffect(errClassNotFound(), `DELETE FROM classes WHERE id=?`, id)
}

func (tx *Tx) oneClass(where string, arg any) (readers.Class, error) {
	rows, err := tx.query(`SELECT `+classColumns+` FROM classes c WHERE `+where, arg)
	cs, err := collect(rows, err, func(r *sql.Rows) (readers.Class, error) { return scanClass(r) })
	if err != nil {
		return readers.Class{}, err
	}
	if len(cs) == 0 {
		return readers.Class{}, errClassNotFound()
	}
	return cs[0], nil
}

// Class returns a class by id.
func (tx *Tx) Class(id int64) (readers.Class, error) { return tx.oneClass("c.id=?", id) }

// ClassByName returns a class by its exact name.
func (tx *Tx) ClassByName(name string) (readers.Class, error) { return tx.oneClass("c.name=?", name) }

// Classes lists classes, most recent first.
func (tx *Tx) Classes() ([]readers.Class, error) {
	rows, err := tx.query(`SELECT ` + classColumns + ` FROM classes c ORDER BY c.start_date DESC, c.id DESC`)
	return collect(rows, err, func(r *sql.Rows) (readers.Class, error) { return scanClass(r) })
}

// AddMember puts a reader in a class; being there already is fine.
func (tx *Tx) AddMember(classID, readerID int64, at time.Time) error {
	_, err := tx.exec(`INSERT INTO class_members (class_id, reader_id, joined_at) VALUES (?,?,?) ON CONFLICT DO NOTHING`, classID, readerID, nowMillis(at))
	return err
}

// RemoveMember takes a reader out of a class.
func (tx *Tx) RemoveMember(classID, readerID int64) error {
	return tx.mustAffect(errs.NotFound(circulation.CodeNotAMember, "该读者不是本班学员", "the reader is not a member of this class"),
		`DELETE FROM class_members WHERE class_id=? AND reader_id=?`, classID, readerID)
}

// Members lists a class's members by name.
func (tx *Tx) Members(classID int64) ([]readers.Member, error) {
	cols := strings.ReplaceAll(readerColumns, ", ", ", r.")
	rows, err := tx.query(`SELECT r.`+cols+`, m.cleared_at FROM class_members m JOIN readers r ON r.id = m.reader_id WHERE m.class_id=? ORDER BY r.card`, classID)
	return collect(rows, err, func(rs *sql.Rows) (readers.Member, error) {
		var m readers.Member
		var created, updated int64
		var cleared sql.NullInt64
		r := &m.Reader
		err := rs.Scan(&r.ID, &r.Card, &r.Name, &r.Gender, &r.Unit, &r.Position, &r.Phone, &r.TypeID, &r.Status, &r.ExpiryDate,
			&r.SuspendedUntil, &r.Notes, &r.PasswordHash, &created, &updated, &r.Email, &cleared)
		r.CreatedAt, r.UpdatedAt = fromMillis(created), fromMillis(updated)
		m.ClassID = classID
		if cleared.Valid {
			t := fromMillis(cleared.Int64)
			m.ClearedAt = &t
		}
		return m, err
	})
}

// ClassesOfReader lists the classes of a reader, most recent first.
func (tx *Tx) ClassesOfReader(readerID int64) ([]readers.Class, error) {
	rows, err := tx.query(`SELECT `+classColumns+` FROM classes c JOIN class_members cm ON cm.class_id = c.id WHERE cm.reader_id=? ORDER BY c.start_date DESC`, readerID)
	out, err := collect(rows, err, func(r *sql.Rows) (readers.Class, error) { return scanClass(r) })
	if out == nil && err == nil {
		out = []readers.Class{}
	}
	return out, err
}

// SetCleared records (or with nil, withdraws) a member's clearance.
func (tx *Tx) SetCleared(classID, readerID int64, at *time.Time) error {
	var v any
	if at != nil {
		v = nowMillis(*at)
	}
	return tx.mustAffect(errs.NotFound(circulation.CodeNotAMember, "该读者不是本班学员", "the reader is not a member of this class"),
		`UPDATE class_members SET cleared_at=? WHERE class_id=? AND reader_id=?`, v, classID, readerID)
}

// Setting returns a setting's value, "" when unset.
func (tx *Tx) Setting(key string) (string, error) {
	var v string
	err := tx.queryRow(errs.NotFound(CodeSettingNotFound, "", ""), `SELECT value FROM settings WHERE key=?`, []any{key}, &v)
	if errs.Is(err, CodeSettingNotFound) {
		return "", nil
	}
	return v, err
}

// SetSetting stores a setting.
func (tx *Tx) SetSetting(key, value string) error {
	_, err := tx.exec(`INSERT INTO settings (key, value) VALUES (?,?) ON CONFLICT(key) DO UPDATE SET value=excluded.value`, key, value)
	return err
}
