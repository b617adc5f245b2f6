package web

import (
	"net/http"
	"net/url"
	"strings"

	"shuwu/internal/errs"
)

// recordInRoomUse counts a copy read in the room (阅览) in the ledger,
// for a reader when a card is given.
func (s *Server) recordInRoomUse(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	ctx := r.Context()
	barcode := r.PathValue("barcode")
	card := strings.TrimSpace(r.PostForm.Get("card"))
	if err := s.d.Circulation.InRoomUse(ctx, barcode, card); err != nil {
		if !v.fieldError(err, "card") {
			return err
		}
		if errs.As(err).Field == "" {
			v.Errors["card"], v.Errors[""] = v.Errors[""], ""
			delete(v.Errors, "")
		}
		v.Form = r.PostForm
		p, perr := s.itemPage(ctx, v, barcode)
		if perr != nil {
			return perr
		}
		s.fillItemForm(v, p.Item)
		v.Form.Set("card", card)
		return s.renderItem(w, r, v, p, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/catalog/items/"+url.PathEscape(barcode), v.T("copy.inroom_done", barcode))
}
