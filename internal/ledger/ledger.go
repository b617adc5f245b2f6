// Package ledger is the one record of everything the room does for
// readers: loans, returns, renewals, holds and in-room reading, and the
// room's own service — entry visits and bookings. Every line is tied to a
// reader and class where there is one, so "readers served",
// "person-visits" and "loans" are counted from the same rows.
//
// The table was called events while it held only circulation; it is now
// ledger (migration 0012) so that 主题活动 (activities) can have a name
// of their own.
package ledger

import "time"

// Kind names what a ledger line records.
type Kind string

// Circulation kinds (借阅流水).
const (
	Loan       Kind = "loan"
	Return     Kind = "return"
	Renew      Kind = "renew"
	Hold       Kind = "hold"
	HoldCancel Kind = "hold_cancel"
	HoldTrap   Kind = "hold_trap"
	HoldFill   Kind = "hold_fill"
	HoldExpire Kind = "hold_expire"
	InRoom     Kind = "in_room" // a book read in the room (阅览)
	Lost       Kind = "lost"
	Found      Kind = "found"
	Damaged    Kind = "damaged"
)

// Reading-room kinds (书屋服务).
const (
	Visit            Kind = "visit"           // 入馆登记: a reader or a visitor without a card came in
	VisitLeave       Kind = "visit_leave"     // 离馆: someone counted in left
	BookingMade      Kind = "booking"         // a space was booked (场地预约)
	BookingApproved  Kind = "booking_approve" // the librarian approved a booking
	BookingRefused   Kind = "booking_refuse"  // the librarian refused one
	BookingCancelled Kind = "booking_cancel"  // the organiser or the librarian cancelled one
)

// Activity kinds (主题活动): RefID is the activity.
const (
	ActivityRegistered   Kind = "activity_register"   // a reader registered for an activity (报名)
	ActivityWaitlisted   Kind = "activity_waitlist"   // a reader joined its waitlist (候补)
	ActivityPromoted     Kind = "activity_promote"    // a waitlisted reader got a place when someone cancelled
	ActivityUnregistered Kind = "activity_unregister" // a reader cancelled their registration
	ActivitySignIn       Kind = "activity_signin"     // a reader signed in at the activity (签到)
)

// Seat kinds (座位预约): RefID is the seat reservation, SpaceID the
// seats' space.
const (
	SeatReserved  Kind = "seat_reserve" // a reader reserved a seat for a slot
	SeatCheckIn   Kind = "seat_checkin" // the reader checked in at the seat (入座签到)
	SeatReleased  Kind = "seat_release" // nobody came in time (or the desk released it): the seat is free
	SeatCancelled Kind = "seat_cancel"  // the reader or the desk cancelled the reservation
	SeatLeft      Kind = "seat_leave"   // the reader checked in and has left the seat
)

// Entry is one line of the ledger.
type Entry struct {
	ID       int64     `json:"id"`
	Kind     Kind      `json:"kind"`
	At       time.Time `json:"at"`
	ReaderID int64     `json:"reader_id,omitempty"`
	ClassID  int64     `json:"class_id,omitempty"`
	ItemID   int64     `json:"item_id,omitempty"`
	RecordID int64     `json:"record_id,omitempty"`
	StaffID  int64     `json:"staff_id,omitempty"`
	SpaceID  int64     `json:"space_id,omitempty"` // the room's area, for visits and bookings
	RefID    int64     `json:"ref_id,omitempty"`   // the booking or activity a line is about
	DueDate  string    `json:"due_date,omitempty"`
	Detail   string    `json:"detail,omitempty"`
}

// Filter narrows a ledger listing.
type Filter struct {
	From, To time.Time // [From, To)
	Kinds    []Kind
	ReaderID int64
	ItemID   int64
	Limit    int
	BeforeID int64 // for paging backwards
}

// MaxList is the most lines one listing returns; page on with
// Filter.BeforeID.
const MaxList = 1000

// labels are the kinds as a person reads them, Chinese and English.
var labels = map[Kind][2]string{
	Loan: {"借出", "loan"}, Return: {"归还", "return"}, Renew: {"续借", "renewal"},
	Hold: {"预约", "hold"}, HoldCancel: {"取消预约", "hold cancelled"}, HoldTrap: {"预约到书", "hold on shelf"},
	HoldFill: {"预约借出", "hold lent"}, HoldExpire: {"预约过期", "hold expired"}, InRoom: {"馆内阅览", "read in the room"},
	Lost: {"遗失", "lost"}, Found: {"找到", "found"}, Damaged: {"损坏", "damaged"},
	Visit: {"入馆", "visit"}, VisitLeave: {"离馆", "left"},
	BookingMade: {"场地预约", "booking"}, BookingApproved: {"预约批准", "booking approved"},
	BookingRefused: {"预约未批准", "booking refused"}, BookingCancelled: {"预约取消", "booking cancelled"},
	ActivityRegistered: {"活动报名", "activity registration"}, ActivityWaitlisted: {"活动候补", "activity waitlist"},
	ActivityPromoted: {"候补转正", "moved up from the waitlist"}, ActivityUnregistered: {"取消报名", "registration cancelled"},
	ActivitySignIn: {"活动签到", "activity sign-in"},
	SeatReserved:   {"座位预约", "seat reserved"}, SeatCheckIn: {"座位签到", "seat check-in"},
	SeatReleased: {"座位释放", "seat released"}, SeatCancelled: {"取消座位预约", "seat reservation cancelled"},
	SeatLeft: {"离座", "left the seat"},
}

// Label is the kind in Chinese, or in English when en is set; an unknown
// kind as it is.
func (k Kind) Label(en bool) string {
	l, ok := labels[k]
	if !ok {
		return string(k)
	}
	if en {
		return l[1]
	}
	return l[0]
}
