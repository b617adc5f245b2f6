package visits

import (
	"context"
	"time"

	"shuwu/internal/circulation"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
)

// Store is entry registration's persistence, implemented by the store
// adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what a scan reads and writes in one transaction.
type Tx interface {
	ReaderByCard(card string) (readers.Reader, error)
	// CurrentClassOf is the class a visit today counts for, as for a loan.
	CurrentClassOf(readerID int64, today string) (int64, error)
	Class(id int64) (readers.Class, error)
	Spaces() ([]room.Space, error)

	// LastVisitLine is the reader's latest visit or leaving line at or
	// after since; ok is false when there is none.
	LastVisitLine(readerID int64, since time.Time) (e ledger.Entry, ok bool, err error)
	// VisitCounts reads the figures: who is inside counting from session,
	// and the day's entries counting from day.
	VisitCounts(session, day time.Time) (Counts, error)
	// VisitLines lists the latest visit and leaving lines since from,
	// newest first, with the readers' names and classes.
	VisitLines(from time.Time, limit int) ([]Line, error)
	// VisitYear counts a year's visits [from, to).
	VisitYear(from, to time.Time) (YearCount, error)

	AppendLedger(e *ledger.Entry) error

	// The room's calendar and bookings, for whether it is open now.
	Setting(key string) (string, error)
	ClosedDays(from string) ([]circulation.ClosedDay, error)
	Bookings(f room.Filter) ([]room.Booking, error)
}
