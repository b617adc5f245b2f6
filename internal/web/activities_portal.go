package web

import (
	"net/http"
	"time"

	"shuwu/internal/activities"
)

// portalActivities is the portal's list: what is coming, and what was
// held in the last month.
type portalActivities struct {
	Upcoming []activities.Activity
	Recent   []activities.Activity
}

// listPortalActivities lists the planned activities for readers.
func (s *Server) listPortalActivities(w http.ResponseWriter, r *http.Request, v *view) error {
	now := s.d.Activities.Now()
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, s.d.TZ)
	var d portalActivities
	var err error
	if d.Upcoming, err = s.d.Activities.List(r.Context(), activities.Filter{From: today, Status: activities.Planned, Limit: 100}); err != nil {
		return err
	}
	if d.Recent, err = s.d.Activities.List(r.Context(), activities.Filter{From: today.AddDate(0, -1, 0), To: today, Status: activities.Planned, Desc: true, Limit: 50}); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("act.portal.title"), "activities", d
	s.render(w, r, http.StatusOK, "opac_activities", v)
	return nil
}

// portalActivity is one activity as readers see it, with their place.
type portalActivity struct {
	A          activities.Activity
	Past       bool
	Open       bool // registration is open (before the start)
	Registered int
	Waitlisted int
	Full       bool
	Mine       activities.Registration // Status "" when none
	SignedIn   *activities.SignIn
	Login      string // the login page that comes back here
}

// showPortalActivity shows one activity to readers.
func (s *Server) showPortalActivity(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderPortalActivity(w, r, v, http.StatusOK)
}

func (s *Server) renderPortalActivity(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	act, err := s.d.Activities.Activity(r.Context(), id)
	if err != nil {
		return err
	}
	now := s.d.Activities.Now()
	d := portalActivity{A: act, Past: !act.End.After(now), Open: act.Status == activities.Planned && act.Start.After(now),
		Login: loginToRegister("/opac/activities/" + r.PathValue("id"))}
	if d.Registered, d.Waitlisted, err = s.d.Activities.Counts(r.Context(), id); err != nil {
		return err
	}
	d.Full = d.Registered >= act.Capacity
	if d.Mine, d.SignedIn, err = s.d.Activities.MyPlace(r.Context(), id); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = act.Title, "activities", d
	s.render(w, r, status, "opac_activity", v)
	return nil
}
