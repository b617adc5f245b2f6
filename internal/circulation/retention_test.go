package circulation_test

import (
	"testing"
	"time"

	"shuwu/internal/ledger"
	"shuwu/internal/settings"
	"shuwu/internal/testkit"
)

// Loan history older than the years kept stops naming the reader: each
// reader's lines of one year go to one anonymous reader of that year, so
// the year still counts the same readers; a copy still out keeps its
// loan line until it comes back; nothing happens twice.
func TestRetentionUntiesOldLoanHistoryKeepingTheYearsCounts(t *testing.T) {
	k := testkit.New(t)
	a, b := k.Reader("王芳"), k.Reader("李明")
	i1, i2, i3 := k.Item("红岩"), k.Item("平凡的世界"), k.Item("共产党宣言")
	k.Checkout(a, i1) // 2024-09-02
	k.Checkout(b, i2) // never returned until 2026
	k.Clock.AddDays(1)
	if _, err := k.Circulation.Checkin(k.Ctx, i1.Barcode, false); err != nil {
		t.Fatal(err)
	}
	k.Clock.Set(time.Date(2025, 3, 3, 10, 0, 0, 0, testkit.Shanghai))
	k.Checkout(a, i3)
	if _, err := k.Circulation.Checkin(k.Ctx, i3.Barcode, false); err != nil {
		t.Fatal(err)
	}
	k.Clock.Set(time.Date(2026, 5, 4, 10, 0, 0, 0, testkit.Shanghai))
	k.Checkout(a, i1) // this year's: kept

	if err := k.Circulation.SaveRetention(k.Ctx, settings.Retention{LoanHistoryYears: 51}); err == nil {
		t.Fatal("51 years accepted")
	} else {
		wantCode(t, err, settings.CodeRetentionInvalid)
	}
	if n, err := k.Circulation.ApplyRetention(k.Ctx); err != nil || n != 0 {
		t.Fatalf("with nothing set, %d lines changed (%v); want everything kept", n, err)
	}
	if err := k.Circulation.SaveRetention(k.Ctx, settings.Retention{LoanHistoryYears: 1}); err != nil {
		t.Fatal(err)
	}
	n, err := k.Circulation.ApplyRetention(k.Ctx)
	if err != nil || n != 4 {
		t.Fatalf("untied %d lines (%v), want 4: 王芳's loan and return of 2024 and of 2025", n, err)
	}
	mine, _ := k.Circulation.Ledger(k.Ctx, ledger.Filter{ReaderID: a.ID})
	if len(mine) != 1 || mine[0].At.Year() != 2026 {
		t.Fatalf("王芳's history after retention = %+v, want only this year's loan", mine)
	}
	all, _ := k.Circulation.Ledger(k.Ctx, ledger.Filter{})
	readersOf := map[int][]int64{}
	for _, e := range all {
		if e.Kind == ledger.Loan || e.Kind == ledger.Return {
			y := e.At.In(testkit.Shanghai).Year()
			if !contains(readersOf[y], e.ReaderID) {
				readersOf[y] = append(readersOf[y], e.ReaderID)
			}
		}
	}
	if r := readersOf[2024]; len(r) != 2 || !contains(r, b.ID) || contains(r, a.ID) {
		t.Fatalf("readers of 2024 = %v, want 李明 (%d, still has the copy) and one anonymous reader", r, b.ID)
	}
	if r := readersOf[2025]; len(r) != 1 || r[0] >= 0 || contains(readersOf[2024], r[0]) {
		t.Fatalf("readers of 2025 = %v, want one anonymous reader, not 2024's", r)
	}
	if n, err := k.Circulation.ApplyRetention(k.Ctx); err != nil || n != 0 {
		t.Fatalf("second run changed %d lines (%v), want 0", n, err)
	}
	// 李明 brings the 2024 copy back: its loan line goes, the return stays.
	if _, err := k.Circulation.Checkin(k.Ctx, i2.Barcode, false); err != nil {
		t.Fatal(err)
	}
	if n, err := k.Circulation.ApplyRetention(k.Ctx); err != nil || n != 1 {
		t.Fatalf("after the return, %d lines untied (%v), want 1 (the 2024 loan)", n, err)
	}
	his, _ := k.Circulation.Ledger(k.Ctx, ledger.Filter{ReaderID: b.ID})
	if len(his) != 1 || his[0].Kind != ledger.Return {
		t.Fatalf("李明's history = %+v, want only this year's return", his)
	}
}

func contains(ids []int64, id int64) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}
