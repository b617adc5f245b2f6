package selfcheck

import (
	"context"
	"time"

	"shuwu/internal/audit"
)

// Store is the self-service machines' persistence.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what selfcheck reads and writes in one transaction.
type Tx interface {
	InsertTerminal(t *Terminal) error
	UpdateTerminal(t *Terminal) error
	DeleteTerminal(id int64) error
	TerminalByName(name string) (Terminal, error)
	Terminals() ([]Terminal, error)
	TouchTerminal(id int64, at time.Time) error

	// ItemIDByBarcode resolves a copy's barcode.
	ItemIDByBarcode(barcode string) (int64, error)
	ItemProperties(itemID int64) (string, error) // "" when none are kept
	SetItemProperties(itemID int64, props string, at time.Time) error

	Audit(e audit.Entry) error
}
