package e2e

import (
	"math"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestLabelSheetsRenderAtExactMillimetres: duty staff scan three copies
// into the print form, skip two used labels of a 4×10 sheet, and the
// labels land where the stock has them, to a tenth of a millimetre;
// reader cards for a class render with their barcode and QR code.
func TestLabelSheetsRenderAtExactMillimetres(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	duty := person(t, browser)
	login(t, duty, s.url, "duty1")
	codes := []string{s.f.Barcodes[0][0], s.f.Barcodes[1][0], s.f.Barcodes[2][0]}
	do(t, duty, "fill the print form",
		chromedp.Navigate(s.url+"/print?kind=spine"),
		chromedp.WaitVisible(chromedp.CSS("#print-form")),
		chromedp.SetValue(chromedp.CSS("#added_on"), ""),
		chromedp.SendKeys(chromedp.CSS("#barcodes"), strings.Join(codes, "\n")),
		chromedp.SetValue(chromedp.CSS("#sheet"), "4x10"),
		chromedp.SetValue(chromedp.CSS("#skip"), "2"),
	)
	keep(t, duty, "print-form-desktop")
	do(t, duty, "make the sheet", chromedp.Click(chromedp.CSS("#make-sheet")), chromedp.WaitVisible(chromedp.CSS("#page-1 .label")))
	// Where each label sits on its page, in mm (96 CSS px are 25.4 mm).
	pos, err := chromedp.Run(duty, chromedp.Evaluate[[][]float64](`(() => {
		const page = document.querySelector('#page-1').getBoundingClientRect();
		return [...document.querySelectorAll('#page-1 .label')].map(l => {
			const r = l.getBoundingClientRect();
			return [(r.left - page.left) * 25.4 / 96, (r.top - page.top) * 25.4 / 96, r.width * 25.4 / 96, r.height * 25.4 / 96];
		});
	})()`))
	if err != nil {
		t.Fatal(err)
	}
	want := [][]float64{{8 + 2*48.5, 21.5, 48.5, 25.4}, {8 + 3*48.5, 21.5, 48.5, 25.4}, {8, 21.5 + 25.4, 48.5, 25.4}}
	if len(pos) != len(want) {
		t.Fatalf("%d labels on the page, want %d", len(pos), len(want))
	}
	for i := range want {
		for j := range want[i] {
			if math.Abs(pos[i][j]-want[i][j]) > 0.1 {
				t.Fatalf("label %d at %.2f mm (of %v), want %.2f (of %v)", i+1, pos[i][j], pos[i], want[i][j], want[i])
			}
		}
	}
	keep(t, duty, "print-spines-desktop")

	do(t, duty, "reader cards of the class",
		chromedp.Navigate(s.url+"/classes/"+itoa(s.f.Class.ID)),
		chromedp.WaitVisible(chromedp.CSS("#print-cards")),
		chromedp.Click(chromedp.CSS("#print-cards")),
		chromedp.WaitVisible(chromedp.CSS("#print-form")),
		chromedp.Click(chromedp.CSS("#make-sheet")),
		chromedp.WaitVisible(chromedp.CSS("#page-1 .label.cards svg.qr")),
	)
	wantText(t, duty, "#page-1", "张三", "李四", s.f.Class.Name)
	keep(t, duty, "print-cards-desktop")

	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "duty2")
	do(t, phone, "the print form on a phone", chromedp.Navigate(s.url+"/print?kind=barcode"), chromedp.WaitVisible(chromedp.CSS("#print-form")))
	fitsScreen(t, phone, "print form")
	keep(t, phone, "print-form-phone")
}
