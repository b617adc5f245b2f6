package assets

import (
	"context"

	"shuwu/internal/audit"
)

// Store is the register's persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the register reads and writes in one transaction.
type Tx interface {
	InsertAsset(a *Asset) error
	UpdateAsset(a Asset) error
	Asset(id int64) (Asset, error)
	// Assets lists every line, retired ones too, by category order is the
	// service's business: the store returns them by acquisition day, then id.
	Assets() ([]Asset, error)
	// CollectionHeld counts the copies held (not lost or withdrawn), their
	// titles and value in fen.
	CollectionHeld() (copies, titles, valueFen int64, err error)
	Audit(e audit.Entry) error
}
