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
	OrdersTx
}

// OrdersTx is what suppliers, funds and orders read and write inside one
// transaction. Lookups of a missing row return a not-found *errs.Error.
type OrdersTx interface {
	InsertSupplier(s *Supplier) error
	UpdateSupplier(s *Supplier) error
	Supplier(id int64) (Supplier, error)
	Suppliers() ([]Supplier, error)

	InsertFund(f *Fund) error
	UpdateFund(f *Fund) error
	// Fund and Funds read a fund with what it has spent and committed.
	Fund(id int64) (Fund, error)
	// Funds lists a year's funds; year 0 is every year's.
	Funds(year int) ([]Fund, error)

	InsertOrder(o *Order) error
	// UpdateOrder saves the stored status, due and sent dates and notes.
	UpdateOrder(o *Order) error
	// Order reads an order with its totals (Status still to settle).
	Order(id int64) (Order, error)
	Orders(f OrderFilter) ([]Order, error)

	InsertLine(l *Line) error
	UpdateLine(l *Line) error
	DeleteLine(id int64) error
	// Line reads a line with its received copies.
	Line(id int64) (Line, error)
	Lines(orderID int64) ([]Line, error)
	// OpenLines lists the lines of sent orders with copies awaited, with
	// their order's number, supplier and due date.
	OpenLines() ([]LateLine, error)

	InsertSuggestion(s *Suggestion) error
	// UpdateSuggestion saves the status, answer, line and decision time.
	UpdateSuggestion(s *Suggestion) error
	// Suggestion and Suggestions read suggestions with their reader and,
	// once accepted, their order and the copies come.
	Suggestion(id int64) (Suggestion, error)
	Suggestions(f SuggestionFilter) ([]Suggestion, error)

	NextSequence(name string) (int64, error)
}
