// Package activities is the room's 主题活动: themed events (a class
// session in the room, a training, a reading-sharing meeting, a themed
// Party day, a lecture) that an organiser runs in a space of the room or
// on one of its bookings, for everyone, one class or the staff, with a
// required-reading list to go with it. Registrations and sign-ins go
// into the ledger beside loans and visits, tied to reader and class.
//
// They are called activities, not events: the ledger was the events
// table, and "rules" are the loan rules.
package activities

import "time"

// Form is the kind of activity, as the article names them.
type Form string

// The forms of activity (活动形式).
const (
	FormClass    Form = "class"     // 书屋+课堂
	FormActivity Form = "activity"  // 书屋+活动
	FormTraining Form = "training"  // 书屋+培训
	FormSharing  Form = "sharing"   // 读书分享会
	FormPartyDay Form = "party_day" // 主题党日
	FormLecture  Form = "lecture"   // 专题讲座
	FormOther    Form = "other"     // 其他
)

// Forms lists the forms in the order the forms offer them.
var Forms = []Form{FormClass, FormActivity, FormTraining, FormSharing, FormPartyDay, FormLecture, FormOther}

var formLabels = map[Form][2]string{
	FormClass: {"书屋+课堂", "room + class"}, FormActivity: {"书屋+活动", "room + activity"},
	FormTraining: {"书屋+培训", "room + training"}, FormSharing: {"读书分享会", "reading-sharing"},
	FormPartyDay: {"主题党日", "themed Party day"}, FormLecture: {"专题讲座", "lecture"}, FormOther: {"其他", "other"},
}

// Valid reports whether f is a known form.
func (f Form) Valid() bool { _, ok := formLabels[f]; return ok }

// Label is the form in lang ("en" for English, else Chinese).
func (f Form) Label(lang string) string {
	l, ok := formLabels[f]
	if !ok {
		return string(f)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Audience is who an activity is for.
type Audience string

// The audiences.
const (
	Open      Audience = "open"  // 面向全体读者
	OneClass  Audience = "class" // 一个班次的学员
	StaffOnly Audience = "staff" // 教职工
)

// Audiences lists them in the forms' order.
var Audiences = []Audience{Open, OneClass, StaffOnly}

var audienceLabels = map[Audience][2]string{Open: {"全体读者", "everyone"}, OneClass: {"一个班次", "one class"}, StaffOnly: {"教职工", "staff"}}

// Label is the audience in lang ("en" for English, else Chinese).
func (a Audience) Label(lang string) string {
	l, ok := audienceLabels[a]
	if !ok {
		return string(a)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Valid reports whether a is a known audience.
func (a Audience) Valid() bool { return a == Open || a == OneClass || a == StaffOnly }

// Status is where an activity stands.
type Status string

// Activity statuses.
const (
	Planned   Status = "planned"   // 已安排
	Cancelled Status = "cancelled" // 已取消
)

// Activity is one themed event.
type Activity struct {
	ID          int64     `json:"id"`
	Title       string    `json:"title"`
	Form        Form      `json:"form"`
	FormLabel   string    `json:"form_label"`
	Organiser   string    `json:"organiser"`         // the unit that runs it
	UserID      int64     `json:"user_id,omitempty"` // the organiser account it belongs to
	Host        string    `json:"host,omitempty"`    // 主讲人 / 主持人
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	SpaceID     int64     `json:"space_id,omitempty"`
	SpaceName   string    `json:"space_name,omitempty"`
	BookingID   int64     `json:"booking_id,omitempty"`
	Capacity    int       `json:"capacity"`
	Audience    Audience  `json:"audience"`
	ClassID     int64     `json:"class_id,omitempty"`
	ClassName   string    `json:"class_name,omitempty"` // "" when the class was deleted
	Description string    `json:"description,omitempty"`
	ListID      int64     `json:"list_id,omitempty"`
	ListName    string    `json:"list_name,omitempty"` // "" when the list was deleted
	Status      Status    `json:"status"`
	LateMinutes int       `json:"late_minutes"`      // sign-ins are taken up to this long after the start
	Summary     string    `json:"summary,omitempty"` // 活动总结, written after it
	SummaryBy   string    `json:"summary_by,omitempty"`
	SignInKey   string    `json:"-"` // the secret of the screen's QR codes
	// CancelNote says why a cancelled activity was cancelled; CancelledBy
	// and CancelledAt who cancelled it and when.
	CancelNote  string    `json:"cancel_note,omitempty"`
	CancelledBy string    `json:"cancelled_by,omitempty"`
	CancelledAt time.Time `json:"cancelled_at,omitzero"`
	CreatedBy   string    `json:"created_by"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// Draft is an activity as a person types it: a date and a time range on
// it, the place as a space or a booking of the room (or both: the
// booking's space wins).
type Draft struct {
	Title       string `json:"title"`
	Form        Form   `json:"form"`
	Organiser   string `json:"organiser"`
	Host        string `json:"host"`
	Date        string `json:"date"` // YYYY-MM-DD
	From        string `json:"from"` // HH:MM
	To          string `json:"to"`   // HH:MM
	SpaceID     int64  `json:"space_id"`
	BookingID   int64  `json:"booking_id"`
	Capacity    int    `json:"capacity"`
	Audience    string `json:"audience"`
	ClassID     int64  `json:"class_id"`
	Description string `json:"description"`
	ListID      int64  `json:"list_id"`
	// LateMinutes is how long after the start sign-ins are still taken
	// (counted late); nil means DefaultLateMinutes.
	LateMinutes *int `json:"late_minutes,omitempty"`
}

// Filter narrows a listing of activities.
type Filter struct {
	From, To  time.Time // activities starting in [From, To)
	Form      Form
	Audience  Audience
	Organiser string // the unit, exactly
	ClassID   int64
	Query     string // words of the title, host or organiser
	Status    Status
	// Mine: with UserID and Unit, only the organiser account's own.
	UserID int64
	Unit   string
	Limit  int
	Desc   bool // latest first
}

// Limits of the fields.
const (
	MaxTitle       = 80
	MaxOrganiser   = 40
	MaxHost        = 60
	MaxDescription = 4000
	MaxCapacity    = 1000
	MaxList        = 500
	// DefaultLateMinutes: sign-ins are taken until half an hour after the start.
	DefaultLateMinutes = 30
	MaxLateMinutes     = 180
)
