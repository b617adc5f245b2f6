package e2e

import (
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// TestLibrarianSetsAVolume: a librarian types the volume (卷次) of one of
// the volumes of a multi-volume work into the record editor; the record
// page and the public page show the title with its volume, on a desktop
// and on a phone.
func TestLibrarianSetsAVolume(t *testing.T) {
	s := startSite(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	rec, err := s.a.Catalog.CreateRecord(ctx, catalog.Record{Title: "习近平谈治国理政", Responsibility: "习近平著",
		Authors: []catalog.Author{{Name: "习近平", Role: "著"}}, Publisher: "外文出版社", Place: "北京", Year: 2020, CLC: "D2-0"})
	if err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	edit := s.url + "/catalog/records/" + itoa(rec.ID) + "/edit"
	do(t, lib, "type the volume",
		chromedp.Navigate(edit),
		chromedp.WaitVisible(chromedp.CSS("#part_number")),
		chromedp.SendKeys(chromedp.CSS("#part_number"), "第三卷"),
	)
	keep(t, lib, "record-volume-form-desktop")
	do(t, lib, "save",
		chromedp.Click(chromedp.CSS("#save-record")),
		chromedp.WaitVisible(chromedp.CSS("#record-volume")),
	)
	wantText(t, lib, "h1", "习近平谈治国理政．第三卷")
	wantText(t, lib, "#record-volume", "第三卷")
	wantText(t, lib, ".flash", "习近平谈治国理政．第三卷")
	keep(t, lib, "record-volume-desktop")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	do(t, phone, "the editor on a phone", chromedp.Navigate(edit), chromedp.WaitVisible(chromedp.CSS("#part_number")))
	fitsScreen(t, phone, "record editor")
	keep(t, phone, "record-volume-form-phone")
	do(t, phone, "the record page on a phone",
		chromedp.Navigate(s.url+"/catalog/records/"+itoa(rec.ID)),
		chromedp.WaitVisible(chromedp.CSS("#record-volume")),
	)
	wantText(t, phone, "h1", "习近平谈治国理政．第三卷")
	fitsScreen(t, phone, "record page")
	keep(t, phone, "record-volume-phone")
	do(t, phone, "the public page on a phone",
		chromedp.Navigate(s.url+"/opac/records/"+itoa(rec.ID)),
		chromedp.WaitVisible(chromedp.CSS("#record-volume")),
	)
	wantText(t, phone, "h1", "习近平谈治国理政．第三卷")
	fitsScreen(t, phone, "public record page")
	keep(t, phone, "opac-volume-phone")
}
