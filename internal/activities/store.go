package activities

import (
	"context"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
)

// Store is the activities' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what activities read and write in one transaction.
type Tx interface {
	InsertActivity(a *Activity) error
	UpdateActivity(a *Activity) error
	Activity(id int64) (Activity, error)
	Activities(f Filter) ([]Activity, error)

	// The room, classes, reading lists and accounts an activity names.
	Space(id int64) (room.Space, error)
	Booking(id int64) (room.Booking, error)
	Class(id int64) (readers.Class, error)
	ReadingList(id int64) (catalog.ReadingList, error)
	UserDisplayName(id int64) (string, error)

	AppendLedger(e *ledger.Entry) error
	Audit(e audit.Entry) error
}
