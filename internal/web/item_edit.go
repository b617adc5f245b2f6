package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
)

// updateItem saves the librarian's edit of a copy: call number, location,
// source and donor, price, whether it may leave the room, notes.
func (s *Server) updateItem(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	ctx := r.Context()
	barcode := r.PathValue("barcode")
	f := r.PostForm
	v.Form = f
	loc, err := strconv.ParseInt(f.Get("location_id"), 10, 64)
	if err != nil {
		v.Errors["location_id"] = v.T("copy.need_location")
	}
	fen, ok := parseYuan(f.Get("price"))
	if !ok {
		v.Errors["price"] = v.T("form.price")
	}
	src := catalog.Source(f.Get("source"))
	donor, notes, callNo := strings.TrimSpace(f.Get("donor")), strings.TrimSpace(f.Get("notes")), f.Get("call_number")
	lendable := f.Get("lendable") == "on"
	if len(v.Errors) == 0 {
		_, err := s.d.Catalog.UpdateItem(ctx, barcode, catalog.ItemChange{LocationID: &loc, Source: &src, Donor: &donor, PriceFen: &fen,
			Lendable: &lendable, Notes: &notes, CallNumber: &callNo})
		if err == nil {
			return s.redirect(w, r, "/catalog/items/"+url.PathEscape(barcode), v.T("copy.saved", barcode))
		}
		if !v.fieldError(err, "location_id", "source", "price", "call_number", "notes", "donor") {
			return err
		}
	}
	p, err := s.itemPage(ctx, v, barcode)
	if err != nil {
		return err
	}
	return s.renderItem(w, r, v, p, http.StatusUnprocessableEntity)
}
