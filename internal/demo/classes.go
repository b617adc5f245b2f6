package demo

import (
	"fmt"
	"strings"
	"time"

	"shuwu/internal/readers"
)

// class is one class (班次) of the history with its roster.
type class struct {
	id          int64
	name, kind  string
	stem        string // 科干班, 青年干部培训班 …
	level       string // the positions its trainees hold: keji, xianji, youth, village
	start, end  time.Time
	size        int // new trainees
	alumni      int // trainees of earlier classes who come again
	lists       []string
	created     bool
	enrolled    bool
	members     []*member
	openDays    int
	clearBefore time.Time // clearance desk open until then
}

// member is a trainee's place in a class.
type member struct {
	p       *person
	cleared bool
}

// mainStems are the 11 main classes (主体班) in the order they run: the
// autumn 2022 科干班 and 县干班 of the article first.
var mainStems = []struct {
	stem, level string
	weeks       int
}{
	{"科干班", "keji", 5}, {"县干班", "xianji", 7}, {"主体班", "keji", 6}, {"中青年干部培训班", "youth", 8},
	{"科干班", "keji", 5}, {"县干班", "xianji", 7}, {"主体班", "keji", 6}, {"中青年干部培训班", "youth", 8},
	{"科干班", "keji", 5}, {"县干班", "xianji", 7}, {"主体班", "keji", 6},
}

// trainingStems are the 16 other classes: the leaders' seminar on the 20th
// Party Congress first, then the training classes outside the plan.
var trainingStems = []struct {
	stem, kind, level string
	days              int
}{
	{"领导干部学习贯彻党的二十大精神研讨班", "专题研讨班", "xianji", 5},
	{"青年干部培训班", "计划外培训班", "youth", 10},
	{"领导干部读书班", "领导干部读书班", "xianji", 7},
	{"村（社区）党组织书记培训班", "计划外培训班", "village", 7},
	{"乡村振兴专题研讨班", "专题研讨班", "keji", 5},
	{"基层党务工作者培训班", "计划外培训班", "keji", 7},
	{"新录用公务员初任培训班", "计划外培训班", "youth", 12},
	{"铸牢中华民族共同体意识专题研讨班", "专题研讨班", "xianji", 5},
	{"统战干部培训班", "计划外培训班", "keji", 7},
	{"纪检监察干部培训班", "计划外培训班", "keji", 7},
	{"组工干部培训班", "计划外培训班", "keji", 7},
	{"宣传思想文化干部培训班", "计划外培训班", "keji", 7},
	{"机关党建专题研讨班", "专题研讨班", "keji", 5},
	{"优秀年轻干部培训班", "计划外培训班", "youth", 12},
	{"基层治理专题培训班", "计划外培训班", "keji", 7},
	{"领导干部读书班", "领导干部读书班", "xianji", 7},
}

// season names the term a class starts in.
func season(d time.Time) string {
	if d.Month() >= 2 && d.Month() <= 7 {
		return "春季"
	}
	return "秋季"
}

// monday returns d, or the next Monday when d is another day.
func monday(d time.Time) time.Time {
	for d.Weekday() != time.Monday {
		d = d.AddDate(0, 0, 1)
	}
	return d
}

// termStart moves a start that falls in a break to the next term: main
// classes run March–June and September–December.
func termStart(d time.Time) time.Time {
	switch d.Month() {
	case time.January, time.February:
		return time.Date(d.Year(), time.March, 1, 0, 0, 0, 0, d.Location())
	case time.July, time.August:
		return time.Date(d.Year(), time.September, 1, 0, 0, 0, 0, d.Location())
	case time.December:
		return time.Date(d.Year()+1, time.March, 1, 0, 0, 0, 0, d.Location())
	}
	return d
}

// planClasses lays out the 27 classes from autumn 2022 to today: the first
// two main classes open with the room, the others spread evenly, and the
// last main class and the last training class are running today, the
// main class ending within days with books still out.
func (l *loader) planClasses() {
	var out []*class
	nm := len(mainStems)
	lastEnd := l.cal.addOpen(l.today.AddDate(0, 0, 2), 0)
	lastStart := monday(lastEnd.AddDate(0, 0, -7*mainStems[nm-1].weeks-3))
	firstMiddle := time.Date(2023, 3, 6, 0, 0, 0, 0, l.tz)
	for i, m := range mainStems {
		var start time.Time
		switch {
		case i == 0:
			start = opened
		case i == 1:
			start = opened.AddDate(0, 0, 7)
		case i == nm-1:
			start = lastStart
		default:
			span := lastStart.AddDate(0, 0, -60).Sub(firstMiddle)
			start = monday(termStart(firstMiddle.Add(span * time.Duration(i-2) / time.Duration(nm-3))))
			if latest := lastStart.AddDate(0, 0, -49); start.After(latest) {
				start = monday(latest.AddDate(0, 0, -14))
			}
		}
		start = l.midnight(time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, l.tz))
		end := start.AddDate(0, 0, 7*m.weeks-3) // ends on a Friday
		if i == nm-1 {
			end = lastEnd
		}
		out = append(out, &class{kind: "主体班", stem: m.stem, level: m.level, start: start, end: end})
	}
	nt := len(trainingStems)
	firstT := time.Date(2022, 11, 7, 0, 0, 0, 0, l.tz)
	lastT := l.cal.onOrAfter(l.today.AddDate(0, 0, -3))
	for i, t := range trainingStems {
		var start time.Time
		switch i {
		case 0:
			start = firstT
		case nt - 1:
			start = lastT
		default:
			span := lastT.AddDate(0, 0, -30).Sub(firstT.AddDate(0, 3, 0))
			start = monday(firstT.AddDate(0, 3, 0).Add(span * time.Duration(i-1) / time.Duration(nt-2)))
		}
		start = l.cal.onOrAfter(l.midnight(start))
		end := start.AddDate(0, 0, t.days-1)
		out = append(out, &class{kind: t.kind, stem: t.stem, level: t.level, start: start, end: end})
	}
	// Names carry the year (and for main classes the term); a second class
	// of the same name in a year is its 第二期.
	seen := map[string]int{}
	for _, c := range out {
		name := fmt.Sprintf("%d年%s", c.start.Year(), c.stem)
		if c.kind == "主体班" {
			name = fmt.Sprintf("%d年%s%s", c.start.Year(), season(c.start), c.stem)
		}
		seen[name]++
		if n := seen[name]; n > 1 {
			name += fmt.Sprintf("（第%s期）", []string{"", "一", "二", "三", "四", "五"}[min(n, 5)])
		}
		c.name = name
		c.lists = listsFor(c)
		for d := c.start; !d.After(c.end); d = d.AddDate(0, 0, 1) {
			if l.cal.open(d) {
				c.openDays++
			}
		}
		c.openDays = max(c.openDays, 1)
		c.clearBefore = c.end.AddDate(0, 0, 60)
	}
	l.sizeClasses(out)
	// The schedule is run in order of start.
	sortClasses(out)
	l.classes = out
}

// sizeClasses gives each class its roster size: main classes larger, the
// total some 2,100 trainees; the leaders' classes also take back a few
// trainees of earlier county-level classes.
func (l *loader) sizeClasses(cs []*class) {
	weights := make([]float64, len(cs))
	sum := 0.0
	for i, c := range cs {
		w := 55 + l.rnd.Float64()*30
		if c.kind == "主体班" {
			w = 80 + l.rnd.Float64()*30
		}
		weights[i] = w
		sum += w
	}
	total := float64(l.scaled(2110, len(cs)*3))
	for i, c := range cs {
		c.size = max(3, int(weights[i]/sum*total+0.5))
		if c.level == "xianji" && c.kind != "主体班" {
			c.alumni = c.size / 10
		}
	}
}

func sortClasses(cs []*class) {
	for i := 1; i < len(cs); i++ {
		for j := i; j > 0 && cs[j].start.Before(cs[j-1].start); j-- {
			cs[j], cs[j-1] = cs[j-1], cs[j]
		}
	}
}

// listsFor names the required-reading lists a class is assigned.
func listsFor(c *class) []string {
	switch {
	case c.kind == "主体班":
		ls := []string{listMarx, listHistory, listXi, listParty}
		if c.stem == "县干班" {
			ls = append(ls, list20th)
		}
		if c.stem == "科干班" {
			ls = append(ls, listRules)
		}
		if c.stem == "中青年干部培训班" {
			ls = append(ls, listTheory)
		}
		return ls
	case strings.Contains(c.stem, "二十大"):
		return []string{list20th, listXi}
	case strings.Contains(c.stem, "读书班"):
		return []string{listMarx, listTheory}
	case strings.Contains(c.stem, "纪检") || strings.Contains(c.stem, "党务") || strings.Contains(c.stem, "组工"):
		return []string{listRules, listParty}
	case c.level == "youth":
		return []string{listTheory, listParty}
	}
	return []string{listXi}
}

// createClass opens a class two weeks before it starts, with a head
// teacher from the staff, and puts it on its reading lists.
func (l *loader) createClass(c *class) error {
	teacher := l.staff[l.rnd.IntN(len(l.staff))]
	rc, err := l.rdr.CreateClass(l.ctx, readers.Class{Name: c.name, Kind: c.kind, StartDate: c.start.Format(time.DateOnly),
		EndDate: c.end.Format(time.DateOnly), HeadTeacher: teacher.name})
	if err != nil {
		return err
	}
	c.id, c.created = rc.ID, true
	return l.assignLists(c)
}

// enroll registers a class's roster on its first day: new trainees through
// Enroll, returning ones through AddMembers.
func (l *loader) enroll(c *class, alumni []*person) error {
	for range c.size {
		p := l.newTrainee(c)
		r, err := l.rdr.Enroll(l.ctx, c.id, p.reader)
		if err != nil {
			return fmt.Errorf("demo: enroll in %s: %w", c.name, err)
		}
		p.reader, p.id, p.card = r, r.ID, r.Card
		c.members = append(c.members, &member{p: p})
		l.clk.tick()
	}
	if len(alumni) > 0 {
		cards := make([]string, len(alumni))
		for i, p := range alumni {
			cards[i] = p.card
		}
		res, err := l.rdr.AddMembers(l.ctx, c.id, cards)
		if err != nil {
			return err
		}
		for i, r := range res {
			if r.Added {
				p := alumni[i]
				// AddMembers moved their card's expiry to this class's end.
				p.reader.ExpiryDate = c.end.AddDate(0, 0, l.cal.rules.CardGraceDays).Format(time.DateOnly)
				c.members = append(c.members, &member{p: p})
			}
		}
	}
	for _, m := range c.members {
		m.p.class = c
		m.p.appetite = l.appetite(c)
	}
	c.enrolled = true
	return nil
}

// appetite is how many books a trainee will borrow over a class: some
// none, most a few, a keen few many; more in the long main classes.
func (l *loader) appetite(c *class) float64 {
	k := l.rnd.Float64()
	if c.kind == "主体班" {
		switch {
		case k < 0.2:
			return 0
		case k < 0.75:
			return 1 + 2*l.rnd.Float64()
		default:
			return 3 + 5*l.rnd.Float64()
		}
	}
	switch {
	case k < 0.45:
		return 0
	case k < 0.9:
		return 1
	default:
		return 2 + l.rnd.Float64()
	}
}
