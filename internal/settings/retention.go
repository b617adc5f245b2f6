package settings

import (
	"encoding/json"
	"fmt"
	"time"

	"shuwu/internal/errs"
)

// RetentionKey is the settings-table key of how long loan history keeps
// the reader's name.
const RetentionKey = "retention"

// MaxRetentionYears bounds the setting: beyond it "keep forever" (0) is
// what is meant.
const MaxRetentionYears = 50

// Retention is how long the ledger (loans, returns, renewals, holds,
// visits, bookings) stays tied to the reader it was about. Older lines
// are pseudonymised, so the statistics of those years stay exact (each
// reader of a year becomes one anonymous reader of that year, with their
// reader type and the line's class), but nobody can tell whose they were.
type Retention struct {
	// LoanHistoryYears is the number of calendar years kept, this year
	// included; 0 keeps everything.
	LoanHistoryYears int `json:"loan_history_years"`
}

// Validate checks the number a person typed.
func (r Retention) Validate() error {
	if r.LoanHistoryYears < 0 || r.LoanHistoryYears > MaxRetentionYears {
		return errs.Invalid(CodeRetentionInvalid, "loan_history_years",
			fmt.Sprintf("借阅历史保留年限须在 0 到 %d 年之间（0 表示永久保留）", MaxRetentionYears),
			fmt.Sprintf("the years of loan history kept must be 0–%d (0 keeps it forever)", MaxRetentionYears))
	}
	return nil
}

// KeptFrom is the first moment whose lines keep the reader: 1 January of
// the oldest year kept, in the library's zone; the zero time when
// everything is kept.
func (r Retention) KeptFrom(now time.Time, loc *time.Location) time.Time {
	if r.LoanHistoryYears <= 0 {
		return time.Time{}
	}
	return time.Date(now.In(loc).Year()-r.LoanHistoryYears+1, 1, 1, 0, 0, 0, 0, loc)
}

// ParseRetention reads the stored setting; nothing stored keeps
// everything.
func ParseRetention(raw string) (Retention, error) {
	var r Retention
	if raw == "" {
		return r, nil
	}
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return r, fmt.Errorf("parse retention settings: %w", err)
	}
	return r, nil
}

// Encode is the stored form of r.
func (r Retention) Encode() string {
	b, _ := json.Marshal(r)
	return string(b)
}
