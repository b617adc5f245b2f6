package web

import (
	"net/http"
	"strings"

	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/errs"
)

// usersPage is the staff accounts page.
type usersPage struct {
	Users []auth.User
	Roles []audit.Role
}

var staffRoles = []audit.Role{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleOrganiser, audit.RoleLeadership}

// showUsers lists the staff accounts; administrators only.
func (s *Server) showUsers(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderUsers(w, r, v, http.StatusOK)
}

func (s *Server) renderUsers(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	us, err := s.d.Auth.Users(r.Context())
	if err != nil {
		return err
	}
	if v.Form.Get("role") == "" {
		v.Form.Set("role", string(audit.RoleDuty))
	}
	v.Path, v.Query = "/settings/users", ""
	v.Title, v.Nav, v.Data = v.T("settings.users"), "settings", usersPage{Users: us, Roles: staffRoles}
	s.render(w, r, status, "users", v)
	return nil
}

func (s *Server) usersFailed(w http.ResponseWriter, r *http.Request, v *view, err error, keepForm bool) error {
	e := errs.As(err)
	if e.Kind != errs.KindInvalid && e.Kind != errs.KindConflict && e.Kind != errs.KindNotFound {
		return err
	}
	if keepForm {
		v.Form = r.PostForm
		v.Form.Del("password")
		v.fieldError(err, "username", "display_name", "role", "password")
	} else {
		v.Errors[""] = e.Localized(short(v.Lang))
	}
	return s.renderUsers(w, r, v, http.StatusUnprocessableEntity)
}

// createUser adds a staff account.
func (s *Server) createUser(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	u, err := s.d.Auth.CreateUser(r.Context(), f.Get("username"), f.Get("display_name"), audit.Role(f.Get("role")), f.Get("password"))
	if err != nil {
		return s.usersFailed(w, r, v, err, true)
	}
	return s.redirect(w, r, "/settings/users", v.T("users.created", u.Username))
}

// updateUser changes an account's name, role or disabled flag, and sets
// its password when one is typed.
func (s *Server) updateUser(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	name := r.PathValue("name")
	ctx := r.Context()
	if pw := strings.TrimSpace(f.Get("password")); pw != "" {
		if err := auth.ValidatePassword(pw); err != nil { // refuse before changing anything
			return s.usersFailed(w, r, v, err, false)
		}
	}
	if _, err := s.d.Auth.UpdateUser(ctx, name, f.Get("display_name"), audit.Role(f.Get("role")), f.Get("disabled") == "on"); err != nil {
		return s.usersFailed(w, r, v, err, false)
	}
	if pw := strings.TrimSpace(f.Get("password")); pw != "" {
		if err := s.d.Auth.SetPassword(ctx, name, pw); err != nil {
			return s.usersFailed(w, r, v, err, false)
		}
	}
	return s.redirect(w, r, "/settings/users", v.T("users.saved", name))
}
