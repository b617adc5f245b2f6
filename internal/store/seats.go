package store

import (
	"context"
	"database/sql"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/seats"
)

func errTableNotFound() *errs.Error {
	return errs.NotFound(seats.CodeTableNotFound, "阅览桌不存在", "no such table")
}

func errSeatNotFound() *errs.Error {
	return errs.NotFound(seats.CodeSeatNotFound, "座位不存在", "no such seat")
}

// seatTables reads the tables matching where with their seats on the map.
func (tx *Tx) seatTables(where string, args ...any) ([]seats.Table, error) {
	rows, err := tx.query(`SELECT id, space_id, name, grid_row, grid_col FROM seat_tables WHERE retired = 0 AND `+where+` ORDER BY grid_row, grid_col, id`, args...)
	ts, err := collect(rows, err, func(r *sql.Rows) (seats.Table, error) {
		var t seats.Table
		err := r.Scan(&t.ID, &t.SpaceID, &t.Name, &t.Row, &t.Col)
		return t, err
	})
	if err != nil || len(ts) == 0 {
		return ts, err
	}
	idx := map[int64]int{}
	ids := make([]any, len(ts))
	for i, t := range ts {
		idx[t.ID], ids[i] = i, t.ID
	}
	rows, err = tx.query(`SELECT id, table_id, number, code FROM seats WHERE retired = 0 AND table_id IN (`+bindMarks(len(ids))+`) ORDER BY table_id, number`, ids...)
	ss, err := collect(rows, err, func(r *sql.Rows) (seats.Seat, error) {
		var s seats.Seat
		err := r.Scan(&s.ID, &s.TableID, &s.Number, &s.Code)
		return s, err
	})
	if err != nil {
		return nil, err
	}
	for _, s := range ss {
		t := &ts[idx[s.TableID]]
		s.Label = t.Name + strconv.Itoa(s.Number)
		t.Seats = append(t.Seats, s)
	}
	return ts, nil
}

// Seats returns seat reservations' store.
func (db *DB) Seats() seats.Store { return seatsStore{db} }

type seatsStore struct{ db *DB }

func (s seatsStore) Update(ctx context.Context, fn func(seats.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s seatsStore) View(ctx context.Context, fn func(seats.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// SeatTables lists a space's tables with their seats, by grid place.
func (tx *Tx) SeatTables(spaceID int64) ([]seats.Table, error) {
	return tx.seatTables("space_id = ?", spaceID)
}

// SeatTable returns one table on the map with its seats.
func (tx *Tx) SeatTable(id int64) (seats.Table, error) {
	ts, err := tx.seatTables("id = ?", id)
	if err != nil {
		return seats.Table{}, err
	}
	if len(ts) == 0 {
		return seats.Table{}, errTableNotFound()
	}
	return ts[0], nil
}

// InsertSeatTable stores a new table and sets its id.
func (tx *Tx) InsertSeatTable(t *seats.Table) error {
	id, err := tx.insert(`INSERT INTO seat_tables (space_id, name, grid_row, grid_col) VALUES (?,?,?,?)`, t.SpaceID, t.Name, t.Row, t.Col)
	t.ID = id
	return err
}

// UpdateSeatTable stores a table's name and place.
func (tx *Tx) UpdateSeatTable(t seats.Table) error {
	return tx.mustAffect(errTableNotFound(), `UPDATE seat_tables SET name=?, grid_row=?, grid_col=? WHERE id=? AND retired = 0`, t.Name, t.Row, t.Col, t.ID)
}

// RetireSeatTable takes a table and its seats off the map.
func (tx *Tx) RetireSeatTable(id int64) error {
	if err := tx.mustAffect(errTableNotFound(), `UPDATE seat_tables SET retired = 1 WHERE id=? AND retired = 0`, id); err != nil {
		return err
	}
	_, err := tx.exec(`UPDATE seats SET retired = 1 WHERE table_id = ?`, id)
	return err
}

// EnsureSeat puts seat number n at the table: back on the map with its old
// code, or new with code.
func (tx *Tx) EnsureSeat(tableID int64, n int, code string) error {
	res, err := tx.exec(`UPDATE seats SET retired = 0 WHERE table_id = ? AND number = ?`, tableID, n)
	if err != nil {
		return err
	}
	if k, _ := res.RowsAffected(); k > 0 {
		return nil
	}
	_, err = tx.insert(`INSERT INTO seats (table_id, number, code) VALUES (?,?,?)`, tableID, n, code)
	return err
}

// RetireSeatsAbove takes the table's seats numbered above n off the map.
func (tx *Tx) RetireSeatsAbove(tableID int64, n int) error {
	_, err := tx.exec(`UPDATE seats SET retired = 1 WHERE table_id = ? AND number > ?`, tableID, n)
	return err
}

// SeatByID returns a seat on the map and its table (without its seats).
func (tx *Tx) SeatByID(id int64) (s seats.Seat, t seats.Table, err error) {
	err = tx.queryRow(errSeatNotFound(), `SELECT s.id, s.table_id, s.number, s.code, t.id, t.space_id, t.name, t.grid_row, t.grid_col
		FROM seats s JOIN seat_tables t ON t.id = s.table_id WHERE s.id = ? AND s.retired = 0 AND t.retired = 0`, []any{id},
		&s.ID, &s.TableID, &s.Number, &s.Code, &t.ID, &t.SpaceID, &t.Name, &t.Row, &t.Col)
	s.Label = t.Name + strconv.Itoa(s.Number)
	return s, t, err
}

const seatReservationColumns = `r.id, r.seat_id, t.name, s.number, t.space_id, r.reader_id, rd.name, rd.card, COALESCE(r.class_id,0),
	r.starts_at, r.ends_at, r.status, COALESCE(r.checked_in_at,0), COALESCE(r.ended_at,0), r.created_at`

const seatReservationFrom = ` FROM seat_reservations r JOIN seats s ON s.id = r.seat_id JOIN seat_tables t ON t.id = s.table_id
	JOIN readers rd ON rd.id = r.reader_id`

func scanSeatReservation(r *sql.Rows) (seats.Reservation, error) {
	var res seats.Reservation
	var table string
	var number int
	var st, en, in, ended, created int64
	err := r.Scan(&res.ID, &res.SeatID, &table, &number, &res.SpaceID, &res.ReaderID, &res.ReaderName, &res.ReaderCard, &res.ClassID,
		&st, &en, &res.Status, &in, &ended, &created)
	res.SeatLabel = table + strconv.Itoa(number)
	res.Start, res.End, res.CreatedAt = fromMillis(st), fromMillis(en), fromMillis(created)
	if in != 0 {
		res.CheckedInAt = fromMillis(in)
	}
	if ended != 0 {
		res.EndedAt = fromMillis(ended)
	}
	return res, err
}

// SeatReservations lists reservations overlapping f's range, earliest
// first.
func (tx *Tx) SeatReservations(f seats.Filter) ([]seats.Reservation, error) {
	where, args := []string{"1=1"}, []any{}
	if !f.From.IsZero() {
		where, args = append(where, "r.ends_at > ?"), append(args, nowMillis(f.From))
	}
	if !f.To.IsZero() {
		where, args = append(where, "r.starts_at < ?"), append(args, nowMillis(f.To))
	}
	if f.ReaderID != 0 {
		where, args = append(where, "r.reader_id = ?"), append(args, f.ReaderID)
	}
	if f.SeatID != 0 {
		where, args = append(where, "r.seat_id = ?"), append(args, f.SeatID)
	}
	if len(f.Statuses) > 0 {
		where = append(where, "r.status IN ("+bindMarks(len(f.Statuses))+")")
		for _, s := range f.Statuses {
			args = append(args, string(s))
		}
	}
	if f.Limit <= 0 {
		f.Limit = 1000
	}
	rows, err := tx.query(`SELECT `+seatReservationColumns+seatReservationFrom+` WHERE `+strings.Join(where, " AND ")+
		` ORDER BY r.starts_at, r.id LIMIT ?`, append(args, f.Limit)...)
	return collect(rows, err, scanSeatReservation)
}

// SeatReservation returns one reservation.
func (tx *Tx) SeatReservation(id int64) (seats.Reservation, error) {
	rows, err := tx.query(`SELECT `+seatReservationColumns+seatReservationFrom+` WHERE r.id = ?`, id)
	return collectOne(rows, err, errs.NotFound(seats.CodeReservationNotFound, "座位预约不存在", "no such reservation"), scanSeatReservation)
}

// InsertSeatReservation stores a new reservation and sets its id.
func (tx *Tx) InsertSeatReservation(r *seats.Reservation) error {
	id, err := tx.insert(`INSERT INTO seat_reservations (seat_id, reader_id, class_id, starts_at, ends_at, status, created_at) VALUES (?,?,?,?,?,?,?)`,
		r.SeatID, r.ReaderID, nullID(r.ClassID), nowMillis(r.Start), nowMillis(r.End), string(r.Status), nowMillis(r.CreatedAt))
	r.ID = id
	return err
}

func nullMillis(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return nowMillis(t)
}

// SetSeatReservation stores a reservation's status and times.
func (tx *Tx) SetSeatReservation(r seats.Reservation) error {
	return tx.mustAffect(errs.NotFound(seats.CodeReservationNotFound, "座位预约不存在", "no such reservation"),
		`UPDATE seat_reservations SET status=?, starts_at=?, ends_at=?, checked_in_at=?, ended_at=? WHERE id=?`,
		string(r.Status), nowMillis(r.Start), nowMillis(r.End), nullMillis(r.CheckedInAt), nullMillis(r.EndedAt), r.ID)
}

// NoShows lists the reservations still waiting whose start is before t.
func (tx *Tx) NoShows(t time.Time) ([]seats.Reservation, error) {
	rows, err := tx.query(`SELECT `+seatReservationColumns+seatReservationFrom+` WHERE r.status = ? AND r.starts_at < ? ORDER BY r.starts_at, r.id LIMIT 10000`,
		string(seats.Reserved), nowMillis(t))
	return collect(rows, err, scanSeatReservation)
}
