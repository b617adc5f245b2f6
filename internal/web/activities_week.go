package web

import (
	"net/http"
	"strings"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/errs"
)

// weekPage is the week view of the activity calendar, Monday to Sunday.
type weekPage struct {
	Monday     time.Time
	Prev, Next string // YYYY-MM-DD of the Mondays around
	Month      string // YYYY-MM of the week's Monday, for the month view
	Days       []calDay
	Count      int
	Base       string // /activities or /opac/activities
	Title      string
}

// showWeek lays out the week of ?week=YYYY-MM-DD (this week when empty)
// with each day's activities in time order.
func (s *Server) showWeek(w http.ResponseWriter, r *http.Request, v *view, staffView bool) error {
	now := s.d.Activities.Now()
	day := now
	if q := strings.TrimSpace(r.URL.Query().Get("week")); q != "" {
		t, err := time.ParseInLocation(time.DateOnly, q, s.d.TZ)
		if err != nil || t.Year() < 2000 || t.Year() > 2100 {
			return errs.Invalid(activities.CodeActivityInvalid, "week", "周视图的日期应写成 2026-12-07", "the week's date must look like 2026-12-07")
		}
		day = t
	}
	monday := mondayOf(day, s.d.TZ)
	items, err := s.calendarItems(r, staffView, monday, monday.AddDate(0, 0, 7))
	if err != nil {
		return err
	}
	d := weekPage{Monday: monday, Prev: monday.AddDate(0, 0, -7).Format(time.DateOnly), Next: monday.AddDate(0, 0, 7).Format(time.DateOnly),
		Month: monday.Format("2006-01"), Base: "/opac/activities", Count: len(items)}
	if staffView {
		d.Base = "/activities"
	}
	today := now.Format(time.DateOnly)
	for i := 0; i < 7; i++ {
		dt := monday.AddDate(0, 0, i)
		k := dt.Format(time.DateOnly)
		cd := calDay{Date: dt, InMonth: true, Today: k == today}
		for _, a := range items {
			if a.Start.In(s.d.TZ).Format(time.DateOnly) == k {
				cd.Items = append(cd.Items, a)
			}
		}
		d.Days = append(d.Days, cd)
	}
	sunday := monday.AddDate(0, 0, 6)
	d.Title = v.T("act.calendar_week", formatDate(v.Lang, monday, s.d.TZ), formatDate(v.Lang, sunday, s.d.TZ))
	v.Title, v.Nav, v.Data = d.Title, "activities", d
	s.render(w, r, http.StatusOK, "activities_week", v)
	return nil
}
