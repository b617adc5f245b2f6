package circulation

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/settings"
)

// Account is a reader's panel at the desk or in the portal.
type Account struct {
	Reader  readers.Reader  `json:"reader"`
	Classes []readers.Class `json:"classes"`
	Loans   []LoanView      `json:"loans"`
	Holds   []HoldView      `json:"holds"`
	Overdue int             `json:"overdue"`
	// Blocks says why the reader may not borrow now; empty when they may.
	Blocks []string `json:"blocks"`
	// Renewable is true when at least one loan can be renewed today.
	Renewable bool `json:"renewable"`
	// CardProblem is the code of what is wrong with the card itself
	// (CARD_LOST, CARD_EXPIRED, …); empty when the card is good. Overdue
	// books block lending without making the card bad.
	CardProblem errs.Code `json:"card_problem,omitempty"`
}

// Account returns a reader's loans, holds and blocks, by card.
func (s *Service) Account(ctx context.Context, card string) (Account, error) {
	var a Account
	err := s.store.View(ctx, func(tx Tx) error {
		r, err := tx.ReaderByCard(strings.TrimSpace(card))
		if err != nil {
			return err
		}
		return s.fillAccount(tx, r, &a)
	})
	return a, err
}

func (s *Service) fillAccount(tx Tx, r readers.Reader, a *Account) error {
	today := s.todayStr()
	var err error
	a.Reader = r
	if a.Classes, err = tx.ClassesOfReader(r.ID); err != nil {
		return err
	}
	if a.Loans, err = tx.LoansOfReader(r.ID); err != nil {
		return err
	}
	if a.Holds, err = tx.HoldsOfReader(r.ID); err != nil {
		return err
	}
	for i := range a.Loans {
		l := &a.Loans[i]
		if d := daysBetween(l.DueDate, today); d > 0 {
			l.OverdueDays = d
			a.Overdue++
		}
		rec, err := tx.RecordBrief(l.RecordID)
		if err != nil {
			return err
		}
		switch _, err := s.renewal(tx, l.Loan, r, rec); {
		case err == nil:
			l.CanRenew = true
		case errs.As(err).Kind == errs.KindInternal:
			return err
		default:
			l.NoRenew, l.NoRenewEn = errs.As(err).Message, errs.As(err).MessageEn
		}
	}
	if err := checkCard(r, today); err != nil {
		e := errs.As(err)
		a.Blocks = append(a.Blocks, e.Message)
		a.CardProblem = e.Code
	}
	if a.Overdue > 0 {
		a.Blocks = append(a.Blocks, fmt.Sprintf("有 %d 册图书超期未还", a.Overdue))
	}
	if a.Loans == nil {
		a.Loans = []LoanView{}
	}
	for _, l := range a.Loans {
		a.Renewable = a.Renewable || l.CanRenew
	}
	if a.Holds == nil {
		a.Holds = []HoldView{}
	}
	if a.Blocks == nil {
		a.Blocks = []string{}
	}
	return nil
}

// ClearanceRow is one member of a class at end-of-class clearance.
type ClearanceRow struct {
	Reader    readers.Reader `json:"reader"`
	Loans     []LoanView     `json:"loans"`
	Cleared   bool           `json:"cleared"`
	ClearedAt *time.Time     `json:"cleared_at,omitempty"`
}

// Clearance is a class's 结业清还 sheet: who still has what.
type Clearance struct {
	Class       readers.Class  `json:"class"`
	Rows        []ClearanceRow `json:"rows"`
	Outstanding int            `json:"outstanding"` // members with books out
	LoansOut    int            `json:"loans_out"`
	ClearedN    int            `json:"cleared"`
}

// Clearance returns the clearance sheet of a class.
func (s *Service) Clearance(ctx context.Context, classID int64) (Clearance, error) {
	var c Clearance
	err := s.store.View(ctx, func(tx Tx) error {
		class, err := tx.Class(classID)
		if err != nil {
			return err
		}
		members, err := tx.Members(classID)
		if err != nil {
			return err
		}
		ids := make([]int64, len(members))
		for i, m := range members {
			ids[i] = m.Reader.ID
		}
		loans, err := tx.LoansOfReaders(ids)
		if err != nil {
			return err
		}
		c = Clearance{Class: class, Rows: make([]ClearanceRow, 0, len(members))}
		today := s.todayStr()
		for _, m := range members {
			ls := loans[m.Reader.ID]
			for i := range ls {
				if d := daysBetween(ls[i].DueDate, today); d > 0 {
					ls[i].OverdueDays = d
				}
			}
			if ls == nil {
				ls = []LoanView{}
			}
			row := ClearanceRow{Reader: m.Reader, Loans: ls, Cleared: m.ClearedAt != nil, ClearedAt: m.ClearedAt}
			if len(ls) > 0 {
				c.Outstanding++
				c.LoansOut += len(ls)
			}
			if row.Cleared {
				c.ClearedN++
			}
			c.Rows = append(c.Rows, row)
		}
		return nil
	})
	return c, err
}

// Certificate is the data of a printable clearance certificate (离校清还证明).
type Certificate struct {
	Number    string         `json:"number"`
	Reader    readers.Reader `json:"reader"`
	Class     readers.Class  `json:"class"`
	ClearedAt time.Time      `json:"cleared_at"`
}

// MarkCleared certifies that a member has returned everything. It refuses
// while books are out.
func (s *Service) MarkCleared(ctx context.Context, classID int64, card string) (Certificate, error) {
	var cert Certificate
	err := s.store.Update(ctx, func(tx Tx) error {
		class, r, member, err := classMember(tx, classID, card)
		if err != nil {
			return err
		}
		n, err := tx.ActiveLoanCount(r.ID)
		if err != nil {
			return err
		}
		if n > 0 {
			return errs.Conflict(readers.CodeReaderHasLoans, fmt.Sprintf("%s 还有 %d 册书未还，不能办理清还", r.Name, n), "the reader still has books out")
		}
		at := s.now()
		if member.ClearedAt != nil {
			at = *member.ClearedAt
		} else if err := tx.SetCleared(classID, r.ID, &at); err != nil {
			return err
		}
		cert = certificate(class, r, at)
		return tx.Audit(audit.New(ctx, s.now(), "clear", "class", fmt.Sprint(classID), fmt.Sprintf("%s 办理结业清还", r.Name)))
	})
	return cert, err
}

// Certificate returns the certificate of a cleared member.
func (s *Service) Certificate(ctx context.Context, classID int64, card string) (Certificate, error) {
	var cert Certificate
	err := s.store.View(ctx, func(tx Tx) error {
		class, r, m, err := classMember(tx, classID, card)
		if err != nil {
			return err
		}
		if m.ClearedAt == nil {
			return errs.Conflict(CodeNotCleared, fmt.Sprintf("%s 尚未办理结业清还", r.Name), "the reader has not been cleared")
		}
		cert = certificate(class, r, *m.ClearedAt)
		return nil
	})
	return cert, err
}

// classMember finds a class, the reader with card, and their membership.
func classMember(tx Tx, classID int64, card string) (readers.Class, readers.Reader, readers.Member, error) {
	class, err := tx.Class(classID)
	if err != nil {
		return class, readers.Reader{}, readers.Member{}, err
	}
	r, err := tx.ReaderByCard(strings.TrimSpace(card))
	if err != nil {
		return class, r, readers.Member{}, err
	}
	m, err := memberOf(tx, classID, r.ID)
	return class, r, m, err
}

func memberOf(tx Tx, classID, readerID int64) (readers.Member, error) {
	members, err := tx.Members(classID)
	if err != nil {
		return readers.Member{}, err
	}
	for _, m := range members {
		if m.Reader.ID == readerID {
			return m, nil
		}
	}
	return readers.Member{}, errs.NotFound(CodeNotAMember, "该读者不是本班学员", "the reader is not a member of this class")
}

func certificate(c readers.Class, r readers.Reader, at time.Time) Certificate {
	return Certificate{Number: fmt.Sprintf("QH%d-%04d-%06d", at.Year(), c.ID, r.ID), Reader: r, Class: c, ClearedAt: at}
}

// Policies lists the policy matrix.
func (s *Service) Policies(ctx context.Context) ([]Policy, error) {
	var out []Policy
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Policies()
		return err
	})
	return out, err
}

// SavePolicy creates (ID 0) or replaces a policy cell.
func (s *Service) SavePolicy(ctx context.Context, p Policy) (Policy, error) {
	defer s.cache.invalidate()
	if err := p.Validate(); err != nil {
		return p, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SavePolicy(&p); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodePolicyDuplicate, "reader_type_id", "该读者类型与分类的组合已有借阅规则", "a rule for this reader type and category exists")
			}
			if errs.Is(err, errs.CodeInUse) {
				return errs.Invalid(CodePolicyInvalid, "reader_type_id", "读者类型或分类不存在", "unknown reader type or category")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "policy", fmt.Sprint(p.ID), fmt.Sprintf("借阅规则：借期 %d 天，可借 %d 册，续借 %d 次", p.LoanDays, p.MaxLoans, p.Renewals)))
	})
	return p, err
}

// DeletePolicy removes a policy cell.
func (s *Service) DeletePolicy(ctx context.Context, id int64) error {
	defer s.cache.invalidate()
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.DeletePolicy(id); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "policy", fmt.Sprint(id), "删除借阅规则"))
	})
}

// ClosedDays lists closed dates from today on.
func (s *Service) ClosedDays(ctx context.Context) ([]ClosedDay, error) {
	var out []ClosedDay
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.ClosedDays(s.todayStr())
		return err
	})
	return out, err
}

// SaveClosedDay adds a closed date (a holiday).
func (s *Service) SaveClosedDay(ctx context.Context, d ClosedDay) error {
	defer s.cache.invalidate()
	if _, err := time.Parse(time.DateOnly, d.Date); err != nil {
		return errs.Invalid(errs.CodeDateInvalid, "date", "闭馆日期格式应为 2024-05-01", "the date must look like 2024-05-01")
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SaveClosedDay(d); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "closed_day", d.Date, "设置闭馆日 "+d.Date+" "+d.Reason))
	})
}

// DeleteClosedDay reopens a date.
func (s *Service) DeleteClosedDay(ctx context.Context, date string) error {
	defer s.cache.invalidate()
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.DeleteClosedDay(date); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "closed_day", date, "取消闭馆日 "+date))
	})
}

// Rules returns the library-wide rules.
func (s *Service) Rules(ctx context.Context) (settings.Rules, error) {
	var r settings.Rules
	err := s.store.View(ctx, func(tx Tx) (err error) {
		r, err = s.rulesOf(tx)
		return err
	})
	return r, err
}

// SaveRules validates and stores the library-wide rules.
func (s *Service) SaveRules(ctx context.Context, r settings.Rules) error {
	defer s.cache.invalidate()
	if err := r.Validate(); err != nil {
		return err
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SetSetting(settings.Key, r.Encode()); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "rules", "", "修改借阅总则"))
	})
}

// Ledger lists the ledger, newest first: f.Limit lines (100 when unset),
// at most ledger.MaxList.
func (s *Service) Ledger(ctx context.Context, f ledger.Filter) ([]ledger.Entry, error) {
	if f.Limit < 1 {
		f.Limit = 100
	}
	f.Limit = min(f.Limit, ledger.MaxList)
	var out []ledger.Entry
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.LedgerEntries(f)
		return err
	})
	return out, err
}

// LoanOf returns the current loan of a copy.
func (s *Service) LoanOf(ctx context.Context, itemID int64) (Loan, error) {
	var l Loan
	err := s.store.View(ctx, func(tx Tx) (err error) {
		l, err = tx.LoanOfItem(itemID)
		return err
	})
	return l, err
}

// Overdue lists loans past their due date, oldest first.
func (s *Service) Overdue(ctx context.Context, limit int) ([]LoanView, error) {
	var out []LoanView
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.OverdueLoans(s.todayStr(), limit)
		for i := range out {
			out[i].OverdueDays = daysBetween(out[i].DueDate, s.todayStr())
		}
		return err
	})
	return out, err
}

// PickupShelf lists the copies waiting on the hold shelf for their
// readers, soonest deadline first.
func (s *Service) PickupShelf(ctx context.Context) ([]HoldView, error) {
	var out []HoldView
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.TrappedHolds()
		return err
	})
	return out, err
}
