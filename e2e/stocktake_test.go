package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStocktakeScanOnPhone: the librarian starts a stocktake of all
// shelves; duty staff scan on a phone, choosing the shelf and scanning
// with Enter; the librarian reads the result and closes it.
func TestStocktakeScanOnPhone(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "start a stocktake",
		chromedp.Navigate(s.url+"/stocktake"),
		chromedp.WaitVisible(chromedp.CSS("#start-stocktake")),
		chromedp.SendKeys(chromedp.CSS("#name"), "2026 年度全馆盘点"),
		chromedp.Click(chromedp.CSS("#start")),
		chromedp.WaitVisible(chromedp.CSS("#barcode")),
	)
	url, err := chromedp.Run(lib, chromedp.Evaluate[string](`location.pathname`))
	if err != nil {
		t.Fatal(err)
	}
	duty := person(t, browser)
	onPhone(t, duty)
	login(t, duty, s.url, "duty1")
	do(t, duty, "scan two copies on the first shelf",
		chromedp.Navigate(s.url+url),
		chromedp.WaitVisible(chromedp.CSS("#barcode")),
		chromedp.SetValue(chromedp.CSS("#shelf"), itoa(1)),
		chromedp.SendKeys(chromedp.CSS("#barcode"), s.f.Barcodes[0][0]+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#feedback")),
		chromedp.WaitVisible(chromedp.CSS("#barcode:focus")),
		chromedp.SendKeys(chromedp.CSS("#barcode"), "NOSUCH99\r"),
		chromedp.WaitVisible(chromedp.CSS("#feedback.verdict-unknown")),
	)
	wantText(t, duty, "#feedback", "NOSUCH99", "未知条码")
	wantText(t, duty, "#scan-count", "已扫描 2 册")
	fitsScreen(t, duty, "stocktake scanning")
	keep(t, duty, "stocktake-scan-phone")
	do(t, lib, "the result", chromedp.Navigate(s.url+url+"/result"), chromedp.WaitVisible(chromedp.CSS("#totals")))
	wantText(t, lib, "#total-missing", "未找到")
	keep(t, lib, "stocktake-result-desktop")
	do(t, lib, "close it", chromedp.Click(chromedp.CSS("#close-stocktake")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, lib, ".flash", "盘点已结束")
	do(t, lib, "the list", chromedp.Navigate(s.url+"/stocktake"), chromedp.WaitVisible(chromedp.CSS("#stocktakes")))
	keep(t, lib, "stocktakes-desktop")
}
