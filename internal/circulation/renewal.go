package circulation

import (
	"fmt"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/datefmt"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// renewal decides whether loan can be renewed today and returns the new
// due date, or the refusal that says the true reason. It changes nothing,
// so the pages ask it too and offer 续借 only where it would succeed.
func (s *Service) renewal(tx Tx, loan Loan, r readers.Reader, rec catalog.Record) (string, error) {
	if err := checkCard(r, s.todayStr()); err != nil {
		return "", err
	}
	policies, err := s.policies(tx)
	if err != nil {
		return "", err
	}
	p := Resolve(policies, r.TypeID, rec.CategoryID)
	if loan.Renewals >= p.Renewals {
		if p.Renewals == 0 {
			return "", errs.Conflict(CodeRenewalLimitReached, fmt.Sprintf("《%s》按借阅规则不能续借", rec.DisplayTitle()), "the loan rules allow no renewal of this book")
		}
		return "", errs.Conflict(CodeRenewalLimitReached, fmt.Sprintf("《%s》已续借 %d 次，达到续借上限", rec.DisplayTitle(), loan.Renewals), "the renewal limit is reached")
	}
	holds, err := tx.HoldsOfRecord(rec.ID)
	if err != nil {
		return "", err
	}
	for _, h := range holds {
		if h.Status == HoldWaiting && h.ReaderID != r.ID {
			return "", errs.Conflict(CodeRenewalOnHold, fmt.Sprintf("《%s》已有其他读者预约，不能续借", rec.DisplayTitle()), "another reader has placed a hold on this title")
		}
	}
	cal, err := s.calendar(tx)
	if err != nil {
		return "", err
	}
	// A renewal runs from today, never shortening the current loan.
	today := s.today()
	due := cal.DueDate(today, p.RenewalDays, r.ExpiryDate).Format(time.DateOnly)
	if due > loan.DueDate {
		return due, nil
	}
	zh := fmt.Sprintf("《%s》暂不能续借：续借期为自今日起 %d 天，不会晚于现在的应还日期 %s", rec.DisplayTitle(), p.RenewalDays, datefmt.ChineseDay(loan.DueDate))
	en := fmt.Sprintf("not renewable yet: a renewal runs %d days from today, which is not later than the current due date %s", p.RenewalDays, datefmt.EnglishDay(loan.DueDate))
	if from, ok := earliestRenewal(cal, today, p.RenewalDays, r.ExpiryDate, loan.DueDate); ok {
		return "", errs.Conflict(CodeRenewalTooEarly, zh+fmt.Sprintf("；%s起可以续借", datefmt.Chinese(from)), en+fmt.Sprintf("; it can be renewed from %s", datefmt.English(from)))
	}
	if _, ok := earliestRenewal(cal, today.AddDate(0, 0, -1), p.RenewalDays, "", loan.DueDate); ok {
		// Renewing would extend the loan, now or later, but for the
		// card's last valid day.
		return "", errs.Conflict(CodeRenewalNotExtending,
			fmt.Sprintf("《%s》续借不会延长借期：借期不能超过读者证有效期（至 %s），现应还日期为 %s", rec.DisplayTitle(), datefmt.ChineseDay(r.ExpiryDate), datefmt.ChineseDay(loan.DueDate)),
			fmt.Sprintf("renewing would not extend the loan: a loan cannot run past the card's expiry on %s, and it is due on %s", datefmt.EnglishDay(r.ExpiryDate), datefmt.EnglishDay(loan.DueDate)))
	}
	return "", errs.Conflict(CodeRenewalTooEarly, zh, en)
}

// earliestRenewal is the first day after today on which a renewal of days,
// cut to the card's expiry, would move the due date beyond due; false
// when there is none before due.
func earliestRenewal(cal Calendar, today time.Time, days int, expiry, due string) (time.Time, bool) {
	end, err := time.Parse(time.DateOnly, due)
	if err != nil {
		return time.Time{}, false
	}
	for d := today.AddDate(0, 0, 1); !d.After(end); d = d.AddDate(0, 0, 1) {
		if cal.DueDate(d, days, expiry).Format(time.DateOnly) > due {
			return d, true
		}
	}
	return time.Time{}, false
}
