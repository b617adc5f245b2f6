package e2e

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/xuri/excelize/v2"

	"shuwu/internal/audit"
)

// The librarian opens the statistics in a browser: the charts are drawn
// (a canvas in each), the month's table opens under its chart, and the
// Excel button downloads a workbook that opens with the loans in it.
// Leadership reads the same dashboards on a phone, nothing wider than the
// screen.
func TestTheDashboardDrawsItsChartsAndDownloadsTheWorkbook(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	for i, r := range s.f.Readers {
		if _, err := s.a.Circulation.Checkout(ctx, r.Card, s.f.Barcodes[i][0]); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t)
	lib := person(t, b)
	login(t, lib, s.url, "librarian")
	do(t, lib, "open the statistics",
		chromedp.Navigate(s.url+"/stats"),
		chromedp.WaitVisible(chromedp.CSS("#panel-months .chart canvas")),
		chromedp.WaitVisible(chromedp.CSS("#panel-heat .chart canvas")),
	)
	wantText(t, lib, "#kpi-loans", "外借册次", "2")
	drawn, err := chromedp.Run(lib, chromedp.Evaluate[int](`document.querySelectorAll('[data-chart][data-drawn] canvas').length`))
	if err != nil || drawn < 5 {
		t.Fatalf("%d charts drawn (%v); want every chart of the page", drawn, err)
	}
	do(t, lib, "open the month's table", chromedp.Click(chromedp.CSS("#panel-months summary")), chromedp.WaitVisible(chromedp.CSS("#panel-months table")))
	wantText(t, lib, "#panel-months table", "外借册次", "服务读者人数")
	do(t, lib, "open the classes' table", chromedp.Click(chromedp.CSS("#panel-by-class summary")), chromedp.WaitVisible(chromedp.CSS("#panel-by-class table")))
	wantText(t, lib, "#panel-by-class table", "2024年春季县干班")
	keep(t, lib, "stats-use-desktop")

	dir := t.TempDir()
	if _, err := chromedp.CallBrowser(lib, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{Behavior: browser.SetDownloadBehaviorBehaviorAllow,
		DownloadPath: dir, BrowserContextID: chromedp.FromContext(lib).BrowserContextID}); err != nil {
		t.Fatal(err)
	}
	do(t, lib, "download the workbook", chromedp.Click(chromedp.CSS("#stats-export")))
	var file string
	for deadline := time.Now().Add(30 * time.Second); file == "" && time.Now().Before(deadline); time.Sleep(200 * time.Millisecond) {
		got, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
		if len(got) == 1 {
			file = got[0]
		}
	}
	if file == "" {
		shot(t, lib, "download")
		t.Fatal("no workbook was downloaded")
	}
	if !strings.Contains(filepath.Base(file), "借阅与服务") {
		t.Errorf("downloaded %s; want the dashboard's name in it", filepath.Base(file))
	}
	f, err := excelize.OpenFile(file)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("主要指标")
	if err != nil || len(rows) < 2 || rows[1][0] != "外借册次" || rows[1][1] != "2" {
		t.Fatalf("headline sheet %v %v; want 外借册次 2", rows, err)
	}
	_ = os.Remove(file)

	leader := person(t, b)
	login(t, leader, s.url, "leader")
	onPhone(t, leader)
	for _, tab := range []string{"use", "collection", "classes", "events", "acquisitions"} {
		do(t, leader, "open "+tab+" on a phone", chromedp.Navigate(s.url+"/stats/"+tab), chromedp.WaitVisible(chromedp.CSS(".panel")))
		if n, _ := chromedp.Run(leader, chromedp.Evaluate[int](`document.querySelectorAll('[data-chart]').length - document.querySelectorAll('[data-chart][data-drawn]').length`)); n != 0 {
			t.Errorf("%s: %d charts not drawn on the phone", tab, n)
		}
		fitsScreen(t, leader, "statistics "+tab)
		keep(t, leader, "stats-"+tab+"-phone")
	}
}

// The class head teacher's report: picked from the reports page, it
// lists each trainee with phone and books; printed, the menus and the
// form are gone and the table is there.
func TestTheClassReadingReportPrints(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	for i, r := range s.f.Readers {
		if _, err := s.a.Circulation.Checkout(ctx, r.Card, s.f.Barcodes[i][0]); err != nil {
			t.Fatal(err)
		}
	}
	b := newBrowser(t)
	lib := person(t, b)
	login(t, lib, s.url, "librarian")
	do(t, lib, "open the reports", chromedp.Navigate(s.url+"/stats"), chromedp.Click(chromedp.CSS("#stats-reports")), chromedp.WaitVisible(chromedp.CSS("#report-class")))
	do(t, lib, "pick the class", chromedp.Click(chromedp.CSS("#report-class a.report-title")), chromedp.WaitVisible(chromedp.CSS("select[name=class]")),
		chromedp.Click(chromedp.CSS(".stats-range button[type=submit]")), chromedp.WaitVisible(chromedp.CSS("#panel-members table")))
	wantText(t, lib, "h1", "2024年春季县干班 阅读报告")
	wantText(t, lib, "#panel-members table", "张三", "13800138000", "李四")
	keep(t, lib, "report-class-desktop")
	if _, err := chromedp.Call(lib, emulation.SetEmulatedMedia, emulation.SetEmulatedMediaParams{Media: "print"}); err != nil {
		t.Fatal(err)
	}
	hidden, err := chromedp.Run(lib, chromedp.Evaluate[bool](`getComputedStyle(document.querySelector('header.top')).display === 'none' && getComputedStyle(document.querySelector('form.stats-range')).display === 'none' && getComputedStyle(document.querySelector('#panel-members table')).display !== 'none'`))
	if err != nil || !hidden {
		shot(t, lib, "print media")
		t.Fatalf("printed, the menus or the form still show, or the table does not (%v)", err)
	}
	yes := true
	res, err := chromedp.Call(lib, page.PrintToPDF, page.PrintToPDFParams{PrintBackground: &yes})
	if err != nil || len(res.Data) < 2000 || string(res.Data[:4]) != "%PDF" {
		t.Fatalf("print to PDF: %d bytes, %v", len(res.Data), err)
	}
	leader := person(t, b)
	login(t, leader, s.url, "leader")
	onPhone(t, leader)
	do(t, leader, "open the monthly report on a phone", chromedp.Navigate(s.url+"/reports/monthly"), chromedp.WaitVisible(chromedp.CSS("#panel-indicators table")))
	fitsScreen(t, leader, "monthly report")
	keep(t, leader, "report-monthly-phone")
}
