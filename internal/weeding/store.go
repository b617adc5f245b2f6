package weeding

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// Store is weeding's persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what weeding reads and writes in one transaction.
type Tx interface {
	// WeedingCopies calls fn with each copy held (not lost or withdrawn)
	// in the scope of r (its rules are the service's business), in
	// call-number order, with the time it was last lent.
	WeedingCopies(r Rules, fn func(Copy)) error
	// WeedingEditions lists the records that have a copy held, with the
	// title, first author and year that tell editions apart.
	WeedingEditions() ([]Edition, error)
	ItemByBarcode(barcode string) (catalog.Item, error)
	UpdateItemStatus(itemID int64, st catalog.ItemStatus, at time.Time) error
	RecordBrief(id int64) (catalog.Record, error)
	Audit(e audit.Entry) error
}
