// Package readers holds the people who borrow: readers (读者), their types
// (学员, 教职工, 访客), and the fixed-term classes (班次) trainees belong to.
package readers

import "time"

// Status is the state of a reader's card.
type Status string

// The card states.
const (
	StatusActive    Status = "active"    // 正常
	StatusLost      Status = "lost"      // 挂失
	StatusSuspended Status = "suspended" // 暂停
	StatusCancelled Status = "cancelled" // 注销
)

var statusLabels = map[Status][2]string{
	StatusActive:    {"正常", "active"},
	StatusLost:      {"挂失", "reported lost"},
	StatusSuspended: {"暂停", "suspended"},
	StatusCancelled: {"注销", "cancelled"},
}

// Label returns the status's name in lang.
func (s Status) Label(lang string) string {
	l, ok := statusLabels[s]
	if !ok {
		return string(s)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := statusLabels[s]; return ok }

// Type is a reader type; the policy matrix is keyed by it.
type Type struct {
	ID     int64  `json:"id"`
	Code   string `json:"code"`
	Name   string `json:"name"`
	NameEn string `json:"name_en"`
	Sort   int    `json:"sort"`
}

// The codes of the built-in reader types.
const (
	TypeTrainee = "trainee" // 学员
	TypeStaff   = "staff"   // 教职工
	TypeVisitor = "visitor" // 访客
)

// DefaultTypes are the reader types of a new library.
func DefaultTypes() []Type {
	return []Type{
		{Code: TypeTrainee, Name: "学员", NameEn: "Trainee", Sort: 1},
		{Code: TypeStaff, Name: "教职工", NameEn: "Staff", Sort: 2},
		{Code: TypeVisitor, Name: "访客", NameEn: "Visitor", Sort: 3},
	}
}

// Reader is a person with a library card.
type Reader struct {
	ID       int64  `json:"id"`
	Card     string `json:"card"`
	Name     string `json:"name"`
	Gender   string `json:"gender,omitempty"` // 男 / 女
	Unit     string `json:"unit,omitempty"`
	Position string `json:"position,omitempty"`
	Phone    string `json:"phone,omitempty"`
	// Email is where notices by mail go (到期提醒 …); "" for none.
	Email          string    `json:"email,omitempty"`
	TypeID         int64     `json:"type_id"`
	Status         Status    `json:"status"`
	ExpiryDate     string    `json:"expiry_date"` // YYYY-MM-DD, last valid day
	SuspendedUntil string    `json:"suspended_until,omitempty"`
	Notes          string    `json:"notes,omitempty"`
	PasswordHash   string    `json:"-"`
	CreatedAt      time.Time `json:"created_at"`
	UpdatedAt      time.Time `json:"updated_at"`
}

// Filter narrows a reader listing.
type Filter struct {
	Query   string // name, card, phone or unit
	TypeID  int64
	ClassID int64
	Status  Status
	// ExpiringFrom and ExpiringTo (YYYY-MM-DD, both included) select
	// active cards whose last valid day falls in the range.
	ExpiringFrom, ExpiringTo string
	Number                   int
	Size                     int
}

// Class is a fixed-term class (班次) such as 2022年秋季科干班.
type Class struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Kind        string `json:"kind"` // 主体班, 计划外培训班, 专题研讨班 …
	StartDate   string `json:"start_date"`
	EndDate     string `json:"end_date"`
	HeadTeacher string `json:"head_teacher,omitempty"`
	// HeadTeacherEmail and HeadTeacherPhone are where the head teacher
	// gets the list of trainees with books out before 结业清还.
	HeadTeacherEmail string    `json:"head_teacher_email,omitempty"`
	HeadTeacherPhone string    `json:"head_teacher_phone,omitempty"`
	Notes            string    `json:"notes,omitempty"`
	Members          int       `json:"members"`
	CreatedAt        time.Time `json:"created_at"`
}

// ClassKinds are the kinds of class offered in the forms; others may be typed.
var ClassKinds = []string{"主体班", "计划外培训班", "专题研讨班", "领导干部读书班", "培训班"}

// Member is a reader's place in a class.
type Member struct {
	ClassID   int64      `json:"class_id"`
	Reader    Reader     `json:"reader"`
	ClearedAt *time.Time `json:"cleared_at,omitempty"`
}
