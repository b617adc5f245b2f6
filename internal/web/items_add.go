package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// addItems adds copies to a record: N at once with generated barcodes, or
// one per typed barcode; the first copy gets a new 种次号 call number.
func (s *Server) addItems(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	v.Form = f
	in := catalog.NewItems{RecordID: id, Source: catalog.Source(f.Get("source")), Donor: f.Get("donor"), CallNumber: f.Get("call_number")}
	in.Barcodes = strings.Fields(f.Get("barcodes"))
	if c := strings.TrimSpace(f.Get("count")); c != "" {
		n, err := strconv.Atoi(c)
		if err != nil {
			v.Errors["count"] = v.T("form.number")
		}
		in.Count = n
	}
	if len(in.Barcodes) > 0 && in.Count == 1 {
		in.Count = len(in.Barcodes)
	}
	in.LocationID, _ = strconv.ParseInt(f.Get("location_id"), 10, 64)
	if fen, ok := parseYuan(f.Get("price")); ok {
		in.PriceFen = fen
	} else {
		v.Errors["price"] = v.T("form.price")
	}
	if len(v.Errors) == 0 {
		items, err := s.d.Catalog.AddItems(r.Context(), in)
		if err == nil {
			return s.redirect(w, r, "/catalog/records/"+strconv.FormatInt(id, 10), v.T("record.items_added", len(items), items[0].CallNumber))
		}
		if !v.fieldError(err, "count", "barcodes", "barcode", "location_id", "source", "price", "call_number", "clc") {
			return err
		}
	}
	p, err := s.recordPage(r.Context(), v, id, true)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = p.Title, "catalog", p
	s.render(w, r, http.StatusUnprocessableEntity, "record", v)
	return nil
}

// parseYuan reads a price typed in yuan ("45", "45.5", "¥45.00") as fen.
// Blank is 0.
func parseYuan(s string) (int64, bool) {
	s = strings.TrimSpace(strings.NewReplacer("¥", "", "￥", "", "元", "", "CNY", "", ",", "").Replace(s))
	if s == "" {
		return 0, true
	}
	whole, frac, _ := strings.Cut(s, ".")
	if len(frac) > 2 {
		return 0, false
	}
	for len(frac) < 2 {
		frac += "0"
	}
	y, err := strconv.ParseInt(whole, 10, 64)
	if err != nil || y < 0 {
		return 0, false
	}
	f, err := strconv.ParseInt(frac, 10, 64)
	if err != nil || f < 0 {
		return 0, false
	}
	return y*100 + f, true
}
