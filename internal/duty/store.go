package duty

import (
	"context"

	"shuwu/internal/audit"
)

// Store is duty's persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what duty reads and writes in one transaction.
type Tx interface {
	Shifts() ([]Shift, error)
	Shift(id int64) (Shift, error)
	SaveShift(s *Shift) error

	// DutyStaff lists the staff accounts that may be on duty (not disabled,
	// librarians, duty staff and administrators).
	DutyStaff() ([]Staffer, error)

	Slots(from, to string) ([]Slot, error) // days from..to inclusive
	Slot(id int64) (Slot, error)
	DeleteSlots(from, to string) error
	InsertSlot(s *Slot) error
	SetSlotUser(id, userID int64) error

	InsertSwap(s *Swap) error
	Swap(id int64) (Swap, error)
	Swaps(status SwapStatus, limit int) ([]Swap, error)
	SetSwapStatus(id int64, st SwapStatus, decidedBy string) error

	Checks(day string, shiftID int64) ([]Check, error)
	InsertCheck(day string, shiftID int64, c Check) error
	DeleteCheck(day string, shiftID int64, task string) error

	InsertHandover(h *Handover) error
	Handover(id int64) (Handover, error)
	Handovers(limit int) ([]Handover, error)
	AckHandover(id int64, by string, at int64) error

	Regulations() ([]Regulation, error)
	Regulation(id int64) (Regulation, error)
	SaveRegulation(r Regulation) error

	Audit(e audit.Entry) error
}
