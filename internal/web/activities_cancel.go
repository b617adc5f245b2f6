package web

import (
	"net/http"
	"strconv"

	"shuwu/internal/activities"
	"shuwu/internal/errs"
)

// deskRegister registers a reader for the activity on their behalf by the
// card the desk scanned or typed.
func (s *Server) deskRegister(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	g, err := s.d.Activities.DeskRegister(r.Context(), id, r.PostForm.Get("reg_card"))
	if err != nil {
		e := errs.As(err)
		if e.Kind == errs.KindForbidden || e.Kind == errs.KindInternal || e.Kind == errs.KindUnavailable {
			return err
		}
		v.Form = r.PostForm
		v.Errors["reg_card"] = e.Localized(short(v.Lang))
		return s.renderActivityPage(w, r, v, http.StatusUnprocessableEntity)
	}
	msg := v.T("act.desk_registered", g.ReaderName)
	if g.Status == activities.Waitlisted {
		msg = v.T("act.desk_waitlisted", g.ReaderName, g.Position)
	}
	return s.redirect(w, r, "/activities/"+strconv.FormatInt(id, 10)+"#desk-register", msg)
}

// cancelActivity calls the whole activity off with the reason readers see.
func (s *Server) cancelActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	act, err := s.d.Activities.Cancel(r.Context(), id, r.PostForm.Get("cancel_note"))
	if err != nil {
		if !v.fieldError(err, "cancel_note") {
			return err
		}
		v.Form = r.PostForm
		return s.renderActivityPage(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/activities/"+strconv.FormatInt(id, 10), v.T("act.cancelled_done", act.Title))
}
