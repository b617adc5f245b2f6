package e2e

import (
	"fmt"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestDeskScannerFlow is a duty shift: scan a card, scan three books as a
// wedge scanner types them (fast, each ending with Enter, no waiting), then
// return one a reader is waiting for and get the hold slip.
func TestDeskScannerFlow(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	duty := person(t, browser)
	login(t, duty, s.url, "duty1")

	card := s.f.Readers[0].Card
	books := []string{s.f.Barcodes[0][0], s.f.Barcodes[1][0], s.f.Barcodes[2][0]}
	do(t, duty, "open the desk and scan the card",
		chromedp.Navigate(s.url+"/desk"),
		chromedp.WaitVisible(chromedp.CSS("#scan:focus")),
		chromedp.SendKeys(chromedp.CSS("#scan"), card+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#panel .name")),
	)
	wantText(t, duty, "#panel .name", "张三")
	// A scanner does not wait for the page: three barcodes back to back.
	do(t, duty, "scan three books",
		chromedp.SendKeys(chromedp.CSS("#scan"), books[0]+"\r"),
		chromedp.SendKeys(chromedp.CSS("#scan"), books[1]+"\r"),
		chromedp.SendKeys(chromedp.CSS("#scan"), books[2]+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#lines li:nth-child(4)")),
		chromedp.WaitVisible(chromedp.CSS("#scan:focus")),
	)
	for i, code := range books {
		wantText(t, duty, fmt.Sprintf("#lines li:nth-child(%d)", 3-i), "已借出", code)
	}
	wantText(t, duty, "#panel", "在借图书（3 册）")

	do(t, duty, "scan an unknown barcode",
		chromedp.SendKeys(chromedp.CSS("#scan"), "NO-SUCH-1\r"),
		chromedp.WaitVisible(chromedp.CSS("#lines li.error")),
		chromedp.WaitVisible(chromedp.CSS("#scan:focus")),
	)
	wantText(t, duty, "#lines li.error", "NO-SUCH-1", "不存在")

	if _, err := s.a.Circulation.PlaceHold(t.Context(), s.f.Readers[1].Card, s.f.Records[0].ID); err != nil {
		t.Fatal(err)
	}
	do(t, duty, "return the book on hold",
		chromedp.Navigate(s.url+"/desk?mode=return"),
		chromedp.WaitVisible(chromedp.CSS("#scan:focus")),
		chromedp.SendKeys(chromedp.CSS("#scan"), books[0]+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#lines .slip")),
	)
	wantText(t, duty, "#lines li.hold", "已归还", "为 李四 保留")
	wantText(t, duty, "#lines .slip", "预约取书条", "李四", s.f.Readers[1].Card)
	do(t, duty, "return a book nobody waits for",
		chromedp.SendKeys(chromedp.CSS("#scan"), books[1]+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#lines li:nth-child(2)")),
	)
	wantText(t, duty, "#lines li:nth-child(1)", "请上架")
}
