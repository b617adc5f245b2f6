package seats

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
)

// Store is the seats' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the seats read and write in one transaction.
type Tx interface {
	// SeatTables lists a space's tables with their seats, by grid place.
	SeatTables(spaceID int64) ([]Table, error)
	// SeatTable returns one table with its seats.
	SeatTable(id int64) (Table, error)
	InsertSeatTable(t *Table) error
	UpdateSeatTable(t Table) error
	// RetireSeatTable takes a table and its seats off the map (their
	// reservations stay in the record).
	RetireSeatTable(id int64) error
	// EnsureSeat puts seat number n at the table, back or new with code.
	EnsureSeat(tableID int64, n int, code string) error
	// RetireSeatsAbove takes the table's seats numbered above n off the map.
	RetireSeatsAbove(tableID int64, n int) error
	// SeatByID returns a seat on the map and its table (without seats).
	SeatByID(id int64) (Seat, Table, error)
	SeatReservations(f Filter) ([]Reservation, error)
	SeatReservation(id int64) (Reservation, error)
	InsertSeatReservation(r *Reservation) error
	// SetSeatReservation stores a reservation's status and times.
	SetSeatReservation(r Reservation) error
	// NoShows lists the reservations still waiting whose start is before t.
	NoShows(t time.Time) ([]Reservation, error)

	Space(id int64) (room.Space, error)
	Bookings(f room.Filter) ([]room.Booking, error)
	Reader(id int64) (readers.Reader, error)
	ReaderByCard(card string) (readers.Reader, error)
	CurrentClassOf(readerID int64, today string) (int64, error)
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	ClosedDays(from string) ([]circulation.ClosedDay, error)
	AppendLedger(e *ledger.Entry) error
	Audit(e audit.Entry) error
}
