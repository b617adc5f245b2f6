package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
)

// TestAuditLogReadsAsSentences: after a copy goes to repair, the audit log
// names the copy and its title, links to it, and filters by person.
func TestAuditLogReadsAsSentences(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(t.Context(), audit.Actor{UserID: 2, Name: "librarian", Role: audit.RoleLibrarian})
	code := s.f.Barcodes[4][0]
	if _, err := s.a.Circulation.MarkDamaged(ctx, code, "水渍"); err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "filter by person",
		chromedp.Navigate(s.url+"/audit"),
		chromedp.WaitVisible(chromedp.CSS("#actor")),
		chromedp.SendKeys(chromedp.CSS("#actor"), "librarian"),
		chromedp.Submit(chromedp.CSS("#actor")),
		chromedp.WaitVisible(chromedp.CSS("#audit")),
	)
	// The copy marked damaged, and the librarian's login just now.
	waitText(t, lib, "#audit-total", "共 2 条记录")
	wantText(t, lib, "#audit", "复本 "+code+"《红岩》", "损坏送修", "水渍")
	keep(t, lib, "audit-desktop")
	do(t, lib, "follow the link to the copy",
		chromedp.Click(chromedp.CSS(`#audit a[href="/catalog/items/`+code+`"]`)),
		chromedp.WaitVisible(chromedp.CSS("#copy-actions")),
	)
	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	do(t, phone, "the log on a phone", chromedp.Navigate(s.url+"/audit"), chromedp.WaitVisible(chromedp.CSS("#audit")))
	fitsScreen(t, phone, "audit")
	keep(t, phone, "audit-phone")
}
