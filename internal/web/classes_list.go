package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/paging"
	"shuwu/internal/readers"
)

var classFields = []string{"name", "kind", "start_date", "end_date", "head_teacher", "head_teacher_email", "head_teacher_phone", "notes"}

// classKinds are the kinds of class a Party school runs.
var classKinds = []string{"主体班", "专题研讨班", "计划外培训班", "领导干部学习班"}

// classList is the classes page with the form for a new class.
type classList struct {
	Classes []readers.Class
	Pager   pager
	Kinds   []string
	Today   string
}

// classPageSize is how many classes a page of the list shows; a school
// running thirty classes a year has hundreds after a few years.
const classPageSize = 30

func parseClass(f url.Values) readers.Class {
	return readers.Class{Name: f.Get("name"), Kind: f.Get("kind"), StartDate: strings.TrimSpace(f.Get("start_date")),
		EndDate: strings.TrimSpace(f.Get("end_date")), HeadTeacher: strings.TrimSpace(f.Get("head_teacher")),
		HeadTeacherEmail: strings.TrimSpace(f.Get("head_teacher_email")), HeadTeacherPhone: strings.TrimSpace(f.Get("head_teacher_phone")), Notes: strings.TrimSpace(f.Get("notes"))}
}

// listClasses lists the classes, newest first, with the new-class form.
func (s *Server) listClasses(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderClasses(w, r, v, http.StatusOK)
}

func (s *Server) renderClasses(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	cs, err := s.d.Readers.Classes(r.Context())
	if err != nil {
		return err
	}
	if v.Form.Get("kind") == "" {
		v.Form.Set("kind", classKinds[0])
	}
	q := r.URL.Query()
	page := pageParam(q)
	d := classList{Pager: newPager(q, "/classes", page, classPageSize, len(cs)), Kinds: classKinds, Today: s.d.Catalog.Today()}
	if from := paging.Offset(page, classPageSize); from < len(cs) {
		d.Classes = cs[from:min(from+classPageSize, len(cs))]
	}
	v.Title, v.Nav, v.Data = v.T("classes.title"), "classes", d
	s.render(w, r, status, "classes", v)
	return nil
}

// createClass opens a class.
func (s *Server) createClass(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	c, err := s.d.Readers.CreateClass(r.Context(), parseClass(r.PostForm))
	if err == nil {
		return s.redirect(w, r, "/classes/"+strconv.FormatInt(c.ID, 10), v.T("class.created", c.Name))
	}
	if !v.fieldError(err, classFields...) {
		return err
	}
	return s.renderClasses(w, r, v, http.StatusUnprocessableEntity)
}
