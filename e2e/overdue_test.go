package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/testkit/webtest"
)

// TestOverdueFromHomeToSlips: the librarian names the library, duty staff
// follow the home page's overdue counter to the full list, on a desktop
// and on a phone, and open the printable 催还 slips.
func TestOverdueFromHomeToSlips(t *testing.T) {
	s := startSite(t)
	for i, code := range []string{s.f.Barcodes[0][0], s.f.Barcodes[1][0], s.f.Barcodes[2][0]} {
		webtest.LendOverdue(t, s.a, s.f.Readers[0].Card, code, 5+i)
	}
	webtest.LendOverdue(t, s.a, s.f.Readers[1].Card, s.f.Barcodes[1][1], 2)

	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "name the library",
		chromedp.Navigate(s.url+"/settings"),
		chromedp.WaitVisible(chromedp.CSS("#library-name")),
		chromedp.Clear(chromedp.CSS("#library-name")),
		chromedp.SendKeys(chromedp.CSS("#library-name"), "州委党校党建书屋"),
		chromedp.Submit(chromedp.CSS("#library-name")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	keep(t, lib, "settings-desktop")
	wantText(t, lib, ".brand", "州委党校党建书屋")

	duty := person(t, browser)
	login(t, duty, s.url, "duty1")
	do(t, duty, "follow the overdue counter",
		chromedp.Navigate(s.url+"/"),
		chromedp.WaitVisible(chromedp.CSS("#overdue-count")),
		chromedp.Click(chromedp.CSS("#overdue-count")),
		chromedp.WaitVisible(chromedp.CSS("#overdue")),
	)
	wantText(t, duty, "#overdue-total", "共 4 册逾期未还")
	wantText(t, duty, "#overdue", "张三", "13800138000", "李四", "超期 7 天")
	title, err := chromedp.Run(duty, chromedp.Title())
	if err != nil || title != "逾期未还 · 州委党校党建书屋" {
		t.Errorf("title %q (%v)", title, err)
	}
	keep(t, duty, "overdue-desktop")
	do(t, duty, "open the slips",
		chromedp.Click(chromedp.CSS("#print-slips")),
		chromedp.WaitVisible(chromedp.CSS(".dun-slip")),
	)
	wantText(t, duty, ".slips", "张三 同志", "李四 同志", "州委党校党建书屋", "图书催还单")
	keep(t, duty, "slips-desktop")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "duty2")
	do(t, phone, "open the list on a phone", chromedp.Navigate(s.url+"/overdue"), chromedp.WaitVisible(chromedp.CSS("#overdue")))
	fitsScreen(t, phone, "overdue list")
	keep(t, phone, "overdue-phone")
	do(t, phone, "open the slips on a phone", chromedp.Navigate(s.url+"/overdue/slips"), chromedp.WaitVisible(chromedp.CSS(".dun-slip")))
	fitsScreen(t, phone, "slips")
	keep(t, phone, "slips-phone")
	do(t, phone, "open home on a phone", chromedp.Navigate(s.url+"/"), chromedp.WaitVisible(chromedp.CSS("#overdue-count")))
	keep(t, phone, "home-phone")
}
