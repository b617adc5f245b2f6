package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
	"shuwu/internal/settings"
)

// settingsPage is the circulation settings: rules, the policy matrix and
// closed days.
type settingsPage struct {
	Library   settings.Library
	Retention settings.Retention
	// KeptFrom is the first year whose loan history names its readers;
	// 0 when all of it does.
	KeptFrom   int
	Rules      settings.Rules
	Closed     map[time.Weekday]bool
	Weekdays   []time.Weekday
	Policies   []circulation.Policy
	Types      []readers.Type
	Categories []catalog.Category
	ClosedDays []circulation.ClosedDay
	// InitialRules are the initial-password rules to choose from.
	InitialRules []string
}

// showSettings is the settings home.
func (s *Server) showSettings(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderSettings(w, r, v, http.StatusOK)
}

func (s *Server) renderSettings(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	d := settingsPage{Closed: map[time.Weekday]bool{}, Weekdays: []time.Weekday{1, 2, 3, 4, 5, 6, 0}, InitialRules: settings.InitialPasswordRules}
	var err error
	if d.Library, err = s.d.Circulation.Library(ctx); err != nil {
		return err
	}
	if d.Rules, err = s.d.Circulation.Rules(ctx); err != nil {
		return err
	}
	if d.Retention, err = s.d.Circulation.Retention(ctx); err != nil {
		return err
	}
	if k := d.Retention.KeptFrom(time.Now(), s.d.TZ); !k.IsZero() {
		d.KeptFrom = k.Year()
	}
	for _, wd := range d.Rules.ClosedWeekdays {
		d.Closed[wd] = true
	}
	if d.Policies, err = s.d.Circulation.Policies(ctx); err != nil {
		return err
	}
	if d.Types, err = s.d.Readers.Types(ctx); err != nil {
		return err
	}
	if d.Categories, err = s.d.Catalog.Categories(ctx); err != nil {
		return err
	}
	if d.ClosedDays, err = s.d.Circulation.ClosedDays(ctx); err != nil {
		return err
	}
	v.Path, v.Query = "/settings", ""
	v.Title, v.Nav, v.Data = v.T("settings.title"), "settings", d
	s.render(w, r, status, "settings", v)
	return nil
}

// settingsFailed shows the settings again with a person's mistake.
func (s *Server) settingsFailed(w http.ResponseWriter, r *http.Request, v *view, err error) error {
	e := errs.As(err)
	if e.Kind != errs.KindInvalid && e.Kind != errs.KindConflict && e.Kind != errs.KindNotFound {
		return err
	}
	v.Errors[""] = e.Localized(short(v.Lang))
	return s.renderSettings(w, r, v, http.StatusUnprocessableEntity)
}

func formInt(f url.Values, name string) (int, bool) {
	n, err := strconv.Atoi(strings.TrimSpace(f.Get(name)))
	return n, err == nil
}

// saveRules stores the library-wide rules.
func (s *Server) saveRules(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	var rules settings.Rules
	ok := true
	for name, dst := range map[string]*int{"card_grace_days": &rules.CardGraceDays, "hold_pickup_days": &rules.HoldPickupDays,
		"suspend_days_per_overdue_day": &rules.SuspendDaysPerOverdueDay, "staff_expiry_years": &rules.StaffExpiryYears} {
		n, good := formInt(f, name)
		ok = ok && good
		*dst = n
	}
	if !ok {
		v.Errors[""] = v.T("form.number")
		return s.renderSettings(w, r, v, http.StatusUnprocessableEntity)
	}
	rules.HoldOnAvailable = f.Get("hold_on_available") == "on"
	rules.InitialPassword = f.Get("initial_password")
	for _, d := range f["closed_weekdays"] {
		if n, err := strconv.Atoi(d); err == nil {
			rules.ClosedWeekdays = append(rules.ClosedWeekdays, time.Weekday(n))
		}
	}
	if err := s.d.Circulation.SaveRules(r.Context(), rules); err != nil {
		return s.settingsFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/settings", v.T("settings.saved"))
}

// savePolicy creates or replaces one cell of the policy matrix.
func (s *Server) savePolicy(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	p := circulation.Policy{HoldsAllowed: f.Get("holds_allowed") == "on"}
	p.ID, _ = strconv.ParseInt(f.Get("id"), 10, 64)
	p.ReaderTypeID, _ = strconv.ParseInt(f.Get("reader_type_id"), 10, 64)
	p.CategoryID, _ = strconv.ParseInt(f.Get("category_id"), 10, 64)
	ok := true
	for name, dst := range map[string]*int{"loan_days": &p.LoanDays, "max_loans": &p.MaxLoans, "renewals": &p.Renewals,
		"renewal_days": &p.RenewalDays, "max_holds": &p.MaxHolds} {
		n, good := formInt(f, name)
		ok = ok && good
		*dst = n
	}
	if !ok {
		v.Errors[""] = v.T("form.number")
		return s.renderSettings(w, r, v, http.StatusUnprocessableEntity)
	}
	if _, err := s.d.Circulation.SavePolicy(r.Context(), p); err != nil {
		return s.settingsFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/settings#policies", v.T("settings.policy_saved"))
}

// deletePolicy removes a cell of the policy matrix.
func (s *Server) deletePolicy(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := s.d.Circulation.DeletePolicy(r.Context(), id); err != nil {
		return s.settingsFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/settings#policies", v.T("settings.policy_deleted"))
}

// addClosedDay closes the library on a date.
func (s *Server) addClosedDay(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	d := circulation.ClosedDay{Date: strings.TrimSpace(r.PostForm.Get("date")), Reason: strings.TrimSpace(r.PostForm.Get("reason"))}
	if err := s.d.Circulation.SaveClosedDay(r.Context(), d); err != nil {
		return s.settingsFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/settings#closed", v.T("settings.closed_saved", formatDate(v.Lang, d.Date, s.d.TZ)))
}

// deleteClosedDay opens the library again on a date.
func (s *Server) deleteClosedDay(w http.ResponseWriter, r *http.Request, v *view) error {
	date := r.PathValue("date")
	if err := s.d.Circulation.DeleteClosedDay(r.Context(), date); err != nil {
		return s.settingsFailed(w, r, v, err)
	}
	return s.redirect(w, r, "/settings#closed", v.T("settings.closed_deleted", formatDate(v.Lang, date, s.d.TZ)))
}
