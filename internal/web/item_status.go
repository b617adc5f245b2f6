package web

import (
	"net/http"
	"net/url"
	"slices"

	"shuwu/internal/errs"
)

// setItemStatus changes a copy's status: 登记遗失, 损坏送修, 剔除, or back in
// service (找回 / 修补完成 / 恢复). The first post shows what will happen and
// asks to confirm; only a post with confirm=yes changes anything.
func (s *Server) setItemStatus(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	ctx := r.Context()
	barcode := r.PathValue("barcode")
	p, err := s.itemPage(ctx, v, barcode)
	if err != nil {
		return err
	}
	f := r.PostForm
	action := f.Get("action")
	if !slices.Contains(p.Actions, action) {
		v.Errors[""] = v.T("copy.action_not_allowed", p.Item.Status.Label(short(v.Lang)))
		s.fillItemForm(v, p.Item)
		return s.renderItem(w, r, v, p, http.StatusConflict)
	}
	if f.Get("confirm") != "yes" {
		p.Confirm = action
		v.Form = url.Values{"reason": {f.Get("reason")}, "back": {f.Get("back")}}
		return s.renderItem(w, r, v, p, http.StatusOK)
	}
	reason := f.Get("reason")
	switch action {
	case "lost":
		_, err = s.d.Circulation.MarkLost(ctx, barcode, reason)
	case "damaged":
		_, err = s.d.Circulation.MarkDamaged(ctx, barcode, reason)
	case "withdraw":
		_, err = s.d.Circulation.Withdraw(ctx, barcode, reason)
	case "restore":
		_, err = s.d.Circulation.ReturnToShelf(ctx, barcode, reason)
	}
	if err != nil {
		if !v.fieldError(err, "reason") {
			return err
		}
		p.Confirm = action
		v.Form = url.Values{"reason": {reason}, "back": {f.Get("back")}}
		return s.renderItem(w, r, v, p, http.StatusUnprocessableEntity)
	}
	it, err := s.d.Catalog.Item(ctx, barcode)
	if err != nil {
		return err
	}
	to := "/catalog/items/" + url.PathEscape(barcode)
	if f.Get("back") == "desk" {
		to = "/desk?mode=return"
	}
	return s.redirect(w, r, to, v.T("copy.done."+action, it.Barcode, it.Status.Label(short(v.Lang))))
}
