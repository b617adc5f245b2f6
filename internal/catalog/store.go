package catalog

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog/clc"
)

// Store is the catalogue's persistence, implemented by the store adapter.
type Store interface {
	// Update runs fn in one durable write transaction.
	Update(ctx context.Context, fn func(Tx) error) error
	// View runs fn against a consistent read view.
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the catalogue reads and writes inside one transaction.
// Lookups of a missing row return a not-found *errs.Error.
type Tx interface {
	InsertRecord(r *Record) error
	UpdateRecord(r *Record) error
	DeleteRecord(id int64) error
	// BuryRecord keeps a tombstone of a record about to be deleted.
	BuryRecord(id int64, at time.Time) error
	Tombstone(id int64) (Tombstone, error)
	Harvest(f HarvestFilter) ([]HarvestEntry, error)
	HarvestCount(f HarvestFilter) (int, error)
	EarliestDatestamp() (time.Time, error)
	Record(id int64) (Record, error)
	RecordsByIDs(ids []int64) ([]Record, error)
	Records(f RecordFilter) ([]Record, int, error)
	RecordsAfter(afterID int64, limit int) ([]Record, error)

	InsertItem(it *Item) error
	UpdateItem(it *Item) error
	Item(id int64) (Item, error)
	ItemByBarcode(barcode string) (Item, error)
	ItemsOfRecord(recordID int64) ([]Item, error)
	ItemsOfRecords(recordIDs []int64) (map[int64][]Item, error)
	// RecordsOnShelf returns which of the records (all, when recordIDs is
	// nil) have a copy on the shelf now.
	RecordsOnShelf(recordIDs []int64) ([]int64, error)
	BarcodeExists(barcode string) (bool, error)

	// NextSequence increments and returns the named counter.
	NextSequence(name string) (int64, error)

	Categories() ([]Category, error)
	SaveCategory(c *Category) error
	DeleteCategory(id int64) error
	Locations() ([]Location, error)
	Location(id int64) (Location, error)
	SaveLocation(l *Location) error
	DeleteLocation(id int64) error

	ReadingLists() ([]ReadingList, error)
	ReadingList(id int64) (ReadingList, error)
	SaveReadingList(l *ReadingList) error
	DeleteReadingList(id int64) error
	ReadingListsOfRecord(recordID int64) ([]int64, error)

	// Sets lists the sets by title, those whose title contains q when q
	// is not empty.
	Sets(q string) ([]Set, error)
	Set(id int64) (Set, error)
	// SaveSet inserts (ID 0) or updates a set and replaces its members.
	SaveSet(s *Set) error
	DeleteSet(id int64) error
	// SetOfRecord is the set a record belongs to: CodeSetNotFound when none.
	SetOfRecord(recordID int64) (Set, error)
	// SetIDsOfRecords maps those of the records that belong to a set to
	// their set's id.
	SetIDsOfRecords(recordIDs []int64) (map[int64]int64, error)
	// SetHoldCount counts the any-volume holds waiting or trapped on a set.
	SetHoldCount(setID int64) (int, error)
	// RecordsTitled returns up to limit records whose title is title.
	RecordsTitled(title string, limit int) ([]Record, error)

	CLCClasses() ([]clc.Class, error)
	ReplaceCLCClasses(classes []clc.Class) error

	Audit(e audit.Entry) error
}
