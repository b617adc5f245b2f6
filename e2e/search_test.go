package e2e

import (
	"context"
	"net/url"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// TestAuthorSearchPutsTheExactNameFirst: a reader searching 作者:邵杰 sees
// 邵杰's own books first — not the newer ones by 邵杰欣 and 邵杰志 — and
// is told how many are exactly his, on the OPAC (Chinese and English, on
// a phone too) and on the staff's catalogue list.
func TestAuthorSearchPutsTheExactNameFirst(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(context.Background(), audit.System)
	locs, err := s.a.Catalog.Locations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []struct {
		title, author string
		year, copies  int
	}{
		{"邵杰欣诗选", "邵杰欣", 2025, 2},
		{"一个老兵的回忆", "邵杰志", 2024, 1},
		{"基层党组织建设概论", "邵杰", 2001, 0},
		{"乡村治理十讲", "邵杰", 2003, 0},
		{"党史故事一百讲", "张邵杰", 2025, 1},
	} {
		rec, err := s.a.Catalog.CreateRecord(ctx, catalog.Record{Title: b.title, Authors: []catalog.Author{{Name: b.author}}, Publisher: "人民出版社", Place: "北京", Year: b.year, CLC: "D26"})
		if err != nil {
			t.Fatal(err)
		}
		if b.copies > 0 {
			if _, err := s.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: b.copies, LocationID: locs[0].ID}); err != nil {
				t.Fatal(err)
			}
		}
	}
	q := url.QueryEscape("作者:邵杰")
	browser := newBrowser(t)
	reader := person(t, browser)
	do(t, reader, "search the OPAC by author",
		chromedp.Navigate(s.url+"/opac"),
		chromedp.WaitVisible(chromedp.CSS("#q")),
		chromedp.SendKeys(chromedp.CSS("#q"), "作者:邵杰\r"),
		chromedp.WaitVisible(chromedp.CSS(".results a.title")),
	)
	wantText(t, reader, "main", "找到 5 种，其中 2 条作者正是“邵杰”")
	firstTwo := func(ctx context.Context) []string {
		t.Helper()
		titles, err := chromedp.Run(ctx, chromedp.Evaluate[[]string](`[...document.querySelectorAll('.results a.title, .resp-table td a')].slice(0, 2).map(a => a.textContent)`))
		if err != nil {
			t.Fatal(err)
		}
		return titles
	}
	wantFirst := func(ctx context.Context, where string) {
		t.Helper()
		got := firstTwo(ctx)
		if len(got) != 2 || !(got[0] == "乡村治理十讲" && got[1] == "基层党组织建设概论" || got[0] == "基层党组织建设概论" && got[1] == "乡村治理十讲") {
			shot(t, ctx, where)
			t.Errorf("%s: the first two hits are %q, want 邵杰's two books", where, got)
		}
	}
	wantFirst(reader, "OPAC")
	keep(t, reader, "opac-exact-author-desktop")

	do(t, reader, "the same search in English", chromedp.Navigate(s.url+"/opac?lang=en&q="+q), chromedp.WaitVisible(chromedp.CSS(".results a.title")))
	wantText(t, reader, "main", "5 found; 2 with the author exactly “邵杰”")
	wantFirst(reader, "English OPAC")

	phone := person(t, browser)
	onPhone(t, phone)
	do(t, phone, "search on a phone", chromedp.Navigate(s.url+"/opac?q="+q), chromedp.WaitVisible(chromedp.CSS(".results a.title")))
	wantText(t, phone, "main", "其中 2 条作者正是“邵杰”")
	wantFirst(phone, "OPAC on a phone")
	fitsScreen(t, phone, "OPAC results")
	keep(t, phone, "opac-exact-author-phone")

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "search the catalogue list by publisher and by author",
		chromedp.Navigate(s.url+"/catalog?q="+q),
		chromedp.WaitVisible(chromedp.CSS(".resp-table")),
	)
	wantText(t, lib, "main", "共 5 种，其中 2 条作者正是“邵杰”")
	wantFirst(lib, "staff catalogue")
	keep(t, lib, "catalog-exact-author-desktop")
	onPhone(t, lib)
	do(t, lib, "reload on a phone", chromedp.Reload(), chromedp.WaitVisible(chromedp.CSS(".resp-table")))
	fitsScreen(t, lib, "catalogue list")
	keep(t, lib, "catalog-exact-author-phone")
}
