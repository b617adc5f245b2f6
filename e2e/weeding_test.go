package e2e

import (
	"context"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// TestTheLibrarianWeedsOlderEditionsAndDamagedCopies: the librarian opens
// 剔除, lists the candidates under the usual rules, sees why each is
// listed, keeps one copy by unticking it, is asked for the reason, and
// withdraws the rest in one step; the list then holds only the copy kept.
// The list reads on a phone.
func TestTheLibrarianWeedsOlderEditionsAndDamagedCopies(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	locs, _ := s.a.Catalog.Locations(ctx)
	var old []catalog.Item
	for _, year := range []int{2008, 2023} {
		r, its, err := s.a.Catalog.CreateRecordWithItems(ctx, catalog.Record{Title: "马克思主义基本原理概论", CLC: "A81", Year: year, Publisher: "高等教育出版社",
			Authors: []catalog.Author{{Name: "本书编写组", Role: "编"}}}, catalog.NewItems{Count: 2, LocationID: locs[0].ID, Source: catalog.SourcePurchase, PriceFen: 2500})
		if err != nil || r.ID == 0 {
			t.Fatal(err)
		}
		if year == 2008 {
			old = its
		}
	}
	damaged := s.f.Barcodes[0][0]
	if _, err := s.a.Circulation.Checkout(ctx, s.f.Readers[0].Card, damaged); err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.Circulation.Checkin(ctx, damaged, true); err != nil {
		t.Fatal(err)
	}

	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "open weeding", chromedp.Navigate(s.url+"/acquisitions"), chromedp.WaitVisible(chromedp.CSS(`a[href="/acquisitions/weeding"]`)),
		chromedp.Click(chromedp.CSS(`a[href="/acquisitions/weeding"]`)), chromedp.WaitVisible(chromedp.CSS("#find-candidates")))
	keep(t, lib, "weeding-rules-desktop")
	do(t, lib, "list the candidates", chromedp.Click(chromedp.CSS("#find-candidates")), chromedp.WaitVisible(chromedp.CSS("#candidates")))
	wantText(t, lib, "#weeding-summary", "符合规则的图书 3 册")
	wantText(t, lib, "#cand-"+old[0].Barcode, "有新版本", "已有 2023 年版在藏")
	wantText(t, lib, "#cand-"+damaged, "破损", "破损待修补")
	keep(t, lib, "weeding-desktop")
	do(t, lib, "keep one, forget the reason", chromedp.Click(chromedp.CSS(`#cand-`+old[1].Barcode+` input[type=checkbox]`)),
		chromedp.Click(chromedp.CSS("#withdraw-ticked")), chromedp.WaitVisible(chromedp.CSS("#withdraw-form .field-error")))
	wantText(t, lib, "#withdraw-form .field-error", "请填写剔除原因")
	keep(t, lib, "weeding-reason-error-desktop")
	do(t, lib, "give the reason", chromedp.SendKeys(chromedp.CSS("#reason"), "内容陈旧，已有 2023 年版"),
		chromedp.Click(chromedp.CSS("#withdraw-ticked")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, lib, ".flash", "已剔除 2 册")
	wantText(t, lib, "#weeding-summary", "符合规则的图书 1 册")
	wantText(t, lib, "#candidates", old[1].Barcode)

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	do(t, phone, "the list on a phone", chromedp.Navigate(s.url+"/acquisitions/weeding?run=1&damaged=1&superseded=1&idle=1&idle_years=5"),
		chromedp.WaitVisible(chromedp.CSS("#candidates")))
	fitsScreen(t, phone, "weeding")
	keep(t, phone, "weeding-phone")
}
