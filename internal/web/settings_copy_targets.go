package web

import (
	"net/http"
	"strconv"

	"shuwu/internal/copycat/targets"
	"shuwu/internal/errs"
)

// copyTargetsPage is the copy-cataloguing sources page.
type copyTargetsPage struct {
	Targets  []targets.Target
	Charsets []targets.Charset
}

var copyTargetFields = []string{"name", "kind", "address", "flavor", "charset"}

func (s *Server) showCopyTargets(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderCopyTargets(w, r, v, http.StatusOK)
}

func (s *Server) renderCopyTargets(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ts, err := s.d.CopyTargets.Targets(r.Context())
	if err != nil {
		return err
	}
	for k, def := range map[string]string{"kind": string(targets.Z3950), "flavor": string(targets.CNMARC), "charset": string(targets.CharsetAuto)} {
		if v.Form.Get(k) == "" {
			v.Form.Set(k, def)
		}
	}
	v.Path, v.Query = "/settings/copy-targets", ""
	v.Title, v.Nav, v.Data = v.T("settings.copy_targets"), "settings", copyTargetsPage{Targets: ts, Charsets: targets.Charsets}
	s.render(w, r, status, "copy_targets", v)
	return nil
}

// copyTargetFailed shows the page again with the mistake; keepForm keeps
// what was typed into the new-source form.
func (s *Server) copyTargetFailed(w http.ResponseWriter, r *http.Request, v *view, err error, keepForm bool) error {
	e := errs.As(err)
	if e.Kind != errs.KindInvalid && e.Kind != errs.KindConflict && e.Kind != errs.KindNotFound {
		return err
	}
	if keepForm {
		v.Form = r.PostForm
		v.fieldError(err, copyTargetFields...)
	} else {
		v.Errors[""] = e.Localized(short(v.Lang))
	}
	return s.renderCopyTargets(w, r, v, http.StatusUnprocessableEntity)
}

func copyTargetOf(r *http.Request) targets.Target {
	f := r.PostForm
	return targets.Target{Name: f.Get("name"), Kind: targets.Kind(f.Get("kind")), Address: f.Get("address"),
		Flavor: targets.Flavor(f.Get("flavor")), Charset: targets.Charset(f.Get("charset"))}
}

func (s *Server) createCopyTarget(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	t, err := s.d.CopyTargets.AddTarget(r.Context(), copyTargetOf(r))
	if err != nil {
		return s.copyTargetFailed(w, r, v, err, true)
	}
	return s.redirect(w, r, "/settings/copy-targets", v.T("copy_targets.created", t.Name))
}

func (s *Server) updateCopyTarget(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	t := copyTargetOf(r)
	t.ID, _ = strconv.ParseInt(r.PathValue("id"), 10, 64)
	t, err := s.d.CopyTargets.UpdateTarget(r.Context(), t)
	if err != nil {
		return s.copyTargetFailed(w, r, v, err, false)
	}
	return s.redirect(w, r, "/settings/copy-targets", v.T("copy_targets.saved", t.Name))
}

func (s *Server) deleteCopyTarget(w http.ResponseWriter, r *http.Request, v *view) error {
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	t, err := s.d.CopyTargets.Target(r.Context(), id)
	if err == nil {
		err = s.d.CopyTargets.DeleteTarget(r.Context(), id)
	}
	if err != nil {
		return s.copyTargetFailed(w, r, v, err, false)
	}
	return s.redirect(w, r, "/settings/copy-targets", v.T("copy_targets.deleted", t.Name))
}
