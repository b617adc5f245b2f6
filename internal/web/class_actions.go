package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/errs"
)

func classURL(id int64) string { return "/classes/" + strconv.FormatInt(id, 10) }

// updateClass changes a class's name and term; moving the end date moves
// the trainees' card expiry with it.
func (s *Server) updateClass(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid("FORM_MALFORMED", "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	c := parseClass(r.PostForm)
	c.ID = id
	saved, err := s.d.Readers.UpdateClass(r.Context(), c)
	if err == nil {
		return s.redirect(w, r, classURL(id), v.T("class.saved", saved.Name))
	}
	if !v.fieldError(err, classFields...) {
		return err
	}
	return s.renderClass(w, r, v, http.StatusUnprocessableEntity)
}

// addMembers adds a pasted list of card numbers or names to a class. A
// name is taken when exactly one reader has it.
func (s *Server) addMembers(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid("FORM_MALFORMED", "", "表单格式不正确", "malformed form")
	}
	ctx := r.Context()
	pasted, err := s.d.Readers.ResolvePasted(ctx, r.PostForm.Get("members"))
	if err != nil {
		return err
	}
	if pasted.Empty() {
		v.Form = r.PostForm
		v.Errors["members"] = v.T("class.members_empty")
		return s.renderClass(w, r, v, http.StatusUnprocessableEntity)
	}
	cards, unknown, ambiguous := pasted.Cards, pasted.Unknown, pasted.Ambiguous
	added, already := 0, 0
	if len(cards) > 0 {
		res, err := s.d.Readers.AddMembers(ctx, id, cards)
		if err != nil {
			return err
		}
		for _, x := range res {
			if x.Added {
				added++
			} else if x.Exists {
				already++
			}
		}
	}
	msg := v.T("class.members_added", added)
	if already > 0 {
		msg += " " + v.T("class.members_already", already)
	}
	if len(unknown) > 0 {
		msg += " " + v.T("class.members_unknown", strings.Join(unknown, "、"))
	}
	if len(ambiguous) > 0 {
		msg += " " + v.T("class.members_ambiguous", strings.Join(ambiguous, "、"))
	}
	return s.redirect(w, r, classURL(id), msg)
}

// removeMember takes a reader out of a class.
func (s *Server) removeMember(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.d.Readers.RemoveMember(r.Context(), id, r.PathValue("card")); err != nil {
		return err
	}
	return s.redirect(w, r, classURL(id), v.T("class.member_removed", r.PathValue("card")))
}

// markCleared certifies that a member has returned everything (结业清还).
func (s *Server) markCleared(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	cert, err := s.d.Circulation.MarkCleared(r.Context(), id, r.PathValue("card"))
	if err != nil {
		if errs.As(err).Kind != errs.KindConflict {
			return err
		}
		v.Errors[""] = errs.As(err).Localized(short(v.Lang))
		return s.renderClass(w, r, v, http.StatusConflict)
	}
	return s.redirect(w, r, classURL(id), v.T("class.cleared", cert.Reader.Name))
}
