package web

import (
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/transfer"
	"shuwu/internal/weeding"
)

// Weeding (剔除): choose copies by rules, review the list, withdraw the
// ticked ones with one reason.

// weedingPage is the rules' form and, once run, the candidates.
type weedingPage struct {
	Ran       bool
	List      weeding.List
	Locations []catalog.Location
	Query     string // the rules as a query string, for the export and after a withdrawal
	// Unticked are the candidates the librarian left out (after a refused
	// withdrawal the list comes back as it was ticked).
	Unticked map[string]bool
}

var weedingFields = []string{"rules", "idle_years", "acquired_before", "clc_from", "clc_to", "location"}

// weedingRules reads the rules from a query or form; a number typed
// wrong is the field's error in v.
func weedingRules(v *view, q url.Values) weeding.Rules {
	r := weeding.Rules{Damaged: q.Get("damaged") != "", Superseded: q.Get("superseded") != "", CLCFrom: q.Get("clc_from"), CLCTo: q.Get("clc_to")}
	num := func(field, msg string) int {
		s := strings.TrimSpace(q.Get(field))
		if s == "" {
			return 0
		}
		n, err := strconv.Atoi(s)
		if err != nil {
			v.Errors[field] = v.T(msg)
		}
		return n
	}
	if q.Get("idle") != "" {
		r.IdleYears = num("idle_years", "weed.years_invalid")
		if r.IdleYears == 0 && v.Errors["idle_years"] == "" {
			v.Errors["idle_years"] = v.T("weed.years_invalid")
		}
	}
	r.AcquiredBefore = num("acquired_before", "weed.year_invalid")
	r.LocationID = int64(num("location", "weed.year_invalid"))
	return r
}

// weedingQuery writes the rules back as the page's query.
func weedingQuery(r weeding.Rules) string {
	q := url.Values{"run": {"1"}}
	if r.IdleYears > 0 {
		q.Set("idle", "1")
		q.Set("idle_years", strconv.Itoa(r.IdleYears))
	}
	if r.Damaged {
		q.Set("damaged", "1")
	}
	if r.Superseded {
		q.Set("superseded", "1")
	}
	if r.AcquiredBefore > 0 {
		q.Set("acquired_before", strconv.Itoa(r.AcquiredBefore))
	}
	if r.CLCFrom != "" {
		q.Set("clc_from", r.CLCFrom)
		q.Set("clc_to", r.CLCTo)
	}
	if r.LocationID > 0 {
		q.Set("location", strconv.FormatInt(r.LocationID, 10))
	}
	return q.Encode()
}

func (s *Server) showWeeding(w http.ResponseWriter, r *http.Request, v *view) error {
	q := r.URL.Query()
	if q.Get("run") == "" {
		// A first visit: the usual rules ticked, nothing listed yet.
		v.Form = url.Values{"idle": {"1"}, "idle_years": {"5"}, "damaged": {"1"}, "superseded": {"1"}}
		return s.renderWeeding(w, r, v, weedingPage{}, http.StatusOK)
	}
	v.Form = q
	return s.runWeeding(w, r, v, q, nil, http.StatusOK)
}

// runWeeding lists the candidates of the rules in q and renders the page.
func (s *Server) runWeeding(w http.ResponseWriter, r *http.Request, v *view, q url.Values, unticked map[string]bool, status int) error {
	before := len(v.Errors)
	rules := weedingRules(v, q)
	d := weedingPage{Unticked: unticked}
	if len(v.Errors) == before {
		l, err := s.d.Weeding.Candidates(r.Context(), rules)
		if err != nil {
			if !v.fieldError(err, weedingFields...) {
				return err
			}
		} else {
			d.Ran, d.List, d.Query = true, l, weedingQuery(l.Rules)
		}
	}
	if len(v.Errors) > 0 && status == http.StatusOK {
		status = http.StatusUnprocessableEntity
	}
	return s.renderWeeding(w, r, v, d, status)
}

func (s *Server) renderWeeding(w http.ResponseWriter, r *http.Request, v *view, d weedingPage, status int) error {
	var err error
	if d.Locations, err = s.d.Catalog.Locations(r.Context()); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("weed.title"), "acq", d
	s.render(w, r, status, "acq_weeding", v)
	return nil
}

// withdrawWeeding withdraws the ticked copies; the rules ride along in
// the form so that a refusal shows the list again as it was ticked.
func (s *Server) withdrawWeeding(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := postForm(r, v); err != nil {
		return err
	}
	f := r.PostForm
	ticked := f["barcode"]
	got, err := s.d.Weeding.Withdraw(r.Context(), weeding.Withdrawal{Barcodes: ticked, Reason: f.Get("reason")})
	if err == nil {
		rules := weedingRules(v, f)
		return s.redirect(w, r, "/acquisitions/weeding?"+weedingQuery(rules), v.T("weed.done", got.Copies, got.Titles, formatPrice(got.ValueFen)))
	}
	if !v.fieldError(err, "reason", "barcodes") {
		return err
	}
	unticked := map[string]bool{}
	for _, b := range f["listed"] {
		unticked[b] = true
	}
	for _, b := range ticked {
		delete(unticked, b)
	}
	return s.runWeeding(w, r, v, f, unticked, http.StatusUnprocessableEntity)
}

// exportWeeding downloads the candidates as an Excel sheet, for review
// on paper or by the leadership before the withdrawal.
func (s *Server) exportWeeding(w http.ResponseWriter, r *http.Request, v *view) error {
	rules := weedingRules(v, r.URL.Query())
	if len(v.Errors) > 0 {
		v.Form = r.URL.Query()
		return s.renderWeeding(w, r, v, weedingPage{}, http.StatusUnprocessableEntity)
	}
	l, err := s.d.Weeding.Candidates(r.Context(), rules)
	if err != nil {
		return err
	}
	t := transfer.Table{Sheet: v.T("weed.sheet"),
		Columns: []string{v.T("asset.no"), v.T("weed.barcode"), v.T("weed.call_number"), v.T("weed.book"), v.T("weed.author"), v.T("weed.year"),
			v.T("weed.location"), v.T("weed.added"), v.T("weed.last_lent"), v.T("weed.status"), v.T("weed.price"), v.T("weed.why")},
		Widths: []float64{6, 12, 16, 36, 16, 8, 14, 12, 12, 10, 10, 40}}
	return download(w, v.T("weed.file", s.d.Catalog.Today()), xlsxType, func(out io.Writer) error {
		return transfer.WriteTable(out, t, func(add func(...any) error) error {
			for i, c := range l.Candidates {
				last := v.T("weed.never_lent")
				if !c.LastLent.IsZero() {
					last = c.LastLent.In(s.d.TZ).Format(time.DateOnly)
				}
				if err := add(i+1, c.Barcode, c.CallNumber, strings.TrimSpace(c.Title+" "+c.Part), c.Author, c.Year, c.Location, c.AddedDate, last,
					c.Status.Label(short(v.Lang)), float64(c.PriceFen)/100, weedingWhy(v, c, rules)); err != nil {
					return err
				}
			}
			return nil
		})
	})
}

// weedingWhy says in words why a copy is on the list.
func weedingWhy(v *view, c weeding.Candidate, r weeding.Rules) string {
	var parts []string
	for _, reason := range c.Reasons {
		switch reason {
		case weeding.Idle:
			parts = append(parts, v.T("weed.why_idle", r.IdleYears))
		case weeding.Damaged:
			parts = append(parts, v.T("weed.why_damaged"))
		case weeding.Superseded:
			if c.Newer != nil {
				parts = append(parts, v.T("weed.why_superseded", c.Newer.Year))
			}
		}
	}
	return strings.Join(parts, v.T("weed.sep"))
}

// WeedWhy is weedingWhy for the template.
func (v *view) WeedWhy(c weeding.Candidate, r weeding.Rules) string { return weedingWhy(v, c, r) }
