package circulation

import (
	"context"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// ItemInfo is a copy's lending state as a self-service machine asks for it
// (SIP2 17): its status, current loan, the record's hold queue and who a
// copy on the hold shelf waits for.
type ItemInfo struct {
	Item  catalog.Item
	Title string
	// Loan is the current loan, nil when the copy is not lent.
	Loan *Loan
	// QueueLength counts the record's open holds.
	QueueLength int
	// HeldFor is the hold a copy on the hold shelf waits for.
	HeldFor *Hold
}

// ItemInfo returns a copy's lending state by barcode.
func (s *Service) ItemInfo(ctx context.Context, barcode string) (ItemInfo, error) {
	var out ItemInfo
	err := s.store.View(ctx, func(tx Tx) error {
		li, err := tx.LendingItem(strings.TrimSpace(barcode))
		if err != nil {
			return err
		}
		out.Item, out.Title = li.Item, li.Title
		if l, err := tx.LoanOfItem(li.ID); err == nil {
			out.Loan = &l
		} else if !errs.Is(err, CodeLoanNotFound) {
			return err
		}
		holds, err := tx.HoldsOfRecord(li.RecordID)
		if err != nil {
			return err
		}
		out.QueueLength = len(holds)
		if li.Status == catalog.StatusOnHoldShelf {
			if h, err := tx.HoldOfItem(li.ID); err == nil {
				out.HeldFor = &h
			} else if !errs.Is(err, CodeHoldNotFound) {
				return err
			}
		}
		return nil
	})
	return out, err
}
