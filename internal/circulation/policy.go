package circulation

import (
	"shuwu/internal/errs"
)

// Policy is one cell of the policy matrix: reader type × item category.
// A zero ReaderTypeID or CategoryID matches any.
type Policy struct {
	ID           int64 `json:"id"`
	ReaderTypeID int64 `json:"reader_type_id"`
	CategoryID   int64 `json:"category_id"`
	LoanDays     int   `json:"loan_days"`
	MaxLoans     int   `json:"max_loans"`
	Renewals     int   `json:"renewals"`
	RenewalDays  int   `json:"renewal_days"`
	HoldsAllowed bool  `json:"holds_allowed"`
	MaxHolds     int   `json:"max_holds"`
}

// DefaultPolicy is the catch-all cell of a new library: the common Chinese
// practice of 30 days with one renewal (借期30天，可续借一次).
func DefaultPolicy() Policy {
	return Policy{LoanDays: 30, MaxLoans: 10, Renewals: 1, RenewalDays: 15, HoldsAllowed: true, MaxHolds: 5}
}

// Validate checks a policy a person typed.
func (p Policy) Validate() error {
	switch {
	case p.LoanDays < 1 || p.LoanDays > 365:
		return errs.Invalid(CodePolicyInvalid, "loan_days", "借期须在 1 到 365 天之间", "loan days must be 1–365")
	case p.MaxLoans < 0 || p.MaxLoans > 200:
		return errs.Invalid(CodePolicyInvalid, "max_loans", "可借册数须在 0 到 200 之间", "max loans must be 0–200")
	case p.Renewals < 0 || p.Renewals > 20:
		return errs.Invalid(CodePolicyInvalid, "renewals", "续借次数须在 0 到 20 之间", "renewals must be 0–20")
	case p.RenewalDays < 0 || p.RenewalDays > 365 || (p.Renewals > 0 && p.RenewalDays == 0):
		return errs.Invalid(CodePolicyInvalid, "renewal_days", "续借天数须在 1 到 365 之间", "renewal days must be 1–365")
	case p.MaxHolds < 0 || p.MaxHolds > 100:
		return errs.Invalid(CodePolicyInvalid, "max_holds", "可预约册数须在 0 到 100 之间", "max holds must be 0–100")
	}
	return nil
}

// specificity ranks how closely a cell matches: both set beats reader type
// only, which beats category only, which beats the catch-all.
func (p Policy) specificity() int {
	s := 0
	if p.ReaderTypeID != 0 {
		s += 2
	}
	if p.CategoryID != 0 {
		s++
	}
	return s
}

// Resolve picks the most specific policy for a reader type and category.
// Without any matching cell it returns DefaultPolicy.
func Resolve(policies []Policy, readerTypeID, categoryID int64) Policy {
	best, bestScore := DefaultPolicy(), -1
	for _, p := range policies {
		if (p.ReaderTypeID != 0 && p.ReaderTypeID != readerTypeID) || (p.CategoryID != 0 && p.CategoryID != categoryID) {
			continue
		}
		if s := p.specificity(); s > bestScore {
			best, bestScore = p, s
		}
	}
	return best
}
