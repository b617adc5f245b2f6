package web

import (
	"net/http"
	"net/url"
	"strconv"

	"shuwu/internal/errs"
	"shuwu/internal/receptions"
)

// receptionList is the year's record of leader and guest visits with its
// count by level.
type receptionList struct {
	Year       int
	Years      []int
	Count      receptions.YearCount
	Receptions []receptions.Reception
}

// receptionForm is the form of one reception, new or being corrected.
type receptionForm struct {
	ID     int64
	Levels []receptions.Level
}

var receptionFields = []string{"date", "level", "guests", "accompanying", "shown", "remarks"}

func (s *Server) listReceptions(w http.ResponseWriter, r *http.Request, v *view) error {
	ctx := r.Context()
	d := receptionList{Year: s.d.Receptions.ThisYear()}
	if q := r.URL.Query().Get("year"); q != "" {
		y, err := strconv.Atoi(q)
		if err != nil || y < 1900 || y > 9999 {
			return errs.Invalid(receptions.CodeReceptionInvalid, "year", "年份应写成 2026", "the year must look like 2026")
		}
		d.Year = y
	}
	var err error
	if d.Years, err = s.d.Receptions.Years(ctx); err != nil {
		return err
	}
	if d.Count, err = s.d.Receptions.Year(ctx, d.Year); err != nil {
		return err
	}
	if d.Receptions, err = s.d.Receptions.List(ctx, d.Year); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("rcp.title"), "receptions", d
	s.render(w, r, http.StatusOK, "receptions", v)
	return nil
}

func (s *Server) showReception(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rc, err := s.d.Receptions.Get(r.Context(), id)
	if err != nil {
		return err
	}
	return s.renderReception(w, r, v, rc, http.StatusOK)
}

// receptionPage is one visit's record with its photos.
type receptionPage struct {
	receptions.Reception
	Photos []receptions.Photo
}

func (s *Server) renderReception(w http.ResponseWriter, r *http.Request, v *view, rc receptions.Reception, status int) error {
	d := receptionPage{Reception: rc}
	var err error
	if d.Photos, err = s.d.Receptions.Photos(r.Context(), rc.ID); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("rcp.of", rc.Principal().Name, formatDate(v.Lang, rc.Date, s.d.TZ)), "receptions", d
	s.render(w, r, status, "reception", v)
	return nil
}

func receptionValues(rc receptions.Reception) url.Values {
	return url.Values{"date": {rc.Date}, "level": {string(rc.Level)}, "guests": {receptions.FormatGuests(rc.Guests)},
		"accompanying": {rc.Accompanying}, "shown": {rc.Shown}, "remarks": {rc.Remarks}}
}

func (s *Server) renderReceptionForm(w http.ResponseWriter, r *http.Request, v *view, id int64, status int) error {
	v.Nav, v.Data = "receptions", receptionForm{ID: id, Levels: receptions.Levels}
	v.Title = v.T("rcp.new")
	if id != 0 {
		v.Title = v.T("rcp.edit")
	}
	s.render(w, r, status, "reception_form", v)
	return nil
}

func (s *Server) newReception(w http.ResponseWriter, r *http.Request, v *view) error {
	v.Form = url.Values{"date": {s.d.Receptions.Today()}, "level": {string(receptions.Prefecture)}}
	return s.renderReceptionForm(w, r, v, 0, http.StatusOK)
}

func (s *Server) editReception(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	rc, err := s.d.Receptions.Get(r.Context(), id)
	if err != nil {
		return err
	}
	v.Form = receptionValues(rc)
	return s.renderReceptionForm(w, r, v, id, http.StatusOK)
}

// receptionFromForm reads the form; a mistake in the visitors' lines
// comes back as the guests field's error.
func receptionFromForm(f url.Values, id int64) (receptions.Reception, error) {
	gs, err := receptions.ParseGuests(f.Get("guests"))
	return receptions.Reception{ID: id, Date: f.Get("date"), Level: receptions.Level(f.Get("level")), Guests: gs,
		Accompanying: f.Get("accompanying"), Shown: f.Get("shown"), Remarks: f.Get("remarks")}, err
}

func (s *Server) saveReception(w http.ResponseWriter, r *http.Request, v *view, id int64) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	rc, err := receptionFromForm(r.PostForm, id)
	if err == nil {
		if id == 0 {
			rc, err = s.d.Receptions.Create(r.Context(), rc)
		} else {
			rc, err = s.d.Receptions.Update(r.Context(), rc)
		}
	}
	if err != nil {
		if !v.fieldError(err, receptionFields...) {
			return err
		}
		return s.renderReceptionForm(w, r, v, id, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/receptions/"+strconv.FormatInt(rc.ID, 10), v.T("rcp.saved", rc.Principal().Name))
}

func (s *Server) createReception(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.saveReception(w, r, v, 0)
}

func (s *Server) updateReception(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if _, err := s.d.Receptions.Get(r.Context(), id); err != nil {
		return err
	}
	return s.saveReception(w, r, v, id)
}
