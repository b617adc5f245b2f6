package targets

import (
	"context"

	"shuwu/internal/audit"
)

// Store is the sources' persistence.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what copycat reads and writes in one transaction.
type Tx interface {
	InsertCopyTarget(t *Target) error
	UpdateCopyTarget(t *Target) error
	DeleteCopyTarget(id int64) error
	CopyTarget(id int64) (Target, error)
	CopyTargets() ([]Target, error)
	Audit(e audit.Entry) error
}
