package stats

import (
	"context"

	"shuwu/internal/audit"
)

// Store is the statistics' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the statistics read inside one transaction. Times are
// [from, to) in milliseconds since the epoch; days are YYYY-MM-DD,
// inclusive. offset is the library's time zone offset in milliseconds,
// used to put ledger lines on their local day and hour.
type Tx interface {
	// StatsHeld counts the copies still held (not lost or withdrawn) by
	// dim: "" (one row, the totals), "clc" (the class's first letter),
	// "source", "location" or "category". N is copies, M titles, V value
	// in fen.
	StatsHeld(dim string) ([]Row, error)
	// StatsAdded counts the copies added between two days by dim: "day",
	// "source", "category" or "" (totals); lost or withdrawn ones too
	// (they came in). N copies, M titles, V value in fen.
	StatsAdded(from, to, dim string) ([]Row, error)
	// StatsKinds counts the ledger lines of each kind; M is the distinct
	// readers of the kind.
	StatsKinds(from, to int64) ([]Row, error)
	// StatsServed counts the distinct readers with a line of one of kinds
	// in each bucket [bounds[i], bounds[i+1]); Key is the bucket's index.
	StatsServed(bounds []int64, kinds []string) ([]Row, error)
	// StatsServedDaily counts the distinct readers with a line of one of
	// kinds per local day (Key: days since the epoch).
	StatsServedDaily(from, to, offset int64, kinds []string) ([]Row, error)
	// StatsDaily counts the lines of kinds per local day (Key: days since
	// the epoch) and kind (Name).
	StatsDaily(from, to, offset int64, kinds []string) ([]Row, error)
	// StatsHeat counts the lines of kinds per local weekday (Key, 0 is
	// Sunday) and hour (N), the count in M.
	StatsHeat(from, to, offset int64, kinds []string) ([]Row, error)
	// StatsLoansBy counts loans by dim: "class" or "reader_type"; N loans,
	// M distinct readers.
	StatsLoansBy(from, to int64, dim string) ([]Row, error)
	// StatsTopRecords ranks the titles by loans; Name is the title, Key
	// the record id, Extra the call number.
	StatsTopRecords(from, to int64, limit int) ([]Row, error)
	// StatsTopReaders ranks the readers by loans; Name the reader, Key the
	// card, Extra the class or unit.
	StatsTopReaders(from, to int64, limit int) ([]Row, error)
	// StatsNeverLent lists held titles none of whose copies was ever lent,
	// in shelf order, with how many there are in all; Key is the record
	// id, Name the title, Extra the call number, N the copies, Day the day
	// the first copy came.
	StatsNeverLent(limit int) ([]Row, int, error)
	// StatsClasses lists the classes running in [fromDay, toDay] with
	// their figures in the time range.
	StatsClasses(fromDay, toDay string, from, to int64) ([]ClassFigures, error)
	// StatsActivities lists the activities (not cancelled) starting in
	// the range with registrations and sign-ins.
	StatsActivities(from, to int64) ([]Activity, error)
	// StatsBookings counts the bookings starting in the range by status;
	// N bookings, M expected people.
	StatsBookings(from, to int64) ([]Row, error)
	// StatsReceptions counts the receptions between two days by level; N
	// receptions, M guests.
	StatsReceptions(fromDay, toDay string) ([]Row, error)
	// StatsTarget returns the yearly target of new volumes (0, false when
	// none was set).
	StatsTarget(year int) (int, bool, error)
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	Audit(e audit.Entry) error
}
