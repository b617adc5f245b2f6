package web

import (
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/periodicals"
)

// periodicalsPage is a year's subscriptions with the check-in scanner and
// the form to subscribe.
type periodicalsPage struct {
	Year        int
	Years       []int
	Subs        []periodicals.Subscription
	Late        int
	Frequencies []periodicals.Frequency
	Sources     []string
}

// showPeriodicals lists a year's subscriptions.
func (s *Server) showPeriodicals(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderPeriodicals(w, r, v, http.StatusOK)
}

func (s *Server) renderPeriodicals(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	year := s.d.Periodicals.ThisYear()
	if y, err := strconv.Atoi(r.URL.Query().Get("year")); err == nil && y >= 2000 && y <= year+1 {
		year = y
	}
	d := periodicalsPage{Year: year, Frequencies: periodicals.Frequencies(), Sources: periodicals.Sources}
	for y := s.d.Periodicals.ThisYear() + 1; y >= s.d.Periodicals.ThisYear()-3; y-- {
		d.Years = append(d.Years, y)
	}
	var err error
	if d.Subs, err = s.d.Periodicals.Subscriptions(ctx, year); err != nil {
		return err
	}
	late, err := s.d.Periodicals.LateIssues(ctx)
	if err != nil {
		return err
	}
	d.Late = len(late)
	if v.Val("year") == "" {
		v.Form.Set("year", strconv.Itoa(s.d.Periodicals.ThisYear()))
	}
	if v.Val("copies") == "" {
		v.Form.Set("copies", "1")
	}
	v.Title, v.Nav, v.Data = v.T("per.title"), "periodicals", d
	s.render(w, r, status, "periodicals", v)
	return nil
}

// subscribe adds a subscription with its expected issues.
func (s *Server) subscribe(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	f := r.PostForm
	v.Form = f
	sub := periodicals.Subscription{Title: f.Get("title"), ISSN: f.Get("issn"), CN: f.Get("cn"), Frequency: periodicals.Frequency(f.Get("frequency")),
		Source: f.Get("source"), CLC: f.Get("clc"), StartDate: f.Get("start_date"), Notes: f.Get("notes")}
	var err error
	if sub.Copies, err = strconv.Atoi(strings.TrimSpace(f.Get("copies"))); err != nil {
		v.Errors["copies"] = v.T("form.number")
	}
	if sub.Year, err = strconv.Atoi(strings.TrimSpace(f.Get("year"))); err != nil {
		v.Errors["year"] = v.T("form.number")
	}
	fen, ok := parseYuan(f.Get("price"))
	if !ok {
		v.Errors["price"] = v.T("form.price")
	}
	sub.PriceFen = fen
	if len(v.Errors) == 0 {
		out, err := s.d.Periodicals.Subscribe(r.Context(), sub)
		if err == nil {
			return s.redirect(w, r, "/periodicals/"+strconv.FormatInt(out.ID, 10), v.T("per.subscribed", out.Title, out.Year, out.Total))
		}
		if !v.fieldError(err, "title", "issn", "cn", "frequency", "copies", "year", "source", "price", "clc", "start_date", "notes") {
			return err
		}
	}
	return s.renderPeriodicals(w, r, v, http.StatusUnprocessableEntity)
}

// scanPeriodical checks in what the scanner read (记到).
func (s *Server) scanPeriodical(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	sub, is, err := s.d.Periodicals.CheckInScan(r.Context(), r.PostForm.Get("code"))
	if err != nil {
		if !v.fieldError(err, "code") {
			return err
		}
		// Whatever went wrong with a scan is said beside the scanner.
		if msg, ok := v.Errors[""]; ok {
			v.Errors["code"] = msg
			delete(v.Errors, "")
		}
		return s.renderPeriodicals(w, r, v, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/periodicals", v.T("per.checked_in", sub.Title, is.Label, is.ReceivedCopies))
}

// subscriptionPage is one subscription's issues.
type subscriptionPage struct {
	Sub       periodicals.Subscription
	Issues    []periodicals.Issue
	Today     string
	Locations []catalog.Location
	Unbound   int
	// Frequencies and Sources fill the edit form; Failed names the form
	// (edit, end, delete, bind) whose error the page shows.
	Frequencies []periodicals.Frequency
	Sources     []string
	Failed      string
}

// showSubscription lists a subscription's issues with their check-in.
func (s *Server) showSubscription(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	return s.renderSubscription(w, r, v, id, http.StatusOK)
}

// subscriptionValues fills the edit form with the subscription as it is.
func subscriptionValues(v *view, sub periodicals.Subscription) {
	for k, val := range map[string]string{"title": sub.Title, "cn": sub.CN, "issn": sub.ISSN, "frequency": string(sub.Frequency),
		"copies": strconv.Itoa(sub.Copies), "source": sub.Source, "price": yuanText(sub.PriceFen), "clc": sub.CLC, "notes": sub.Notes} {
		if _, typed := v.Form[k]; !typed {
			v.Form.Set(k, val)
		}
	}
	if sub.PriceFen == 0 && v.Form.Get("price") == "0.00" {
		v.Form.Set("price", "")
	}
}

func (s *Server) renderSubscription(w http.ResponseWriter, r *http.Request, v *view, id int64, status int) error {
	return s.renderSubscriptionForm(w, r, v, id, "bind", status)
}

func (s *Server) renderSubscriptionForm(w http.ResponseWriter, r *http.Request, v *view, id int64, failed string, status int) error {
	sub, issues, err := s.d.Periodicals.Issues(r.Context(), id)
	if err != nil {
		return err
	}
	subscriptionValues(v, sub)
	if v.Form.Get("end_date") == "" {
		v.Form.Set("end_date", min(max(s.d.Periodicals.Today(), sub.StartDate), strconv.Itoa(sub.Year)+"-12-31"))
	}
	locs, err := s.d.Catalog.Locations(r.Context())
	if err != nil {
		return err
	}
	d := subscriptionPage{Sub: sub, Issues: issues, Today: s.d.Periodicals.Today(), Locations: locs,
		Frequencies: periodicals.Frequencies(), Sources: periodicals.Sources, Failed: failed}
	for _, is := range issues {
		if is.Received() && is.BoundItemID == 0 {
			d.Unbound++
		}
	}
	v.Title, v.Nav, v.Data = sub.Title, "periodicals", d
	s.render(w, r, status, "subscription", v)
	return nil
}

// checkInIssue is the one-click 记到 of an issue.
func (s *Server) checkInIssue(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sub, is, err := s.d.Periodicals.CheckIn(r.Context(), id)
	if err != nil {
		return err
	}
	return s.redirect(w, r, "/periodicals/"+strconv.FormatInt(sub.ID, 10)+"#issue-"+strconv.Itoa(is.Seq), v.T("per.checked_in", sub.Title, is.Label, is.ReceivedCopies))
}

// claimIssue records a claim (催缺) for a late issue.
func (s *Server) claimIssue(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	is, err := s.d.Periodicals.Claim(r.Context(), id)
	if err != nil {
		return err
	}
	back := "/periodicals/late"
	if r.FormValue("back") == "subscription" {
		back = "/periodicals/" + strconv.FormatInt(is.SubscriptionID, 10)
	}
	return s.redirect(w, r, back, v.T("per.claimed", is.Label))
}

// lateIssues lists the issues to claim, printable for the post office.
func (s *Server) lateIssues(w http.ResponseWriter, r *http.Request, v *view) error {
	late, err := s.d.Periodicals.LateIssues(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("per.late_title"), "periodicals", late
	s.render(w, r, http.StatusOK, "periodicals_late", v)
	return nil
}

// bindIssues makes a subscription's received issues into a bound volume.
func (s *Server) bindIssues(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	var ids []int64
	for _, raw := range r.PostForm["issue"] {
		if n, err := strconv.ParseInt(raw, 10, 64); err == nil {
			ids = append(ids, n)
		}
	}
	loc, _ := strconv.ParseInt(r.PostForm.Get("location_id"), 10, 64)
	rec, it, err := s.d.Periodicals.Bind(r.Context(), id, ids, r.PostForm.Get("part"), loc)
	if err != nil {
		if !v.fieldError(err, "part", "location_id", "clc") {
			return err
		}
		return s.renderSubscription(w, r, v, id, http.StatusUnprocessableEntity)
	}
	return s.redirect(w, r, "/catalog/items/"+it.Barcode, v.T("per.bound", rec.DisplayTitle(), it.Barcode))
}

var subscriptionFields = []string{"title", "issn", "cn", "frequency", "copies", "source", "price", "clc", "notes"}

// editSubscription corrects a subscription; a new frequency regenerates
// the issues to come.
func (s *Server) editSubscription(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	old, err := s.d.Periodicals.Subscription(r.Context(), id)
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	f := r.PostForm
	sub := periodicals.Subscription{ID: id, Year: old.Year, Title: f.Get("title"), ISSN: f.Get("issn"), CN: f.Get("cn"), Frequency: periodicals.Frequency(f.Get("frequency")),
		Source: f.Get("source"), CLC: f.Get("clc"), Notes: f.Get("notes")}
	if sub.Copies, err = strconv.Atoi(strings.TrimSpace(f.Get("copies"))); err != nil {
		v.Errors["copies"] = v.T("form.number")
	}
	fen, ok := parseYuan(f.Get("price"))
	if !ok {
		v.Errors["price"] = v.T("form.price")
	}
	sub.PriceFen = fen
	if len(v.Errors) == 0 {
		out, err := s.d.Periodicals.Update(r.Context(), sub)
		if err == nil {
			msg := v.T("per.updated", out.Title)
			if out.Frequency != old.Frequency {
				msg = v.T("per.updated_frequency", out.Title, out.Frequency.Label(short(v.Lang)), out.Total)
			}
			return s.redirect(w, r, "/periodicals/"+strconv.FormatInt(id, 10), msg)
		}
		if !v.fieldError(err, subscriptionFields...) {
			return err
		}
	}
	return s.renderSubscriptionForm(w, r, v, id, "edit", http.StatusUnprocessableEntity)
}

// endSubscription ends a subscription on a day (结束订阅).
func (s *Server) endSubscription(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	if err := postForm(r, v); err != nil {
		return err
	}
	out, err := s.d.Periodicals.End(r.Context(), id, v.Val("end_date"))
	if err == nil {
		return s.redirect(w, r, "/periodicals/"+strconv.FormatInt(id, 10), v.T("per.ended", out.Title, formatDate(v.Lang, out.EndDate, s.d.TZ)))
	}
	if !v.fieldError(err, "end_date") {
		return err
	}
	return s.renderSubscriptionForm(w, r, v, id, "end", http.StatusUnprocessableEntity)
}

// deleteSubscription removes a subscription entered by mistake; one with
// issues in is refused, offering to end it.
func (s *Server) deleteSubscription(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	sub, err := s.d.Periodicals.Subscription(r.Context(), id)
	if err != nil {
		return err
	}
	if err := s.d.Periodicals.Delete(r.Context(), id); err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.renderSubscriptionForm(w, r, v, id, "delete", http.StatusConflict)
	}
	return s.redirect(w, r, "/periodicals?year="+strconv.Itoa(sub.Year), v.T("per.deleted", sub.Title, sub.Year))
}

// readingRack is the portal's list of current issues on the rack.
func (s *Server) readingRack(w http.ResponseWriter, r *http.Request, v *view) error {
	subs, err := s.d.Periodicals.Rack(r.Context())
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("rack.title"), "rack", subs
	s.render(w, r, http.StatusOK, "opac_rack", v)
	return nil
}
