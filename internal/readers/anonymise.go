package readers

import (
	"context"
	"fmt"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// AnonymisedName is what an anonymised reader is called from then on.
const AnonymisedName = "已删除的读者"

// PseudonymName is what statistics call the reader of a ledger line older
// than the years of loan history kept (settings.Retention).
const PseudonymName = "匿名读者"

// Anonymise deletes a cancelled reader's personal data (个人信息删除):
// name, gender, unit, position, phone, notes and password go, the card
// number becomes DEL-<id> so it can be issued again. What the reader did
// stays, tied to the anonymous row: their loans, visits and class
// membership still count in the statistics, but nobody can tell whose
// they were. The audit log keeps the old card number only.
func (s *Service) Anonymise(ctx context.Context, card string) (Reader, error) {
	var r Reader
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if r, err = tx.ReaderByCard(card); err != nil {
			return err
		}
		if r.Status != StatusCancelled {
			return errs.Conflict(CodeReaderNotCancelled, fmt.Sprintf("%s 的读者证尚未注销：先注销读者证，再删除个人信息", r.Name),
				"cancel the card first, then delete the personal data")
		}
		n, err := tx.ActiveLoanCount(r.ID)
		if err != nil {
			return err
		}
		if n > 0 {
			return errs.Conflict(CodeReaderHasLoans, fmt.Sprintf("%s 还有 %d 册书未还，不能删除个人信息", r.Name, n), "the reader still has books out")
		}
		old := r.Card
		r.Card, r.Name = fmt.Sprintf("DEL-%d", r.ID), AnonymisedName
		r.Gender, r.Unit, r.Position, r.Phone, r.Notes, r.PasswordHash = "", "", "", "", "", ""
		r.UpdatedAt = s.now()
		if err := tx.UpdateReader(&r); err != nil {
			return err
		}
		if err := tx.DeleteSessionsOf(0, r.ID); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "anonymise", "reader", r.Card, "删除读者 "+old+" 的个人信息（借阅与到馆记录匿名保留，计入统计）"))
	})
	return r, err
}
