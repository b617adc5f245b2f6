package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

// Duty staff print today's new copies' spine labels on 4×10 stock, a
// half-used sheet; the call numbers are on the labels in shelf order, each
// at its place in millimetres.
func TestSpineLabelsOfTodaysCopies(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	duty.get("/catalog").want(t, http.StatusOK, `href="/print"`)
	form := duty.get("/print")
	form.want(t, http.StatusOK, `id="print-form"`, `name="added_on" value="`+e.a.Catalog.Today()+`"`, "4×10（48.5×25.4 mm）")
	q := url.Values{"kind": {"spine"}, "added_on": {e.a.Catalog.Today()}, "sheet": {"4x10"}, "skip": {"38"}, "dx": {"1"}, "dy": {"-0.5"}}
	sheet := duty.get("/print/sheet?" + q.Encode())
	sheet.want(t, http.StatusOK, `id="page-1"`, `id="page-2"`, "left:106mm;top:249.6mm", "left:154.5mm;top:249.6mm", "left:9mm;top:21mm")
	total := 0
	for _, codes := range e.f.Barcodes {
		total += len(codes)
	}
	if n := strings.Count(sheet.body, `class="label spine"`); n != total {
		t.Fatalf("%d spine labels, want one per copy added today (%d)", n, total)
	}
	if !strings.Contains(sheet.body, fmt.Sprintf("共 %d 张，2 页", total)) {
		t.Fatalf("the summary does not say %d labels on 2 pages", total)
	}
}

func TestPrintRefusesBadChoices(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	for _, c := range []struct {
		q    url.Values
		want string
	}{
		{url.Values{"kind": {"spine"}, "sheet": {"4x10"}}, "请选择要打印的图书"},
		{url.Values{"kind": {"spine"}, "sheet": {"9x9"}, "added_on": {"2020-01-01"}}, "请选择标签纸规格"},
		{url.Values{"kind": {"spine"}, "sheet": {"4x10"}, "added_on": {"2020-01-01"}}, "没有符合条件的图书"},
		{url.Values{"kind": {"spine"}, "sheet": {"4x10"}, "skip": {"40"}, "barcodes": {e.f.Barcodes[0][0]}}, "跳过的张数须在 0 到 39 之间"},
		{url.Values{"kind": {"barcode"}, "sheet": {"3x8"}, "dx": {"12"}, "barcodes": {e.f.Barcodes[0][0]}}, "打印偏移须在 ±10 毫米之内"},
		{url.Values{"kind": {"barcode"}, "sheet": {"3x8"}, "batch": {"abc"}}, "批次号应是一个数字"},
		{url.Values{"kind": {"cards"}, "sheet": {"cards"}}, "请选择班次或输入读者证号"},
		{url.Values{"kind": {"spine"}, "sheet": {"cards"}, "barcodes": {e.f.Barcodes[0][0]}}, "书标和条码用标签纸"},
	} {
		duty.get("/print/sheet?"+c.q.Encode()).want(t, http.StatusUnprocessableEntity, c.want, `id="print-form"`)
	}
	// Only a librarian saves a stock's offset; a bad one is refused.
	duty.post("/print/offset", url.Values{"sheet": {"3x8"}, "dx": {"1"}, "dy": {"0"}}).want(t, http.StatusForbidden)
	lib := e.as(t, "librarian")
	lib.post("/print/offset", url.Values{"kind": {"barcode"}, "sheet": {"3x8"}, "dx": {"左"}, "dy": {"0"}}).want(t, http.StatusUnprocessableEntity, "偏移应填毫米数")
	lib.post("/print/offset", url.Values{"kind": {"barcode"}, "sheet": {"3x8"}, "dx": {"1.5"}, "dy": {"-2"}}).want(t, http.StatusSeeOther)
	lib.get("/print?kind=barcode&sheet=3x8").want(t, http.StatusOK, "已保存 3×8（70×37 mm） 的打印偏移", `name="dx" value="1.5"`, `name="dy" value="-2"`)
	lib.get("/audit?entity=label_offset").want(t, http.StatusOK, "打印偏移")
}

// Barcode labels carry the library's name, a Code 128 and the digits;
// reader cards of a class carry name, class, the card as a barcode and
// a QR code.
func TestBarcodeLabelsAndReaderCards(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	code := e.f.Barcodes[1][0]
	labels := duty.get("/print/sheet?" + url.Values{"kind": {"barcode"}, "sheet": {"3x8"}, "barcodes": {code + "\n" + e.f.Barcodes[2][0]}}.Encode())
	labels.want(t, http.StatusOK, `class="code128"`, `aria-label="`+code+`"`, `<div class="digits">`+code+`</div>`, e.f.Records[1].Title)
	if n := strings.Count(labels.body, `class="label barcode"`); n != 2 {
		t.Fatalf("%d barcode labels, want 2", n)
	}
	duty.get("/classes/"+fmt.Sprint(e.f.Class.ID)).want(t, http.StatusOK, `id="print-cards"`)
	cards := duty.get(fmt.Sprintf("/print/sheet?kind=cards&sheet=cards&class=%d", e.f.Class.ID))
	cards.want(t, http.StatusOK, "张三", "李四", e.f.Class.Name, `class="qr"`, `aria-label="`+e.f.Readers[0].Card+`"`, "left:14.4mm;top:13.5mm", "left:110mm;top:13.5mm")
	if n := strings.Count(cards.body, `class="label cards"`); n != 2 {
		t.Fatalf("%d cards, want the class's 2 trainees", n)
	}
}
