package e2e

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/displays"
	"shuwu/internal/receptions"
	"shuwu/internal/settings"
	"shuwu/internal/testkit/webtest"
)

// xss is what a hostile import or a careless paste might put in a text
// field: markup that would run script if a page printed it as HTML.
const xss = `<img src=x onerror=window.__xss=1>`
const xssLong = `<script>window.__xss=1</script>` + xss + `"'><svg onload=window.__xss=1>`

// injected reports, in the tab, whether the page has any element the
// text fields could have planted (an inline script, an event-handler
// attribute, an svg from a field) or whether any of them ran. It looks at
// the DOM, not only at whether script ran, so it fails on broken escaping
// even where the Content-Security-Policy would have stopped the script.
const injected = `(() => {
	if (window.__xss) return 'script ran';
	for (const s of document.querySelectorAll('script:not([src])')) return 'inline script: ' + s.outerHTML.slice(0, 80);
	for (const el of document.querySelectorAll('*')) for (const a of el.attributes) if (a.name.startsWith('on')) return 'handler ' + a.name + ' on ' + el.tagName;
	return '';
})()`

// Text fields across the product hold markup (the library's name, shown
// on every page, titles, authors, a reader's name and unit, a class, a
// reading list, an activity, a themed display, a leader visit), and every
// page that shows them, staff and portal, desktop and phone, shows them
// as text: nothing is executed and no element is planted.
func TestMarkupInEveryTextFieldIsShownNeverRun(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	must := func(err error) {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
	}
	_, err := s.a.Circulation.SaveLibrary(ctx, settings.Library{Name: "书屋" + xss})
	must(err)
	rec, err := s.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "红色" + xssLong, Authors: []catalog.Author{{Name: "作者" + xss}},
		Publisher: "出版社" + xss, Summary: "简介" + xssLong, Notes: "附注" + xssLong, CLC: "D2"})
	must(err)
	locs, err := s.a.Catalog.Locations(ctx)
	must(err)
	_, err = s.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: 1, LocationID: locs[0].ID})
	must(err)
	r := s.f.Readers[0]
	r.Name, r.Unit, r.Notes = "张"+xss, "单位"+xss, "备注"+xssLong
	_, err = s.a.Readers.Update(ctx, r)
	must(err)
	class := s.f.Class
	class.Name = "县干班" + xss
	_, err = s.a.Readers.UpdateClass(ctx, class)
	must(err)
	list, err := s.a.Catalog.SaveReadingList(ctx, catalog.ReadingList{Name: "书单" + xss, RecordIDs: []int64{rec.ID}})
	must(err)
	act := webtest.ActivityNow(t, s.a, "读书会"+xss, 10)
	disp, err := s.a.Displays.Create(ctx, displays.Display{Title: "书展" + xss, Description: "说明" + xssLong, Place: "展架" + xss,
		Starts: s.a.Catalog.Today(), Ends: s.a.Catalog.Today()})
	must(err)
	rc, err := s.a.Receptions.Create(ctx, receptions.Reception{Date: s.a.Catalog.Today(), Level: receptions.Prefecture,
		Guests: []receptions.Guest{{Name: "<b>来宾</b>", Title: "职务" + xss}}, Shown: "参观" + xssLong, Remarks: "备注" + xssLong})
	must(err)

	staffPages := []string{"/", "/catalog?q=" + "红色", fmt.Sprintf("/catalog/records/%d", rec.ID), "/readers/" + r.Card,
		fmt.Sprintf("/classes/%d", class.ID), fmt.Sprintf("/catalog/lists/%d", list.ID), "/readers?q=" + "张",
		fmt.Sprintf("/activities/%d", act.ID), "/activities", fmt.Sprintf("/displays/%d", disp.ID), "/displays",
		fmt.Sprintf("/receptions/%d", rc.ID), "/receptions", "/audit", "/desk"}
	portalPages := []string{"/opac?q=" + "红色", fmt.Sprintf("/opac/records/%d", rec.ID), "/opac/displays", "/opac/activities", "/display"}

	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	reader := person(t, browser)
	onPhone(t, reader)
	login(t, reader, s.url, r.Card)
	for _, v := range []struct {
		who   string
		pages []string
	}{{"librarian", staffPages}, {"reader", portalPages}} {
		tab := lib
		if v.who == "reader" {
			tab = reader
		}
		for _, p := range v.pages {
			do(t, tab, v.who+" opens "+p, chromedp.Navigate(s.url+p), chromedp.WaitReady(chromedp.CSS("main")))
			time.Sleep(150 * time.Millisecond) // let an onerror of a planted image fire
			got, err := chromedp.Run(tab, chromedp.Evaluate[string](injected))
			if err != nil {
				t.Fatalf("%s %s: %v", v.who, p, err)
			}
			if got != "" {
				shot(t, tab, "xss "+p)
				t.Errorf("%s on %s: %s", v.who, p, got)
			}
			// The page did show a field (the library's name at least), as
			// text: an error page would prove nothing.
			shown, _ := chromedp.Run(tab, chromedp.Evaluate[bool](`document.body.innerText.includes('onerror=window.__xss=1')`))
			if !shown {
				shot(t, tab, "xss shown "+p)
				t.Errorf("%s on %s: no field's markup is shown as text", v.who, p)
			}
		}
	}
	// And the markup is there, as text, where a person reads it.
	do(t, lib, "record page", chromedp.Navigate(fmt.Sprintf("%s/catalog/records/%d", s.url, rec.ID)), chromedp.WaitVisible(chromedp.CSS("h1")))
	if h := text(t, lib, "h1"); !strings.Contains(h, "<script>window.__xss=1</script>") {
		t.Errorf("the title shows as %q, want the markup as text", h)
	}
}
