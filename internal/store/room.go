package store

import (
	"database/sql"
	"strings"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/room"
)

const spaceColumns = `id, code, name, capacity, opens, closes, bookable, whole_room, position`

func scanSpace(r interface{ Scan(...any) error }) (sp room.Space, err error) {
	err = r.Scan(&sp.ID, &sp.Code, &sp.Name, &sp.Capacity, &sp.Opens, &sp.Closes, &sp.Bookable, &sp.WholeRoom, &sp.Position)
	return sp, err
}

// Spaces lists the room's areas in their order.
func (tx *Tx) Spaces() ([]room.Space, error) {
	rows, err := tx.query(`SELECT ` + spaceColumns + ` FROM spaces ORDER BY position, id`)
	return collect(rows, err, func(r *sql.Rows) (room.Space, error) { return scanSpace(r) })
}

// Space returns one area.
func (tx *Tx) Space(id int64) (sp room.Space, err error) {
	err = tx.queryRow(errs.NotFound(room.CodeSpaceNotFound, "场地不存在", "no such space"),
		`SELECT `+spaceColumns+` FROM spaces WHERE id=?`, []any{id},
		&sp.ID, &sp.Code, &sp.Name, &sp.Capacity, &sp.Opens, &sp.Closes, &sp.Bookable, &sp.WholeRoom, &sp.Position)
	return sp, err
}

// SaveSpace stores an area's name, seats, hours and bookability.
func (tx *Tx) SaveSpace(sp room.Space) error {
	return tx.mustAffect(errs.NotFound(room.CodeSpaceNotFound, "场地不存在", "no such space"),
		`UPDATE spaces SET name=?, capacity=?, opens=?, closes=?, bookable=? WHERE id=?`, sp.Name, sp.Capacity, sp.Opens, sp.Closes, sp.Bookable, sp.ID)
}

const bookingColumns = `b.id, b.space_id, s.name, s.whole_room, COALESCE(b.series_id,0), b.organiser, COALESCE(b.user_id,0), b.booked_by,
	b.starts_at, b.ends_at, b.purpose, b.expected, b.status, b.note, b.created_at`

func scanBooking(r interface{ Scan(...any) error }) (b room.Booking, err error) {
	var st, en, created int64
	err = r.Scan(&b.ID, &b.SpaceID, &b.SpaceName, &b.WholeRoom, &b.SeriesID, &b.Organiser, &b.UserID, &b.BookedBy,
		&st, &en, &b.Purpose, &b.Expected, &b.Status, &b.Note, &created)
	b.Start, b.End, b.CreatedAt = fromMillis(st), fromMillis(en), fromMillis(created)
	return b, err
}

// InsertBooking stores a new booking and sets its id.
func (tx *Tx) InsertBooking(b *room.Booking) error {
	id, err := tx.insert(`INSERT INTO bookings (space_id, series_id, organiser, user_id, booked_by, starts_at, ends_at, purpose, expected, status, note, created_at)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?)`, b.SpaceID, nullID(b.SeriesID), b.Organiser, nullID(b.UserID), b.BookedBy,
		nowMillis(b.Start), nowMillis(b.End), b.Purpose, b.Expected, b.Status, b.Note, nowMillis(b.CreatedAt))
	b.ID = id
	return err
}

// SetSeries joins bookings into a weekly series (at most room.MaxWeeks).
func (tx *Tx) SetSeries(ids []int64, seriesID int64) error {
	args := []any{seriesID}
	for _, id := range ids {
		args = append(args, id)
	}
	_, err := tx.exec(`UPDATE bookings SET series_id=? WHERE id IN (`+bindMarks(len(ids))+`)`, args...)
	return err
}

func errBookingNotFound() *errs.Error {
	return errs.NotFound(room.CodeBookingNotFound, "预约不存在", "no such booking")
}

// Booking returns one booking.
func (tx *Tx) Booking(id int64) (room.Booking, error) {
	rows, err := tx.query(`SELECT `+bookingColumns+` FROM bookings b JOIN spaces s ON s.id = b.space_id WHERE b.id=?`, id)
	bs, err := collect(rows, err, func(r *sql.Rows) (room.Booking, error) { return scanBooking(r) })
	if err != nil {
		return room.Booking{}, err
	}
	if len(bs) == 0 {
		return room.Booking{}, errBookingNotFound()
	}
	return bs[0], nil
}

// SetBookingStatus moves a booking to st with the librarian's note.
func (tx *Tx) SetBookingStatus(id int64, st room.Status, note string) error {
	return tx.mustAffect(errBookingNotFound(), `UPDATE bookings SET status=?, note=? WHERE id=?`, st, note, id)
}

// Bookings lists bookings overlapping f's range, earliest first.
func (tx *Tx) Bookings(f room.Filter) ([]room.Booking, error) {
	where, args := []string{"1=1"}, []any{}
	if !f.From.IsZero() {
		where, args = append(where, "b.ends_at > ?"), append(args, nowMillis(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "b.starts_at < ?"), append(args, nowMillis(f.To))
	}
	switch {
	case f.UserID != 0 && f.Unit != "":
		where, args = append(where, "(b.user_id = ? OR b.organiser = ?)"), append(args, f.UserID, f.Unit)
	case f.UserID != 0:
		where, args = append(where, "b.user_id = ?"), append(args, f.UserID)
	}
	if f.SpaceID != 0 {
		where, args = append(where, "b.space_id = ?"), append(args, f.SpaceID)
	}
	if len(f.Statuses) > 0 {
		where = append(where, "b.status IN ("+bindMarks(len(f.Statuses))+")")
		for _, s := range f.Statuses {
			args = append(args, string(s))
		}
	}
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	rows, err := tx.query(`SELECT `+bookingColumns+` FROM bookings b JOIN spaces s ON s.id = b.space_id
		WHERE `+strings.Join(where, " AND ")+` ORDER BY b.starts_at, b.id LIMIT ?`, append(args, f.Limit)...)
	return collect(rows, err, func(r *sql.Rows) (room.Booking, error) { return scanBooking(r) })
}

// BookingsHolding lists the pending and approved bookings overlapping
// [start, end).
func (tx *Tx) BookingsHolding(start, end time.Time) ([]room.Booking, error) {
	return tx.Bookings(room.Filter{From: start, To: end, Statuses: []room.Status{room.Pending, room.Approved}, Limit: 100000})
}

// UserDisplayName is a staff account's display name ("" when it has none).
func (tx *Tx) UserDisplayName(id int64) (name string, err error) {
	err = tx.queryRow(errs.NotFound(room.CodeBookingNotYours, "账号不存在", "no such account"),
		`SELECT display_name FROM users WHERE id=?`, []any{id}, &name)
	return name, err
}
