// Package transferstore is what bulk imports and exports need from
// storage: the Store and Tx that the store adapter implements, and the
// rows only transfer keeps. It is apart from transfer so that the store
// can implement it without linking the file formats (excelize, the MARC
// codec) that transfer uses.
package transferstore

import (
	"context"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/readers"
)

// Store is transfer's persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what imports and exports read and write in one transaction: the
// catalogue's and the readers' data, and the rows only transfer keeps.
type Tx interface {
	catalog.Tx
	readers.Tx

	// SaveOriginal stores (or replaces) the MARC record a catalogue
	// record was imported from.
	SaveOriginal(o Original) error
	// OriginalsOf returns the stored originals of the given records.
	OriginalsOf(recordIDs []int64) (map[int64]Original, error)
	// RecordIDByControlNumber finds the record imported with a MARC
	// control number (001); 0 when there is none.
	RecordIDByControlNumber(cn string) (int64, error)
	// RecordIDsByISBN lists the records with an ISBN-13.
	RecordIDsByISBN(isbn13 string) ([]int64, error)
	// RecordIDsByTitle lists the records with exactly this title.
	RecordIDsByTitle(title string) ([]int64, error)

	// FirstCopyCallNumber returns the call number of a record's first
	// copy; found is false when it has none.
	FirstCopyCallNumber(recordID int64) (callNumber string, found bool, err error)
	// DeleteImportedCopies takes back copies an import added, but not
	// those lent, held or in the ledger meanwhile; it returns those kept.
	DeleteImportedCopies(itemIDs []int64) (kept []int64, err error)
	// DeleteRecordsWithoutCopies deletes those of the records that have
	// no copies left; it returns how many it deleted.
	DeleteRecordsWithoutCopies(recordIDs []int64) (int, error)

	// ImportedFile finds the latest import of a file of this kind
	// (books, roster) by the SHA-256 of its content.
	ImportedFile(kind, hash string) (ImportedFile, bool, error)
	// SaveImportedFile remembers an import of a file.
	SaveImportedFile(f ImportedFile) error

	// Savepoint, RollbackTo and Release bracket one record of a batch.
	Savepoint(name string) error
	RollbackTo(name string) error
	Release(name string) error

	// ReadersByPhone and ReadersByNameUnit find people a roster may
	// already hold.
	ReadersByPhone(phone string) ([]readers.Reader, error)
	ReadersByNameUnit(name, unit string) ([]readers.Reader, error)

	// ReadersAfter pages through readers by id, only the members of
	// classID when it is not 0; ClassNamesOfReaders names their classes.
	ReadersAfter(classID, afterID int64, limit int) ([]readers.Reader, error)
	ClassNamesOfReaders(ids []int64) (map[int64][]string, error)

	// Ledger lists circulation events in [From, To) with names, oldest
	// first, at most Limit rows after AfterID.
	Ledger(f LedgerFilter) ([]LedgerRow, error)
}

// Original is a record as it came in: ISO 2709 in UTF-8, whatever the
// file's format and encoding were.
type Original struct {
	RecordID      int64
	Flavor        string // marc21 | cnmarc
	ControlNumber string
	Data          []byte
	ImportedAt    time.Time
}

// ImportedFile is a book list or roster imported before, known by the
// SHA-256 of its content whatever it was called.
type ImportedFile struct {
	Kind       string    `json:"kind"`
	Hash       string    `json:"hash"`
	File       string    `json:"file"`
	ImportedAt time.Time `json:"imported_at"`
	Rows       int       `json:"rows"`   // rows read
	Stored     int       `json:"stored"` // rows stored
}

// LedgerFilter selects ledger rows.
type LedgerFilter struct {
	From, To time.Time
	ClassID  int64
	AfterID  int64
	Limit    int
}

// LedgerRow is one circulation event with the names a report shows.
type LedgerRow struct {
	ID         int64
	Kind       string
	At         time.Time
	DueDate    string
	ReaderCard string
	ReaderName string
	ClassName  string
	Barcode    string
	CallNumber string
	Title      string
	Staff      string
}
