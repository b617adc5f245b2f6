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
	a.status, a.late_minutes, a.signin_key, a.summary, a.summary_by, a.created_by, a.created_at, a.updated_at,
	a.cancel_note, a.cancelled_by, COALESCE(a.cancelled_at,0)`

const activityFrom = ` FROM activities a LEFT JOIN spaces s ON s.id = a.space_id
	LEFT JOIN classes c ON c.id = a.class_id LEFT JOIN reading_lists l ON l.id = a.list_id`

func scanActivity(r interface{ Scan(...any) error }) (a activities.Activity, err error) {
	var st, en, created, updated, cancelled int64
	err = r.Scan(&a.ID, &a.Title, &a.Form, &a.Organiser, &a.UserID, &a.Host, &st, &en,
		&a.SpaceID, &a.SpaceName, &a.BookingID, &a.Capacity, &a.Audience,
		&a.ClassID, &a.ClassName, &a.Description, &a.ListID, &a.ListName,
		&a.Status, &a.LateMinutes, &a.SignInKey, &a.Summary, &a.SummaryBy, &a.CreatedBy, &created, &updated,
		&a.CancelNote, &a.CancelledBy, &cancelled)
	if cancelled != 0 {
		a.CancelledAt = fromMillis(cancelled)
	}
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
		capacity, audience, class_id, description, list_id, status, late_minutes, signin_key, created_by, created_at, updated_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		a.Title, a.Form, a.Organiser, nullID(a.UserID), a.Host, nowMillis(a.Start), nowMillis(a.End), nullID(a.SpaceID), nullID(a.BookingID),
		a.Capacity, a.Audience, nullID(a.ClassID), a.Description, nullID(a.ListID), a.Status, a.LateMinutes, a.SignInKey, a.CreatedBy, nowMillis(a.CreatedAt), nowMillis(a.UpdatedAt))
	a.ID = id
	return err
}

// UpdateActivity stores an activity's fields.
func (tx *Tx) UpdateActivity(a *activities.Activity) error {
	return tx.mustAffect(errActivityNotFound(), `UPDATE activities SET title=?, form=?, organiser=?, host=?, starts_at=?, ends_at=?,
		space_id=?, booking_id=?, capacity=?, audience=?, class_id=?, description=?, list_id=?, status=?, late_minutes=?, updated_at=? WHERE id=?`,
		a.Title, a.Form, a.Organiser, a.Host, nowMillis(a.Start), nowMillis(a.End), nullID(a.SpaceID), nullID(a.BookingID),
		a.Capacity, a.Audience, nullID(a.ClassID), a.Description, nullID(a.ListID), a.Status, a.LateMinutes, nowMillis(a.UpdatedAt), a.ID)
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

const registrationColumns = `g.id, g.activity_id, g.reader_id, r.name, r.card, COALESCE(g.class_id,0), COALESCE(c.name,''), g.status, g.registered_at, g.changed_at`

const registrationFrom = ` FROM activity_registrations g JOIN readers r ON r.id = g.reader_id LEFT JOIN classes c ON c.id = g.class_id`

func scanRegistration(r *sql.Rows) (g activities.Registration, err error) {
	var at, changed int64
	err = r.Scan(&g.ID, &g.ActivityID, &g.ReaderID, &g.ReaderName, &g.Card, &g.ClassID, &g.ClassName, &g.Status, &at, &changed)
	g.RegisteredAt, g.ChangedAt = fromMillis(at), fromMillis(changed)
	return g, err
}

// Registration returns a reader's registration for an activity.
func (tx *Tx) Registration(activityID, readerID int64) (activities.Registration, error) {
	rows, err := tx.query(`SELECT `+registrationColumns+registrationFrom+` WHERE g.activity_id=? AND g.reader_id=?`, activityID, readerID)
	gs, err := collect(rows, err, scanRegistration)
	if err != nil {
		return activities.Registration{}, err
	}
	if len(gs) == 0 {
		return activities.Registration{}, errs.NotFound(activities.CodeNotRegistered, "没有报名这项活动", "not registered for this activity")
	}
	return gs[0], nil
}

// SaveRegistration inserts a registration, or stores a known one's
// status, class and times.
func (tx *Tx) SaveRegistration(g *activities.Registration) error {
	if g.ID == 0 {
		id, err := tx.insert(`INSERT INTO activity_registrations (activity_id, reader_id, class_id, status, registered_at, changed_at) VALUES (?,?,?,?,?,?)`,
			g.ActivityID, g.ReaderID, nullID(g.ClassID), g.Status, nowMillis(g.RegisteredAt), nowMillis(g.ChangedAt))
		g.ID = id
		return err
	}
	return tx.mustAffect(errs.NotFound(activities.CodeNotRegistered, "没有报名这项活动", "not registered for this activity"),
		`UPDATE activity_registrations SET class_id=?, status=?, registered_at=?, changed_at=? WHERE id=?`,
		nullID(g.ClassID), g.Status, nowMillis(g.RegisteredAt), nowMillis(g.ChangedAt), g.ID)
}

// Registrations lists an activity's registrations: registered, then the
// waitlist in the order asked (with positions), then cancelled.
func (tx *Tx) Registrations(activityID int64) ([]activities.Registration, error) {
	rows, err := tx.query(`SELECT `+registrationColumns+registrationFrom+` WHERE g.activity_id=?
		ORDER BY CASE g.status WHEN 'registered' THEN 0 WHEN 'waitlisted' THEN 1 ELSE 2 END, g.registered_at, g.id`, activityID)
	gs, err := collect(rows, err, scanRegistration)
	n := 0
	for i := range gs {
		if gs[i].Status == activities.Waitlisted {
			n++
			gs[i].Position = n
		}
	}
	return gs, err
}

// RegistrationsOfReader lists a reader's registrations, newest first.
func (tx *Tx) RegistrationsOfReader(readerID int64) ([]activities.Registration, error) {
	rows, err := tx.query(`SELECT `+registrationColumns+registrationFrom+` WHERE g.reader_id=? ORDER BY g.registered_at DESC, g.id DESC LIMIT 200`, readerID)
	return collect(rows, err, scanRegistration)
}

const signInColumns = `i.id, i.activity_id, i.reader_id, r.name, r.card, COALESCE(i.class_id,0), COALESCE(c.name,''), i.at, i.how, i.late, COALESCE(i.staff_id,0)`

const signInFrom = ` FROM activity_signins i JOIN readers r ON r.id = i.reader_id LEFT JOIN classes c ON c.id = i.class_id`

func scanSignIn(r *sql.Rows) (in activities.SignIn, err error) {
	var at int64
	err = r.Scan(&in.ID, &in.ActivityID, &in.ReaderID, &in.ReaderName, &in.Card, &in.ClassID, &in.ClassName, &at, &in.How, &in.Late, &in.StaffID)
	in.At = fromMillis(at)
	return in, err
}

// SignInOf returns a reader's sign-in at an activity.
func (tx *Tx) SignInOf(activityID, readerID int64) (activities.SignIn, error) {
	rows, err := tx.query(`SELECT `+signInColumns+signInFrom+` WHERE i.activity_id=? AND i.reader_id=?`, activityID, readerID)
	ins, err := collect(rows, err, scanSignIn)
	if err != nil {
		return activities.SignIn{}, err
	}
	if len(ins) == 0 {
		return activities.SignIn{}, errs.NotFound(activities.CodeSignInClosed, "尚未签到", "not signed in")
	}
	return ins[0], nil
}

// InsertSignIn stores a sign-in and sets its id.
func (tx *Tx) InsertSignIn(in *activities.SignIn) error {
	id, err := tx.insert(`INSERT INTO activity_signins (activity_id, reader_id, class_id, at, how, late, staff_id) VALUES (?,?,?,?,?,?,?)`,
		in.ActivityID, in.ReaderID, nullID(in.ClassID), nowMillis(in.At), in.How, in.Late, nullID(in.StaffID))
	in.ID = id
	return err
}

// SignIns lists an activity's sign-ins in the order they came.
func (tx *Tx) SignIns(activityID int64) ([]activities.SignIn, error) {
	rows, err := tx.query(`SELECT `+signInColumns+signInFrom+` WHERE i.activity_id=? ORDER BY i.at, i.id`, activityID)
	return collect(rows, err, scanSignIn)
}

// SignInsOfReader lists a reader's sign-ins, newest first.
func (tx *Tx) SignInsOfReader(readerID int64) ([]activities.SignIn, error) {
	rows, err := tx.query(`SELECT `+signInColumns+signInFrom+` WHERE i.reader_id=? ORDER BY i.at DESC LIMIT 200`, readerID)
	return collect(rows, err, scanSignIn)
}

// CancelActivity marks an activity cancelled with the reason, who and when.
func (tx *Tx) CancelActivity(a activities.Activity) error {
	return tx.mustAffect(errActivityNotFound(), `UPDATE activities SET status=?, cancel_note=?, cancelled_by=?, cancelled_at=?, updated_at=? WHERE id=?`,
		string(activities.Cancelled), a.CancelNote, a.CancelledBy, nowMillis(a.CancelledAt), nowMillis(a.CancelledAt), a.ID)
}

// SetSummary stores an activity's summary.
func (tx *Tx) SetSummary(id int64, summary, by string) error {
	return tx.mustAffect(errActivityNotFound(), `UPDATE activities SET summary=?, summary_by=? WHERE id=?`, summary, by, id)
}

const photoColumns = `id, activity_id, file, thumb, mime, caption, width, height, bytes, uploaded_by, created_at`

func scanPhoto(r interface{ Scan(...any) error }) (p activities.Photo, err error) {
	var at int64
	err = r.Scan(&p.ID, &p.ActivityID, &p.File, &p.Thumb, &p.MIME, &p.Caption, &p.Width, &p.Height, &p.Bytes, &p.UploadedBy, &at)
	p.CreatedAt = fromMillis(at)
	return p, err
}

// InsertPhoto stores a photo's row and sets its id.
func (tx *Tx) InsertPhoto(p *activities.Photo) error {
	id, err := tx.insert(`INSERT INTO activity_photos (activity_id, file, thumb, mime, caption, width, height, bytes, uploaded_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)`,
		p.ActivityID, p.File, p.Thumb, p.MIME, p.Caption, p.Width, p.Height, p.Bytes, p.UploadedBy, nowMillis(p.CreatedAt))
	p.ID = id
	return err
}

// Photo returns one photo's row.
func (tx *Tx) Photo(id int64) (p activities.Photo, err error) {
	rows, err := tx.query(`SELECT `+photoColumns+` FROM activity_photos WHERE id=?`, id)
	ps, err := collect(rows, err, func(r *sql.Rows) (activities.Photo, error) { return scanPhoto(r) })
	if err != nil {
		return p, err
	}
	if len(ps) == 0 {
		return p, errs.NotFound(activities.CodePhotoNotFound, "照片不存在", "no such photo")
	}
	return ps[0], nil
}

// Photos lists an activity's photos in the order they were added.
func (tx *Tx) Photos(activityID int64) ([]activities.Photo, error) {
	rows, err := tx.query(`SELECT `+photoColumns+` FROM activity_photos WHERE activity_id=? ORDER BY id`, activityID)
	return collect(rows, err, func(r *sql.Rows) (activities.Photo, error) { return scanPhoto(r) })
}

// DeletePhoto removes a photo's row.
func (tx *Tx) DeletePhoto(id int64) error {
	return tx.mustAffect(errs.NotFound(activities.CodePhotoNotFound, "照片不存在", "no such photo"), `DELETE FROM activity_photos WHERE id=?`, id)
}
