package e2e

import (
	"strconv"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/periodicals"
)

// TestPeriodicalCheckIn: the librarian subscribes to 《求是》; duty staff
// check an issue in by scanning its barcode and the next with one click
// on a phone; the late issues are listed to claim; a reader sees the
// latest issue on the portal's reading rack.
func TestPeriodicalCheckIn(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	year := strconv.Itoa(s.a.Periodicals.ThisYear())
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "subscribe to 求是",
		chromedp.Navigate(s.url+"/periodicals"),
		chromedp.WaitVisible(chromedp.CSS("#new-subscription")),
		chromedp.SendKeys(chromedp.CSS("#title"), "求是"),
		chromedp.SendKeys(chromedp.CSS("#cn"), "CN11-1000/D"),
		chromedp.SendKeys(chromedp.CSS("#issn"), "1002-4980"),
		chromedp.SetValue(chromedp.CSS("#frequency"), "semimonthly"),
		chromedp.SetValue(chromedp.CSS("#copies"), "3"),
		chromedp.SendKeys(chromedp.CSS("#price"), "360"),
		chromedp.SendKeys(chromedp.CSS("#clc"), "D2"),
		chromedp.Click(chromedp.CSS("#subscribe")),
		chromedp.WaitVisible(chromedp.CSS("#issues")),
	)
	wantText(t, lib, ".flash", "已订阅《求是》"+year+" 年，共 24 期")
	keep(t, lib, "subscription-desktop")

	duty := person(t, browser)
	onPhone(t, duty)
	login(t, duty, s.url, "duty2")
	do(t, duty, "scan the first issue's barcode",
		chromedp.Navigate(s.url+"/periodicals"),
		chromedp.WaitVisible(chromedp.CSS("#code:focus")),
		chromedp.SendKeys(chromedp.CSS("#code"), periodicals.EANOf("1002-4980", 1)+"\r"),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, duty, ".flash", "已记到《求是》第1期（3 份）")
	wantText(t, duty, "#subscriptions", "第1期", "已到 1")
	fitsScreen(t, duty, "periodicals")
	keep(t, duty, "periodicals-phone")
	do(t, duty, "check the next issue in with one click",
		chromedp.Click(chromedp.CSS(`#subscriptions a[href^="/periodicals/"]`)),
		chromedp.WaitVisible(chromedp.CSS("#issues")),
		chromedp.Click(chromedp.CSS("#issue-2 .checkin-btn")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, duty, ".flash", "已记到《求是》第2期")
	wantText(t, duty, "#issue-2", "✓")
	fitsScreen(t, duty, "subscription")
	keep(t, duty, "subscription-phone")
	do(t, duty, "the late issues",
		chromedp.Navigate(s.url+"/periodicals/late"),
		chromedp.WaitVisible(chromedp.CSS("main h1")),
	)
	fitsScreen(t, duty, "late issues")
	keep(t, duty, "periodicals-late-phone")

	do(t, lib, "the list and the late issues on a desktop",
		chromedp.Navigate(s.url+"/periodicals"),
		chromedp.WaitVisible(chromedp.CSS("#subscriptions")),
	)
	keep(t, lib, "periodicals-desktop")
	do(t, lib, "late issues", chromedp.Navigate(s.url+"/periodicals/late"), chromedp.WaitVisible(chromedp.CSS("main h1")))
	keep(t, lib, "periodicals-late-desktop")

	reader := person(t, browser)
	onPhone(t, reader)
	do(t, reader, "the reading rack",
		chromedp.Navigate(s.url+"/opac/periodicals"),
		chromedp.WaitVisible(chromedp.CSS("#rack")),
	)
	wantText(t, reader, "#rack", "《求是》", "第2期")
	fitsScreen(t, reader, "reading rack")
	keep(t, reader, "opac-rack-phone")
}
