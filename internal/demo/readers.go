package demo

import (
	"fmt"
	"strings"
	"time"

	"shuwu/internal/readers"
	"shuwu/internal/synth"
)

// person is a reader as the simulation knows them.
type person struct {
	id       int64
	card     string
	name     string
	staff    bool
	reader   readers.Reader
	class    *class  // the trainee's latest class
	appetite float64 // books a trainee means to borrow in a class; a month for staff
	loans    []*loan // active loans
	holds    int     // open holds
}

// Positions (职务) by the level of the class a trainee comes to.
var positions = map[string][]string{
	"keji": {"科长", "副科长", "股长", "主任科员", "一级主任科员", "二级主任科员", "四级调研员", "乡镇党委副书记", "副镇长", "副乡长",
		"办公室主任", "所长", "站长", "纪检监察员", "副主任"},
	"xianji": {"局长", "副局长", "部长", "副部长", "主任", "副主任", "县委常委", "副县长", "乡镇党委书记", "镇长", "乡长",
		"三级调研员", "二级调研员", "院长", "党组书记"},
	"youth":   {"科员", "一级科员", "四级主任科员", "副科长", "团委书记", "选调生", "驻村第一书记", "乡镇团委书记", "办事员"},
	"village": {"村党支部书记", "社区党委书记", "村委会主任", "村党总支书记", "社区居委会主任", "村党支部副书记"},
}

// staffUnits are the school's departments (州委党校 …), for staff readers.
var staffUnits = []string{
	"州委党校办公室", "州委党校教务处", "州委党校培训部", "州委党校党史党建教研部", "州委党校马克思主义理论教研部",
	"州委党校科学社会主义教研部", "州委党校经济学教研部", "州委党校公共管理教研部", "州委党校法学教研部",
	"州委党校文史教研部", "州委党校科研处", "州委党校图书馆", "州委党校机关党委", "州委党校后勤服务中心",
	"州委党校信息技术中心", "州委党校校刊编辑部",
}

var staffPositions = []string{"教授", "副教授", "副教授", "讲师", "讲师", "讲师", "助教", "主任", "副主任", "处长", "副处长", "科员", "科员", "馆员"}

// villages and towns make the units of town and village cadres.
var (
	demoCounties = []string{"吉首市", "泸溪县", "凤凰县", "花垣县", "保靖县", "古丈县", "永顺县", "龙山县"}
	demoTowns    = []string{"城关镇", "河溪镇", "桥头乡", "石门乡", "龙潭镇", "白云乡", "茶洞镇", "长潭乡", "水田镇", "新寨乡"}
	demoVillages = []string{"红星村", "青山村", "新华村", "团结村", "和平村", "茶园村", "枫木村", "大坪村", "龙井社区", "民主社区"}
)

// phonePrefixes are mobile prefixes of the three carriers.
var phonePrefixes = []string{"130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152", "153", "155",
	"157", "158", "159", "166", "173", "177", "180", "181", "182", "183", "186", "187", "188", "189", "191", "199"}

// phone returns a plausible mobile number.
func (l *loader) phone() string {
	return fmt.Sprintf("%s%08d", phonePrefixes[l.rnd.IntN(len(phonePrefixes))], l.rnd.IntN(100000000))
}

// names makes people's names and units; its own stream, so that rosters do
// not shift when the collection changes.
func (l *loader) names() *synth.Generator {
	if l.people == nil {
		l.people = synth.NewGenerator(l.opts.Seed + 2)
	}
	return l.people
}

// unitFor returns a work unit that fits a position: a town or village for
// their cadres, a county body for the others (never the school itself).
func (l *loader) unitFor(position string) string {
	county := demoCounties[l.rnd.IntN(len(demoCounties))]
	town := demoTowns[l.rnd.IntN(len(demoTowns))]
	switch {
	case strings.Contains(position, "村") || strings.Contains(position, "社区"):
		return county + town + demoVillages[l.rnd.IntN(len(demoVillages))]
	case strings.Contains(position, "乡") || strings.Contains(position, "镇"):
		return county + town + []string{"党委", "人民政府"}[l.rnd.IntN(2)]
	}
	for {
		u := l.names().Unit()
		if !strings.Contains(u, "党校") && !strings.Contains(u, "行政学院") {
			return u
		}
	}
}

// newTrainee makes a trainee for class c, not yet stored.
func (l *loader) newTrainee(c *class) *person {
	pos := positions[c.level]
	position := pos[l.rnd.IntN(len(pos))]
	gender := "男"
	female := 0.35
	if c.level == "youth" {
		female = 0.5
	}
	if l.chance(female) {
		gender = "女"
	}
	name := l.names().PersonName()
	r := readers.Reader{Name: name, Gender: gender, Unit: l.unitFor(position), Position: position, Phone: l.phone(),
		TypeID: l.traineeType, PasswordHash: l.passwordHash}
	return &person{name: name, reader: r}
}

// loadStaff registers the school's staff readers (教职工) a fortnight
// before opening, the reading-room librarian first.
func (l *loader) loadStaff() error {
	l.clk.set(time.Date(2022, 8, 22, 0, 0, 0, 0, l.tz), 9, 0)
	n := l.scaled(60, 8)
	for i := range n {
		unit := staffUnits[l.rnd.IntN(len(staffUnits))]
		position := staffPositions[l.rnd.IntN(len(staffPositions))]
		if i == 0 {
			unit, position = "州委党校图书馆", "书屋管理员"
		}
		gender := "男"
		if l.chance(0.5) {
			gender = "女"
		}
		name := l.names().PersonName()
		r, err := l.rdr.Create(l.ctx, readers.Reader{Name: name, Gender: gender, Unit: unit, Position: position, Phone: l.phone(),
			TypeID: l.staffType, PasswordHash: l.passwordHash})
		if err != nil {
			return err
		}
		p := &person{id: r.ID, card: r.Card, name: name, staff: true, reader: r, appetite: 0.3 + 1.5*l.rnd.Float64()}
		if l.chance(0.25) {
			p.appetite = 0 // not every colleague reads in the room
		}
		l.staff = append(l.staff, p)
		l.clk.tick()
	}
	l.progress("教职工 / staff readers", n, n)
	return nil
}

// renewStaffCards extends staff cards about to expire by the standard
// term, as the librarian does at the desk.
func (l *loader) renewStaffCards(day time.Time) error {
	soon := day.AddDate(0, 0, 30).Format(time.DateOnly)
	for _, p := range l.staff {
		if p.reader.ExpiryDate > soon {
			continue
		}
		r := p.reader
		exp := l.date(r.ExpiryDate).AddDate(3, 0, 0)
		r.ExpiryDate = exp.Format(time.DateOnly)
		updated, err := l.rdr.Update(l.ctx, r)
		if err != nil {
			return err
		}
		p.reader = updated
		l.clk.tick()
	}
	return nil
}
