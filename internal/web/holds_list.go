package web

import (
	"net/http"
	"strconv"
	"time"

	"shuwu/internal/circulation"
	"shuwu/internal/errs"
)

// holdsPage is the hold shelf as the desk works it: every copy waiting
// for its reader, soonest pickup deadline first, with those past their
// deadline and those due to expire marked.
type holdsPage struct {
	Shelf []circulation.HoldView
	// Today and Soon (tomorrow) are YYYY-MM-DD: a deadline before Today
	// has passed, one up to Soon is about to.
	Today, Soon   string
	Expired, Near int
	CancelID      int64 // the hold whose cancel form has an error
}

// listHolds is the hold shelf with its expiry list.
func (s *Server) listHolds(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderHolds(w, r, v, http.StatusOK)
}

func (s *Server) renderHolds(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	shelf, err := s.d.Circulation.PickupShelf(r.Context())
	if err != nil {
		return err
	}
	today, err := time.Parse(time.DateOnly, s.d.Catalog.Today())
	if err != nil {
		return err
	}
	d := holdsPage{Shelf: shelf, Today: today.Format(time.DateOnly), Soon: today.AddDate(0, 0, 1).Format(time.DateOnly)}
	d.CancelID, _ = strconv.ParseInt(v.Form.Get("hold_id"), 10, 64)
	for _, h := range shelf {
		switch {
		case h.PickupDeadline < d.Today:
			d.Expired++
		case h.PickupDeadline <= d.Soon:
			d.Near++
		}
	}
	v.Path, v.Query = "/holds", ""
	v.Title, v.Nav, v.Data = v.T("holds.title"), "desk", d
	s.render(w, r, status, "holds", v)
	return nil
}

// cancelHoldByStaff withdraws a reader's hold with the reason they gave.
func (s *Server) cancelHoldByStaff(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	v.Form.Set("hold_id", strconv.FormatInt(id, 10))
	if err := s.d.Circulation.CancelHoldByStaff(r.Context(), id, v.Form.Get("reason")); err != nil {
		if !v.fieldError(err, "reason") {
			return err
		}
		return s.renderHolds(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/holds", v.T("holds.cancelled"))
}

// expireHolds ends every hold past its pickup deadline and passes the
// copies on to the next reader or the shelf.
func (s *Server) expireHolds(w http.ResponseWriter, r *http.Request, v *view) error {
	n, err := s.d.Circulation.ExpireHolds(r.Context())
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/holds", v.T("holds.expired_done", n))
}
