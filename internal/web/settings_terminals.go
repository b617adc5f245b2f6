package web

import (
	"net"
	"net/http"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/selfcheck"
)

// terminalsPage is the self-service machines page: their SIP2 accounts.
type terminalsPage struct {
	Terminals []selfcheck.Terminal
	Encodings []selfcheck.Encoding
	// SIPAddr is where machines connect, "" when the listener is off.
	SIPAddr string
	SIPHost string
	SIPPort string
}

// showTerminals lists the machines with a form for each and a new one.
func (s *Server) showTerminals(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderTerminals(w, r, v, http.StatusOK)
}

func (s *Server) renderTerminals(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ts, err := s.d.SelfCheck.Terminals(r.Context())
	if err != nil {
		return err
	}
	if v.Form.Get("encoding") == "" {
		v.Form.Set("encoding", string(selfcheck.UTF8))
	}
	d := terminalsPage{Terminals: ts, Encodings: selfcheck.Encodings}
	if s.d.SIPAddr != nil {
		d.SIPAddr = s.d.SIPAddr()
	}
	if host, port, err := net.SplitHostPort(d.SIPAddr); err == nil {
		d.SIPHost, d.SIPPort = host, port
	}
	v.Path, v.Query = "/settings/terminals", ""
	v.Title, v.Nav, v.Data = v.T("settings.terminals"), "settings", d
	s.render(w, r, status, "terminals", v)
	return nil
}

// terminalsFailed shows the page again with the mistake; keepForm keeps
// what was typed into the new-machine form (never the password).
func (s *Server) terminalsFailed(w http.ResponseWriter, r *http.Request, v *view, err error, keepForm bool) error {
	e := errs.As(err)
	if e.Kind != errs.KindInvalid && e.Kind != errs.KindConflict && e.Kind != errs.KindNotFound {
		return err
	}
	if keepForm {
		v.Form = r.PostForm
		v.Form.Del("password")
		v.fieldError(err, "name", "institution", "location", "encoding", "password")
	} else {
		v.Errors[""] = e.Localized(short(v.Lang))
	}
	return s.renderTerminals(w, r, v, http.StatusUnprocessableEntity)
}

// createTerminal adds a machine's account.
func (s *Server) createTerminal(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	t, err := s.d.SelfCheck.AddTerminal(r.Context(), selfcheck.NewTerminal{Name: f.Get("name"), Password: f.Get("password"),
		Institution: f.Get("institution"), Location: f.Get("location"), Encoding: selfcheck.Encoding(f.Get("encoding"))})
	if err != nil {
		return s.terminalsFailed(w, r, v, err, true)
	}
	return s.redirect(w, r, "/settings/terminals", v.T("terminals.created", t.Name))
}

// updateTerminal saves a machine's settings, and its password when typed.
func (s *Server) updateTerminal(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	name := r.PathValue("name")
	_, err := s.d.SelfCheck.UpdateTerminal(r.Context(), name, selfcheck.TerminalChange{Institution: f.Get("institution"), Location: f.Get("location"),
		Encoding: selfcheck.Encoding(f.Get("encoding")), Disabled: f.Get("disabled") == "on", Password: strings.TrimSpace(f.Get("password"))})
	if err != nil {
		return s.terminalsFailed(w, r, v, err, false)
	}
	return s.redirect(w, r, "/settings/terminals", v.T("terminals.saved", name))
}

// deleteTerminal removes a machine's account.
func (s *Server) deleteTerminal(w http.ResponseWriter, r *http.Request, v *view) error {
	name := r.PathValue("name")
	if err := s.d.SelfCheck.DeleteTerminal(r.Context(), name); err != nil {
		return s.terminalsFailed(w, r, v, err, false)
	}
	return s.redirect(w, r, "/settings/terminals", v.T("terminals.deleted", name))
}
