package displays

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// Store is the displays' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the displays read and write in one transaction.
type Tx interface {
	InsertDisplay(d *Display) error
	UpdateDisplay(d Display) error
	// Display returns one display with its copies on it now and its loans.
	Display(id int64) (Display, error)
	// Displays lists the displays whose dates overlap [from, to]
	// (YYYY-MM-DD; "" open), latest start first.
	Displays(from, to string) ([]Display, error)
	// ActivityTitle is an activity's title; a not-found error when none.
	ActivityTitle(id int64) (string, error)

	ItemByBarcode(barcode string) (catalog.Item, error)
	// DisplayOfItem is the display a copy is on now (0 none).
	DisplayOfItem(itemID int64) (int64, error)
	PutOnDisplay(displayID, itemID int64, at time.Time) error
	// TakeOffDisplay ends the copy's time on a display.
	TakeOffDisplay(displayID, itemID int64, at time.Time) error
	// ClearDisplay takes every copy off a display and says how many.
	ClearDisplay(displayID int64, at time.Time) (int, error)
	// DisplayCopies lists the copies on a display now, or with past too
	// the ones taken off, latest first, with their loans from it.
	DisplayCopies(displayID int64, past bool) ([]Copy, error)

	Audit(e audit.Entry) error
}
