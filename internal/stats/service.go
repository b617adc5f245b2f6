package stats

import (
	"context"
	"fmt"
	"sort"
	"strconv"
	"time"

	"shuwu/internal/activities"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/receptions"
)

// DefaultTarget is a year's target of new volumes when none was set (as
// acquisitions has it).
const DefaultTarget = 500

// MaxDays bounds a range: ten years.
const MaxDays = 3660

// TopN is how many lines a ranking has.
const TopN = 20

// ShowReadersKey is the setting that shows the top readers by name
// (privacy: off by default).
const ShowReadersKey = "stats.show_top_readers"

// servedKinds are the ledger lines that serve a reader.
var servedKinds = []string{string(ledger.Loan), string(ledger.Return), string(ledger.Renew), string(ledger.InRoom),
	string(ledger.Visit), string(ledger.Hold), string(ledger.HoldFill), string(ledger.ActivitySignIn), string(ledger.SeatCheckIn)}

// busyKinds are the lines of the heat map: work at the desk and people
// coming in.
var busyKinds = []string{string(ledger.Loan), string(ledger.Return), string(ledger.Renew), string(ledger.InRoom), string(ledger.Visit)}

// Service computes the figures.
type Service struct {
	store Store
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the service; now may be nil.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

// Today is the library's date.
func (s *Service) Today() string { return s.now().In(s.tz).Format(time.DateOnly) }

// ThisYear is the range from the first of January to today.
func (s *Service) ThisYear() Range {
	t := s.now().In(s.tz)
	return Range{From: fmt.Sprintf("%04d-01-01", t.Year()), To: t.Format(time.DateOnly)}
}

// Year is one whole calendar year.
func Year(y int) Range {
	return Range{From: fmt.Sprintf("%04d-01-01", y), To: fmt.Sprintf("%04d-12-31", y)}
}

// Month is one whole calendar month ("2026-03").
func Month(m string) (Range, error) {
	t, err := time.Parse("2006-01", m)
	if err != nil {
		return Range{}, errs.Invalid(CodeStatsDateInvalid, "month", "月份应写成 2026-03", "a month must look like 2026-03")
	}
	return Range{From: t.Format(time.DateOnly), To: t.AddDate(0, 1, -1).Format(time.DateOnly)}, nil
}

// MonthBefore is the calendar month before the one r starts in.
func MonthBefore(r Range) Range {
	t, _ := time.Parse(time.DateOnly, r.From)
	m, _ := Month(time.Date(t.Year(), t.Month(), 1, 0, 0, 0, 0, time.UTC).AddDate(0, -1, 0).Format("2006-01"))
	return m
}

// ParseRange checks a range as typed; an empty end is today, an empty
// start the first of January of the end's year.
func (s *Service) ParseRange(from, to string) (Range, error) {
	if to == "" {
		to = s.Today()
	}
	t, err := time.Parse(time.DateOnly, to)
	if err != nil {
		return Range{}, errs.Invalid(CodeStatsDateInvalid, "to", "结束日期应写成 2026-12-31", "the end date must look like 2026-12-31")
	}
	if from == "" {
		from = fmt.Sprintf("%04d-01-01", t.Year())
	}
	f, err := time.Parse(time.DateOnly, from)
	if err != nil {
		return Range{}, errs.Invalid(CodeStatsDateInvalid, "from", "开始日期应写成 2026-01-01", "the start date must look like 2026-01-01")
	}
	if t.Before(f) {
		return Range{}, errs.Invalid(CodeStatsRangeBackwards, "to", "结束日期早于开始日期", "the end date is before the start date")
	}
	r := Range{From: from, To: to}
	if r.Days() > MaxDays {
		return Range{}, errs.Invalid(CodeStatsRangeTooLong, "from", "统计区间最长 10 年", "a range is at most 10 years")
	}
	return r, nil
}

// span is a range as the store reads it.
type span struct {
	r        Range
	from, to int64 // [from, to) ms
	offset   int64
	start    time.Time
}

func (s *Service) span(r Range) span {
	f, _ := time.ParseInLocation(time.DateOnly, r.From, s.tz)
	t, _ := time.ParseInLocation(time.DateOnly, r.To, s.tz)
	t = t.AddDate(0, 0, 1)
	_, off := f.Zone()
	return span{r: r, from: f.UnixMilli(), to: t.UnixMilli(), offset: int64(off) * 1000, start: f}
}

// months are the range's month buckets: bounds in ms (one more than
// labels) and labels "2026-03".
func (s *Service) months(sp span) ([]int64, []string) {
	bounds := []int64{sp.from}
	var labels []string
	m := time.Date(sp.start.Year(), sp.start.Month(), 1, 0, 0, 0, 0, s.tz)
	for {
		labels = append(labels, m.Format("2006-01"))
		m = m.AddDate(0, 1, 0)
		if m.UnixMilli() >= sp.to {
			bounds = append(bounds, sp.to)
			return bounds, labels
		}
		bounds = append(bounds, m.UnixMilli())
	}
}

func (s *Service) years(sp span) ([]int64, []string) {
	bounds := []int64{sp.from}
	var labels []string
	for y := sp.start.Year(); ; y++ {
		labels = append(labels, strconv.Itoa(y))
		next := time.Date(y+1, 1, 1, 0, 0, 0, 0, s.tz).UnixMilli()
		if next >= sp.to {
			return append(bounds, sp.to), labels
		}
		bounds = append(bounds, next)
	}
}

// Dashboard computes every figure of a range, in one snapshot.
func (s *Service) Dashboard(ctx context.Context, r Range) (Dashboard, error) {
	d := Dashboard{Range: r, Prev: r.Previous()}
	err := s.store.View(ctx, func(tx Tx) (err error) {
		if d.Collection, err = s.collection(tx, r); err != nil {
			return err
		}
		if d.Use, err = s.use(tx, r); err != nil {
			return err
		}
		if d.Classes, err = s.classes(tx, r); err != nil {
			return err
		}
		if d.Events, err = s.events(tx, r); err != nil {
			return err
		}
		d.Acquisitions, err = s.acquisitions(tx, r)
		return err
	})
	return d, err
}

// Collection computes the collection's figures.
func (s *Service) Collection(ctx context.Context, r Range) (c Collection, err error) {
	err = s.store.View(ctx, func(tx Tx) (err error) { c, err = s.collection(tx, r); return err })
	return c, err
}

// Use computes the use figures.
func (s *Service) Use(ctx context.Context, r Range) (u Use, err error) {
	err = s.store.View(ctx, func(tx Tx) (err error) { u, err = s.use(tx, r); return err })
	return u, err
}

// Classes computes the figures of the classes running in the range.
func (s *Service) Classes(ctx context.Context, r Range) (c []ClassFigures, err error) {
	err = s.store.View(ctx, func(tx Tx) (err error) { c, err = s.classes(tx, r); return err })
	return c, err
}

// Events computes the events, bookings and receptions.
func (s *Service) Events(ctx context.Context, r Range) (e Events, err error) {
	err = s.store.View(ctx, func(tx Tx) (err error) { e, err = s.events(tx, r); return err })
	return e, err
}

// Acquisitions computes what came in and the year's target progress.
func (s *Service) Acquisitions(ctx context.Context, r Range) (a Acquisitions, err error) {
	err = s.store.View(ctx, func(tx Tx) (err error) { a, err = s.acquisitions(tx, r); return err })
	return a, err
}

// ShowReaders reports whether the top readers are shown by name.
func (s *Service) ShowReaders(ctx context.Context) (on bool, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		v, err := tx.Setting(ShowReadersKey)
		on = v == "1"
		return err
	})
	return on, err
}

// SetShowReaders turns the top readers' names on or off.
func (s *Service) SetShowReaders(ctx context.Context, on bool) error {
	v, what := "0", "统计页不显示读者排行的姓名"
	if on {
		v, what = "1", "统计页显示读者排行的姓名"
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SetSetting(ShowReadersKey, v); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "settings", ShowReadersKey, what))
	})
}

func rowsToCounts(rows []Row) []Count {
	out := make([]Count, 0, len(rows))
	for _, r := range rows {
		out = append(out, Count{Key: r.Key, Name: r.Name, NameEn: r.NameEn, N: r.N, M: r.M, V: r.V})
	}
	return out
}

func first(rows []Row) Row {
	if len(rows) == 0 {
		return Row{}
	}
	return rows[0]
}

func (s *Service) classes(tx Tx, r Range) ([]ClassFigures, error) {
	sp := s.span(r)
	return tx.StatsClasses(r.From, r.To, sp.from, sp.to)
}

func (s *Service) events(tx Tx, r Range) (e Events, err error) {
	sp, pp := s.span(r), s.span(r.Previous())
	if e.List, err = tx.StatsActivities(sp.from, sp.to); err != nil {
		return e, err
	}
	prev, err := tx.StatsActivities(pp.from, pp.to)
	if err != nil {
		return e, err
	}
	e.Activities = Figure{int64(len(e.List)), int64(len(prev))}
	byForm, byOrg := map[string]*Count{}, map[string]*Count{}
	var orgs []string
	for _, a := range e.List {
		e.Attendance.N += a.SignedIn
		e.Registrations += a.Registered
		f := byForm[a.Form]
		if f == nil {
			f = &Count{Key: a.Form, Name: activities.Form(a.Form).Label("zh"), NameEn: activities.Form(a.Form).Label("en")}
			byForm[a.Form] = f
		}
		f.N++
		f.M += a.SignedIn
		o := byOrg[a.Organiser]
		if o == nil {
			o = &Count{Key: a.Organiser, Name: a.Organiser}
			byOrg[a.Organiser] = o
			orgs = append(orgs, a.Organiser)
		}
		o.N++
		o.M += a.SignedIn
	}
	for _, a := range prev {
		e.Attendance.Prev += a.SignedIn
	}
	for _, f := range activities.Forms {
		if c := byForm[string(f)]; c != nil {
			e.ByForm = append(e.ByForm, *c)
		}
	}
	sort.SliceStable(orgs, func(i, j int) bool { return byOrg[orgs[i]].N > byOrg[orgs[j]].N })
	for _, o := range orgs {
		e.ByOrganiser = append(e.ByOrganiser, *byOrg[o])
	}
	rows, err := tx.StatsBookings(sp.from, sp.to)
	if err != nil {
		return e, err
	}
	e.BookingsByStatus = rowsToCounts(rows)
	for _, b := range rows {
		if b.Key == "approved" {
			e.Bookings.N = b.N
		}
	}
	if rows, err = tx.StatsBookings(pp.from, pp.to); err != nil {
		return e, err
	}
	for _, b := range rows {
		if b.Key == "approved" {
			e.Bookings.Prev = b.N
		}
	}
	p := r.Previous()
	lv, err := tx.StatsReceptions(r.From, r.To)
	if err != nil {
		return e, err
	}
	plv, err := tx.StatsReceptions(p.From, p.To)
	if err != nil {
		return e, err
	}
	got := map[string]Row{}
	for _, x := range lv {
		got[x.Key] = x
		e.Receptions.N += x.N
		e.Guests.N += x.M
	}
	for _, x := range plv {
		e.Receptions.Prev += x.N
		e.Guests.Prev += x.M
	}
	for _, l := range receptions.Levels {
		x := got[string(l)]
		e.ByLevel = append(e.ByLevel, Count{Key: string(l), Name: l.Label("zh"), NameEn: l.Label("en"), N: x.N, M: x.M})
	}
	return e, nil
}

func (s *Service) acquisitions(tx Tx, r Range) (a Acquisitions, err error) {
	p := r.Previous()
	now, err := tx.StatsAdded(r.From, r.To, "")
	if err != nil {
		return a, err
	}
	prev, err := tx.StatsAdded(p.From, p.To, "")
	if err != nil {
		return a, err
	}
	x, y := first(now), first(prev)
	a.Added, a.Titles, a.ValueFen = Figure{x.N, y.N}, Figure{x.M, y.M}, Figure{x.V, y.V}
	rows, err := tx.StatsAdded(r.From, r.To, "source")
	if err != nil {
		return a, err
	}
	a.BySource = sourceRows(rows)
	for _, c := range a.BySource {
		if c.Key == string(catalog.SourcePurchase) {
			a.SpendingFen = c.V
		}
	}
	if rows, err = tx.StatsAdded(r.From, r.To, "category"); err != nil {
		return a, err
	}
	a.ByCategory = rowsToCounts(rows)
	a.Year, _ = strconv.Atoi(r.To[:4])
	t, set, cats, err := tx.StatsTarget(a.Year)
	if err != nil {
		return a, err
	}
	for i, c := range a.ByCategory {
		id, _ := strconv.ParseInt(c.Key, 10, 64)
		a.ByCategory[i].Target = int64(cats[id])
	}
	a.Target, a.TargetSet = t, set
	if !set {
		a.Target = DefaultTarget
	}
	yr := Year(a.Year)
	yc, err := tx.StatsAdded(yr.From, yr.To, "")
	a.YearCopies = first(yc).N
	return a, err
}
