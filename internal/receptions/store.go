package receptions

import (
	"context"

	"shuwu/internal/audit"
)

// Store is the reception record's persistence, implemented by the store
// adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the record reads and writes in one transaction.
type Tx interface {
	InsertReception(r *Reception) error
	UpdateReception(r Reception) error
	Reception(id int64) (Reception, error)
	// Receptions lists the receptions dated in [from, to) (YYYY-MM-DD),
	// latest first.
	Receptions(from, to string) ([]Reception, error)
	// ReceptionYears lists the years that have receptions, latest first.
	ReceptionYears() ([]int, error)
	InsertReceptionPhoto(p *Photo) error
	// ReceptionPhotos lists a visit's photos in the order they were added.
	ReceptionPhotos(receptionID int64) ([]Photo, error)
	ReceptionPhoto(id int64) (Photo, error)
	DeleteReceptionPhoto(id int64) error
	Audit(e audit.Entry) error
}
