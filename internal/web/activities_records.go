package web

import (
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// saveSummary stores the activity's summary typed on its page.
func (s *Server) saveSummary(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	if _, err := s.d.Activities.SaveSummary(r.Context(), id, r.PostForm.Get("summary")); err != nil {
		if !v.fieldError(err, "summary") {
			return err
		}
		v.Form = r.PostForm
		return s.renderActivityPage(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/activities/"+strconv.FormatInt(id, 10)+"#record", v.T("act.summary_saved"))
}

// uploadPhoto keeps a photo sent from the activity's page.
func (s *Server) uploadPhoto(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	form, up, err := s.readUpload(w, r, activities.MaxPhotoBytes+64<<10)
	defer up.discard()
	if err == nil && up == nil {
		err = errs.Invalid(activities.CodeActivityInvalid, "photo", "请选择要上传的照片", "choose a photo to upload")
	}
	var data []byte
	if err == nil {
		data, err = io.ReadAll(io.LimitReader(up.File, activities.MaxPhotoBytes+1))
	}
	if err == nil {
		_, err = s.d.Activities.AddPhoto(r.Context(), id, data, form.Get("caption"))
	}
	if err != nil {
		e := errs.As(err)
		if e.Field == "file" {
			e = e.WithField("photo")
		}
		if !v.fieldError(e, "photo", "caption") {
			return err
		}
		v.Form = form
		return s.renderActivityPage(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/activities/"+strconv.FormatInt(id, 10)+"#record", v.T("act.photo_added"))
}

// deletePhoto removes a photo from the activity's record.
func (s *Server) deletePhoto(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "pid")
	if err != nil {
		return err
	}
	p, err := s.d.Activities.DeletePhoto(r.Context(), id)
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/activities/"+strconv.FormatInt(p.ActivityID, 10)+"#record", v.T("act.photo_removed"))
}

// servePhoto sends a photo or its thumbnail: activities' photos are
// public, as their pages are.
func (s *Server) servePhoto(thumb bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v *view) error {
		id, err := pathID(r, "pid")
		if err != nil {
			return err
		}
		path, mime, err := s.d.Activities.PhotoFile(r.Context(), id, thumb)
		if err != nil {
			return err
		}
		return servePhotoFile(w, r, path, mime, true, errs.NotFound(activities.CodePhotoNotFound, "照片文件不存在", "the photo's file is missing"))
	}
}

// servePhotoFile sends a kept photo: cached a day, by everyone when public
// (activities'), else only by the browser that asked (visits').
func servePhotoFile(w http.ResponseWriter, r *http.Request, path, mime string, public bool, missing error) error {
	f, err := os.Open(path)
	if err != nil {
		return missing
	}
	defer f.Close()
	st, err := f.Stat()
	if err != nil {
		return errs.Internalf("photo: %w", err)
	}
	w.Header().Set("Content-Type", mime)
	if public {
		w.Header().Set("Cache-Control", "public, max-age=86400")
	} else {
		w.Header().Set("Cache-Control", "private, max-age=86400")
	}
	w.Header().Set("X-Content-Type-Options", "nosniff")
	http.ServeContent(w, r, "", st.ModTime(), f)
	return nil
}

// calDay is one day of the month view.
type calDay struct {
	Date    time.Time
	InMonth bool
	Today   bool
	Items   []activities.Activity
}

// calendarPage is a month of activities.
type calendarPage struct {
	Month      time.Time
	Prev, Next string // YYYY-MM
	Weeks      [][]calDay
	Count      int
	Base       string // /activities or /opac/activities
	Title      string
	Heads      []int // the weekdays, Monday first
}

// monthOf reads ?month=YYYY-MM (this month when absent); a bad one is
// refused on the page.
func (s *Server) monthOf(r *http.Request) (time.Time, error) {
	now := s.d.Activities.Now()
	m := strings.TrimSpace(r.URL.Query().Get("month"))
	if m == "" {
		return time.Date(now.Year(), now.Month(), 1, 0, 0, 0, 0, s.d.TZ), nil
	}
	t, err := time.ParseInLocation("2006-01", m, s.d.TZ)
	if err != nil || t.Year() < 2000 || t.Year() > 2100 {
		return time.Time{}, errs.Invalid(activities.CodeActivityInvalid, "month", "月份应写成 2026-12", "the month must look like 2026-12")
	}
	return t, nil
}

// calendar lays out the month from Monday to Sunday with its activities.
func (s *Server) calendar(r *http.Request, staffView bool) (calendarPage, error) {
	month, err := s.monthOf(r)
	if err != nil {
		return calendarPage{}, err
	}
	first := mondayOf(month, s.d.TZ)
	end := mondayOf(month.AddDate(0, 1, -1), s.d.TZ).AddDate(0, 0, 7) // the Monday after the month's last week
	items, err := s.calendarItems(r, staffView, first, end)
	if err != nil {
		return calendarPage{}, err
	}
	d := calendarPage{Month: month, Prev: month.AddDate(0, -1, 0).Format("2006-01"), Next: month.AddDate(0, 1, 0).Format("2006-01"), Base: "/opac/activities"}
	if staffView {
		d.Base = "/activities"
	}
	today := s.d.Activities.Now().Format(time.DateOnly)
	byDay := map[string][]activities.Activity{}
	for _, a := range items {
		k := a.Start.In(s.d.TZ).Format(time.DateOnly)
		byDay[k] = append(byDay[k], a)
		if a.Start.In(s.d.TZ).Month() == month.Month() {
			d.Count++
		}
	}
	for day := first; day.Before(end); {
		var week []calDay
		for i := 0; i < 7; i++ {
			k := day.Format(time.DateOnly)
			week = append(week, calDay{Date: day, InMonth: day.Month() == month.Month(), Today: k == today, Items: byDay[k]})
			day = day.AddDate(0, 0, 1)
		}
		d.Weeks = append(d.Weeks, week)
	}
	return d, nil
}

// calendarItems are the activities starting in [from, to) a calendar
// shows: an organiser's own on the staff side, the planned ones in the
// portal, all of them for the rest of the staff.
func (s *Server) calendarItems(r *http.Request, staffView bool, from, to time.Time) ([]activities.Activity, error) {
	f := activities.Filter{From: from, To: to}
	if staffView && audit.ActorFrom(r.Context()).Role == audit.RoleOrganiser {
		return s.d.Activities.Mine(r.Context(), f)
	}
	if !staffView {
		f.Status = activities.Planned
	}
	return s.d.Activities.List(r.Context(), f)
}

func (s *Server) showCalendar(staffView bool) handlerFunc {
	return func(w http.ResponseWriter, r *http.Request, v *view) error {
		if r.URL.Query().Has("week") {
			return s.showWeek(w, r, v, staffView)
		}
		d, err := s.calendar(r, staffView)
		if err != nil {
			return err
		}
		d.Title = v.T("act.calendar_month", d.Month.Year(), int(d.Month.Month()))
		d.Heads = []int{1, 2, 3, 4, 5, 6, 0}
		v.Title, v.Nav, v.Data = d.Title, "activities", d
		s.render(w, r, http.StatusOK, "activities_calendar", v)
		return nil
	}
}

// activitiesFeed is the iCalendar feed of the room's activities, from
// three months back to a year ahead, for readers' calendar programs.
func (s *Server) activitiesFeed(w http.ResponseWriter, r *http.Request, v *view) error {
	now := s.d.Activities.Now()
	acts, err := s.d.Activities.List(r.Context(), activities.Filter{From: now.AddDate(0, -3, 0), To: now.AddDate(1, 0, 0)})
	if err != nil {
		return err
	}
	name := v.Institution() + " · " + v.T("act.portal.title")
	w.Header().Set("Content-Type", "text/calendar; charset=utf-8")
	w.Header().Set("Content-Disposition", `inline; filename="activities.ics"`)
	_, err = io.WriteString(w, activities.ICalendar(name, s.absolute(r, ""), acts, now))
	return err
}
