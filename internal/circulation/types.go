// Package circulation is lending: checkouts, returns (always accepted),
// renewals, holds with a queue per record, in-room use, lost and damaged
// copies, the policy matrix, the closed-day calendar, overdue handling and
// end-of-class clearance (结业清还). Every action is appended to one event
// ledger; current loans live only in the loans table.
package circulation

import (
	"time"
)

// Loan is a copy currently lent to a reader.
type Loan struct {
	ID       int64     `json:"id"`
	ItemID   int64     `json:"item_id"`
	ReaderID int64     `json:"reader_id"`
	ClassID  int64     `json:"class_id,omitempty"`
	LoanedAt time.Time `json:"loaned_at"`
	DueDate  string    `json:"due_date"`
	Renewals int       `json:"renewals"`
	StaffID  int64     `json:"staff_id,omitempty"`
}

// LoanView is a loan with what a person needs to recognise it.
type LoanView struct {
	Loan
	Barcode     string `json:"barcode"`
	RecordID    int64  `json:"record_id"`
	Title       string `json:"title"`
	CallNumber  string `json:"call_number"`
	ReaderCard  string `json:"reader_card"`
	ReaderName  string `json:"reader_name"`
	OverdueDays int    `json:"overdue_days"`
	// CanRenew says whether renewing today would succeed; when not,
	// NoRenew and NoRenewEn say why (filled by Account, for the pages to
	// offer 续借 only where it works).
	CanRenew  bool   `json:"can_renew"`
	NoRenew   string `json:"no_renew,omitempty"`
	NoRenewEn string `json:"no_renew_en,omitempty"`
}

// HoldStatus is where a hold stands.
type HoldStatus string

// Open hold states. Finished holds leave the holds table for the ledger.
const (
	HoldWaiting HoldStatus = "waiting" // in the queue
	HoldTrapped HoldStatus = "trapped" // a copy waits on the hold shelf
)

// Hold is a reader's request for the next copy of a record.
type Hold struct {
	ID             int64      `json:"id"`
	RecordID       int64      `json:"record_id"`
	ReaderID       int64      `json:"reader_id"`
	PlacedAt       time.Time  `json:"placed_at"`
	Status         HoldStatus `json:"status"`
	ItemID         int64      `json:"item_id,omitempty"`
	TrappedAt      *time.Time `json:"trapped_at,omitempty"`
	PickupDeadline string     `json:"pickup_deadline,omitempty"`
	// SetID names the set of an any-volume hold (任一卷): any copy of any
	// of its volumes fulfils it. RecordID is then the volume trapped for
	// it, or, while it waits, one of the set's volumes.
	SetID int64 `json:"set_id,omitempty"`
}

// HoldView is a hold with its record and queue position.
type HoldView struct {
	Hold
	// Title is the record's title with its volume; for an any-volume
	// hold still waiting, the set's title.
	Title      string `json:"title"`
	Barcode    string `json:"barcode,omitempty"`
	ReaderCard string `json:"reader_card"`
	ReaderName string `json:"reader_name"`
	Position   int    `json:"position"`            // 1 = next in line
	SetTitle   string `json:"set_title,omitempty"` // an any-volume hold's set
}

// AnyVolume reports whether the hold is for any volume of a set.
func (v HoldView) AnyVolume() bool { return v.SetID != 0 }

// ClosedDay is a date the library does not open (holidays).
type ClosedDay struct {
	Date   string `json:"date"`
	Reason string `json:"reason"`
}
