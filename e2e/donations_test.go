package e2e

import (
	"regexp"
	"strconv"
	"testing"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
)

// TestDonationWithCertificate: the librarian registers an outside donor
// who agrees to be named, opens a donation batch from the donor's page,
// scans the ISBN of a book on file (copies added), catalogues a book the
// library lacks through the quick form, and prints the certificate: one
// A4 page listing both books. A reader finds the donor on the portal's
// honour list, on a phone.
func TestDonationWithCertificate(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "register a donor",
		chromedp.Navigate(s.url+"/acquisitions/donors"),
		chromedp.WaitVisible(chromedp.CSS("#new-donor")),
		chromedp.SendKeys(chromedp.CSS("#name"), "王建国"),
		chromedp.SendKeys(chromedp.CSS("#unit"), "州退休干部"),
		chromedp.Click(chromedp.CSS("#honour")),
		chromedp.Click(chromedp.CSS("#create-donor")),
		chromedp.WaitVisible(chromedp.CSS("#edit-donor")),
	)
	wantText(t, lib, ".flash", "已保存捐赠人 王建国")
	do(t, lib, "open a donation batch",
		chromedp.Click(chromedp.CSS("#new-batch")),
		chromedp.WaitVisible(chromedp.CSS("#quick-add")),
	)
	wantText(t, lib, "h1", "捐赠", "捐字〔")
	onFile := s.f.Records[1]
	do(t, lib, "scan the ISBN of a book on file",
		chromedp.SendKeys(chromedp.CSS("#isbn-scan"), onFile.ISBN+"\r"),
		chromedp.WaitVisible(chromedp.CSS("#found")),
	)
	wantText(t, lib, "#found", onFile.Title)
	do(t, lib, "add two copies of it",
		chromedp.SetValue(chromedp.CSS("#copies"), "2"),
		chromedp.Click(chromedp.CSS("#add-books")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, lib, ".flash", "已入藏 2 册")
	do(t, lib, "scan a book the library lacks",
		chromedp.SendKeys(chromedp.CSS("#isbn-scan"), "9787544382007\r"),
		chromedp.WaitVisible(chromedp.CSS("#not-found")),
		chromedp.SendKeys(chromedp.CSS("#title"), "湘西剿匪纪实"),
		chromedp.SendKeys(chromedp.CSS("#author"), "湘西州党史研究室"),
		chromedp.SendKeys(chromedp.CSS("#publisher"), "湖南人民出版社"),
		chromedp.SendKeys(chromedp.CSS("#year"), "2019"),
		chromedp.SendKeys(chromedp.CSS("#clc"), "K29"),
		chromedp.SendKeys(chromedp.CSS("#price"), "58"),
	)
	keep(t, lib, "acq-batch-quick-form-desktop")
	do(t, lib, "catalogue it with the quick form",
		chromedp.Click(chromedp.CSS("#add-books")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, lib, "#batch-totals", "2 种 3 册")
	wantText(t, lib, "#batch-books", "湘西剿匪纪实", onFile.Title)
	keep(t, lib, "acq-batch-desktop")
	do(t, lib, "open the certificate",
		chromedp.Click(chromedp.CSS("#print-cert")),
		chromedp.WaitVisible(chromedp.CSS("#certificate")),
	)
	wantText(t, lib, "#certificate", "捐赠证书", "王建国 同志", "图书 2 种 3 册", "湘西剿匪纪实", onFile.Title, "合计")
	keep(t, lib, "acq-certificate-desktop")
	yes := true
	res, err := chromedp.Call(lib, page.PrintToPDF, page.PrintToPDFParams{PreferCSSPageSize: &yes, PrintBackground: &yes})
	if err != nil {
		t.Fatalf("print to PDF: %v", err)
	}
	pdf := res.Data
	pages := regexp.MustCompile(`/Type\s*/Page[^s]`).FindAll(pdf, -1)
	if len(pages) != 1 {
		t.Errorf("the certificate prints on %d pages, want one A4 sheet", len(pages))
	}
	if m := regexp.MustCompile(`/MediaBox\s*\[\s*0 0 ([0-9.]+) ([0-9.]+)\s*\]`).FindSubmatch(pdf); m == nil {
		t.Errorf("no page size in the PDF")
	} else {
		w, _ := strconv.ParseFloat(string(m[1]), 64)
		h, _ := strconv.ParseFloat(string(m[2]), 64)
		// A4 is 210 × 297 mm, 595.3 × 841.9 pt.
		if w < 594 || w > 597 || h < 840 || h > 843 {
			t.Errorf("the certificate prints on %.1f × %.1f pt, want A4 (595 × 842)", w, h)
		}
	}

	do(t, lib, "the register lists the donor with the copies held",
		chromedp.Navigate(s.url+"/acquisitions/donors"),
		chromedp.WaitVisible(chromedp.CSS("#donors")),
	)
	wantText(t, lib, "#donors", "王建国", "3")
	keep(t, lib, "acq-donors-desktop")
	do(t, lib, "the batches list",
		chromedp.Navigate(s.url+"/acquisitions"),
		chromedp.WaitVisible(chromedp.CSS("#batches")),
	)
	wantText(t, lib, "#batches", "王建国", "2 种 3 册")
	keep(t, lib, "acq-batches-desktop")

	do(t, lib, "the home page shows the year's target",
		chromedp.Navigate(s.url+"/"),
		chromedp.WaitVisible(chromedp.CSS("#home-target")),
	)
	wantText(t, lib, "#home-target", "个人捐赠", "湘西剿匪纪实")
	keep(t, lib, "home-target-desktop")
	do(t, lib, "set this year's target",
		chromedp.Click(chromedp.CSS("#target-all")),
		chromedp.WaitVisible(chromedp.CSS("#target-form")),
		chromedp.SetValue(chromedp.CSS("#volumes"), "600"),
		chromedp.Click(chromedp.CSS("#save-target")),
		chromedp.WaitVisible(chromedp.CSS(".flash")),
	)
	wantText(t, lib, ".target-head", "/ 600")
	keep(t, lib, "acq-targets-desktop")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	for _, p := range []struct{ path, sel, name string }{
		{"/acquisitions", "#batches", "acq-batches-phone"},
		{"/acquisitions/donors", "#donors", "acq-donors-phone"},
		{"/acquisitions/batches/1", "#quick-add", "acq-batch-phone"},
		{"/acquisitions/batches/1/certificate", "#certificate", "acq-certificate-phone"},
		{"/acquisitions/donors/1", "#edit-donor", "acq-donor-phone"},
		{"/acquisitions/targets", "#target-form", "acq-targets-phone"},
		{"/", "#home-target", "home-target-phone"},
	} {
		do(t, phone, "open "+p.path+" on a phone", chromedp.Navigate(s.url+p.path), chromedp.WaitVisible(chromedp.CSS(p.sel)))
		fitsScreen(t, phone, p.path)
		keep(t, phone, p.name)
	}
	reader := person(t, browser)
	onPhone(t, reader)
	do(t, reader, "a visitor reads the honour list on a phone",
		chromedp.Navigate(s.url+"/opac/donors"),
		chromedp.WaitVisible(chromedp.CSS("#honour-list")),
	)
	wantText(t, reader, "#honour-list", "王建国", "3 册")
	fitsScreen(t, reader, "honour list")
	keep(t, reader, "opac-donors-phone")
}
