package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// TestExportPageNamesALongRecord: the librarian exports ISO 2709 with one
// record too long for it; instead of 500 内部错误 the export page names the
// record and why, and offers the file of the rest — on a desktop and on a
// phone.
func TestExportPageNamesALongRecord(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	locs, err := s.a.Catalog.Locations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rec, err := s.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "党员教育培训教材", Publisher: "人民出版社", CLC: "D26"})
	if err != nil {
		t.Fatal(err)
	}
	for range 4 {
		if _, err := s.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: catalog.MaxBatchItems, LocationID: locs[0].ID}); err != nil {
			t.Fatal(err)
		}
	}
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	export := func(ctx context.Context, what string) {
		t.Helper()
		do(t, ctx, what,
			chromedp.Navigate(s.url+"/export"),
			chromedp.WaitVisible(chromedp.CSS("#marc button[type=submit]")),
			chromedp.Click(chromedp.CSS("#marc button[type=submit]")),
			chromedp.WaitVisible(chromedp.CSS("#export-skipped")),
		)
		wantText(t, ctx, "#export-skipped", "已导出 6 条书目，1 条未能导出", "《党员教育培训教材》", "超过 99,999 字节的上限", "MARCXML")
		wantText(t, ctx, "#export-file", "下载导出文件")
	}
	export(lib, "export ISO 2709")
	keep(t, lib, "export-skipped-desktop")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	export(phone, "export on a phone")
	fitsScreen(t, phone, "export page")
	keep(t, phone, "export-skipped-phone")

	// At entry the form refuses what the export could not hold.
	many := strings.Repeat("某某 著\n", 101)
	for _, c := range []struct {
		ctx  context.Context
		name string
	}{{lib, "record-form-limit-desktop"}, {phone, "record-form-limit-phone"}} {
		do(t, c.ctx, "enter 101 authors",
			chromedp.Navigate(s.url+"/catalog/new"),
			chromedp.WaitVisible(chromedp.CSS("#title")),
			chromedp.SendKeys(chromedp.CSS("#title"), "作者很多的书"),
			chromedp.SetValue(chromedp.CSS("#authors"), many),
			chromedp.Click(chromedp.CSS("#save-record")),
			chromedp.WaitVisible(chromedp.CSS("#authors-err")),
		)
		wantText(t, c.ctx, "#authors-err", "责任者有 101 个，最多 100 个")
		keep(t, c.ctx, c.name)
	}
	fitsScreen(t, phone, "record form")
}
