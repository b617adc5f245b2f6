package web

import (
	"fmt"
	"net/http"
	"strings"

	"shuwu/internal/auth"
	"shuwu/internal/readers"
	"shuwu/internal/settings"
)

// loginSlip is one reader's printed note on how to log in to the portal.
type loginSlip struct {
	Reader readers.Reader
	Class  string
	// How says what to type as the password, never the password itself.
	How string
	// CanLogin is false when the reader has no password of their own and
	// the rule gives them no initial one (no phone number, or rule none).
	CanLogin bool
	// First is true while the reader is on the initial password.
	First bool
}

// loginSlipsPage is a sheet of login slips with where to log in.
type loginSlipsPage struct {
	Slips []loginSlip
	URL   string
	Back  string
}

// loginHow says how reader logs in under rule, in the page's language.
func loginHow(v *view, rule string, r readers.Reader) (string, bool) {
	if r.PasswordHash != "" {
		return v.T("slip.login.own"), true
	}
	if _, ok := auth.InitialPassword(rule, r); ok {
		return v.T("slip.login." + rule), true
	}
	if rule == settings.InitialPhone6 {
		return v.T("slip.login.no_phone"), false
	}
	return v.T("slip.login.none"), false
}

// portalURL is the login address as the person at the desk reached it.
func (s *Server) portalURL(r *http.Request) string {
	scheme := "http"
	if s.secure(r) {
		scheme = "https"
	}
	return scheme + "://" + r.Host + "/login"
}

// readerLoginSlip prints how one reader logs in.
func (s *Server) readerLoginSlip(w http.ResponseWriter, r *http.Request, v *view) error {
	rd, err := s.d.Readers.ByCard(r.Context(), r.PathValue("card"))
	if err != nil {
		return err
	}
	rules, err := s.d.Circulation.Rules(r.Context())
	if err != nil {
		return err
	}
	sl := loginSlip{Reader: rd, First: rd.PasswordHash == ""}
	sl.How, sl.CanLogin = loginHow(v, rules.InitialRule(), rd)
	v.Title, v.Nav, v.Data = v.T("slip.login.title"), "readers", loginSlipsPage{Slips: []loginSlip{sl}, URL: s.portalURL(r), Back: "/readers/" + rd.Card}
	s.render(w, r, http.StatusOK, "login_slips", v)
	return nil
}

// classLoginSlips prints how every member of a class logs in, one slip
// each, to hand out on the first day.
func (s *Server) classLoginSlips(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	cl, err := s.d.Circulation.Clearance(r.Context(), id)
	if err != nil {
		return err
	}
	rules, err := s.d.Circulation.Rules(r.Context())
	if err != nil {
		return err
	}
	d := loginSlipsPage{URL: s.portalURL(r), Back: fmt.Sprintf("/classes/%d", id)}
	for _, row := range cl.Rows {
		sl := loginSlip{Reader: row.Reader, Class: cl.Class.Name, First: row.Reader.PasswordHash == ""}
		sl.How, sl.CanLogin = loginHow(v, rules.InitialRule(), row.Reader)
		d.Slips = append(d.Slips, sl)
	}
	v.Title, v.Nav, v.Data = v.T("slip.login.title"), "classes", d
	s.render(w, r, http.StatusOK, "login_slips", v)
	return nil
}

// resetClassPasswords puts every member of a class back on the initial
// password, for a class whose trainees forgot what they chose.
func (s *Server) resetClassPasswords(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	cl, err := s.d.Circulation.Clearance(r.Context(), id)
	if err != nil {
		return err
	}
	cards := make([]string, 0, len(cl.Rows))
	for _, row := range cl.Rows {
		cards = append(cards, row.Reader.Card)
	}
	n, err := s.d.Auth.ResetToInitial(r.Context(), cards)
	if err != nil {
		return err
	}
	rules, err := s.d.Circulation.Rules(r.Context())
	if err != nil {
		return err
	}
	return s.redirect(w, r, fmt.Sprintf("/classes/%d", id), v.T("class.passwords_reset", n, v.T("rules.initial."+rules.InitialRule())))
}

// resetReaderPassword puts one reader back on the initial password.
func (s *Server) resetReaderToInitial(w http.ResponseWriter, r *http.Request, v *view) error {
	card := strings.TrimSpace(r.PathValue("card"))
	if _, err := s.d.Auth.ResetToInitial(r.Context(), []string{card}); err != nil {
		return err
	}
	rules, err := s.d.Circulation.Rules(r.Context())
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/readers/"+card, v.T("reader.password_reset_initial", v.T("rules.initial."+rules.InitialRule())))
}
