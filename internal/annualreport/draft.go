package annualreport

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/stats"
)

// sections are the report's parts, in order.
var sections = []struct{ key, heading string }{
	{"overview", "一、总体情况"},
	{"collection", "二、馆藏建设"},
	{"readers", "三、读者服务"},
	{"activities", "四、主题活动"},
	{"receptions", "五、接待来访"},
	{"highlights", "六、工作亮点"},
	{"next", "七、下一步工作"},
}

func knownSection(key string) bool {
	for _, s := range sections {
		if s.key == key {
			return true
		}
	}
	return false
}

func sectionHeading(key string) string {
	for _, s := range sections {
		if s.key == key {
			return s.heading
		}
	}
	return key
}

// num writes a count the Chinese way: 12,345 with separators.
func num(n int64) string {
	s := strconv.FormatInt(n, 10)
	if n < 0 {
		return "-" + num(-n)
	}
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// yuan writes an amount in fen as 元 with two decimals.
func yuan(fen int64) string {
	return fmt.Sprintf("%s.%02d 元", num(fen/100), fen%100)
}

// span names the range: 2026年 for a calendar year, else the dates.
func span(r stats.Range) string {
	if strings.HasSuffix(r.From, "-01-01") && strings.HasSuffix(r.To, "-12-31") && r.From[:4] == r.To[:4] {
		return r.From[:4] + "年"
	}
	return r.From + " 至 " + r.To
}

// links builds the query of the statistics pages for the range.
func tab(r stats.Range, name string) string {
	return "/stats/" + name + "?from=" + r.From + "&to=" + r.To
}

func cell(s string) Cell              { return Cell{Text: s} }
func linked(s, link string) Cell      { return Cell{Text: s, Link: link} }
func count(n int64, link string) Cell { return Cell{Text: num(n), Link: link} }

// names lists the first n labels of counts as “甲（3）、乙（2）”.
func names(cs []stats.Count, n int, unit string) string {
	var parts []string
	for i, c := range cs {
		if i == n || c.N == 0 {
			break
		}
		parts = append(parts, fmt.Sprintf("%s %s%s", c.Name, num(c.N), unit))
	}
	return strings.Join(parts, "、")
}

// Draft writes the report of a dashboard's figures for the library, with
// dates in the library's zone tz.
func Draft(d stats.Dashboard, library string, tz *time.Location) Report {
	if library == "" {
		library = "党建书屋"
	}
	r := d.Range
	rep := Report{Title: library + span(r) + "工作报告", Library: library, Range: r}
	for _, s := range sections {
		sec := Section{Key: s.key, Heading: s.heading}
		switch s.key {
		case "overview":
			sec.Text, sec.Table = overview(d, library)
		case "collection":
			sec.Text, sec.Table = collection(d)
		case "readers":
			sec.Text, sec.Table = readersServed(d)
		case "activities":
			sec.Text, sec.Table = activitiesHeld(d, tz)
		case "receptions":
			sec.Text, sec.Table = receptionsHeld(d)
		case "highlights":
			sec.Text, sec.Table = highlights(d)
		case "next":
			sec.Text = "下一步，书屋将继续坚持“一室多能、一室多用”，紧扣学员培训需求更新馆藏，突出经典、紧跟形势；" +
				"丰富“书屋+课堂”“书屋+活动”“书屋+培训”等形式，办好读书分享会和主题党日；" +
				"加强值班管理和三项制度落实，提高服务质量，让书屋成为学员和教职工学习充电的“加油站”。"
		}
		rep.Sections = append(rep.Sections, sec)
	}
	return rep
}

func overview(d stats.Dashboard, library string) (string, *Table) {
	r, u, e, c := d.Range, d.Use, d.Events, d.Collection
	text := fmt.Sprintf("%s，%s坚持服务学员、服务教学，为 %s 名学员和教职工提供阅览和借阅服务，到馆 %s 人次，外借图书 %s 册次、阅览 %s 册次；"+
		"举办各类主题活动 %s 场次，参加 %s 人次；接待领导和来宾参观 %s 批次。"+
		"新增藏书 %s 册，现有藏书 %s 册（%s 种），藏书总值 %s。",
		span(r), library, num(u.Served.N), num(u.Visits.N), num(u.Loans.N), num(u.InRoom.N),
		num(e.Activities.N), num(e.Attendance.N), num(e.Receptions.N),
		num(c.Added.N), num(c.Copies), num(c.Titles), yuan(c.ValueFen))
	t := &Table{Columns: []string{"项目", "本期", "上期", "增减"}}
	row := func(label string, f stats.Figure, link string) {
		change := "—"
		if p, ok := f.Change(); ok {
			change = fmt.Sprintf("%+d%%", p)
		}
		t.Rows = append(t.Rows, []Cell{cell(label), count(f.N, link), cell(num(f.Prev)), cell(change)})
	}
	row("服务读者（人）", u.Served, tab(r, "use"))
	row("到馆（人次）", u.Visits, tab(r, "use"))
	row("外借（册次）", u.Loans, tab(r, "use"))
	row("阅览（册次）", u.InRoom, tab(r, "use"))
	row("主题活动（场次）", e.Activities, tab(r, "events"))
	row("活动参加（人次）", e.Attendance, tab(r, "events"))
	row("接待来访（批次）", e.Receptions, "/receptions")
	row("新增藏书（册）", c.Added, tab(r, "collection"))
	return text, t
}

func collection(d stats.Dashboard) (string, *Table) {
	r, c, a := d.Range, d.Collection, d.Acquisitions
	var b strings.Builder
	fmt.Fprintf(&b, "截至 %s，书屋现有藏书 %s 册、%s 种，藏书总值 %s。本期新增藏书 %s 册（%s 种，%s）",
		r.To, num(c.Copies), num(c.Titles), yuan(c.ValueFen), num(c.Added.N), num(c.AddedTitles.N), yuan(c.AddedValue.N))
	if s := names(a.BySource, 6, " 册"); s != "" {
		fmt.Fprintf(&b, "，其中%s", s)
	}
	b.WriteString("。")
	if c.EquipmentPieces > 0 {
		fmt.Fprintf(&b, "书屋现有书架、阅览桌椅、电脑、空调等设备 %s 件，原值 %s，连同藏书资产合计 %s。",
			num(c.EquipmentPieces), yuan(c.EquipmentFen), yuan(c.EquipmentFen+c.ValueFen))
	}
	if a.Year > 0 {
		fmt.Fprintf(&b, "%d 年新增藏书目标 %s 册，已完成 %s 册（%d%%）。", a.Year, num(int64(a.Target)), num(a.YearCopies), a.Percent())
	}
	if s := names(c.ByCLC, 5, " 册"); s != "" {
		fmt.Fprintf(&b, "\n\n按中图法分类，藏书较多的类目为：%s。", s)
	}
	t := &Table{Columns: []string{"来源", "新增（册）", "种数", "金额"}}
	for _, s := range a.BySource {
		t.Rows = append(t.Rows, []Cell{cell(s.Name), count(s.N, tab(r, "acquisitions")), cell(num(s.M)), cell(yuan(s.V))})
	}
	t.Rows = append(t.Rows, []Cell{cell("合计"), count(a.Added.N, tab(r, "acquisitions")), cell(num(a.Titles.N)), cell(yuan(a.ValueFen.N))})
	return b.String(), t
}

func readersServed(d stats.Dashboard) (string, *Table) {
	r, u := d.Range, d.Use
	var b strings.Builder
	fmt.Fprintf(&b, "本期服务读者 %s 人，日均 %.1f 人；到馆 %s 人次；外借 %s 册次，续借 %s 册次，阅览 %s 册次；借阅读者 %s 人。",
		num(u.Served.N), u.ServedPerDay, num(u.Visits.N), num(u.Loans.N), num(u.Renewals.N), num(u.InRoom.N), num(u.Borrowers.N))
	if s := names(u.ByReaderType, 4, " 册次"); s != "" {
		fmt.Fprintf(&b, "按读者类型，外借%s。", s)
	}
	served := 0
	for _, c := range d.Classes {
		if c.Borrowers > 0 || c.Visits > 0 || c.InRoom > 0 {
			served++
		}
	}
	if len(d.Classes) > 0 {
		fmt.Fprintf(&b, "\n\n本期在训班次 %d 个，其中 %d 个班次的学员到书屋借阅或阅览。", len(d.Classes), served)
	}
	t := &Table{Columns: []string{"班次", "学员", "借阅人数", "外借（册次）", "人均", "必读完成"}}
	for _, c := range d.Classes {
		done := "—"
		if c.ListBooks > 0 {
			done = fmt.Sprintf("%.1f%%", c.ReadingPercent())
		}
		t.Rows = append(t.Rows, []Cell{linked(c.Name, "/classes/"+strconv.FormatInt(c.ID, 10)), cell(num(c.Members)), cell(num(c.Borrowers)),
			count(c.Loans, tab(r, "classes")), cell(fmt.Sprintf("%.1f", c.LoansPerTrainee())), cell(done)})
	}
	return b.String(), t
}

func activitiesHeld(d stats.Dashboard, tz *time.Location) (string, *Table) {
	e := d.Events
	var b strings.Builder
	fmt.Fprintf(&b, "本期共举办各类主题活动 %s 场次，参加 %s 人次", num(e.Activities.N), num(e.Attendance.N))
	if s := names(e.ByForm, 8, " 场"); s != "" {
		fmt.Fprintf(&b, "，其中%s", s)
	}
	b.WriteString("。")
	if s := names(e.ByOrganiser, 6, " 场"); s != "" {
		fmt.Fprintf(&b, "主办单位有：%s。", s)
	}
	t := &Table{Columns: []string{"日期", "活动", "形式", "主办", "参加（人）"}}
	list := append([]stats.Activity(nil), e.List...)
	sort.Slice(list, func(i, j int) bool { return list[i].StartsAt.Before(list[j].StartsAt) })
	day := "01-02" // within one year the month and day say it
	if d.Range.From[:4] != d.Range.To[:4] {
		day = "2006-01-02"
	}
	for _, a := range list {
		t.Rows = append(t.Rows, []Cell{cell(a.StartsAt.In(tz).Format(day)), linked(a.Title, "/activities/"+strconv.FormatInt(a.ID, 10)),
			cell(formLabel(e, a.Form)), cell(a.Organiser), cell(num(a.SignedIn))})
	}
	return b.String(), t
}

func formLabel(e stats.Events, form string) string {
	for _, c := range e.ByForm {
		if c.Key == form {
			return c.Name
		}
	}
	return form
}

func receptionsHeld(d stats.Dashboard) (string, *Table) {
	e := d.Events
	text := fmt.Sprintf("本期接待领导和来宾参观 %s 批次、%s 人次", num(e.Receptions.N), num(e.Guests.N))
	var parts []string
	for _, c := range e.ByLevel {
		if c.M > 0 {
			parts = append(parts, fmt.Sprintf("%s %s 名", c.Name, num(c.M)))
		}
	}
	if len(parts) > 0 {
		text += "，其中" + strings.Join(parts, "、")
	}
	text += "。"
	t := &Table{Columns: []string{"级别", "批次", "人数"}}
	for _, c := range e.ByLevel {
		t.Rows = append(t.Rows, []Cell{cell(c.Name), count(c.N, "/receptions"), cell(num(c.M))})
	}
	return text, t
}

func highlights(d stats.Dashboard) (string, *Table) {
	var b strings.Builder
	list := append([]stats.Activity(nil), d.Events.List...)
	sort.Slice(list, func(i, j int) bool { return list[i].SignedIn > list[j].SignedIn })
	if len(list) > 0 && list[0].SignedIn > 0 {
		var big []string
		for i := 0; i < len(list) && i < 3 && list[i].SignedIn > 0; i++ {
			big = append(big, fmt.Sprintf("“%s”（%s 人参加）", list[i].Title, num(list[i].SignedIn)))
		}
		fmt.Fprintf(&b, "参加人数最多的活动是%s。", strings.Join(big, "、"))
	}
	if len(d.Use.TopBooks) > 0 {
		var top []string
		for i := 0; i < len(d.Use.TopBooks) && i < 5; i++ {
			top = append(top, fmt.Sprintf("《%s》（%s 次）", strings.Trim(d.Use.TopBooks[i].Name, "《》"), num(d.Use.TopBooks[i].N)))
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "最受读者欢迎的图书是%s。", strings.Join(top, "、"))
	}
	var best *stats.ClassFigures
	for i := range d.Classes {
		c := &d.Classes[i]
		if c.ListBooks > 0 && (best == nil || c.ReadingPercent() > best.ReadingPercent()) {
			best = c
		}
	}
	if best != nil {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		fmt.Fprintf(&b, "必读书目完成情况最好的班次是“%s”，完成 %.1f%%。", best.Name, best.ReadingPercent())
	}
	if b.Len() == 0 {
		b.WriteString("本期尚无活动和借阅记录。")
	}
	t := &Table{Columns: []string{"排名", "图书", "借阅（次）"}}
	for i := 0; i < len(d.Use.TopBooks) && i < 10; i++ {
		bk := d.Use.TopBooks[i]
		t.Rows = append(t.Rows, []Cell{cell(strconv.Itoa(bk.Rank)), linked(bk.Name, "/catalog/records/"+bk.Key), count(bk.N, tab(d.Range, "use"))})
	}
	return b.String(), t
}
