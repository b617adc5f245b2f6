package e2e

import (
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// TestAThemedDisplayIsSetUpFilledByScanningAndShownInThePortal: the
// librarian sets up 党的二十大读物专题书展, scans two copies onto it and one
// back at the desk (the field empty and focused after each scan), and a
// reader finds it in the portal on a phone; the door display names it.
func TestAThemedDisplayIsSetUpFilledByScanningAndShownInThePortal(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	today := time.Now().In(s.a.Config.Location())
	do(t, lib, "set up a display", chromedp.Navigate(s.url+"/displays"), chromedp.WaitVisible(chromedp.CSS("#new-display")),
		chromedp.SendKeys(chromedp.CSS("#title"), "党的二十大读物专题书展"),
		chromedp.SetValue(chromedp.CSS("#starts"), today.Format(time.DateOnly)),
		chromedp.SetValue(chromedp.CSS("#ends"), today.AddDate(0, 0, 30).Format(time.DateOnly)),
		chromedp.SendKeys(chromedp.CSS("#description"), "突出经典、紧跟形势"),
		chromedp.Click(chromedp.CSS("#create-display")), chromedp.WaitVisible(chromedp.CSS("#visit-code")))
	wantText(t, lib, ".flash", "已新建书展「党的二十大读物专题书展」")
	scan := func(code, want string) {
		t.Helper()
		do(t, lib, "scan "+code, chromedp.SendKeys(chromedp.CSS("#visit-code"), code+"\r"))
		waitText(t, lib, "#visit-result", want)
		v, _ := chromedp.Run(lib, chromedp.Value(chromedp.CSS("#visit-code")))
		if v != "" {
			t.Fatalf("the scan field still holds %q", v)
		}
	}
	scan(s.f.Barcodes[0][0], "已上架：《"+s.f.Records[0].Title)
	scan(s.f.Barcodes[1][0], "已上架：《"+s.f.Records[1].Title)
	scan(s.f.Barcodes[2][0], "已上架：《"+s.f.Records[2].Title)
	scan(s.f.Barcodes[2][0], "已撤回原架：《"+s.f.Records[2].Title)
	wantText(t, lib, "#display-copy-count", "2")
	wantText(t, lib, "#display-copies", s.f.Records[0].Title, s.f.Records[1].Title)
	keep(t, lib, "display-show-desktop")
	do(t, lib, "the list", chromedp.Navigate(s.url+"/displays"), chromedp.WaitVisible(chromedp.CSS("#displays-now")))
	wantText(t, lib, "#displays-now", "党的二十大读物专题书展")
	keep(t, lib, "displays-desktop")

	reader := person(t, browser)
	onPhone(t, reader)
	do(t, reader, "the portal's displays", chromedp.Navigate(s.url+"/opac/displays"), chromedp.WaitVisible(chromedp.CSS(".opac-display")))
	wantText(t, reader, ".opac-display", "党的二十大读物专题书展", s.f.Records[0].Title, "突出经典、紧跟形势")
	fitsScreen(t, reader, "portal displays")
	keep(t, reader, "opac-displays-phone")
	do(t, reader, "the door display", chromedp.Navigate(s.url+"/display"), chromedp.WaitVisible(chromedp.CSS("#display-shows")))
	wantText(t, reader, "#display-shows", "党的二十大读物专题书展", "2 册")
	do(t, reader, "the door display on a screen", chromedp.EmulateViewport(1920, 1080), chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS("#display-shows")))
	keep(t, reader, "display-with-shows-desktop")

	desk := person(t, browser)
	onPhone(t, desk)
	login(t, desk, s.url, "duty1")
	do(t, desk, "the displays on a phone", chromedp.Navigate(s.url+"/displays"), chromedp.WaitVisible(chromedp.CSS("#displays-now")))
	fitsScreen(t, desk, "displays")
	keep(t, desk, "displays-phone")
	do(t, desk, "open it", chromedp.Click(chromedp.CSS("#displays-now a")), chromedp.WaitVisible(chromedp.CSS("#visit-code")))
	fitsScreen(t, desk, "display page")
	keep(t, desk, "display-show-phone")
}
