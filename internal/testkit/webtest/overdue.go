package webtest

import (
	"context"
	"testing"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/store"
)

// LendOverdue lends the copy barcode to the reader with card and moves
// its due date days into the past, as if the loan had run late.
func LendOverdue(tb testing.TB, a *app.App, card, barcode string, days int) {
	tb.Helper()
	ctx := audit.WithActor(context.Background(), audit.System)
	res, err := a.Circulation.Checkout(ctx, card, barcode)
	if err != nil {
		tb.Fatalf("lend %s to %s: %v", barcode, card, err)
	}
	due := addDays(tb, a.Catalog.Today(), -days)
	err = a.DB.Update(ctx, func(tx *store.Tx) error {
		l, err := tx.LoanOfItem(res.Loan.ItemID)
		if err != nil {
			return err
		}
		l.DueDate = due
		return tx.UpdateLoan(&l)
	})
	if err != nil {
		tb.Fatalf("backdate loan of %s: %v", barcode, err)
	}
}
