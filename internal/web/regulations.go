package web

import (
	"net/http"
	"strconv"

	"shuwu/internal/duty"
)

// showRegulations is the room's three rules (三项制度) in the portal.
func (s *Server) showRegulations(w http.ResponseWriter, r *http.Request, v *view) error {
	regs, err := s.d.Duty.Regulations(r.Context())
	if err != nil {
		return err
	}
	v.Path, v.Query = "/regulations", ""
	v.Title, v.Nav, v.Data = v.T("reg.title"), "regulations", regs
	s.render(w, r, http.StatusOK, "regulations", v)
	return nil
}

// regulationOf is the regulation the path's {id} names.
func (s *Server) regulationOf(r *http.Request) (duty.Regulation, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return duty.Regulation{}, err
	}
	return s.d.Duty.Regulation(r.Context(), id)
}

// printRegulation is one regulation as the sheet that goes on the wall.
func (s *Server) printRegulation(w http.ResponseWriter, r *http.Request, v *view) error {
	g, err := s.regulationOf(r)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = g.Title, "regulations", g
	s.render(w, r, http.StatusOK, "regulation_print", v)
	return nil
}

// editRegulation is the form to change a regulation.
func (s *Server) editRegulation(w http.ResponseWriter, r *http.Request, v *view) error {
	g, err := s.regulationOf(r)
	if err != nil {
		return err
	}
	v.Form.Set("title", g.Title)
	v.Form.Set("body", g.Body)
	return s.renderRegulationForm(w, r, v, g, http.StatusOK)
}

func (s *Server) renderRegulationForm(w http.ResponseWriter, r *http.Request, v *view, g duty.Regulation, status int) error {
	v.Title, v.Nav, v.Data = v.T("reg.edit", g.Title), "regulations", g
	s.render(w, r, status, "regulation_edit", v)
	return nil
}

// saveRegulation stores the edited regulation.
func (s *Server) saveRegulation(w http.ResponseWriter, r *http.Request, v *view) error {
	old, err := s.regulationOf(r)
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	g, err := s.d.Duty.SaveRegulation(r.Context(), duty.Regulation{ID: old.ID, Title: v.Val("title"), Body: v.Val("body")})
	if err != nil {
		if !v.fieldError(err, "title", "body") {
			return err
		}
		return s.renderRegulationForm(w, r, v, old, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/regulations#reg-"+strconv.FormatInt(old.ID, 10), v.T("reg.saved", g.Title))
}
