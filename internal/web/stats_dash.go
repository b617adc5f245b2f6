package web

import (
	"fmt"
	"io"
	"net/http"
	"strconv"

	"shuwu/internal/activities"
	"shuwu/internal/errs"
	"shuwu/internal/stats"
	"shuwu/internal/transfer"
)

// The statistics dashboards (统计): one page per area — use, collection,
// classes, events and the room, acquisitions — for a date range beside
// the previous period of equal length. Each figure is a chart and its
// table; every table of a page downloads as one workbook.

var statsTabs = []string{"use", "collection", "classes", "events", "acquisitions"}

// statCard is a headline figure with the previous period's.
type statCard struct {
	ID, Label, Value, Prev string
	Change                 string // "+12%", "−5%", "" when nothing to compare
	Sub                    string // a line under the figure instead of the comparison
	Up, Down               bool
}

// statPanel is one chart with its table, or a table alone.
type statPanel struct {
	ID, Title, Note string
	Chart           string // ECharts option as JSON; "" for a table alone
	Tall            bool
	Table           transfer.DataSheet
	More            string // a link to the whole list
	MoreLabel       string
}

type statsPage struct {
	Tab         string
	Tabs        []string
	Range       stats.Range
	Prev        stats.Range
	Cards       []statCard
	Panels      []statPanel
	Query       string // from=…&to=…
	ShowToggle  bool   // the librarian may show or hide the top readers' names
	ShowReaders bool
	Presets     []statPreset
}

type statPreset struct{ Label, From, To string }

func (s *Server) statsRange(v *view, r *http.Request) (stats.Range, error) {
	q := r.URL.Query()
	v.Form = q
	switch {
	case q.Get("year") != "":
		y, err := strconv.Atoi(q.Get("year"))
		if err != nil || y < 2000 || y > 9999 {
			return stats.Range{}, errs.Invalid(stats.CodeStatsDateInvalid, "from", "年份应写成 2026", "a year must look like 2026")
		}
		return stats.Year(y), nil
	case q.Get("month") != "":
		return stats.Month(q.Get("month"))
	}
	return s.d.Stats.ParseRange(q.Get("from"), q.Get("to"))
}

func (s *Server) statsPresets(v *view) []statPreset {
	y := s.d.Stats.ThisYear()
	today := y.To
	m := today[:7] + "-01"
	last := stats.MonthBefore(stats.Range{From: m, To: m})
	yr, _ := strconv.Atoi(today[:4])
	prevYear := stats.Year(yr - 1)
	return []statPreset{
		{v.T("stats.preset.this_month"), m, today},
		{v.T("stats.preset.last_month"), last.From, last.To},
		{v.T("stats.preset.this_year"), y.From, y.To},
		{v.T("stats.preset.last_year"), prevYear.From, prevYear.To},
	}
}

func (s *Server) showStats(w http.ResponseWriter, r *http.Request, v *view) error {
	tab := r.PathValue("tab")
	if tab == "" {
		tab = "use"
	}
	if !contains(statsTabs, tab) {
		return errs.NotFound(CodePageNotFound, "页面不存在", "page not found")
	}
	d := statsPage{Tab: tab, Tabs: statsTabs}
	rg, err := s.statsRange(v, r)
	status := http.StatusOK
	if err != nil {
		if !v.fieldError(err, "from", "to") {
			return err
		}
		status = http.StatusUnprocessableEntity
		rg = s.d.Stats.ThisYear()
	}
	d.Range, d.Prev, d.Presets = rg, rg.Previous(), s.statsPresets(v)
	d.Query = "from=" + rg.From + "&to=" + rg.To
	if d.Cards, d.Panels, err = s.statsFigures(r, v, tab, rg, &d); err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = v.T("stats.title")+" · "+v.T("stats.tab."+tab), "stats", d
	s.render(w, r, status, "stats", v)
	return nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// exportStats downloads a dashboard's tables as one workbook, the
// headline figures first.
func (s *Server) exportStats(w http.ResponseWriter, r *http.Request, v *view) error {
	tab := r.PathValue("tab")
	if !contains(statsTabs, tab) {
		return errs.NotFound(CodePageNotFound, "页面不存在", "page not found")
	}
	rg, err := s.statsRange(v, r)
	if err != nil {
		return err
	}
	var d statsPage
	cards, panels, err := s.statsFigures(r, v, tab, rg, &d)
	if err != nil {
		return err
	}
	head := transfer.DataSheet{Name: v.T("stats.sheet.summary"), Columns: []string{v.T("stats.col.figure"), rg.From + " – " + rg.To, rg.Previous().From + " – " + rg.Previous().To, v.T("stats.col.change")}}
	for _, c := range cards {
		head.Rows = append(head.Rows, []any{c.Label, c.Value, c.Prev, c.Change})
	}
	tables := []transfer.DataSheet{head}
	for _, p := range panels {
		tables = append(tables, p.Table)
	}
	name := v.T("stats.file", v.T("stats.tab."+tab), rg.From, rg.To)
	return download(w, name, xlsxType, func(out io.Writer) error { return transfer.WriteTablesXLSX(out, tables) })
}

// saveStatsPrivacy turns the top readers' names on or off.
func (s *Server) saveStatsPrivacy(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	on := r.PostForm.Get("show") == "1"
	if err := s.d.Stats.SetShowReaders(r.Context(), on); err != nil {
		return err
	}
	msg := v.T("stats.readers_hidden")
	if on {
		msg = v.T("stats.readers_shown")
	}
	back := "/stats"
	if q := r.PostForm.Get("q"); q != "" {
		back += "?" + q
	}
	return s.redirect(w, r, back, msg)
}

func num(n int64) string { return strconv.FormatInt(n, 10) }

// group writes a count with thousands separators, for the headline
// figures.
func group(n int64) string {
	s := strconv.FormatInt(max(n, -n), 10)
	var b []byte
	for i := range len(s) {
		if i > 0 && (len(s)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, s[i])
	}
	if n < 0 {
		return "−" + string(b)
	}
	return string(b)
}

func (s *Server) card(v *view, id, key string, f stats.Figure) statCard {
	c := statCard{ID: id, Label: v.T(key), Value: group(f.N), Prev: group(f.Prev)}
	if p, ok := f.Change(); ok {
		switch {
		case p > 0:
			c.Change, c.Up = fmt.Sprintf("+%d%%", p), true
		case p < 0:
			c.Change, c.Down = fmt.Sprintf("−%d%%", -p), true
		default:
			c.Change = "0%"
		}
	} else if f.N > 0 {
		c.Change, c.Up = v.T("stats.new"), true
	}
	return c
}

func moneyCard(v *view, id, key string, f stats.Figure) statCard {
	c := statCard{ID: id, Label: v.T(key), Value: yuanCard(f.N), Prev: yuanCard(f.Prev)}
	if p, ok := f.Change(); ok && p > 0 {
		c.Change, c.Up = fmt.Sprintf("+%d%%", p), true
	} else if ok && p < 0 {
		c.Change, c.Down = fmt.Sprintf("−%d%%", -p), true
	}
	return c
}

func statYuan(fen int64) string {
	if fen == 0 {
		return "¥0"
	}
	return formatPrice(fen)
}

// yuanCard is an amount for a headline card: whole yuan with separators
// from ¥10,000 up.
func yuanCard(fen int64) string {
	if fen < 1_000_000 {
		return statYuan(fen)
	}
	return "¥" + group((fen+50)/100)
}

func (s *Server) statsFigures(r *http.Request, v *view, tab string, rg stats.Range, d *statsPage) ([]statCard, []statPanel, error) {
	ctx := r.Context()
	lang := short(v.Lang)
	switch tab {
	case "use":
		u, err := s.d.Stats.Use(ctx, rg)
		if err != nil {
			return nil, nil, err
		}
		d.ShowReaders, d.ShowToggle = u.ShowReaders, v.Librarian()
		return s.useFigures(v, lang, u, rg)
	case "collection":
		c, err := s.d.Stats.Collection(ctx, rg)
		if err != nil {
			return nil, nil, err
		}
		return s.collectionFigures(v, lang, c)
	case "classes":
		cs, err := s.d.Stats.Classes(ctx, rg)
		if err != nil {
			return nil, nil, err
		}
		return s.classFigures(v, cs)
	case "events":
		e, err := s.d.Stats.Events(ctx, rg)
		if err != nil {
			return nil, nil, err
		}
		return s.eventFigures(v, lang, e)
	default:
		a, err := s.d.Stats.Acquisitions(ctx, rg)
		if err != nil {
			return nil, nil, err
		}
		return s.acqFigures(v, lang, a)
	}
}

func periodTable(v *view, name, first string, ps []stats.Period) transfer.DataSheet {
	t := transfer.DataSheet{Name: name, Columns: []string{first, v.T("stats.loans"), v.T("stats.returns"), v.T("stats.renewals"), v.T("stats.in_room"), v.T("stats.visits"), v.T("stats.served")}}
	for _, p := range ps {
		t.Rows = append(t.Rows, []any{p.Label, p.Loans, p.Returns, p.Renewals, p.InRoom, p.Visits, p.Served})
	}
	return t
}

func periodChart(v *view, ps []stats.Period) string {
	cats := make([]string, len(ps))
	var loans, inroom, visits, served []int64
	for i, p := range ps {
		cats[i] = p.Label
		loans, inroom, visits, served = append(loans, p.Loans), append(inroom, p.InRoom), append(visits, p.Visits), append(served, p.Served)
	}
	return axisChart(cats, []series{{Name: v.T("stats.loans"), Values: loans}, {Name: v.T("stats.in_room"), Values: inroom},
		{Name: v.T("stats.visits"), Values: visits, Kind: "line"}, {Name: v.T("stats.served"), Values: served, Kind: "line"}}, false)
}

func countChart(cs []stats.Count, lang, name string, horizontal bool, limit int) string {
	var cats []string
	var vals []int64
	for i, c := range cs {
		if limit > 0 && i >= limit {
			break
		}
		cats, vals = append(cats, c.Label(lang)), append(vals, c.N)
	}
	return axisChart(cats, []series{{Name: name, Values: vals}}, horizontal)
}

func countPie(cs []stats.Count, lang, name string) string {
	var ss []slice
	for _, c := range cs {
		ss = append(ss, slice{c.Label(lang), c.N})
	}
	return pieChart(name, ss)
}

func (s *Server) useFigures(v *view, lang string, u stats.Use, rg stats.Range) ([]statCard, []statPanel, error) {
	cards := []statCard{
		s.card(v, "loans", "stats.loans", u.Loans), s.card(v, "returns", "stats.returns", u.Returns),
		s.card(v, "renewals", "stats.renewals", u.Renewals), s.card(v, "in-room", "stats.in_room", u.InRoom),
		s.card(v, "visits", "stats.visits", u.Visits), s.card(v, "served", "stats.served", u.Served),
		s.card(v, "borrowers", "stats.borrowers", u.Borrowers),
		{ID: "served-per-day", Label: v.T("stats.served_per_day"), Value: strconv.FormatFloat(u.ServedPerDay, 'f', 1, 64), Prev: ""},
	}
	var ps []statPanel
	// A month or two is no curve: the days' chart shows them, the months
	// keep their table.
	months := statPanel{ID: "months", Title: v.T("stats.by_month"), Table: periodTable(v, v.T("stats.by_month"), v.T("stats.col.month"), u.Months)}
	if len(u.Months) >= 3 || len(u.Days) == 0 {
		months.Chart = periodChart(v, u.Months)
	}
	ps = append(ps, months)
	if len(u.Days) > 0 {
		ps = append(ps, statPanel{ID: "days", Title: v.T("stats.by_day"), Chart: periodChart(v, u.Days), Table: periodTable(v, v.T("stats.by_day"), v.T("stats.col.day"), u.Days)})
	}
	if len(u.Years) > 1 {
		ps = append(ps, statPanel{ID: "years", Title: v.T("stats.by_year"), Chart: periodChart(v, u.Years), Table: periodTable(v, v.T("stats.by_year"), v.T("stats.col.year"), u.Years)})
	}
	t := transfer.DataSheet{Name: v.T("stats.by_class"), Columns: []string{v.T("stats.col.class"), v.T("stats.loans"), v.T("stats.borrowers")}}
	for _, c := range u.ByClass {
		t.Rows = append(t.Rows, []any{c.Name, c.N, c.M})
	}
	ps = append(ps, statPanel{ID: "by-class", Title: v.T("stats.by_class"), Note: v.T("stats.by_class_note"), Chart: countChart(u.ByClass, lang, v.T("stats.loans"), true, 15), Tall: len(u.ByClass) > 8, Table: t})
	t = transfer.DataSheet{Name: v.T("stats.by_reader_type"), Columns: []string{v.T("stats.col.reader_type"), v.T("stats.loans"), v.T("stats.borrowers")}}
	for _, c := range u.ByReaderType {
		t.Rows = append(t.Rows, []any{c.Label(lang), c.N, c.M})
	}
	ps = append(ps, statPanel{ID: "by-type", Title: v.T("stats.by_reader_type"), Chart: countPie(u.ByReaderType, lang, v.T("stats.loans")), Table: t})

	// The heat map shows the opening hours, and any hour with work.
	lo, hi := 8, 21
	for d := range 7 {
		for h := range 24 {
			if u.Heat[d][h] > 0 {
				lo, hi = min(lo, h), max(hi, h)
			}
		}
	}
	var hours []int
	for h := lo; h <= hi; h++ {
		hours = append(hours, h)
	}
	order := []int{1, 2, 3, 4, 5, 6, 0} // Monday first
	days := make([]string, 7)
	for i, d := range order {
		days[i] = v.T(fmt.Sprintf("weekday.%d", d))
	}
	t = transfer.DataSheet{Name: v.T("stats.heat"), Columns: []string{v.T("stats.col.weekday")}}
	for _, h := range hours {
		t.Columns = append(t.Columns, fmt.Sprintf("%02d:00", h))
	}
	for i, d := range order {
		row := []any{days[i]}
		for _, h := range hours {
			row = append(row, u.Heat[d][h])
		}
		t.Rows = append(t.Rows, row)
	}
	ps = append(ps, statPanel{ID: "heat", Title: v.T("stats.heat"), Note: v.T("stats.heat_note"), Tall: true,
		Chart: heatChart(v.T("stats.heat"), days, hours, func(d, h int) int64 { return u.Heat[order[d]][h] }, u.HeatMax()), Table: t})

	t = transfer.DataSheet{Name: v.T("stats.top_books"), Columns: []string{v.T("stats.col.rank"), v.T("stats.col.title"), v.T("stats.col.callno"), v.T("stats.loans")}}
	var cats []string
	var vals []int64
	for i, b := range u.TopBooks {
		t.Rows = append(t.Rows, []any{int64(b.Rank), b.Name, b.Extra, b.N})
		if i < 10 {
			cats, vals = append(cats, b.Name), append(vals, b.N)
		}
	}
	ps = append(ps, statPanel{ID: "top-books", Title: v.T("stats.top_books"), Chart: axisChart(cats, []series{{Name: v.T("stats.loans"), Values: vals}}, true), Tall: true, Table: t,
		More: "/reports/ranking?from=" + rg.From + "&to=" + rg.To, MoreLabel: v.T("report.ranking")})
	if u.ShowReaders {
		t = transfer.DataSheet{Name: v.T("stats.top_readers"), Columns: []string{v.T("stats.col.rank"), v.T("stats.col.reader"), v.T("stats.col.card"), v.T("stats.col.class_unit"), v.T("stats.loans")}}
		for _, b := range u.TopReaders {
			t.Rows = append(t.Rows, []any{int64(b.Rank), b.Name, b.Key, b.Extra, b.N})
		}
		ps = append(ps, statPanel{ID: "top-readers", Title: v.T("stats.top_readers"), Table: t})
	}
	t = transfer.DataSheet{Name: v.T("stats.never_lent"), Columns: []string{v.T("stats.col.callno"), v.T("stats.col.title"), v.T("stats.col.copies"), v.T("stats.col.added")}}
	for _, b := range u.NeverLentList {
		t.Rows = append(t.Rows, []any{b.CallNo, b.Title, b.Copies, b.Day})
	}
	ps = append(ps, statPanel{ID: "never-lent", Title: v.T("stats.never_lent"), Note: v.T("stats.never_lent_note", u.NeverLent, len(u.NeverLentList)), Table: t,
		More: "/reports/never-lent", MoreLabel: v.T("report.never_lent")})
	return cards, ps, nil
}

func heldTable(v *view, lang, name, first string, cs []stats.Count) transfer.DataSheet {
	t := transfer.DataSheet{Name: name, Columns: []string{first, v.T("stats.col.copies"), v.T("stats.col.titles"), v.T("stats.col.value")}}
	for _, c := range cs {
		t.Rows = append(t.Rows, []any{c.Label(lang), c.N, c.M, transfer.Yuan(c.V)})
	}
	return t
}

func (s *Server) collectionFigures(v *view, lang string, c stats.Collection) ([]statCard, []statPanel, error) {
	cards := []statCard{
		{ID: "copies", Label: v.T("stats.copies"), Value: group(c.Copies)},
		{ID: "titles", Label: v.T("stats.titles"), Value: group(c.Titles)},
		{ID: "value", Label: v.T("stats.value"), Value: yuanCard(c.ValueFen)},
		s.card(v, "added", "stats.added", c.Added), s.card(v, "added-titles", "stats.added_titles", c.AddedTitles),
		moneyCard(v, "added-value", "stats.added_value", c.AddedValue),
	}
	var ps []statPanel
	ps = append(ps, statPanel{ID: "by-clc", Title: v.T("stats.by_clc"), Note: v.T("stats.held_note"), Chart: countChart(c.ByCLC, lang, v.T("stats.col.copies"), true, 0), Tall: len(c.ByCLC) > 8,
		Table: heldTable(v, lang, v.T("stats.by_clc"), v.T("stats.col.clc"), c.ByCLC)})
	ps = append(ps, statPanel{ID: "by-source", Title: v.T("stats.by_source"), Chart: countPie(c.BySource, lang, v.T("stats.col.copies")), Table: heldTable(v, lang, v.T("stats.by_source"), v.T("stats.col.source"), c.BySource)})
	ps = append(ps, statPanel{ID: "by-location", Title: v.T("stats.by_location"), Chart: countChart(c.ByLocation, lang, v.T("stats.col.copies"), true, 0), Table: heldTable(v, lang, v.T("stats.by_location"), v.T("stats.col.location"), c.ByLocation)})
	ps = append(ps, statPanel{ID: "by-category", Title: v.T("stats.by_category"), Chart: countChart(c.ByCategory, lang, v.T("stats.col.copies"), true, 0), Table: heldTable(v, lang, v.T("stats.by_category"), v.T("stats.col.category"), c.ByCategory)})
	t := transfer.DataSheet{Name: v.T("stats.growth"), Columns: []string{v.T("stats.col.month"), v.T("stats.added"), v.T("stats.held_at_end")}}
	var cats []string
	var added, held []int64
	for _, g := range c.Growth {
		t.Rows = append(t.Rows, []any{g.Key, g.N, g.M})
		cats, added, held = append(cats, g.Key), append(added, g.N), append(held, g.M)
	}
	ps = append(ps, statPanel{ID: "growth", Title: v.T("stats.growth"), Note: v.T("stats.growth_note"),
		Chart: axisChart(cats, []series{{Name: v.T("stats.added"), Values: added}, {Name: v.T("stats.held_at_end"), Values: held, Kind: "line", Right: true}}, false), Table: t})
	return cards, ps, nil
}

func (s *Server) classFigures(v *view, cs []stats.ClassFigures) ([]statCard, []statPanel, error) {
	var members, borrowers, loans, due, done int64
	for _, c := range cs {
		members, borrowers, loans, due, done = members+c.Members, borrowers+c.Borrowers, loans+c.Loans, due+c.ListBooks, done+c.ListDone
	}
	all := stats.ClassFigures{Members: members, Borrowers: borrowers, Loans: loans, ListBooks: due, ListDone: done}
	cards := []statCard{
		{ID: "classes", Label: v.T("stats.classes"), Value: num(int64(len(cs)))},
		{ID: "trainees", Label: v.T("stats.trainees"), Value: group(members)},
		{ID: "class-borrowers", Label: v.T("stats.class_borrowers"), Value: group(borrowers), Sub: v.T("stats.share", all.BorrowerPercent())},
		{ID: "class-loans", Label: v.T("stats.class_loans"), Value: group(loans)},
		{ID: "per-trainee", Label: v.T("stats.per_trainee"), Value: strconv.FormatFloat(all.LoansPerTrainee(), 'f', 1, 64)},
		{ID: "reading", Label: v.T("stats.reading_done"), Value: fmt.Sprintf("%.1f%%", all.ReadingPercent())},
	}
	t := transfer.DataSheet{Name: v.T("stats.tab.classes"), Columns: []string{v.T("stats.col.class"), v.T("stats.col.dates"), v.T("stats.col.head_teacher"), v.T("stats.trainees"),
		v.T("stats.class_borrowers"), v.T("stats.class_loans"), v.T("stats.per_trainee"), v.T("stats.reading_done"), v.T("stats.in_room"), v.T("stats.visits"), v.T("stats.attendance"), v.T("stats.cleared")}}
	var cats []string
	var loansN, borrowersN, reading []int64
	for _, c := range cs {
		t.Rows = append(t.Rows, []any{c.Name, c.Start + " – " + c.End, c.HeadTeacher, c.Members, c.Borrowers, c.Loans, c.LoansPerTrainee(),
			fmt.Sprintf("%.1f%%（%d/%d）", c.ReadingPercent(), c.ListDone, c.ListBooks), c.InRoom, c.Visits, c.Attendance, c.Cleared})
		cats = append(cats, c.Name)
		loansN, borrowersN, reading = append(loansN, c.Loans), append(borrowersN, c.Borrowers), append(reading, c.ListDone)
	}
	rt := transfer.DataSheet{Name: v.T("stats.reading_done"), Columns: []string{v.T("stats.col.class"), v.T("stats.trainees"), v.T("stats.list_titles"), v.T("stats.list_due"), v.T("stats.list_done"), v.T("stats.reading_done")}}
	for _, c := range cs {
		titles := int64(0)
		if c.Members > 0 {
			titles = c.ListBooks / c.Members
		}
		rt.Rows = append(rt.Rows, []any{c.Name, c.Members, titles, c.ListBooks, c.ListDone, fmt.Sprintf("%.1f%%", c.ReadingPercent())})
	}
	return cards, []statPanel{
		{ID: "classes", Title: v.T("stats.class_chart"), Note: v.T("stats.class_note"), Tall: len(cs) > 6,
			Chart: axisChart(cats, []series{{Name: v.T("stats.class_loans"), Values: loansN}, {Name: v.T("stats.class_borrowers"), Values: borrowersN}}, true), Table: t},
		{ID: "reading", Title: v.T("stats.reading_chart"), Note: v.T("stats.reading_note"), Tall: len(cs) > 6,
			Chart: axisChart(cats, []series{{Name: v.T("stats.list_done"), Values: reading}}, true), Table: rt},
	}, nil
}

func (s *Server) eventFigures(v *view, lang string, e stats.Events) ([]statCard, []statPanel, error) {
	cards := []statCard{
		s.card(v, "activities", "stats.activities", e.Activities), s.card(v, "attendance", "stats.attendance", e.Attendance),
		{ID: "registrations", Label: v.T("stats.registrations"), Value: group(e.Registrations)},
		s.card(v, "bookings", "stats.bookings", e.Bookings), s.card(v, "receptions", "stats.receptions", e.Receptions), s.card(v, "guests", "stats.guests", e.Guests),
	}
	var ps []statPanel
	t := transfer.DataSheet{Name: v.T("stats.by_form"), Columns: []string{v.T("stats.col.form"), v.T("stats.activities"), v.T("stats.attendance")}}
	for _, c := range e.ByForm {
		t.Rows = append(t.Rows, []any{c.Label(lang), c.N, c.M})
	}
	ps = append(ps, statPanel{ID: "by-form", Title: v.T("stats.by_form"), Chart: countPie(e.ByForm, lang, v.T("stats.activities")), Table: t})
	t = transfer.DataSheet{Name: v.T("stats.by_organiser"), Columns: []string{v.T("stats.col.organiser"), v.T("stats.activities"), v.T("stats.attendance")}}
	for _, c := range e.ByOrganiser {
		t.Rows = append(t.Rows, []any{c.Name, c.N, c.M})
	}
	ps = append(ps, statPanel{ID: "by-organiser", Title: v.T("stats.by_organiser"), Chart: countChart(e.ByOrganiser, lang, v.T("stats.activities"), true, 12), Table: t})
	t = transfer.DataSheet{Name: v.T("stats.activity_list"), Columns: []string{v.T("stats.col.date"), v.T("stats.col.activity"), v.T("stats.col.form"), v.T("stats.col.organiser"), v.T("stats.registrations"), v.T("stats.attendance")}}
	for _, a := range e.List {
		t.Rows = append(t.Rows, []any{a.StartsAt.In(s.d.TZ).Format("2006-01-02 15:04"), a.Title, activities.Form(a.Form).Label(lang), a.Organiser, a.Registered, a.SignedIn})
	}
	ps = append(ps, statPanel{ID: "activity-list", Title: v.T("stats.activity_list"), Table: t})
	t = transfer.DataSheet{Name: v.T("stats.bookings_by_status"), Columns: []string{v.T("stats.col.status"), v.T("stats.bookings_n"), v.T("stats.expected")}}
	var bs []stats.Count
	for _, c := range e.BookingsByStatus {
		c.Name = v.T("room.status." + c.Key)
		bs = append(bs, c)
		t.Rows = append(t.Rows, []any{c.Name, c.N, c.M})
	}
	ps = append(ps, statPanel{ID: "bookings", Title: v.T("stats.bookings_by_status"), Chart: countPie(bs, lang, v.T("stats.bookings_n")), Table: t})
	t = transfer.DataSheet{Name: v.T("stats.by_level"), Columns: []string{v.T("stats.col.level"), v.T("stats.receptions"), v.T("stats.guests")}}
	for _, c := range e.ByLevel {
		t.Rows = append(t.Rows, []any{c.Label(lang), c.N, c.M})
	}
	ps = append(ps, statPanel{ID: "by-level", Title: v.T("stats.by_level"), Chart: countChart(e.ByLevel, lang, v.T("stats.receptions"), true, 0), Table: t})
	return cards, ps, nil
}

func (s *Server) acqFigures(v *view, lang string, a stats.Acquisitions) ([]statCard, []statPanel, error) {
	cards := []statCard{
		s.card(v, "added", "stats.added", a.Added), s.card(v, "added-titles", "stats.added_titles", a.Titles),
		moneyCard(v, "added-value", "stats.added_value", a.ValueFen),
		{ID: "spending", Label: v.T("stats.spending"), Value: yuanCard(a.SpendingFen)},
		{ID: "target", Label: v.T("stats.target", a.Year), Value: fmt.Sprintf("%d / %d", a.YearCopies, a.Target), Sub: v.T("stats.target_done", a.Percent())},
	}
	ps := []statPanel{
		{ID: "acq-source", Title: v.T("stats.acq_by_source"), Chart: countPie(a.BySource, lang, v.T("stats.col.copies")), Table: heldTable(v, lang, v.T("stats.acq_by_source"), v.T("stats.col.source"), a.BySource)},
		{ID: "acq-category", Title: v.T("stats.acq_by_category"), Note: v.T("stats.acq_category_note", a.Year), Chart: countChart(a.ByCategory, lang, v.T("stats.col.copies"), true, 0), Table: categoryTargetTable(v, lang, a)},
	}
	return cards, ps, nil
}

// Cells are the table's rows as the page writes them.
func (p statPanel) Cells() [][]string {
	out := make([][]string, len(p.Table.Rows))
	for i, row := range p.Table.Rows {
		out[i] = make([]string, len(row))
		for j, c := range row {
			out[i][j] = cellText(c)
		}
	}
	return out
}

// Numeric reports whether column i holds numbers (right-aligned).
func (p statPanel) Numeric(i int) bool {
	if len(p.Table.Rows) == 0 || i >= len(p.Table.Rows[0]) {
		return false
	}
	switch p.Table.Rows[0][i].(type) {
	case int64, float64, transfer.Yuan:
		return true
	}
	return false
}

func cellText(c any) string {
	switch x := c.(type) {
	case string:
		return x
	case int64:
		return num(x)
	case float64:
		return strconv.FormatFloat(x, 'f', 1, 64)
	case transfer.Yuan:
		return statYuan(int64(x))
	case nil:
		return ""
	}
	return fmt.Sprint(c)
}

// categoryTargetTable is what came in by category with the year's
// category targets where the librarian set one.
func categoryTargetTable(v *view, lang string, a stats.Acquisitions) transfer.DataSheet {
	t := transfer.DataSheet{Name: v.T("stats.acq_by_category"), Columns: []string{v.T("stats.col.category"), v.T("stats.col.copies"), v.T("stats.col.titles"), v.T("stats.col.value"), v.T("stats.col.target")}}
	for _, c := range a.ByCategory {
		target := ""
		if c.Target > 0 {
			target = fmt.Sprintf("%d（%d%%）", c.Target, min(100, c.N*100/c.Target))
		}
		t.Rows = append(t.Rows, []any{c.Label(lang), c.N, c.M, transfer.Yuan(c.V), target})
	}
	return t
}
