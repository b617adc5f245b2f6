package web

import (
	"net/http"

	"shuwu/internal/errs"
	"shuwu/internal/settings"
)

// saveLibrary stores the library's name, shown in every page title, on
// certificates, 催还 slips and the reader portal.
func (s *Server) saveLibrary(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	_, err := s.d.Circulation.SaveLibrary(r.Context(), settings.Library{Name: v.Form.Get("name"), NameEn: v.Form.Get("name_en")})
	if err != nil {
		if !v.fieldError(err, "name", "name_en") {
			return err
		}
		return s.renderSettings(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/settings", v.T("settings.saved"))
}
