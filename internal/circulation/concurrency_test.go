package circulation_test

import (
	"sync"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/settings"
	"shuwu/internal/testkit"
)

// Twenty desks lending twenty copies to one reader with a limit of five
// at once: exactly five loans, fifteen refusals naming the limit. (On
// PostgreSQL lending runs with row locks, not SERIALIZABLE: the lock on
// the reader is what keeps the count.)
func TestConcurrentCheckoutsToOneReaderStopAtTheLimit(t *testing.T) {
	k := testkit.New(t)
	r := k.Reader("赵敏")
	if _, err := k.Circulation.SavePolicy(k.Ctx, circulation.Policy{ReaderTypeID: r.TypeID, LoanDays: 30, MaxLoans: 5, Renewals: 1, RenewalDays: 15}); err != nil {
		t.Fatal(err)
	}
	items := k.Items(k.Record("二十册"), 20)
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, limited := 0, 0
	for _, it := range items {
		wg.Add(1)
		go func(barcode string) {
			defer wg.Done()
			_, err := k.Circulation.Checkout(k.Ctx, r.Card, barcode)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case errs.Is(err, circulation.CodeLoanLimitReached):
				limited++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}(it.Barcode)
	}
	wg.Wait()
	if ok != 5 || limited != 15 || loanCount(t, k) != 5 {
		t.Fatalf("%d lent, %d refused for the limit, %d loans; want 5, 15, 5", ok, limited, loanCount(t, k))
	}
}

// Ten overdue copies of one reader returned at ten desks at once: the
// longest suspension wins, whatever order the returns commit in, and
// every copy is back on the shelf.
func TestConcurrentOverdueReturnsOfOneReaderKeepTheLongestSuspension(t *testing.T) {
	k := testkit.New(t)
	rules := settings.Defaults()
	rules.SuspendDaysPerOverdueDay = 1
	if err := k.Circulation.SaveRules(k.Ctx, rules); err != nil {
		t.Fatal(err)
	}
	r := k.Reader("钱进")
	items := k.Items(k.Record("十册"), 10)
	for i, it := range items {
		k.Checkout(r, it)
		if i < 9 {
			k.Clock.AddDays(1) // the last copy, lent 9 days after the first, is the least overdue
		}
	}
	k.Clock.AddDays(40) // the first copy is 49 days out: 19 days overdue
	var wg sync.WaitGroup
	for _, it := range items {
		wg.Add(1)
		go func(barcode string) {
			defer wg.Done()
			if _, err := k.Circulation.Checkin(k.Ctx, barcode, false); err != nil {
				t.Errorf("return %s: %v", barcode, err)
			}
		}(it.Barcode)
	}
	wg.Wait()
	got, err := k.Readers.ByCard(k.Ctx, r.Card)
	if err != nil {
		t.Fatal(err)
	}
	want := k.Clock.Now().AddDate(0, 0, 19).Format("2006-01-02")
	if got.SuspendedUntil != want || loanCount(t, k) != 0 {
		t.Fatalf("suspended until %q with %d loans left, want %s (19 overdue days) and none", got.SuspendedUntil, loanCount(t, k), want)
	}
	for _, it := range items {
		if x, _ := k.Catalog.Item(k.Ctx, it.Barcode); x.Status != catalog.StatusAvailable {
			t.Fatalf("copy %s is %s after its return, want available", it.Barcode, x.Status)
		}
	}
}
