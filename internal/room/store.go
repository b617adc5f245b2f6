package room

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/ledger"
)

// Store is the room's persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the room reads and writes in one transaction.
type Tx interface {
	Spaces() ([]Space, error)
	Space(id int64) (Space, error)
	SaveSpace(sp Space) error

	InsertBooking(b *Booking) error
	SetSeries(ids []int64, seriesID int64) error
	Booking(id int64) (Booking, error)
	SetBookingStatus(id int64, st Status, note string) error
	Bookings(f Filter) ([]Booking, error)
	// BookingsHolding lists the pending and approved bookings that
	// overlap [start, end) of any space.
	BookingsHolding(start, end time.Time) ([]Booking, error)

	// UserDisplayName is a staff account's display name ("" if none).
	UserDisplayName(id int64) (string, error)

	// The calendar the desk lends by.
	ClosedDays(from string) ([]circulation.ClosedDay, error)
	Setting(key string) (string, error)
	SetSetting(key, value string) error

	AppendLedger(e *ledger.Entry) error
	Audit(e audit.Entry) error
}
