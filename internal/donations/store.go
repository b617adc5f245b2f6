package donations

import (
	"context"

	"shuwu/internal/audit"
)

// Store is the donations' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what donations read and write inside one transaction. Lookups of
// a missing row return a not-found *errs.Error.
type Tx interface {
	InsertDonor(d *Donor) error
	UpdateDonor(d *Donor) error
	Donor(id int64) (Donor, error)
	Donors(f DonorFilter) ([]Donor, error)
	// RenameDonorCopies writes a donor's new name on their copies.
	RenameDonorCopies(donorID int64, name string) error
	// ReaderIDByCard finds a reader's id; not found when no such card.
	ReaderIDByCard(card string) (int64, error)

	InsertBatch(b *Batch) error
	Batch(id int64) (Batch, error)
	Batches(f BatchFilter) ([]Batch, error)
	BatchLines(batchID int64) ([]Line, error)

	NextSequence(name string) (int64, error)
	Audit(e audit.Entry) error
}
