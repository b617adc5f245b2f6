package web

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/periodicals"
	"shuwu/internal/readers"
	"shuwu/internal/stats"
	"shuwu/internal/transfer"
)

// The standard reports (标准报表): one click each, a print page and the
// same tables as an Excel workbook. The overdue list by class and the
// stocktake result have their own pages; the index links to them.

var reportNames = []string{"monthly", "class", "new-books", "ranking", "never-lent", "acquisitions", "donations", "periodicals"}

type reportIndex struct {
	Reports []reportLink
}

type reportLink struct{ Name, Title, What, Href, Excel string }

type reportPage struct {
	Name, Title, Lead string
	Form              string // range, month, class or ""
	Range             stats.Range
	Month             string
	Classes           []readers.Class
	ClassID           int64
	Cards             []statCard
	Panels            []statPanel
	Export            string
	Note              string
}

func (s *Server) showReports(w http.ResponseWriter, r *http.Request, v *view) error {
	d := reportIndex{}
	year := s.d.Stats.ThisYear()
	q := "?from=" + year.From + "&to=" + year.To
	month := year.To[:7]
	add := func(name, href, excel string) {
		d.Reports = append(d.Reports, reportLink{Name: name, Title: v.T("report." + strings.ReplaceAll(name, "-", "_")), What: v.T("report." + strings.ReplaceAll(name, "-", "_") + "_what"), Href: href, Excel: excel})
	}
	add("overdue", "/overdue?order=class", "/overdue/export?order=class")
	add("monthly", "/reports/monthly?month="+month, "/reports/monthly/export?month="+month)
	add("class", "/reports/class", "")
	add("new-books", "/reports/new-books"+q, "/reports/new-books/export"+q)
	add("ranking", "/reports/ranking"+q, "/reports/ranking/export"+q)
	add("never-lent", "/reports/never-lent", "/reports/never-lent/export")
	add("acquisitions", "/reports/acquisitions"+q, "/reports/acquisitions/export"+q)
	add("donations", "/reports/donations"+q, "/reports/donations/export"+q)
	add("periodicals", "/reports/periodicals"+q, "/reports/periodicals/export"+q)
	if s.d.Stocktake != nil {
		add("stocktake", "/stocktake", "")
	}
	v.Title, v.Nav, v.Data = v.T("report.title"), "stats", d
	s.render(w, r, http.StatusOK, "reports", v)
	return nil
}

func (s *Server) showReport(w http.ResponseWriter, r *http.Request, v *view) error {
	d, status, err := s.report(r, v)
	if err != nil {
		return err
	}
	v.Title, v.Nav, v.Data = d.Title, "stats", d
	s.render(w, r, status, "report", v)
	return nil
}

func (s *Server) exportReport(w http.ResponseWriter, r *http.Request, v *view) error {
	d, status, err := s.report(r, v)
	if err != nil {
		return err
	}
	if status != http.StatusOK {
		return errs.Invalid(stats.CodeStatsDateInvalid, "from", firstError(v), firstError(v))
	}
	var tables []transfer.DataSheet
	if len(d.Cards) > 0 {
		t := transfer.DataSheet{Name: v.T("stats.sheet.summary"), Columns: []string{v.T("stats.col.figure"), v.T("report.value")}}
		for _, c := range d.Cards {
			t.Rows = append(t.Rows, []any{c.Label, c.Value})
		}
		tables = append(tables, t)
	}
	for _, p := range d.Panels {
		tables = append(tables, p.Table)
	}
	name := v.T("report.file", d.Title, d.Lead)
	return download(w, name, xlsxType, func(out io.Writer) error { return transfer.WriteTablesXLSX(out, tables) })
}

func firstError(v *view) string {
	for _, e := range v.Errors {
		return e
	}
	return ""
}

// report computes a report; a mistake in its form comes back as 422 with
// the page for this year.
func (s *Server) report(r *http.Request, v *view) (reportPage, int, error) {
	name := r.PathValue("name")
	if !contains(reportNames, name) {
		return reportPage{}, 0, errs.NotFound(stats.CodeStatsReportUnknown, "没有这份统计报表", "no such report")
	}
	ctx := r.Context()
	key := strings.ReplaceAll(name, "-", "_")
	d := reportPage{Name: name, Title: v.T("report." + key), Form: "range"}
	status := http.StatusOK
	q := r.URL.Query()
	v.Form = q
	rg, err := s.d.Stats.ParseRange(q.Get("from"), q.Get("to"))
	if err != nil {
		if !v.fieldError(err, "from", "to") {
			return d, 0, err
		}
		status, rg = http.StatusUnprocessableEntity, s.d.Stats.ThisYear()
	}
	d.Range = rg
	d.Lead = v.T("report.range", formatDate(v.Lang, rg.From, s.d.TZ), formatDate(v.Lang, rg.To, s.d.TZ))
	d.Export = "/reports/" + name + "/export?from=" + rg.From + "&to=" + rg.To
	lang := short(v.Lang)
	switch name {
	case "monthly":
		d.Form = "month"
		m := q.Get("month")
		if m == "" {
			m = s.d.Stats.Today()[:7]
		}
		mr, err := stats.Month(m)
		if err != nil {
			if !v.fieldError(err, "month") {
				return d, 0, err
			}
			status = http.StatusUnprocessableEntity
			m = s.d.Stats.Today()[:7]
			mr, _ = stats.Month(m)
		}
		d.Month, d.Range = m, mr
		y, mo := mr.From[:4], mr.From[5:7]
		yi, _ := strconv.Atoi(y)
		mi, _ := strconv.Atoi(mo)
		d.Lead = v.T("report.month_of", yi, mi)
		d.Export = "/reports/monthly/export?month=" + m
		if err := s.monthlyReport(ctx, v, &d); err != nil {
			return d, 0, err
		}
	case "class":
		d.Form = "class"
		cs, err := s.d.Readers.Classes(ctx)
		if err != nil {
			return d, 0, err
		}
		d.Classes, d.Export, d.Lead = cs, "", v.T("report.class_pick")
		if c := q.Get("class"); c != "" {
			id, err := strconv.ParseInt(c, 10, 64)
			if err != nil || id <= 0 {
				return d, 0, errs.NotFound(readers.CodeClassNotFound, "班次不存在", "no such class")
			}
			d.ClassID = id
			if err := s.classReport(ctx, v, &d); err != nil {
				return d, 0, err
			}
		}
	case "new-books":
		books, err := s.d.Stats.NewBooks(ctx, rg)
		if err != nil {
			return d, 0, err
		}
		t := transfer.DataSheet{Name: d.Title, Columns: []string{v.T("stats.col.callno"), v.T("stats.col.title"), v.T("report.author"), v.T("report.publisher"), v.T("report.year"), "ISBN", v.T("stats.col.copies"), v.T("stats.col.location"), v.T("stats.col.added")}}
		var copies int64
		for _, b := range books {
			copies += b.Copies
			t.Rows = append(t.Rows, []any{b.CallNo, b.Title, b.Author, b.Publisher, yearText(b.Year), b.ISBN, b.Copies, b.Location, b.Day})
		}
		d.Cards = []statCard{{ID: "titles", Label: v.T("stats.col.titles"), Value: group(int64(len(books)))}, {ID: "copies", Label: v.T("stats.col.copies"), Value: group(copies)}}
		d.Panels = []statPanel{{ID: "new-books", Title: d.Title, Table: t}}
		if len(books) == stats.MaxReportRows {
			d.Note = v.T("report.capped", stats.MaxReportRows)
		}
	case "ranking":
		k, err := s.d.Stats.Ranking(ctx, rg, 50)
		if err != nil {
			return d, 0, err
		}
		t := transfer.DataSheet{Name: v.T("stats.top_books"), Columns: []string{v.T("stats.col.rank"), v.T("stats.col.title"), v.T("stats.col.callno"), v.T("stats.loans")}}
		for _, b := range k.Books {
			t.Rows = append(t.Rows, []any{int64(b.Rank), b.Name, b.Extra, b.N})
		}
		d.Cards = []statCard{{ID: "loans", Label: v.T("stats.loans"), Value: group(k.Loans)}}
		d.Panels = []statPanel{{ID: "ranking-books", Title: v.T("stats.top_books"), Table: t}}
		if k.ShowReaders {
			t := transfer.DataSheet{Name: v.T("stats.top_readers"), Columns: []string{v.T("stats.col.rank"), v.T("stats.col.reader"), v.T("stats.col.card"), v.T("stats.col.class_unit"), v.T("stats.loans")}}
			for _, b := range k.Readers {
				t.Rows = append(t.Rows, []any{int64(b.Rank), b.Name, b.Key, b.Extra, b.N})
			}
			d.Panels = append(d.Panels, statPanel{ID: "ranking-readers", Title: v.T("stats.top_readers"), Table: t})
		} else {
			d.Note = v.T("stats.readers_off")
		}
	case "never-lent":
		d.Form, d.Export, d.Lead = "", "/reports/never-lent/export", v.T("report.as_of", formatDate(v.Lang, s.d.Stats.Today(), s.d.TZ))
		books, total, err := s.d.Stats.NeverLentBooks(ctx)
		if err != nil {
			return d, 0, err
		}
		t := transfer.DataSheet{Name: d.Title, Columns: []string{v.T("stats.col.callno"), v.T("stats.col.title"), v.T("stats.col.copies"), v.T("stats.col.added")}}
		for _, b := range books {
			t.Rows = append(t.Rows, []any{b.CallNo, b.Title, b.Copies, b.Day})
		}
		d.Cards = []statCard{{ID: "never", Label: v.T("report.never_titles"), Value: group(int64(total))}}
		d.Panels = []statPanel{{ID: "never-lent", Title: d.Title, Table: t}}
		if total > len(books) {
			d.Note = v.T("report.capped", len(books))
		}
	case "acquisitions":
		a, err := s.d.Stats.Acquisitions(ctx, rg)
		if err != nil {
			return d, 0, err
		}
		cards, panels, _ := s.acqFigures(v, lang, a)
		for i := range panels {
			panels[i].Chart = ""
		}
		d.Cards, d.Panels = cards, panels
	case "donations":
		gifts, err := s.d.Stats.Donations(ctx, rg)
		if err != nil {
			return d, 0, err
		}
		t := transfer.DataSheet{Name: d.Title, Columns: []string{v.T("report.received"), v.T("report.batch"), v.T("report.donor"), v.T("report.unit"), v.T("stats.col.titles"), v.T("stats.col.copies"), v.T("stats.col.value")}}
		var copies, value int64
		donors := map[string]bool{}
		for _, g := range gifts {
			copies, value = copies+g.Copies, value+g.ValueFen
			donors[g.Donor] = true
			donor := g.Donor
			if donor == "" {
				donor = v.T("report.anonymous")
			}
			t.Rows = append(t.Rows, []any{g.Day, g.Batch, donor, g.Unit, g.Titles, g.Copies, transfer.Yuan(g.ValueFen)})
		}
		d.Cards = []statCard{{ID: "donors", Label: v.T("report.donors"), Value: group(int64(len(donors)))}, {ID: "copies", Label: v.T("stats.col.copies"), Value: group(copies)}, {ID: "value", Label: v.T("stats.col.value"), Value: yuanCard(value)}}
		d.Panels = []statPanel{{ID: "donations", Title: d.Title, Table: t}}
	case "periodicals":
		ps, err := s.d.Stats.Periodicals(ctx, rg)
		if err != nil {
			return d, 0, err
		}
		t := transfer.DataSheet{Name: d.Title, Columns: []string{v.T("report.periodical"), "ISSN", v.T("report.cn"), v.T("report.frequency"), v.T("report.subscribed"), v.T("report.expected"), v.T("report.received_issues"), v.T("report.pieces"), v.T("report.claimed"), v.T("report.missing")}}
		var exp, rec, miss int64
		for _, p := range ps {
			exp, rec, miss = exp+p.Expected, rec+p.Received, miss+p.Missing
			t.Rows = append(t.Rows, []any{p.Title, p.ISSN, p.CN, periodicals.Frequency(p.Frequency).Label(lang), p.Copies, p.Expected, p.Received, p.Pieces, p.Claimed, p.Missing})
		}
		d.Cards = []statCard{{ID: "titles", Label: v.T("report.periodical_titles"), Value: group(int64(len(ps)))}, {ID: "expected", Label: v.T("report.expected"), Value: group(exp)},
			{ID: "received", Label: v.T("report.received_issues"), Value: group(rec)}, {ID: "missing", Label: v.T("report.missing"), Value: group(miss)}}
		d.Panels = []statPanel{{ID: "periodicals", Title: d.Title, Table: t}}
	}
	return d, status, nil
}

func yearText(y int64) string {
	if y == 0 {
		return ""
	}
	return strconv.FormatInt(y, 10)
}

// monthlyReport is the month's service statistics (月度服务统计) beside the
// month before, with GB/T 13191's names, and the month day by day.
func (s *Server) monthlyReport(ctx context.Context, v *view, d *reportPage) error {
	prevMonth := stats.MonthBefore(d.Range)
	type figures struct {
		u stats.Use
		c stats.Collection
		e stats.Events
	}
	get := func(r stats.Range) (f figures, err error) {
		if f.u, err = s.d.Stats.Use(ctx, r); err != nil {
			return f, err
		}
		if f.c, err = s.d.Stats.Collection(ctx, r); err != nil {
			return f, err
		}
		f.e, err = s.d.Stats.Events(ctx, r)
		return f, err
	}
	now, err := get(d.Range)
	if err != nil {
		return err
	}
	prev, err := get(prevMonth)
	if err != nil {
		return err
	}
	t := transfer.DataSheet{Name: v.T("report.indicators"), Columns: []string{v.T("stats.col.figure"), d.Month, prevMonth.From[:7], v.T("stats.col.change")}}
	row := func(key string, a, b int64) {
		f := s.card(v, "", key, stats.Figure{N: a, Prev: b})
		t.Rows = append(t.Rows, []any{v.T(key), a, b, f.Change})
	}
	row("stats.visits", now.u.Visits.N, prev.u.Visits.N)
	row("stats.served", now.u.Served.N, prev.u.Served.N)
	row("stats.loans", now.u.Loans.N, prev.u.Loans.N)
	row("stats.returns", now.u.Returns.N, prev.u.Returns.N)
	row("stats.renewals", now.u.Renewals.N, prev.u.Renewals.N)
	row("stats.in_room", now.u.InRoom.N, prev.u.InRoom.N)
	row("stats.borrowers", now.u.Borrowers.N, prev.u.Borrowers.N)
	row("stats.added", now.c.Added.N, prev.c.Added.N)
	row("stats.added_titles", now.c.AddedTitles.N, prev.c.AddedTitles.N)
	row("stats.activities", now.e.Activities.N, prev.e.Activities.N)
	row("stats.attendance", now.e.Attendance.N, prev.e.Attendance.N)
	row("stats.bookings", now.e.Bookings.N, prev.e.Bookings.N)
	row("stats.receptions", now.e.Receptions.N, prev.e.Receptions.N)
	d.Cards = []statCard{
		s.card(v, "visits", "stats.visits", stats.Figure{N: now.u.Visits.N, Prev: prev.u.Visits.N}),
		s.card(v, "loans", "stats.loans", stats.Figure{N: now.u.Loans.N, Prev: prev.u.Loans.N}),
		s.card(v, "served", "stats.served", stats.Figure{N: now.u.Served.N, Prev: prev.u.Served.N}),
		{ID: "copies", Label: v.T("stats.copies"), Value: group(now.c.Copies)},
	}
	d.Panels = []statPanel{{ID: "indicators", Title: v.T("report.indicators"), Note: v.T("report.gbt"), Table: t},
		{ID: "days", Title: v.T("stats.by_day"), Table: periodTable(v, v.T("stats.by_day"), v.T("stats.col.day"), now.u.Days)}}
	return nil
}

// classReport is one class's reading for its head teacher.
func (s *Server) classReport(ctx context.Context, v *view, d *reportPage) error {
	rep, err := s.d.Stats.ClassReport(ctx, d.ClassID)
	if err != nil {
		return err
	}
	c := rep.Class
	d.Title = v.T("report.class_of", c.Name)
	d.Lead = v.T("report.class_lead", formatDate(v.Lang, c.Start, s.d.TZ), formatDate(v.Lang, c.End, s.d.TZ), c.HeadTeacher)
	d.Export = "/reports/class/export?class=" + strconv.FormatInt(c.ID, 10)
	d.Cards = []statCard{
		{ID: "trainees", Label: v.T("stats.trainees"), Value: group(c.Members)},
		{ID: "class-borrowers", Label: v.T("stats.class_borrowers"), Value: group(c.Borrowers), Sub: v.T("stats.share", c.BorrowerPercent())},
		{ID: "class-loans", Label: v.T("stats.class_loans"), Value: group(c.Loans)},
		{ID: "per-trainee", Label: v.T("stats.per_trainee"), Value: strconv.FormatFloat(c.LoansPerTrainee(), 'f', 1, 64)},
		{ID: "reading", Label: v.T("stats.reading_done"), Value: fmt.Sprintf("%.1f%%", c.ReadingPercent()), Sub: v.T("report.list_titles_n", rep.ListTitles)},
		{ID: "visits", Label: v.T("stats.visits"), Value: group(c.Visits)},
		{ID: "attendance", Label: v.T("stats.attendance"), Value: group(c.Attendance)},
		{ID: "cleared", Label: v.T("stats.cleared"), Value: fmt.Sprintf("%d / %d", c.Cleared, c.Members)},
	}
	t := transfer.DataSheet{Name: v.T("report.members"), Columns: []string{v.T("stats.col.reader"), v.T("stats.col.card"), v.T("report.unit"), v.T("report.phone"), v.T("stats.loans"),
		v.T("stats.in_room"), v.T("stats.visits"), v.T("stats.attendance"), v.T("report.list_done"), v.T("report.on_loan"), v.T("report.cleared"), v.T("report.borrowed")}}
	for _, m := range rep.Readers {
		cleared := ""
		if m.Cleared {
			cleared = "✓"
		}
		t.Rows = append(t.Rows, []any{m.Name, m.Card, m.Unit, m.Phone, m.Loans, m.InRoom, m.Visits, m.Attended, fmt.Sprintf("%d / %d", m.ListDone, rep.ListTitles), m.OnLoan, cleared, strings.Join(m.Titles, "；")})
	}
	bt := transfer.DataSheet{Name: v.T("stats.top_books"), Columns: []string{v.T("stats.col.rank"), v.T("stats.col.title"), v.T("stats.col.callno"), v.T("stats.loans")}}
	for _, b := range rep.TopBooks {
		bt.Rows = append(bt.Rows, []any{int64(b.Rank), b.Name, b.Extra, b.N})
	}
	d.Panels = []statPanel{{ID: "members", Title: v.T("report.members"), Table: t}, {ID: "class-books", Title: v.T("report.class_books"), Table: bt}}
	return nil
}
