package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
)

// TestReaderOnPhone: a trainee on a 375-pixel phone logs in with the card
// number, renews a loan that is nearly due and places a hold on a book
// that is out.
func TestReaderOnPhone(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	cats, err := s.a.Catalog.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	var literature int64
	for _, c := range cats {
		if c.Code == "wxys" {
			literature = c.ID
		}
	}
	// Literature goes out for three days, so renewing it extends the loan.
	if _, err := s.a.Circulation.SavePolicy(ctx, circulation.Policy{CategoryID: literature, LoanDays: 3, MaxLoans: 10, Renewals: 1, RenewalDays: 15, HoldsAllowed: true, MaxHolds: 5}); err != nil {
		t.Fatal(err)
	}
	me, other := s.f.Readers[0], s.f.Readers[1]
	if _, err := s.a.Circulation.Checkout(ctx, me.Card, s.f.Barcodes[3][0]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.Circulation.Checkout(ctx, other.Card, s.f.Barcodes[4][0]); err != nil {
		t.Fatal(err)
	}

	browser := newBrowser(t)
	phone := person(t, browser)
	do(t, phone, "use a phone-sized screen", chromedp.EmulateViewport(375, 812, chromedp.EmulateMobile))
	login(t, phone, s.url, me.Card)
	do(t, phone, "see my loans", chromedp.WaitVisible(chromedp.CSS("#loans")))
	wantText(t, phone, "h1", "张三")
	wantText(t, phone, "#loans", "平凡的世界")
	wide, err := chromedp.Run(phone, chromedp.Evaluate[bool](`document.documentElement.scrollWidth > window.innerWidth + 1`))
	if err != nil {
		t.Fatal(err)
	}
	if wide {
		shot(t, phone, "too wide")
		t.Error("the page is wider than the phone's screen")
	}
	do(t, phone, "renew the loan",
		chromedp.Click(chromedp.CSS(fmt.Sprintf(`[data-renew="%s"]`, s.f.Barcodes[3][0]))),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, phone, ".flash", "已续借《平凡的世界》")
	wantText(t, phone, "#loans", "已续借 1 次")

	do(t, phone, "find a book that is out and place a hold",
		chromedp.Navigate(s.url+"/opac"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "红岩\r"),
		chromedp.WaitVisible(chromedp.CSS(".results a.title")),
		chromedp.Click(chromedp.CSS(".results a.title")),
		chromedp.WaitVisible(chromedp.CSS("#place-hold")),
	)
	wantText(t, phone, "main", "全部借出")
	do(t, phone, "place the hold",
		chromedp.Click(chromedp.CSS("#place-hold")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, phone, ".flash", "已预约《红岩》", "排队第 1 位")
	wantText(t, phone, "#holds", "红岩", "排队第 1 位")
}
