// Package weeding is 剔除: choosing the copies to take out of the
// collection by rules — not lent for N years, damaged, an older edition
// of a title whose newer edition is held — within a part of the
// collection (a CLC range, a shelf group, copies acquired before a year),
// reviewing the list with why each copy is on it, and withdrawing the
// copies kept ticked in one step with one reason. Withdrawn copies leave
// the holdings (statistics, the annual report, the asset ledger) and stay
// in the loan history and the audit log.
package weeding

import (
	"time"

	"shuwu/internal/catalog"
)

// Reason is why a copy is a candidate.
type Reason string

// The rules a candidate can match.
const (
	Idle       Reason = "idle"       // 多年未借
	Damaged    Reason = "damaged"    // 破损（修补中）
	Superseded Reason = "superseded" // 有新版本
)

// Rules choose the candidates: a copy in the scope (every scope field
// given must hold) that matches at least one of the rules switched on.
type Rules struct {
	// IdleYears, when above 0, takes the copies not lent in the last N
	// years that have been in the collection at least that long.
	IdleYears int `json:"idle_years,omitempty"`
	// Damaged takes the copies marked damaged (修补).
	Damaged bool `json:"damaged,omitempty"`
	// Superseded takes the copies of a record when a record of the same
	// title, volume and first author, published in a later year, has a
	// copy held.
	Superseded bool `json:"superseded,omitempty"`

	// The scope.
	AcquiredBefore int    `json:"acquired_before,omitempty"` // a year: copies added before 1 January of it
	CLCFrom        string `json:"clc_from,omitempty"`        // a CLC range by prefix, inclusive
	CLCTo          string `json:"clc_to,omitempty"`
	LocationID     int64  `json:"location_id,omitempty"` // a shelf group
}

// Any reports whether a rule is switched on.
func (r Rules) Any() bool { return r.IdleYears > 0 || r.Damaged || r.Superseded }

// Copy is one copy in the scope as the store reads it.
type Copy struct {
	Barcode    string             `json:"barcode"`
	RecordID   int64              `json:"record_id"`
	CallNumber string             `json:"call_number"`
	Title      string             `json:"title"`
	Part       string             `json:"part,omitempty"` // the volume of a multi-part work: 第三卷
	Author     string             `json:"author,omitempty"`
	Edition    string             `json:"edition,omitempty"`
	Year       int                `json:"year,omitempty"`
	CLC        string             `json:"clc,omitempty"`
	Status     catalog.ItemStatus `json:"status"`
	Location   string             `json:"location"`
	AddedDate  string             `json:"added_date"`
	PriceFen   int64              `json:"price_fen"`
	// LastLent is when the copy was last lent; zero when never.
	LastLent time.Time `json:"last_lent,omitzero"`
}

// Edition is a held record, for finding newer editions: the volumes of a
// multi-part work (第一卷, 第三卷) are different works, not editions.
type Edition struct {
	RecordID int64  `json:"record_id"`
	Title    string `json:"title"`
	Part     string `json:"part,omitempty"`
	Author   string `json:"author,omitempty"`
	Year     int    `json:"year"`
	Edition  string `json:"edition,omitempty"`
}

// Candidate is a copy on the list with the rules it matched.
type Candidate struct {
	Copy
	Reasons []Reason `json:"reasons"`
	// Newer names the newer edition held for a superseded copy: its
	// record, year and edition statement.
	Newer *Edition `json:"newer,omitempty"`
}

// Has reports whether the candidate matched reason.
func (c Candidate) Has(r Reason) bool {
	for _, x := range c.Reasons {
		if x == r {
			return true
		}
	}
	return false
}

// List is the candidates of a set of rules, in call-number order.
type List struct {
	Rules      Rules       `json:"rules"`
	Candidates []Candidate `json:"candidates"`
	// Total is every candidate; Candidates holds at most MaxList of them.
	Total    int   `json:"total"`
	ValueFen int64 `json:"value_fen"` // of all the candidates
	// Out counts the copies in the scope that match a rule but cannot be
	// withdrawn now (on loan, on the hold shelf, in transit).
	Out int `json:"out"`
}

// Withdrawal is the copies to withdraw and why.
type Withdrawal struct {
	Barcodes []string `json:"barcodes"`
	Reason   string   `json:"reason"`
}

// Limits.
const (
	MaxList      = 2000 // candidates shown and withdrawn at once
	MaxReason    = 200
	MaxIdleYears = 50
)
