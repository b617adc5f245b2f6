package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
)

// myRenew renews one of the reader's own loans.
func (s *Server) myRenew(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	lv, err := s.d.Circulation.Renew(r.Context(), r.PostForm.Get("barcode"), v.Actor.ReaderID)
	if err != nil {
		return s.myFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/my", v.T("my.renewed", lv.Title, formatDate(v.Lang, lv.DueDate, s.d.TZ)))
}

// myRenewAll renews every loan the reader has, reporting each.
func (s *Server) myRenewAll(w http.ResponseWriter, r *http.Request, v *view) error {
	rd, err := s.me(r.Context(), v)
	if err != nil {
		return err
	}
	res, err := s.d.Circulation.RenewAll(r.Context(), rd.Card, rd.ID)
	if err != nil {
		return s.myFailed(w, r, v, err)
	}
	var done, failed []string
	for _, x := range res {
		if x.Error == "" {
			done = append(done, "《"+x.Title+"》")
		} else {
			failed = append(failed, "《"+x.Title+"》"+renewReason(v, x))
		}
	}
	msg := v.T("my.renewed_all", len(done))
	if len(failed) > 0 {
		msg += " " + v.T("my.not_renewed", strings.Join(failed, "；"))
	}
	return s.redirect(w, r, "/my", msg)
}

// myPlaceHold puts the reader in the queue for a record.
func (s *Server) myPlaceHold(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	if raw := r.PostForm.Get("set_id"); raw != "" {
		return s.myPlaceSetHold(w, r, v, raw)
	}
	id, err := strconv.ParseInt(r.PostForm.Get("record_id"), 10, 64)
	if err != nil {
		return errs.NotFound(catalog.CodeRecordNotFound, "书目不存在", "no such record")
	}
	rd, err := s.me(r.Context(), v)
	if err != nil {
		return err
	}
	h, err := s.d.Circulation.PlaceHold(r.Context(), rd.Card, id)
	if err != nil {
		return s.myFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/my", v.T("my.hold_placed", h.Title, h.Position))
}

// myPlaceSetHold places an any-volume hold (任一卷) on a set.
func (s *Server) myPlaceSetHold(w http.ResponseWriter, r *http.Request, v *view, raw string) error {
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil {
		return errs.NotFound(catalog.CodeSetNotFound, "丛编/多卷书不存在", "the set does not exist")
	}
	rd, err := s.me(r.Context(), v)
	if err != nil {
		return err
	}
	h, err := s.d.Circulation.PlaceSetHold(r.Context(), rd.Card, id)
	if err != nil {
		return s.myFailed(w, r, v, err)
	}
	if h.Status == circulation.HoldTrapped {
		return s.redirect(w, r, "/my", v.T("my.set_hold_trapped", h.SetTitle, h.Title))
	}
	return s.redirect(w, r, "/my", v.T("my.set_hold_placed", h.Title, h.Position))
}

// myCancelHold withdraws one of the reader's holds.
func (s *Server) myCancelHold(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.d.Circulation.CancelHold(r.Context(), id, v.Actor.ReaderID); err != nil {
		return s.myFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/my", v.T("my.hold_cancelled"))
}

// myFailed shows a refused portal action on the reader's page with the
// reason, so they see their loans and the message together.
func (s *Server) myFailed(w http.ResponseWriter, r *http.Request, v *view, err error) error {
	e := errs.As(err)
	if e.Kind == errs.KindInternal || e.Kind == errs.KindUnauthorized {
		return err
	}
	ctx := r.Context()
	rd, rerr := s.me(ctx, v)
	if rerr != nil {
		return rerr
	}
	d := &myPage{}
	if d.Panel, rerr = s.panel(ctx, v, rd.Card); rerr != nil {
		return rerr
	}
	if d.Reading, rerr = s.myReading(ctx, rd.ID, d.Panel.Classes); rerr != nil {
		return rerr
	}
	v.Errors[""] = e.Localized(short(v.Lang))
	v.Path, v.Query = "/my", ""
	v.Title, v.Nav, v.Data = v.T("my.title"), "my", d
	status := http.StatusConflict
	if e.Kind == errs.KindInvalid {
		status = http.StatusUnprocessableEntity
	} else if e.Kind == errs.KindNotFound {
		status = http.StatusNotFound
	} else if e.Kind == errs.KindForbidden {
		status = http.StatusForbidden
	}
	s.render(w, r, status, "my", v)
	return nil
}
