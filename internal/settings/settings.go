// Package settings holds the library-wide rules a librarian can change:
// card grace period, hold pickup days, suspension for overdue days, the
// weekly closed days. They are stored as one JSON document.
package settings

import (
	"encoding/json"
	"fmt"
	"time"

	"shuwu/internal/errs"
)

// Key is the settings-table key the rules are stored under.
const Key = "rules"

// Rules are the library-wide circulation and membership rules.
type Rules struct {
	// CardGraceDays is how long a trainee's card stays valid after the end
	// of their class (结业), so stragglers can still return books.
	CardGraceDays int `json:"card_grace_days"`
	// HoldPickupDays is how many open days a trapped hold waits for pickup.
	HoldPickupDays int `json:"hold_pickup_days"`
	// SuspendDaysPerOverdueDay enables 以停代金: a late return suspends the
	// card for this many days per overdue day. 0 disables it.
	SuspendDaysPerOverdueDay int `json:"suspend_days_per_overdue_day"`
	// HoldOnAvailable allows holds on a record with a copy on the shelf.
	HoldOnAvailable bool `json:"hold_on_available"`
	// ClosedWeekdays are the weekdays the library is closed (0 = Sunday).
	ClosedWeekdays []time.Weekday `json:"closed_weekdays"`
	// StaffExpiryYears is how long a staff or visitor card is issued for.
	StaffExpiryYears int `json:"staff_expiry_years"`
	// InitialPassword is what a reader who has never set a password types
	// at the first login, with the card number as user name: one of the
	// Initial* rules. Readers from a roster import or the registration
	// form have none of their own, and must set one at that first login.
	InitialPassword string `json:"initial_password"`
}

// Initial-password rules.
const (
	InitialPhone6 = "phone6" // the last six digits of the reader's phone number
	InitialCard   = "card"   // the card number itself
	InitialNone   = "none"   // none: staff set each reader's password
)

// InitialPasswordRules are the rules a librarian chooses from, in order.
var InitialPasswordRules = []string{InitialPhone6, InitialCard, InitialNone}

// InitialRule is the initial-password rule in force; rules stored before
// there was one use the default.
func (r Rules) InitialRule() string {
	if r.InitialPassword == "" {
		return InitialPhone6
	}
	return r.InitialPassword
}

// Defaults are the rules of a new library: open Monday to Friday, a week's
// grace after class end, a week to pick up a hold, no fines or suspension.
func Defaults() Rules {
	return Rules{CardGraceDays: 7, HoldPickupDays: 7, ClosedWeekdays: []time.Weekday{time.Saturday, time.Sunday}, StaffExpiryYears: 3, InitialPassword: InitialPhone6}
}

// Validate checks the rules a person typed.
func (r Rules) Validate() error {
	switch {
	case r.CardGraceDays < 0 || r.CardGraceDays > 365:
		return errs.Invalid(CodeRuleInvalid, "card_grace_days", "结业宽限天数须在 0 到 365 之间", "card grace days must be 0–365")
	case r.HoldPickupDays < 1 || r.HoldPickupDays > 60:
		return errs.Invalid(CodeRuleInvalid, "hold_pickup_days", "预约取书期限须在 1 到 60 天之间", "hold pickup days must be 1–60")
	case r.SuspendDaysPerOverdueDay < 0 || r.SuspendDaysPerOverdueDay > 30:
		return errs.Invalid(CodeRuleInvalid, "suspend_days_per_overdue_day", "每超期一天的停借天数须在 0 到 30 之间", "suspension days per overdue day must be 0–30")
	case len(r.ClosedWeekdays) >= 7:
		return errs.Invalid(CodeRuleInvalid, "closed_weekdays", "不能每天都闭馆", "the library cannot be closed every day")
	case r.StaffExpiryYears < 1 || r.StaffExpiryYears > 50:
		return errs.Invalid(CodeRuleInvalid, "staff_expiry_years", "教职工证有效年数须在 1 到 50 之间", "staff card years must be 1–50")
	case r.InitialPassword != "" && r.InitialPassword != InitialPhone6 && r.InitialPassword != InitialCard && r.InitialPassword != InitialNone:
		return errs.Invalid(CodeRuleInvalid, "initial_password", "初始密码规则应为 phone6（手机号后 6 位）、card（读者证号）或 none（不设）", "the initial-password rule must be phone6, card or none")
	}
	for _, d := range r.ClosedWeekdays {
		if d < time.Sunday || d > time.Saturday {
			return errs.Invalid(CodeRuleInvalid, "closed_weekdays", fmt.Sprintf("星期值 %d 无效", d), fmt.Sprintf("weekday %d is invalid", d))
		}
	}
	return nil
}

// Parse reads stored rules; missing keys keep their defaults.
func Parse(raw string) (Rules, error) {
	r := Defaults()
	if raw == "" {
		return r, nil
	}
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return r, fmt.Errorf("parse rules: %w", err)
	}
	return r, nil
}

// Encode is the stored form of r.
func (r Rules) Encode() string {
	b, _ := json.Marshal(r)
	return string(b)
}

// Closed reports whether weekday d is a closed day.
func (r Rules) Closed(d time.Weekday) bool {
	for _, c := range r.ClosedWeekdays {
		if c == d {
			return true
		}
	}
	return false
}
