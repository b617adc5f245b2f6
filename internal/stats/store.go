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
// inclusive.
type Tx interface {
	// StatsHeldItems calls fn with each copy held (not lost or
	// withdrawn), a record's copies one after another.
	StatsHeldItems(fn func(HeldItem)) error
	// StatsEquipment counts the room's equipment not retired: pieces and
	// value in fen.
	StatsEquipment() (pieces, valueFen int64, err error)
	// StatsCategories and StatsLocations list the local categories and
	// the shelf locations in their order: Key id, Name, NameEn.
	StatsCategories() ([]Row, error)
	StatsLocations() ([]Row, error)
	// StatsAdded counts the copies added between two days by dim: "day",
	// "source", "category" or "" (totals); lost or withdrawn ones too
	// (they came in). N copies, M titles, V value in fen.
	StatsAdded(from, to, dim string) ([]Row, error)
	// StatsLines calls fn with each ledger line of kinds in the range, in
	// no particular order.
	StatsLines(from, to int64, kinds []string, fn func(Line)) error
	// StatsClassNames names classes: Key id, Name.
	StatsClassNames(ids []int64) ([]Row, error)
	// StatsReaderTypes lists the reader types in order (Key id, Name,
	// NameEn) and each reader's type.
	StatsReaderTypes() ([]Row, map[int64]int64, error)
	// StatsRecordTitles names records: Key id, Name the title as slips
	// show it, Extra a call number of it.
	StatsRecordTitles(ids []int64) ([]Row, error)
	// StatsReaderNames names readers: Key id, Name, Code the card, Extra
	// the latest class or else the unit.
	StatsReaderNames(ids []int64) ([]Row, error)
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
	// none was set) and the categories' targets by category id.
	StatsTarget(year int) (int, bool, map[int64]int, error)
	// StatsNewBooks lists the titles whose copies came in between two
	// days, newest first, at most limit.
	StatsNewBooks(from, to string, limit int) ([]NewBook, error)
	// StatsDonations lists the donated copies that came in between two
	// days by batch and donor.
	StatsDonations(from, to string) ([]Donation, error)
	// StatsPeriodicals counts each subscription's issues due and checked
	// in between two days; today decides which are missing.
	StatsPeriodicals(from, to, today string) ([]Periodical, error)
	// StatsClass returns one class with its member count (not found: an
	// error naming it).
	StatsClass(id int64) (ClassFigures, error)
	// StatsClassMembers lists a class's members (Key reader id, Name,
	// Code card, Extra unit, Day phone; V 1 when cleared).
	StatsClassMembers(id int64) ([]Row, error)
	// StatsClassListRecords lists the record ids of a class's
	// required-reading lists.
	StatsClassListRecords(id int64) ([]int64, error)
	// StatsReadersLines calls fn with the lines of kinds of some readers
	// in the range, newest first.
	StatsReadersLines(readers []int64, from, to int64, kinds []string, fn func(Line)) error
	// StatsReadCount counts, per reader, the titles of records each ever
	// borrowed or read in the room.
	StatsReadCount(readers, records []int64) (map[int64]int64, error)
	// StatsOnLoan counts the readers' current loans.
	StatsOnLoan(readers []int64) (map[int64]int64, error)
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	Audit(e audit.Entry) error
}
