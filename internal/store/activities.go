package store

import (
	"database/sql"
	"strings"

	"shuwu/internal/activities"
	"shuwu/internal/errs"
)

const activityColumns = `a.id, a.title, a.form, a.organiser, COALESCE(a.user_id,0), a.host, a.starts_at, a.ends_at,
	COALESCE(a.space_id,0), COALESCE(s.name,''), COALESCE(a.booking_id,0), a.capacity, a.audience,
	COALESCE(a.class_id,0), COALESCE(c.name,''), a.description, COALESCE(a.list_id,0), COALESCE(l.name,''),
	a.status, a.created_by, a.created_at, a.updated_at`

const activityFrom = ` FROM activities a LEFT JOIN spaces s ON s.id = a.space_id
	LEFT JOIN classes c ON c.id = a.class_id LEFT JOIN reading_lists l ON l.id = a.list_id`

func scanActivity(r interface{ Scan(...any) error }) (a activities.Activity, err error) {
	var st, en, created, updated int64
	err = r.Scan(&a.ID, &a.Title, &a.Form, &a.Organiser, &a.UserID, &a.Host, &st, &en,
		&a.SpaceID, &a.SpaceName, &a.BookingID, &a.Capacity, &a.Audience,
		&a.ClassID, &a.ClassName, &a.Description, &a.ListID, &a.ListName,
		&a.Status, &a.CreatedBy, &created, &updated)
	a.Start, a.End, a.CreatedAt, a.UpdatedAt = fromMillis(st), fromMillis(en), fromMillis(created), fromMillis(updated)
	a.FormLabel = a.Form.Label("zh")
	return a, err
}

func errActivityNotFound() *errs.Error {
	return errs.NotFound(activities.CodeActivityNotFound, "活动不存在", "no such activity")
}

// InsertActivity stores a new activity and sets its id.
func (tx *Tx) InsertActivity(a *activities.Activity) error {
	id, err := tx.insert(`INSERT INTO activities (title, form, organiser, user_id, host, starts_at, ends_at, space_id, booking_id,
		capacity, audience, class_id, description, list_id, status, created_by, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.Title, a.Form, a.Organiser, nullID(a.UserID), a.Host, nowMillis(a.Start), nowMillis(a.End), nullID(a.SpaceID), nullID(a.BookingID),
		a.Capacity, a.Audience, nullID(a.ClassID), a.Description, nullID(a.ListID), a.Status, a.CreatedBy, nowMillis(a.CreatedAt), nowMillis(a.UpdatedAt))
	a.ID = id
	return err
}

// UpdateActivity stores an activity's fields.
func (tx *Tx) UpdateActivity(a *activities.Activity) error {
	return tx.mustAffect(errActivityNotFound(), `UPDATE activities SET title=?, form=?, organiser=?, host=?, starts_at=?, ends_at=?,
		space_id=?, booking_id=?, capacity=?, audience=?, class_id=?, description=?, list_id=?, status=?, updated_at=? WHERE id=?`,
		a.Title, a.Form, a.Organiser, a.Host, nowMillis(a.Start), nowMillis(a.End), nullID(a.SpaceID), nullID(a.BookingID),
		a.Capacity, a.Audience, nullID(a.ClassID), a.Description, nullID(a.ListID), a.Status, nowMillis(a.UpdatedAt), a.ID)
}

// Activity returns one activity.
func (tx *Tx) Activity(id int64) (activities.Activity, error) {
	rows, err := tx.query(`SELECT `+activityColumns+activityFrom+` WHERE a.id=?`, id)
	as, err := collect(rows, err, func(r *sql.Rows) (activities.Activity, error) { return scanActivity(r) })
	if err != nil {
		return activities.Activity{}, err
	}
	if len(as) == 0 {
		return activities.Activity{}, errActivityNotFound()
	}
	return as[0], nil
}

// Activities lists the activities matching f by their start.
func (tx *Tx) Activities(f activities.Filter) ([]activities.Activity, error) {
	where, args := []string{"1=1"}, []any{}
	if !f.From.IsZero() {
		where, args = append(where, "a.starts_at >= ?"), append(args, nowMillis(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "a.starts_at < ?"), append(args, nowMillis(f.To))
	}
	if f.Form != "" {
		where, args = append(where, "a.form = ?"), append(args, string(f.Form))
	}
	if f.Audience != "" {
		where, args = append(where, "a.audience = ?"), append(args, string(f.Audience))
	}
	if f.Organiser != "" {
		where, args = append(where, "a.organiser = ?"), append(args, f.Organiser)
	}
	if f.ClassID != 0 {
		where, args = append(where, "a.class_id = ?"), append(args, f.ClassID)
	}
	if f.Status != "" {
		where, args = append(where, "a.status = ?"), append(args, string(f.Status))
	}
	switch {
	case f.UserID != 0 && f.Unit != "":
		where, args = append(where, "(a.user_id = ? OR a.organiser = ?)"), append(args, f.UserID, f.Unit)
	case f.UserID != 0:
		where, args = append(where, "a.user_id = ?"), append(args, f.UserID)
	}
	for _, w := range strings.Fields(f.Query) {
		p := "%" + escapeLike(w) + "%"
		where = append(where, `(a.title LIKE ? ESCAPE '\' OR a.host LIKE ? ESCAPE '\' OR a.organiser LIKE ? ESCAPE '\')`)
		args = append(args, p, p, p)
	}
	order := "a.starts_at, a.id"
	if f.Desc {
		order = "a.starts_at DESC, a.id DESC"
	}
	if f.Limit <= 0 {
		f.Limit = activities.MaxList
	}
	rows, err := tx.query(`SELECT `+activityColumns+activityFrom+` WHERE `+strings.Join(where, " AND ")+` ORDER BY `+order+` LIMIT ?`, append(args, f.Limit)...)
	return collect(rows, err, func(r *sql.Rows) (activities.Activity, error) { return scanActivity(r) })
}
