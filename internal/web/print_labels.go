package web

import (
	"html/template"
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/barcode"
	"shuwu/internal/errs"
	"shuwu/internal/labels"
	"shuwu/internal/readers"
)

// The kinds of print run.
const (
	printSpine   = "spine"   // 书标
	printBarcode = "barcode" // 条码标签
	printCards   = "cards"   // 读者证
)

// printForm is the form that chooses what to print and on what stock.
type printForm struct {
	Kind    string
	Sheets  []labels.Sheet
	Classes []readers.Class
	Offsets map[string]labels.Offset
}

// placed is one label on a sheet, with what it shows.
type placed struct {
	X, Y    float64
	Copy    labels.Copy
	Reader  labels.Reader
	Spine   []string
	Code    template.HTML // Code 128 of the barcode or card number
	QR      template.HTML
	Library string
}

// sheetPage is a print run: the pages of one stock with their labels.
type sheetPage struct {
	Kind   string
	Sheet  labels.Sheet
	Pages  [][]placed
	Count  int
	Offset labels.Offset
	Back   string // the form with the same choices
}

// kindTitle is each kind's page title.
var kindTitle = map[string]string{printSpine: "print.kind.spine", printBarcode: "print.kind.barcode", printCards: "print.kind.cards"}

// defaultSheet is the stock a kind of run starts on.
func defaultSheet(kind string) string {
	if kind == printCards {
		return "cards"
	}
	return "4x10"
}

func printKind(k string) string {
	switch k {
	case printBarcode, printCards:
		return k
	}
	return printSpine
}

// showPrint is the print form (打印标签与读者证).
func (s *Server) showPrint(w http.ResponseWriter, r *http.Request, v *view) error {
	for k, vals := range r.URL.Query() {
		v.Form[k] = vals
	}
	return s.renderPrintForm(w, r, v, http.StatusOK)
}

func (s *Server) renderPrintForm(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	d := printForm{Kind: printKind(v.Val("kind")), Sheets: labels.Sheets}
	var err error
	if d.Classes, err = s.d.Readers.Classes(ctx); err != nil {
		return err
	}
	if d.Offsets, err = s.d.Labels.Offsets(ctx); err != nil {
		return err
	}
	if v.Val("sheet") == "" {
		v.Form.Set("sheet", defaultSheet(d.Kind))
	}
	if v.Val("added_on") == "" && v.Val("batch") == "" && v.Val("record") == "" && v.Val("barcodes") == "" {
		v.Form.Set("added_on", s.d.Catalog.Today())
	}
	if v.Val("skip") == "" {
		v.Form.Set("skip", "0")
	}
	if _, ok := v.Form["dx"]; !ok {
		off := d.Offsets[v.Val("sheet")]
		v.Form.Set("dx", strconv.FormatFloat(off.X, 'f', -1, 64))
		v.Form.Set("dy", strconv.FormatFloat(off.Y, 'f', -1, 64))
	}
	v.Path, v.Query = "/print", ""
	v.Title, v.Nav, v.Data = v.T("print.title"), "catalog", d
	s.render(w, r, status, "print", v)
	return nil
}

// formID reads an optional id field; "" is 0 and anything else not a
// positive number is bad input on the field.
func formID(v *view, field, zh, en string) (int64, error) {
	raw := strings.TrimSpace(v.Val(field))
	if raw == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id < 1 {
		return 0, errs.Invalid(labels.CodeNothingToPrint, field, zh, en)
	}
	return id, nil
}

// printOptions reads the stock, the skipped labels and the offset.
func printOptions(v *view) (labels.Sheet, int, labels.Offset, error) {
	sh, ok := labels.SheetByCode(v.Val("sheet"))
	if !ok {
		return sh, 0, labels.Offset{}, errs.Invalid(labels.CodeSheetUnknown, "sheet", "请选择标签纸规格", "choose the label stock")
	}
	skip, err := strconv.Atoi(strings.TrimSpace(v.Val("skip")))
	if v.Val("skip") == "" {
		skip, err = 0, nil
	}
	if err != nil || skip < 0 || skip >= sh.PerPage() {
		return sh, 0, labels.Offset{}, errs.Invalid(labels.CodeSkipInvalid, "skip", "跳过的张数须在 0 到 "+strconv.Itoa(sh.PerPage()-1)+" 之间", "labels skipped must be 0–"+strconv.Itoa(sh.PerPage()-1))
	}
	var off labels.Offset
	for _, f := range []struct {
		name string
		to   *float64
	}{{"dx", &off.X}, {"dy", &off.Y}} {
		raw := strings.TrimSpace(v.Val(f.name))
		if raw == "" {
			continue
		}
		if *f.to, err = strconv.ParseFloat(raw, 64); err != nil {
			return sh, 0, off, errs.Invalid(labels.CodeOffsetInvalid, f.name, "偏移应填毫米数，如 1.5 或 -2", "the offset is a number of mm, e.g. 1.5 or -2")
		}
	}
	if err := labels.CheckOffset(off); err != nil {
		return sh, 0, off, errs.As(err).WithField("dx")
	}
	return sh, skip, off, nil
}

// printSheet is the print-ready run: A4 pages with each label at its
// exact place.
func (s *Server) printSheet(w http.ResponseWriter, r *http.Request, v *view) error {
	for k, vals := range r.URL.Query() {
		v.Form[k] = vals
	}
	d, err := s.sheetRun(r, v)
	if err != nil {
		if !v.fieldError(err, "sheet", "skip", "dx", "dy", "added_on", "batch", "record", "barcodes", "class", "cards") {
			return err
		}
		return s.renderPrintForm(w, r, v, http.StatusUnprocessableEntity)
	}
	v.Path, v.Query = "/print/sheet", r.URL.RawQuery
	v.Title, v.Nav, v.Data = v.T(kindTitle[d.Kind]), "catalog", d
	s.render(w, r, http.StatusOK, "print_sheet", v)
	return nil
}

func (s *Server) sheetRun(r *http.Request, v *view) (sheetPage, error) {
	ctx := r.Context()
	d := sheetPage{Kind: printKind(v.Val("kind"))}
	if d.Kind == printCards {
		v.Form.Set("sheet", "cards") // cards have their own stock
	}
	var err error
	if d.Sheet, _, d.Offset, err = printOptions(v); err != nil {
		return d, err
	}
	_, skip, _, _ := printOptions(v)
	if d.Kind != printCards && d.Sheet.Code == "cards" {
		return d, errs.Invalid(labels.CodeSheetUnknown, "sheet", "书标和条码用标签纸，读者证卡纸只用于读者证", "labels go on label stock; card stock is for reader cards")
	}
	q := url.Values{}
	for k, vals := range v.Form {
		q[k] = vals
	}
	d.Back = "/print?" + q.Encode()
	lib := v.Institution()
	var items []placed
	if d.Kind == printCards {
		classID, err := formID(v, "class", "请选择班次", "choose a class")
		if err != nil {
			return d, err
		}
		rs, err := s.d.Labels.Readers(ctx, classID, strings.Fields(v.Val("cards")))
		if err != nil {
			return d, err
		}
		for _, rd := range rs {
			code, err := barcode.Code128(rd.Card, 46, 9)
			if err != nil {
				return d, errs.Invalid(labels.CodeNothingToPrint, "cards", "读者证号不能印成条码："+rd.Card, "a card number that cannot be a barcode: "+rd.Card)
			}
			qr, err := barcode.QR(rd.Card, 20)
			if err != nil {
				return d, err
			}
			items = append(items, placed{Reader: rd, Code: code, QR: qr, Library: lib})
		}
	} else {
		sel := labels.Selection{AddedOn: strings.TrimSpace(v.Val("added_on")), Barcodes: strings.Fields(v.Val("barcodes"))}
		if sel.BatchID, err = formID(v, "batch", "批次号应是一个数字", "the batch is a number"); err != nil {
			return d, err
		}
		if sel.RecordID, err = formID(v, "record", "书目号应是一个数字", "the record is a number"); err != nil {
			return d, err
		}
		cs, err := s.d.Labels.Copies(ctx, sel)
		if err != nil {
			return d, err
		}
		for _, c := range cs {
			p := placed{Copy: c, Library: lib, Spine: labels.SpineLines(c.CallNumber)}
			if d.Kind == printBarcode {
				if p.Code, err = barcode.Code128(c.Barcode, d.Sheet.W-8, min(d.Sheet.H*0.42, 12)); err != nil {
					return d, errs.Invalid(labels.CodeNothingToPrint, "barcodes", "条码不能印成 Code 128："+c.Barcode, "a barcode Code 128 cannot hold: "+c.Barcode)
				}
			}
			items = append(items, p)
		}
	}
	d.Count = len(items)
	for i, pl := range d.Sheet.Places(len(items), skip, d.Offset) {
		for len(d.Pages) <= pl.Page {
			d.Pages = append(d.Pages, nil)
		}
		items[i].X, items[i].Y = pl.X, pl.Y
		d.Pages[pl.Page] = append(d.Pages[pl.Page], items[i])
	}
	return d, nil
}

// savePrintOffset keeps the printer's offset for a stock.
func (s *Server) savePrintOffset(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	sh, _, off, err := printOptions(v)
	if err == nil {
		err = s.d.Labels.SaveOffset(r.Context(), sh.Code, off)
	}
	if err != nil {
		if !v.fieldError(err, "sheet", "dx", "dy", "skip") {
			return err
		}
		return s.renderPrintForm(w, r, v, http.StatusUnprocessableEntity)
	}
	q := url.Values{"kind": {printKind(v.Val("kind"))}, "sheet": {sh.Code}}
	return s.redirect(w, r, "/print?"+q.Encode(), v.T("print.offset_saved", sh.Name, off.X, off.Y))
}
