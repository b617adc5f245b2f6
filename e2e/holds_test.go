package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
)

// TestHoldShelfOnAPhone: a copy waits on the hold shelf; duty staff on a
// phone find it from the home page and cancel the hold with the reason
// the reader gave.
func TestHoldShelfOnAPhone(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	code := s.f.Barcodes[4][0] // 红岩
	if _, err := s.a.Circulation.Checkout(ctx, s.f.Readers[0].Card, code); err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.Circulation.PlaceHold(ctx, s.f.Readers[1].Card, s.f.Records[4].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.Circulation.Checkin(ctx, code, false); err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	desk := person(t, browser)
	login(t, desk, s.url, "duty1")
	do(t, desk, "open the hold shelf", chromedp.Navigate(s.url+"/holds"), chromedp.WaitVisible(chromedp.CSS("#hold-shelf")))
	keep(t, desk, "holds-desktop")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "duty2")
	do(t, phone, "follow the home page to the hold shelf",
		chromedp.Navigate(s.url+"/"),
		chromedp.WaitVisible(chromedp.CSS("#holds-all")),
		chromedp.Click(chromedp.CSS("#holds-all")),
		chromedp.WaitVisible(chromedp.CSS("#hold-shelf")),
	)
	wantText(t, phone, "#hold-shelf", "红岩", "李四")
	fitsScreen(t, phone, "hold shelf")
	keep(t, phone, "holds-phone")
	do(t, phone, "cancel with a reason",
		chromedp.SendKeys(chromedp.CSS("#hold-shelf input[name=reason]"), "读者已结业离校"),
		chromedp.Submit(chromedp.CSS("#hold-shelf input[name=reason]")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, phone, ".flash", "预约已取消")
	wantText(t, phone, "#holds-summary", "共 0 册待取")
}
