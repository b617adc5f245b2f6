package web

import (
	"net/http"
	"strconv"

	"shuwu/internal/circulation"
)

// classPage is a class with its roster and clearance sheet.
type classPage struct {
	circulation.Clearance
	Kinds []string
}

// showClass shows a class: term, roster with who still has what, and the
// clearance actions.
func (s *Server) showClass(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderClass(w, r, v, http.StatusOK)
}

func (s *Server) renderClass(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	cl, err := s.d.Circulation.Clearance(r.Context(), id)
	if err != nil {
		return err
	}
	if status == http.StatusOK {
		c := cl.Class
		v.Form.Set("name", c.Name)
		v.Form.Set("kind", c.Kind)
		v.Form.Set("start_date", c.StartDate)
		v.Form.Set("end_date", c.EndDate)
		v.Form.Set("head_teacher", c.HeadTeacher)
		v.Form.Set("head_teacher_email", c.HeadTeacherEmail)
		v.Form.Set("head_teacher_phone", c.HeadTeacherPhone)
		v.Form.Set("notes", c.Notes)
	}
	v.Path = "/classes/" + strconv.FormatInt(id, 10)
	v.Title, v.Nav, v.Data = cl.Class.Name, "classes", classPage{Clearance: cl, Kinds: classKinds}
	s.render(w, r, status, "class", v)
	return nil
}
