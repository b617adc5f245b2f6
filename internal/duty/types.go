// Package duty is the staff's day in the reading room: the shifts of an
// open day and each shift's checklist, the monthly duty roster (one
// librarian in charge and the duty staff taking turns, as the article has
// it: 1 名专职书屋管理员，2 名工作人员轮流值班), swaps between staff with the
// librarian's approval, the handover log (交接班记录) the next shift
// acknowledges, and the room's regulations (三项制度) shown in the portal and
// printed for the wall.
package duty

import "time"

// Shift is one part of an open day (上午班 08:30–12:00 …) with the tasks
// whoever is on it ticks off.
type Shift struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Starts   string   `json:"starts"` // HH:MM in the library's time zone
	Ends     string   `json:"ends"`
	Tasks    []string `json:"tasks"`
	Position int      `json:"position"`
}

// Slot is one person on one shift of one day.
type Slot struct {
	ID        int64  `json:"id"`
	Day       string `json:"day"` // YYYY-MM-DD
	ShiftID   int64  `json:"shift_id"`
	ShiftName string `json:"shift_name"`
	UserID    int64  `json:"user_id"`
	UserName  string `json:"user_name"` // display name, else the account name
	Lead      bool   `json:"lead"`      // the librarian in charge
}

// Pattern is how a month's roster is generated: the librarian in charge
// of every shift marked Lead, and the duty staff taking turns, PerShift of
// them on each shift, the turn passing each open day (ByDay) or each shift.
type Pattern struct {
	Month     string  `json:"month"` // YYYY-MM
	Librarian int64   `json:"librarian"`
	LeadOn    []int64 `json:"lead_on"` // shift ids the librarian is on; empty: every shift
	Staff     []int64 `json:"staff"`   // the duty staff, in turn order
	PerShift  int     `json:"per_shift"`
	ByShift   bool    `json:"by_shift"` // the turn passes each shift, not each day
}

// SwapStatus is where a swap request stands.
type SwapStatus string

// Swap statuses.
const (
	SwapPending  SwapStatus = "pending"  // 待审批
	SwapApproved SwapStatus = "approved" // 已批准
	SwapRefused  SwapStatus = "refused"  // 未批准
)

// Swap is a request to hand one's slot to a colleague.
type Swap struct {
	ID        int64      `json:"id"`
	SlotID    int64      `json:"slot_id"`
	Day       string     `json:"day"`
	ShiftName string     `json:"shift_name"`
	FromUser  int64      `json:"from_user"`
	FromName  string     `json:"from_name"`
	ToUser    int64      `json:"to_user"`
	ToName    string     `json:"to_name"`
	Reason    string     `json:"reason"`
	Status    SwapStatus `json:"status"`
	DecidedBy string     `json:"decided_by,omitempty"`
	CreatedAt time.Time  `json:"created_at"`
}

// Handover is the log one shift leaves the next (交接班记录).
type Handover struct {
	ID          int64     `json:"id"`
	Day         string    `json:"day"`
	ShiftID     int64     `json:"shift_id"`
	ShiftName   string    `json:"shift_name"`
	UserID      int64     `json:"user_id,omitempty"`
	WrittenBy   string    `json:"written_by"`
	Happened    string    `json:"happened"`    // what happened on the shift
	FollowUp    string    `json:"follow_up"`   // what the next shift must see to
	Periodicals string    `json:"periodicals"` // newspapers and magazines received
	Cash        string    `json:"cash"`        // money handled; "无" when none
	CreatedAt   time.Time `json:"created_at"`
	AckedBy     string    `json:"acked_by,omitempty"`
	AckedAt     time.Time `json:"acked_at,omitzero"`
}

// Acked reports whether the next shift has acknowledged the handover.
func (h Handover) Acked() bool { return h.AckedBy != "" }

// Check is one task ticked on a shift of a day.
type Check struct {
	Task   string    `json:"task"`
	UserID int64     `json:"user_id,omitempty"`
	DoneAt time.Time `json:"done_at"`
}

// Regulation is one of the room's rules on the wall (制度).
type Regulation struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	Body      string    `json:"body"`
	Position  int       `json:"position"`
	UpdatedBy string    `json:"updated_by,omitempty"`
	UpdatedAt time.Time `json:"updated_at,omitzero"`
}

// Staffer is a staff account who may be on the roster.
type Staffer struct {
	ID   int64  `json:"id"`
	Name string `json:"name"`
	Role string `json:"role"`
}
