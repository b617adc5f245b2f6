package web

import (
	"net/http"
	"strconv"

	"shuwu/internal/circulation"
	"shuwu/internal/notices"
)

// classPage is a class with its roster and clearance sheet.
type classPage struct {
	circulation.Clearance
	Kinds []string
	// HeadTeacherNotices are the lists sent to the head teacher before
	// clearance (读者通知), newest first.
	HeadTeacherNotices []notices.Notice
	NoticesOn          bool // a notice channel is switched on
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
	d := classPage{Clearance: cl, Kinds: classKinds}
	if s.d.Notices != nil {
		if d.HeadTeacherNotices, _, err = s.d.Notices.Log(r.Context(), notices.Filter{Kind: notices.KindHeadTeacher, ClassID: id, Number: 1, Size: 10}); err != nil {
			return err
		}
		st, err := s.d.Notices.Settings(r.Context())
		if err != nil {
			return err
		}
		d.NoticesOn = st.On()
	}
	v.Path = "/classes/" + strconv.FormatInt(id, 10)
	v.Title, v.Nav, v.Data = cl.Class.Name, "classes", d
	s.render(w, r, status, "class", v)
	return nil
}
