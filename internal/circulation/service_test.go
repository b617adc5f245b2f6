package circulation_test

import (
	"sync"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/settings"
	"shuwu/internal/testkit"
)

// wantCode fails unless err carries code.
func wantCode(t *testing.T, err error, code errs.Code) {
	t.Helper()
	if !errs.Is(err, code) {
		t.Fatalf("error = %v, want code %s", err, code)
	}
	if e := errs.As(err); e.Message == "" || e.Message == "内部错误" {
		t.Fatalf("error %s has no Chinese message a person can act on: %q", code, e.Message)
	}
}

func loanCount(t *testing.T, k *testkit.Kit) int {
	t.Helper()
	c, err := k.DB.Counts(k.Ctx, k.Catalog.Today())
	if err != nil {
		t.Fatal(err)
	}
	return c.ActiveLoans
}

func TestCheckoutLendsForThirtyDaysAndLogsTheLoan(t *testing.T) {
	k := testkit.New(t)
	it := k.Item("新时代党的建设")
	r := k.Reader("王芳")
	res := k.Checkout(r, it)
	if res.Loan.DueDate != "2024-10-02" {
		t.Fatalf("due date = %s, want 2024-10-02 (30 days from Monday 2 Sep)", res.Loan.DueDate)
	}
	got, err := k.Catalog.Item(k.Ctx, it.Barcode)
	if err != nil || got.Status != catalog.StatusOnLoan {
		t.Fatalf("item status = %v, %v; want on loan", got.Status, err)
	}
	evs, err := k.Circulation.Ledger(k.Ctx, ledger.Filter{ReaderID: r.ID})
	if err != nil || len(evs) != 1 || evs[0].Kind != ledger.Loan || evs[0].ItemID != it.ID {
		t.Fatalf("ledger = %+v, %v; want one loan event for the item", evs, err)
	}
}

func TestCheckoutRefusalsChangeNothing(t *testing.T) {
	tests := []struct {
		name  string
		setup func(k *testkit.Kit) (card, barcode string)
		code  errs.Code
	}{
		{"unknown reader", func(k *testkit.Kit) (string, string) { return "R9999999", k.Item("甲").Barcode }, "READER_NOT_FOUND"},
		{"unknown item", func(k *testkit.Kit) (string, string) { return k.Reader("乙").Card, "99999999" }, "ITEM_NOT_FOUND"},
		{"expired card", func(k *testkit.Kit) (string, string) {
			r := k.Reader("丙")
			r.ExpiryDate = "2024-08-31"
			if _, err := k.Readers.Update(k.Ctx, r); err != nil {
				k.TB.Fatal(err)
			}
			return r.Card, k.Item("丁").Barcode
		}, "CARD_EXPIRED"},
		{"card reported lost", func(k *testkit.Kit) (string, string) {
			r := k.Reader("戊")
			if _, err := k.Readers.SetStatus(k.Ctx, r.Card, readers.StatusLost); err != nil {
				k.TB.Fatal(err)
			}
			return r.Card, k.Item("己").Barcode
		}, "CARD_LOST"},
		{"suspended card", func(k *testkit.Kit) (string, string) {
			r := k.Reader("庚")
			if _, err := k.Readers.SetStatus(k.Ctx, r.Card, readers.StatusSuspended); err != nil {
				k.TB.Fatal(err)
			}
			return r.Card, k.Item("辛").Barcode
		}, "CARD_SUSPENDED"},
		{"item for in-room use only", func(k *testkit.Kit) (string, string) {
			it := k.Item("壬")
			no := false
			if _, err := k.Catalog.UpdateItem(k.Ctx, it.Barcode, catalog.ItemChange{Lendable: &no}); err != nil {
				k.TB.Fatal(err)
			}
			return k.Reader("癸").Card, it.Barcode
		}, "ITEM_NOT_LENDABLE"},
		{"item already on loan", func(k *testkit.Kit) (string, string) {
			it := k.Item("子")
			k.Checkout(k.Reader("丑"), it)
			return k.Reader("寅").Card, it.Barcode
		}, "ITEM_ON_LOAN"},
		{"item in repair", func(k *testkit.Kit) (string, string) {
			it := k.Item("卯")
			if _, err := k.Circulation.MarkDamaged(k.Ctx, it.Barcode, ""); err != nil {
				k.TB.Fatal(err)
			}
			return k.Reader("辰").Card, it.Barcode
		}, "ITEM_NOT_AVAILABLE"},
		{"loan limit reached", func(k *testkit.Kit) (string, string) {
			r := k.Reader("巳")
			for _, it := range k.Items(k.Record("十本书"), 10) {
				k.Checkout(r, it)
			}
			return r.Card, k.Item("第十一本").Barcode
		}, "LOAN_LIMIT_REACHED"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			k := testkit.New(t)
			card, barcode := tt.setup(k)
			before := loanCount(t, k)
			_, err := k.Circulation.Checkout(k.Ctx, card, barcode)
			wantCode(t, err, tt.code)
			if after := loanCount(t, k); after != before {
				t.Fatalf("a refused checkout changed the loans: %d → %d", before, after)
			}
		})
	}
}

func TestReturnReportsOverdueDaysAndSuspendsWhenEnabled(t *testing.T) {
	k := testkit.New(t)
	rules := settings.Defaults()
	rules.SuspendDaysPerOverdueDay = 2
	if err := k.Circulation.SaveRules(k.Ctx, rules); err != nil {
		t.Fatal(err)
	}
	it, r := k.Item("党史"), k.Reader("李强")
	k.Checkout(r, it) // due 2024-10-02
	k.Clock.Set(k.Clock.Now().AddDate(0, 0, 33))
	res, err := k.Circulation.Checkin(k.Ctx, it.Barcode, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.OverdueDays != 3 || res.Action != "shelve" || !res.WasOnLoan {
		t.Fatalf("return = %+v; want 3 days overdue, shelve", res)
	}
	if res.SuspendedTo != "2024-10-11" {
		t.Fatalf("suspended until %q, want 2024-10-11 (2 days per overdue day from 5 Oct)", res.SuspendedTo)
	}
	_, err = k.Circulation.Checkout(k.Ctx, r.Card, k.Item("另一本").Barcode)
	wantCode(t, err, "CARD_SUSPENDED")
}

func TestReturnIsAlwaysAccepted(t *testing.T) {
	k := testkit.New(t)
	it := k.Item("从未借出的书")
	res, err := k.Circulation.Checkin(k.Ctx, it.Barcode, false)
	if err != nil {
		t.Fatalf("returning a copy that was not on loan failed: %v", err)
	}
	if res.WasOnLoan || res.Action != "shelve" {
		t.Fatalf("return = %+v; want not-on-loan, shelve", res)
	}
	lost := k.Item("遗失后找回")
	if _, err := k.Circulation.MarkLost(k.Ctx, lost.Barcode, ""); err != nil {
		t.Fatal(err)
	}
	res, err = k.Circulation.Checkin(k.Ctx, lost.Barcode, false)
	if err != nil || !res.Found || res.Item.Status != catalog.StatusAvailable {
		t.Fatalf("returning a lost copy = %+v, %v; want found and back on the shelf", res, err)
	}
}

func TestHoldQueueTrapsTheReturnedCopyForTheFirstReader(t *testing.T) {
	k := testkit.New(t)
	rec := k.Record("习近平谈治国理政")
	it := k.Items(rec, 1)[0]
	borrower, first, second := k.Reader("借书人"), k.Reader("第一位"), k.Reader("第二位")
	_, err := k.Circulation.PlaceHold(k.Ctx, first.Card, rec.ID)
	wantCode(t, err, "HOLD_ITEM_AVAILABLE")

	k.Checkout(borrower, it)
	h1, err := k.Circulation.PlaceHold(k.Ctx, first.Card, rec.ID)
	if err != nil || h1.Position != 1 {
		t.Fatalf("first hold = %+v, %v; want position 1", h1, err)
	}
	h2, err := k.Circulation.PlaceHold(k.Ctx, second.Card, rec.ID)
	if err != nil || h2.Position != 2 {
		t.Fatalf("second hold = %+v, %v; want position 2", h2, err)
	}
	_, err = k.Circulation.PlaceHold(k.Ctx, second.Card, rec.ID)
	wantCode(t, err, "HOLD_DUPLICATE")
	_, err = k.Circulation.Renew(k.Ctx, it.Barcode, 0)
	wantCode(t, err, "RENEWAL_ON_HOLD")

	res, err := k.Circulation.Checkin(k.Ctx, it.Barcode, false)
	if err != nil {
		t.Fatal(err)
	}
	if res.Action != "hold_shelf" || res.Hold == nil || res.Hold.ReaderCard != first.Card {
		t.Fatalf("return = %+v; want the copy held for %s", res, first.Card)
	}
	if res.Hold.PickupDeadline != "2024-09-11" {
		t.Fatalf("pickup deadline = %s, want 2024-09-11 (7 open days)", res.Hold.PickupDeadline)
	}
	_, err = k.Circulation.Checkout(k.Ctx, second.Card, it.Barcode)
	wantCode(t, err, "ITEM_ON_HOLD_FOR_OTHER")
	k.Checkout(first, it)
	acc, err := k.Circulation.Account(k.Ctx, second.Card)
	if err != nil || len(acc.Holds) != 1 || acc.Holds[0].Position != 1 {
		t.Fatalf("second reader's holds = %+v, %v; want now first in line", acc.Holds, err)
	}
}

func TestUncollectedHoldExpiresAndPassesToTheNextReader(t *testing.T) {
	k := testkit.New(t)
	rec := k.Record("共产党宣言", "A12")
	it := k.Items(rec, 1)[0]
	k.Checkout(k.Reader("甲"), it)
	a, b := k.Reader("乙"), k.Reader("丙")
	for _, r := range []readers.Reader{a, b} {
		if _, err := k.Circulation.PlaceHold(k.Ctx, r.Card, rec.ID); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := k.Circulation.Checkin(k.Ctx, it.Barcode, false); err != nil {
		t.Fatal(err)
	}
	k.Clock.AddDays(20)
	n, err := k.Circulation.ExpireHolds(k.Ctx)
	if err != nil || n != 1 {
		t.Fatalf("expired %d holds, %v; want 1", n, err)
	}
	acc, err := k.Circulation.Account(k.Ctx, b.Card)
	if err != nil || len(acc.Holds) != 1 || acc.Holds[0].Status != circulation.HoldTrapped {
		t.Fatalf("next reader's hold = %+v, %v; want trapped", acc.Holds, err)
	}
}

func TestRenewalLimitAndVisitorPolicy(t *testing.T) {
	k := testkit.New(t)
	it, r := k.Item("乡土中国"), k.Reader("赵敏")
	k.Checkout(r, it)
	k.Clock.AddDays(20)
	lv, err := k.Circulation.Renew(k.Ctx, it.Barcode, 0)
	if err != nil || lv.Renewals != 1 || lv.DueDate != "2024-10-07" {
		t.Fatalf("renewal = %+v, %v; want 1 renewal due 2024-10-07 (15 days from 22 Sep, a Sunday → Monday)", lv, err)
	}
	_, err = k.Circulation.Renew(k.Ctx, it.Barcode, 0)
	wantCode(t, err, "RENEWAL_LIMIT_REACHED")

	visitor, err := k.Readers.Create(k.Ctx, readers.Reader{Name: "访客", TypeID: k.TypeID(readers.TypeVisitor)})
	if err != nil {
		t.Fatal(err)
	}
	rec := k.Record("热门书")
	k.Checkout(r, k.Items(rec, 1)[0])
	_, err = k.Circulation.PlaceHold(k.Ctx, visitor.Card, rec.ID)
	wantCode(t, err, "HOLD_NOT_ALLOWED")
}

func TestTraineeCardsExpireAfterClassAndClearanceNeedsEverythingBack(t *testing.T) {
	k := testkit.New(t)
	c := k.Class("2024年秋季科干班", "2024-09-01", "2024-09-20")
	tr := k.Trainee("陈学员", c)
	if tr.ExpiryDate != "2024-09-27" {
		t.Fatalf("trainee card expiry = %s, want 2024-09-27 (class end + 7 days grace)", tr.ExpiryDate)
	}
	it := k.Item("党章学习")
	res := k.Checkout(tr, it)
	if res.Loan.DueDate != "2024-09-27" {
		t.Fatalf("trainee due date = %s, want cut back to card expiry 2024-09-27", res.Loan.DueDate)
	}
	if res.Loan.ClassID != c.ID {
		t.Fatalf("loan counted for class %d, want %d", res.Loan.ClassID, c.ID)
	}
	cl, err := k.Circulation.Clearance(k.Ctx, c.ID)
	if err != nil || cl.Outstanding != 1 || cl.LoansOut != 1 {
		t.Fatalf("clearance = %+v, %v; want 1 member with 1 book out", cl, err)
	}
	_, err = k.Circulation.MarkCleared(k.Ctx, c.ID, tr.Card)
	wantCode(t, err, "READER_HAS_LOANS")
	if _, err := k.Circulation.Checkin(k.Ctx, it.Barcode, false); err != nil {
		t.Fatal(err)
	}
	cert, err := k.Circulation.MarkCleared(k.Ctx, c.ID, tr.Card)
	if err != nil || cert.Reader.Card != tr.Card || cert.Number == "" {
		t.Fatalf("certificate = %+v, %v", cert, err)
	}
	cl, _ = k.Circulation.Clearance(k.Ctx, c.ID)
	if cl.ClearedN != 1 || cl.Outstanding != 0 {
		t.Fatalf("after clearance = %+v; want 1 cleared, none outstanding", cl)
	}
}

func TestConcurrentCheckoutsOfOneItemMakeExactlyOneLoan(t *testing.T) {
	k := testkit.New(t)
	it := k.Item("抢手书")
	var rs []readers.Reader
	for i := 0; i < 50; i++ {
		rs = append(rs, k.Reader("读者"))
	}
	var wg sync.WaitGroup
	var mu sync.Mutex
	ok, onLoan := 0, 0
	for _, r := range rs {
		wg.Add(1)
		go func(card string) {
			defer wg.Done()
			_, err := k.Circulation.Checkout(k.Ctx, card, it.Barcode)
			mu.Lock()
			defer mu.Unlock()
			switch {
			case err == nil:
				ok++
			case errs.Is(err, "ITEM_ON_LOAN"):
				onLoan++
			default:
				t.Errorf("unexpected error: %v", err)
			}
		}(r.Card)
	}
	wg.Wait()
	if ok != 1 || onLoan != 49 || loanCount(t, k) != 1 {
		t.Fatalf("%d succeeded, %d refused, %d loans; want 1, 49, 1", ok, onLoan, loanCount(t, k))
	}
}

func TestConcurrentCheckoutsOfFiftyItemsLoseNothing(t *testing.T) {
	k := testkit.New(t)
	items := k.Items(k.Record("五十册"), 50)
	var rs []readers.Reader
	for i := 0; i < 50; i++ {
		rs = append(rs, k.Reader("读者"))
	}
	var wg sync.WaitGroup
	for i := range items {
		wg.Add(1)
		go func(i int) {
			defer wg.Done()
			if _, err := k.Circulation.Checkout(k.Ctx, rs[i].Card, items[i].Barcode); err != nil {
				t.Errorf("checkout %d: %v", i, err)
			}
		}(i)
	}
	wg.Wait()
	if n := loanCount(t, k); n != 50 {
		t.Fatalf("%d loans, want 50", n)
	}
	evs, err := k.Circulation.Ledger(k.Ctx, ledger.Filter{Kinds: []ledger.Kind{ledger.Loan}, Limit: 1000})
	if err != nil || len(evs) != 50 {
		t.Fatalf("%d loan events, %v; want 50", len(evs), err)
	}
}

func TestPickupShelfListsTrappedHoldsAndExpiringCardsAreFound(t *testing.T) {
	k := testkit.New(t)
	rec := k.Record("红岩")
	it := k.Items(rec, 1)[0]
	k.Checkout(k.Reader("借书人"), it)
	waiter := k.Reader("等书人")
	if _, err := k.Circulation.PlaceHold(k.Ctx, waiter.Card, rec.ID); err != nil {
		t.Fatal(err)
	}
	shelf, err := k.Circulation.PickupShelf(k.Ctx)
	if err != nil || len(shelf) != 0 {
		t.Fatalf("pickup shelf before the return = %+v, %v; want empty", shelf, err)
	}
	if _, err := k.Circulation.Checkin(k.Ctx, it.Barcode, false); err != nil {
		t.Fatal(err)
	}
	shelf, err = k.Circulation.PickupShelf(k.Ctx)
	if err != nil || len(shelf) != 1 || shelf[0].ReaderCard != waiter.Card || shelf[0].Barcode != it.Barcode {
		t.Fatalf("pickup shelf = %+v, %v; want the copy held for %s", shelf, err, waiter.Card)
	}
	c := k.Class("短期班", "2024-08-20", "2024-09-03")
	tr := k.Trainee("快到期", c) // card valid to 2024-09-10
	rs, _, err := k.Readers.List(k.Ctx, readers.Filter{ExpiringFrom: "2024-09-02", ExpiringTo: "2024-09-08"})
	if err != nil || len(rs) != 0 {
		t.Fatalf("cards expiring 2–8 Sep = %+v, %v; want none", rs, err)
	}
	rs, _, err = k.Readers.List(k.Ctx, readers.Filter{ExpiringFrom: "2024-09-02", ExpiringTo: "2024-09-10"})
	if err != nil || len(rs) != 1 || rs[0].Card != tr.Card {
		t.Fatalf("cards expiring 2–10 Sep = %+v, %v; want %s", rs, err, tr.Card)
	}
}
