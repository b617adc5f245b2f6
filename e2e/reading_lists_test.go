package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"
)

// TestLibrarianMakesARequiredReadingList: from the catalogue to a new
// list, books added by ISBN with a note, and the list on a reader's phone.
func TestLibrarianMakesARequiredReadingList(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "start a list",
		chromedp.Navigate(s.url+"/catalog"),
		chromedp.WaitVisible(chromedp.CSS("#reading-lists")),
		chromedp.Click(chromedp.CSS("#reading-lists")),
		chromedp.WaitVisible(chromedp.CSS("#create-list")),
		chromedp.SendKeys(chromedp.CSS("#name"), "党规党章"),
		chromedp.SendKeys(chromedp.CSS("#audience"), "全体学员"),
		chromedp.Click(chromedp.CSS("#create-list")),
		chromedp.WaitVisible(chromedp.CSS("#list-books")),
	)
	do(t, lib, "add two books by ISBN",
		chromedp.SendKeys(chromedp.CSS("#add"), s.f.Records[2].ISBN+" "+s.f.Records[1].ISBN),
		chromedp.Click(chromedp.CSS("#save-list")),
		chromedp.WaitVisible(chromedp.CSS(".list-row")),
	)
	wantText(t, lib, ".flash", "已保存“党规党章”（2 种）")
	do(t, lib, "note the first",
		chromedp.SendKeys(chromedp.CSS(".list-row .note input"), "入党必读"),
		chromedp.Click(chromedp.CSS("#save-list")),
		// The flash of the last save is still on the page: wait for the
		// page the server sends back, with the note in it.
		chromedp.WaitVisible(chromedp.CSS(`.list-row .note input[value="入党必读"]`)),
	)
	keep(t, lib, "reading-list-edit-desktop")
	do(t, lib, "see the index", chromedp.Navigate(s.url+"/catalog/lists"), chromedp.WaitVisible(chromedp.CSS("#lists")))
	keep(t, lib, "reading-lists-desktop")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	do(t, phone, "the editor on a phone", chromedp.Navigate(s.url+"/catalog/lists"), chromedp.WaitVisible(chromedp.CSS("#lists a")),
		chromedp.Click(chromedp.CSS("#lists a")), chromedp.WaitVisible(chromedp.CSS(".list-row")))
	fitsScreen(t, phone, "list editor")
	keep(t, phone, "reading-list-edit-phone")

	reader := person(t, browser)
	onPhone(t, reader)
	do(t, reader, "open the list as a reader",
		chromedp.Navigate(s.url+"/opac/lists"),
		chromedp.WaitVisible(chromedp.CSS("main a[href^='/opac/lists/']")),
		chromedp.Click(chromedp.CSS("main a[href^='/opac/lists/']")),
		chromedp.WaitVisible(chromedp.CSS(".results")),
	)
	wantText(t, reader, "main", "党规党章", "适用对象：全体学员", "共产党宣言", "入党必读")
	fitsScreen(t, reader, "portal list")
	keep(t, reader, "portal-list-phone")
}
