// Package room is the reading room as a place: its areas (spaces) with
// their seats and opening hours, and the bookings organisers make of the
// whole room or one area. Bookings and, later, visits go into the ledger
// beside the loans, so the room's service is counted from one source.
package room

import "time"

// Space is one area of the room (藏书室, 阅览室, 休闲讨论区 …) or the
// whole room. Capacity is its seats (0: no seats, e.g. the tea counter).
// Opens and Closes are its hours on an open day, "HH:MM" in the library's
// time zone; the closed days are circulation's calendar.
type Space struct {
	ID        int64  `json:"id"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	Capacity  int    `json:"capacity"`
	Opens     string `json:"opens"`
	Closes    string `json:"closes"`
	Bookable  bool   `json:"bookable"`
	WholeRoom bool   `json:"whole_room"` // booking it takes every area and closes the room to walk-in reading
	Position  int    `json:"position"`
}

// Status is where a booking stands.
type Status string

// Booking statuses. Pending and approved bookings hold their time; only
// approved whole-room bookings close the room to walk-in reading.
const (
	Pending   Status = "pending"   // 待审批
	Approved  Status = "approved"  // 已批准
	Refused   Status = "refused"   // 未批准
	Cancelled Status = "cancelled" // 已取消
)

// Holds reports whether a booking in this status keeps its time from others.
func (s Status) Holds() bool { return s == Pending || s == Approved }

// Booking is one booked time of a space. A weekly booking is a series of
// them sharing SeriesID (the first one's id).
type Booking struct {
	ID        int64     `json:"id"`
	SpaceID   int64     `json:"space_id"`
	SpaceName string    `json:"space_name"`
	WholeRoom bool      `json:"whole_room"`
	SeriesID  int64     `json:"series_id,omitempty"`
	Organiser string    `json:"organiser"` // the Party branch, class branch, study group or office
	UserID    int64     `json:"user_id,omitempty"`
	BookedBy  string    `json:"booked_by"` // the account that booked
	Start     time.Time `json:"start"`
	End       time.Time `json:"end"`
	Purpose   string    `json:"purpose"`
	Expected  int       `json:"expected"` // people expected
	Status    Status    `json:"status"`
	Note      string    `json:"note,omitempty"` // the librarian's reason when refused or cancelled
	CreatedAt time.Time `json:"created_at"`
}

// Request is a booking as a person asks for it: a date and a time range
// on it, repeated weekly for Weeks weeks (1: once).
type Request struct {
	SpaceID   int64  `json:"space_id"`
	Organiser string `json:"organiser"`
	Date      string `json:"date"` // YYYY-MM-DD
	From      string `json:"from"` // HH:MM
	To        string `json:"to"`   // HH:MM
	Purpose   string `json:"purpose"`
	Expected  int    `json:"expected"`
	Weeks     int    `json:"weeks"`
}

// Booked is what Book made: the bookings, and the dates of a weekly series
// it left out because the room is closed then.
type Booked struct {
	Bookings    []Booking `json:"bookings"`
	SkippedDays []string  `json:"skipped_days,omitempty"`
}

// Filter narrows a listing of bookings.
type Filter struct {
	From, To time.Time // bookings overlapping [From, To)
	UserID   int64     // only this account's, and with Unit, its unit's too
	Unit     string    // with UserID: bookings made for this organiser by anyone
	SpaceID  int64
	Statuses []Status
	Limit    int
}

// Rules are the room's own settings.
type Rules struct {
	// ApprovalRequired: an organiser's booking waits for the librarian's
	// approval (待审批) before it is confirmed.
	ApprovalRequired bool `json:"approval_required"`
}

// RulesKey is the settings key of the room's rules.
const RulesKey = "room"

// MaxWeeks is the longest weekly series one request makes (a term).
const MaxWeeks = 26
