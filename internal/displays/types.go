// Package displays is the room's themed displays (专题书展): a dated,
// themed selection of copies on the display rack (展架) or a table — 党的
// 二十大读物, a month's new books — linked to an activity when there is
// one. Copies go onto a display and back to the shelves in one step at the
// desk (a scan of the copy on the display's page), the portal and the door
// display show the displays on now, and the loans of copies while they
// were on a display are counted for it, from the ledger.
package displays

import (
	"time"

	"shuwu/internal/catalog"
)

// Display is one themed display.
type Display struct {
	ID          int64  `json:"id"`
	Title       string `json:"title"`
	Description string `json:"description,omitempty"`
	Place       string `json:"place,omitempty"` // 展架, 阅览桌 …
	Starts      string `json:"starts"`          // YYYY-MM-DD, first day
	Ends        string `json:"ends"`            // YYYY-MM-DD, last day
	// ActivityID links the display to an activity (主题活动); 0 none.
	ActivityID    int64     `json:"activity_id,omitempty"`
	ActivityTitle string    `json:"activity_title,omitempty"`
	Copies        int       `json:"copies"` // on the display now
	Loans         int       `json:"loans"`  // loans of copies while on it
	CreatedAt     time.Time `json:"created_at"`
	UpdatedAt     time.Time `json:"updated_at"`
}

// On reports whether the display runs on day (YYYY-MM-DD).
func (d Display) On(day string) bool { return d.Starts <= day && day <= d.Ends }

// Copy is a copy on a display (or once on it).
type Copy struct {
	ItemID     int64              `json:"item_id"`
	Barcode    string             `json:"barcode"`
	RecordID   int64              `json:"record_id"`
	Title      string             `json:"title"`
	CallNumber string             `json:"call_number,omitempty"`
	Status     catalog.ItemStatus `json:"status"` // the copy's status: available, on_loan …
	AddedAt    time.Time          `json:"added_at"`
	RemovedAt  *time.Time         `json:"removed_at,omitempty"`
	Loans      int                `json:"loans"` // lent while on this display
}

// Moved is what a scan on a display's page did.
type Moved struct {
	// On: the copy went onto the display; false: back to its shelf.
	On   bool `json:"on"`
	Copy Copy `json:"copy"`
	// From is the display the copy left for this one ("" none).
	From    string  `json:"from,omitempty"`
	Display Display `json:"display"`
}

// Limits.
const (
	MaxTitle       = 60
	MaxDescription = 500
	MaxPlace       = 40
)
