package circulation

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
)

// Store is circulation's persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
	// UpdateLocked is Update for a transaction that first locks what it
	// changes (Tx.LockForLending) and relies on constraints for the rest:
	// on PostgreSQL it does not run SERIALIZABLE (see store.DB.UpdateLocked).
	UpdateLocked(ctx context.Context, fn func(Tx) error) error
}

// BorrowerState is a reader's standing at the moment of a checkout.
type BorrowerState struct {
	Loans         int
	ClassID       int64 // 0: in no class
	HoldsOnRecord int
}

// LendingItem is a copy with what lending needs of its record.
type LendingItem struct {
	catalog.Item
	Title        string
	CategoryID   int64
	WaitingHolds int // holds on the record still waiting for a copy
	OnShelf      int // the record's copies on the shelf, this one included
}

// flipped reports whether a copy going from status before to after
// changes whether its record has any copy on the shelf: the only thing
// lending changes in the record's search document.
func (li LendingItem) flipped(after catalog.ItemStatus) bool {
	n := li.OnShelf
	if li.Status == catalog.StatusAvailable {
		n--
	}
	if after == catalog.StatusAvailable {
		n++
	}
	return (li.OnShelf > 0) != (n > 0)
}

// Tx is what circulation reads and writes in one transaction. It spans
// readers and the catalogue because a checkout changes all of them at once.
type Tx interface {
	ReaderByCard(card string) (readers.Reader, error)
	// LockForLending locks the reader and the copy until the end of an
	// UpdateLocked transaction; elsewhere it does nothing.
	LockForLending(card, barcode string) error
	// LockReaderRow locks a reader found on a loan the same way.
	LockReaderRow(id int64) error
	Reader(id int64) (readers.Reader, error)
	UpdateReader(r *readers.Reader) error
	ClassesOfReader(readerID int64) ([]readers.Class, error)
	// CurrentClassOf is the class a loan today counts for: one running
	// today, else the one that ended last; 0 when the reader has none.
	CurrentClassOf(readerID int64, today string) (int64, error)
	Class(id int64) (readers.Class, error)
	Members(classID int64) ([]readers.Member, error)
	SetCleared(classID, readerID int64, at *time.Time) error

	ItemByBarcode(barcode string) (catalog.Item, error)
	Item(id int64) (catalog.Item, error)
	UpdateItemStatus(itemID int64, st catalog.ItemStatus, at time.Time) error
	Record(id int64) (catalog.Record, error)
	// RecordBrief returns only a record's id, title and category: what
	// lending needs, without the authors. Its Title is the display title
	// (catalog.Record.DisplayTitle), as messages show it.
	RecordBrief(id int64) (catalog.Record, error)
	ItemsOfRecord(recordID int64) ([]catalog.Item, error)
	// RecordsByIDs and ItemsOfRecords name the books of a reader's
	// history in two queries.
	RecordsByIDs(ids []int64) ([]catalog.Record, error)
	ItemsOfRecords(recordIDs []int64) (map[int64][]catalog.Item, error)

	InsertLoan(l *Loan) error
	DeleteLoan(id int64) error
	UpdateLoan(l *Loan) error
	LoanOfItem(itemID int64) (Loan, error)
	LoansOfReader(readerID int64) ([]LoanView, error)
	LoansOfReaders(readerIDs []int64) (map[int64][]LoanView, error)
	OverdueLoans(today string, limit int) ([]LoanView, error)
	// OverdueList pages loans due before today with the reader's phone
	// and the loan's class, and counts every such loan.
	OverdueList(today string, f OverdueFilter) ([]OverdueLoan, int, error)
	ActiveLoanCount(readerID int64) (int, error)
	// Borrower answers in one query what a checkout asks about the reader
	// with card: the reader, loans out, the class a loan today counts for,
	// and whether they hold the record.
	Borrower(card string, recordID int64, today string) (readers.Reader, BorrowerState, error)
	// LendingItem returns a copy by barcode with its record's title and
	// category and the record's waiting holds, in one query.
	LendingItem(barcode string) (LendingItem, error)

	InsertHold(h *Hold) error
	UpdateHold(h *Hold) error
	DeleteHold(id int64) error
	Hold(id int64) (Hold, error)
	HoldOfItem(itemID int64) (Hold, error)
	// HoldsOfRecord is the queue for a record's copies: the holds on it and
	// the any-volume holds on its set, in queue order.
	HoldsOfRecord(recordID int64) ([]Hold, error)
	HoldsOfSet(setID int64) ([]Hold, error) // any-volume holds, queue order
	// Set and SetOfRecord read the sets (多卷书/丛编) any-volume holds are
	// on; SetOfRecord is catalog.CodeSetNotFound for a record in no set.
	Set(id int64) (catalog.Set, error)
	SetOfRecord(recordID int64) (catalog.Set, error)
	HoldsOfReader(readerID int64) ([]HoldView, error)
	TrappedHolds() ([]HoldView, error)
	ExpiredHolds(today string) ([]Hold, error)

	Policies() ([]Policy, error)
	SavePolicy(p *Policy) error
	DeletePolicy(id int64) error
	ClosedDays(from string) ([]ClosedDay, error)
	SaveClosedDay(d ClosedDay) error
	DeleteClosedDay(date string) error
	Setting(key string) (string, error)
	// PseudonymiseLedger unties the lines older than before (Unix ms) of
	// at most readers readers from them (settings.Retention); it returns
	// the lines changed, 0 when none are left.
	PseudonymiseLedger(before int64, loc *time.Location, readers int) (int, error)
	SetSetting(key, value string) error

	AppendLedger(e *ledger.Entry) error
	LedgerEntries(f ledger.Filter) ([]ledger.Entry, error)
	Audit(e audit.Entry) error
}
