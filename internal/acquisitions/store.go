package acquisitions

import (
	"context"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// Store is the targets' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what acquisitions read and write inside one transaction.
type Tx interface {
	// Target returns a year's target; Set is false (and Volumes 0) when
	// none was saved.
	Target(year int) (Target, error)
	SaveTarget(t Target) error
	Categories() ([]catalog.Category, error)
	// YearCounts counts the copies added from the day from to the day to
	// (YYYY-MM-DD, inclusive).
	YearCounts(from, to string) (YearCounts, error)
	Arrivals(from, to string, f ArrivalFilter) ([]Arrival, int, error)
	Audit(e audit.Entry) error
}
