package web

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
	"shuwu/internal/room"
)

// activityList is the staff list of activities with its filters.
type activityList struct {
	Items     []activities.Activity
	Forms     []activities.Form
	Audiences []activities.Audience
	Query     string
	Form      string
	Audience  string
	When      string // upcoming | past | all
	Whens     []string
	Planner   bool   // may plan a new one
	Unit      string // an organiser's unit
}

// activityWhen reads the list's time filter: upcoming (from today), the
// past (latest first) or all.
func activityWhen(w string, now time.Time, tz *time.Location) (f activities.Filter, when string) {
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, tz)
	switch w {
	case "past":
		return activities.Filter{To: today, Desc: true}, "past"
	case "all":
		return activities.Filter{Desc: true}, "all"
	default:
		return activities.Filter{From: today}, "upcoming"
	}
}

// listActivities lists the activities, filtered by form, audience, words
// and time: an organiser sees its own unit's only.
func (s *Server) listActivities(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	f, when := activityWhen(q.Get("when"), s.d.Activities.Now(), s.d.TZ)
	d := activityList{Forms: activities.Forms, Audiences: activities.Audiences, Query: strings.TrimSpace(q.Get("q")),
		Form: q.Get("form"), Audience: q.Get("audience"), When: when, Whens: []string{"upcoming", "past", "all"}, Planner: v.Librarian() || v.Organiser()}
	f.Query, f.Form, f.Audience = d.Query, activities.Form(d.Form), activities.Audience(d.Audience)
	var err error
	if v.Organiser() {
		if d.Unit, err = s.d.Activities.Unit(r.Context()); err != nil {
			return err
		}
		d.Items, err = s.d.Activities.Mine(r.Context(), f)
	} else {
		d.Items, err = s.d.Activities.List(r.Context(), f)
	}
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("act.title"), "activities", d
	s.render(w, r, http.StatusOK, "activities", v)
	return nil
}

// activityForm is the plan/edit form's choices.
type activityForm struct {
	ID        int64 // 0 for a new activity
	Forms     []activities.Form
	Audiences []activities.Audience
	Spaces    []room.Space
	Bookings  []room.Booking
	Classes   []readers.Class
	Lists     []catalog.ReadingList
}

var activityFields = []string{"title", "form", "organiser", "host", "date", "from", "to", "space", "booking", "capacity", "audience", "class", "list", "description"}

func (s *Server) renderActivityForm(w http.ResponseWriter, r *http.Request, v *view, id int64, status int) error {
	ctx := r.Context()
	d := activityForm{ID: id, Forms: activities.Forms, Audiences: activities.Audiences}
	var err error
	if d.Spaces, err = s.d.Room.Spaces(ctx); err != nil {
		return err
	}
	// The bookings still to come that an activity may take place on: an
	// organiser's own, or any for the room's librarians.
	now := s.d.Activities.Now()
	if v.Organiser() {
		d.Bookings, err = s.d.Room.Mine(ctx, now)
	} else {
		d.Bookings, err = s.d.Room.Bookings(ctx, room.Filter{From: now})
	}
	if err != nil {
		return err
	}
	d.Bookings = slicesFilter(d.Bookings, func(b room.Booking) bool {
		return b.Status.Holds() || strconv.FormatInt(b.ID, 10) == v.Val("booking")
	})
	classes, err := s.d.Readers.Classes(ctx)
	if err != nil {
		return err
	}
	today := now.Format(time.DateOnly)
	for _, c := range classes {
		// Classes still running or to come, and the one already chosen.
		if c.EndDate >= today || strconv.FormatInt(c.ID, 10) == v.Val("class") {
			d.Classes = append(d.Classes, c)
		}
	}
	if d.Lists, err = s.d.Catalog.ReadingLists(ctx); err != nil {
		return err
	}
	v.Path, v.Query = r.URL.Path, ""
	v.Title, v.Nav, v.Data = v.T("act.new"), "activities", d
	if id != 0 {
		v.Title = v.T("act.edit")
	}
	s.render(w, r, status, "activity_form", v)
	return nil
}

func slicesFilter[T any](in []T, keep func(T) bool) []T {
	var out []T
	for _, x := range in {
		if keep(x) {
			out = append(out, x)
		}
	}
	return out
}

// newActivity is the form to plan an activity, from a booking when one
// is named (?booking=ID: its place, day and time filled in).
func (s *Server) newActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	v.Form.Set("form", string(activities.FormSharing))
	v.Form.Set("from", "14:30")
	v.Form.Set("to", "16:00")
	v.Form.Set("audience", string(activities.Open))
	v.Form.Set("date", q.Get("date"))
	if unit, err := s.d.Activities.Unit(r.Context()); err != nil {
		return err
	} else if unit != "" {
		v.Form.Set("organiser", unit)
	}
	if id, err := strconv.ParseInt(q.Get("booking"), 10, 64); err == nil {
		if b, err := s.d.Room.Booking(r.Context(), id); err == nil && b.Status.Holds() {
			v.Form.Set("booking", strconv.FormatInt(b.ID, 10))
			v.Form.Set("space", strconv.FormatInt(b.SpaceID, 10))
			v.Form.Set("date", b.Start.In(s.d.TZ).Format(time.DateOnly))
			v.Form.Set("from", hm(b.Start, s.d.TZ))
			v.Form.Set("to", hm(b.End, s.d.TZ))
			v.Form.Set("capacity", strconv.Itoa(b.Expected))
			v.Form.Set("title", b.Purpose)
			if v.Form.Get("organiser") == "" {
				v.Form.Set("organiser", b.Organiser)
			}
		}
	}
	return s.renderActivityForm(w, r, v, 0, http.StatusOK)
}

// activityDraft reads the form into a draft; a number that is not one is
// bad input on its field.
func activityDraft(v *view) (activities.Draft, error) {
	f := v.Form
	d := activities.Draft{Title: f.Get("title"), Form: activities.Form(f.Get("form")), Organiser: f.Get("organiser"), Host: f.Get("host"),
		Date: f.Get("date"), From: f.Get("from"), To: f.Get("to"), Audience: f.Get("audience"), Description: f.Get("description")}
	id := func(field string) (int64, error) {
		t := strings.TrimSpace(f.Get(field))
		if t == "" {
			return 0, nil
		}
		n, err := strconv.ParseInt(t, 10, 64)
		if err != nil || n < 0 {
			return 0, errs.Invalid(activities.CodeActivityInvalid, field, "请从列表中选择", "choose from the list")
		}
		return n, nil
	}
	var err error
	if d.SpaceID, err = id("space"); err != nil {
		return d, err
	}
	if d.BookingID, err = id("booking"); err != nil {
		return d, err
	}
	if d.ClassID, err = id("class"); err != nil {
		return d, err
	}
	if d.ListID, err = id("list"); err != nil {
		return d, err
	}
	if c := strings.TrimSpace(f.Get("capacity")); c != "" {
		if d.Capacity, err = strconv.Atoi(c); err != nil {
			return d, errs.Invalid(activities.CodeActivityInvalid, "capacity", "人数上限应填一个数字，如 40", "the capacity must be a number such as 40")
		}
	}
	return d, nil
}

// createActivity plans the activity typed in the form; a mistake comes
// back on its field with the form as typed.
func (s *Server) createActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	d, err := activityDraft(v)
	if err == nil {
		var act activities.Activity
		if act, err = s.d.Activities.Create(r.Context(), d); err == nil {
			return s.redirect(w, r, "/activities/"+strconv.FormatInt(act.ID, 10), v.T("act.created", act.Title))
		}
	}
	if !v.fieldError(err, activityFields...) {
		return err
	}
	return s.renderActivityForm(w, r, v, 0, http.StatusUnprocessableEntity)
}

// ownActivity returns the activity named in the path, refusing an
// organiser another unit's.
func (s *Server) ownActivity(r *http.Request, v *view) (activities.Activity, bool, error) {
	id, err := pathID(r, "id")
	if err != nil {
		return activities.Activity{}, false, err
	}
	act, err := s.d.Activities.Activity(r.Context(), id)
	if err != nil {
		return act, false, err
	}
	mine, err := s.d.Activities.CanEdit(r.Context(), act)
	if err != nil {
		return act, false, err
	}
	if v.Organiser() && !mine {
		return act, false, errs.New(errs.KindForbidden, activities.CodeActivityNotYours, "这是其他单位的活动", "this is another unit's activity")
	}
	return act, mine, nil
}

// activityPage is an activity's staff page: the activity, and its
// registrations and sign-ins with the desk's sign-in form.
type activityPage struct {
	A        activities.Activity
	CanEdit  bool
	Att      activities.Attendance
	CanSign  bool // may sign readers in and show the screen
	SignOpen bool // the sign-in window is open now
	Opens    time.Time
	Closes   time.Time
	Started  bool // the summary and photos may be recorded
	Photos   []activities.Photo
	// CanRegister: the desk may register a reader on their behalf (before
	// the start); CanCancel: the activity may be called off (before its end).
	CanRegister bool
	CanCancel   bool
}

// showActivity is an activity's staff page.
func (s *Server) showActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderActivityPage(w, r, v, http.StatusOK)
}

func (s *Server) renderActivityPage(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	act, mine, err := s.ownActivity(r, v)
	if err != nil {
		return err
	}
	d := activityPage{A: act, CanEdit: mine && act.Status == activities.Planned, CanSign: !v.Leadership() && act.Status == activities.Planned}
	if d.Att, err = s.d.Activities.Attendance(r.Context(), act.ID); err != nil {
		return err
	}
	d.Opens, d.Closes = activities.SignInWindow(act)
	now := s.d.Activities.Now()
	d.SignOpen = !now.Before(d.Opens) && !now.After(d.Closes)
	d.Started = !act.Start.After(now)
	d.CanRegister = d.CanSign && act.Start.After(now) && (mine || v.Actor.AtDesk())
	d.CanCancel = d.CanEdit && act.End.After(now)
	if d.Photos, err = s.d.Activities.Photos(r.Context(), act.ID); err != nil {
		return err
	}
	if _, typed := v.Form["summary"]; !typed {
		v.Form.Set("summary", act.Summary)
	}
	v.Title, v.Nav, v.Data = act.Title, "activities", d
	s.render(w, r, status, "activity", v)
	return nil
}

// editActivity is the form to change an activity, filled from it.
func (s *Server) editActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	act, mine, err := s.ownActivity(r, v)
	if err != nil {
		return err
	}
	if !mine {
		return errs.New(errs.KindForbidden, activities.CodeActivityNotYours, "只能修改本单位的活动", "you can change only your own unit's activities")
	}
	id := func(n int64) string {
		if n == 0 {
			return ""
		}
		return strconv.FormatInt(n, 10)
	}
	f := v.Form
	f.Set("title", act.Title)
	f.Set("form", string(act.Form))
	f.Set("organiser", act.Organiser)
	f.Set("host", act.Host)
	f.Set("date", act.Start.In(s.d.TZ).Format(time.DateOnly))
	f.Set("from", hm(act.Start, s.d.TZ))
	f.Set("to", hm(act.End, s.d.TZ))
	f.Set("space", id(act.SpaceID))
	f.Set("booking", id(act.BookingID))
	f.Set("capacity", strconv.Itoa(act.Capacity))
	f.Set("audience", string(act.Audience))
	f.Set("class", id(act.ClassID))
	f.Set("list", id(act.ListID))
	f.Set("description", act.Description)
	return s.renderActivityForm(w, r, v, act.ID, http.StatusOK)
}

// updateActivity saves the edit form.
func (s *Server) updateActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	d, err := activityDraft(v)
	if err == nil {
		var act activities.Activity
		if act, err = s.d.Activities.Update(r.Context(), id, d); err == nil {
			return s.redirect(w, r, "/activities/"+strconv.FormatInt(act.ID, 10), v.T("act.saved", act.Title))
		}
	}
	if !v.fieldError(err, activityFields...) {
		return err
	}
	return s.renderActivityForm(w, r, v, id, http.StatusUnprocessableEntity)
}
