package demo

import (
	"strings"
	"time"

	"shuwu/internal/catalog"
)

// The required-reading lists (必读书目) of the article.
const (
	listMarx    = "马列原著"
	listHistory = "党史国史"
	listRules   = "党规党章"
	listXi      = "习近平新时代中国特色社会主义思想"
	list20th    = "党的二十大读物"
	listTheory  = "理论教育"
	listParty   = "党性教育"
)

// readingList is a list as the simulation knows it.
type readingList struct {
	id       int64
	name     string
	desc     string
	recs     []int // record indexes, classics first
	classIDs []int64
}

// listSpec says what goes on a list: classics by title, then further
// records whose CLC class or title fits.
type listSpec struct {
	name, desc string
	classics   []string
	clc        []string
	words      []string
}

var listSpecs = []listSpec{
	{listMarx, "马克思主义经典作家的原著，学员必读",
		[]string{"共产党宣言", "资本论", "马克思恩格斯选集", "列宁选集", "国家与革命", "毛泽东选集", "实践论 矛盾论", "论持久战"},
		[]string{"A1", "A2", "A3"}, nil},
	{listHistory, "中国共产党历史和新中国史读物",
		[]string{"中国共产党简史", "中国共产党历史", "中国共产党的一百年", "中华人民共和国简史", "改革开放简史", "社会主义发展简史", "苦难辉煌", "红星照耀中国"},
		[]string{"D23", "K27"}, []string{"党史"}},
	{listRules, "党章和党内法规，学员必读",
		[]string{"中国共产党章程", "中国共产党纪律处分条例", "中国共产党廉洁自律准则", "中国共产党支部工作条例（试行）", "中国共产党党员教育管理工作条例", "中华人民共和国宪法"},
		[]string{"D262"}, []string{"条例", "党内法规"}},
	{listXi, "习近平新时代中国特色社会主义思想原著和学习读物",
		[]string{"习近平谈治国理政", "习近平著作选读", "之江新语", "摆脱贫困", "习近平新时代中国特色社会主义思想学习纲要", "习近平新时代中国特色社会主义思想学习问答", "习近平新时代中国特色社会主义思想专题摘编", "习近平关于全面从严治党论述摘编", "习近平在正定", "习近平的七年知青岁月"},
		nil, []string{"习近平新时代中国特色社会主义思想"}},
	{list20th, "党的二十大报告、文件和辅导读物",
		[]string{"党的二十大报告辅导读本", "党的二十大报告学习辅导百问", "中国共产党第二十次全国代表大会文件汇编"},
		nil, []string{"二十大"}},
	{listTheory, "理论教育读物：马克思主义基本原理和中国化时代化成果",
		[]string{"毛泽东思想和中国特色社会主义理论体系概论", "实践论 矛盾论", "社会主义发展简史", "中国哲学简史", "乡土中国"},
		[]string{"A8", "D61", "B0"}, nil},
	{listParty, "党性教育读物：党性修养、革命传统和廉洁自律",
		[]string{"论共产党员的修养", "习近平关于全面从严治党论述摘编", "红岩", "长征", "觉醒年代", "苦难辉煌", "中国共产党廉洁自律准则"},
		[]string{"D263", "D262.6"}, []string{"党性"}},
}

// listExtras is how many further records a list gets after its classics.
const listExtras = 14

// loadLists saves the seven lists a week before opening; classes are put on
// them as they are created.
func (l *loader) loadLists() error {
	l.clk.set(time.Date(2022, 8, 29, 0, 0, 0, 0, l.tz), 10, 0)
	nClassics := 0
	for _, rs := range l.col.classic {
		nClassics += len(rs)
	}
	for _, spec := range listSpecs {
		rl := &readingList{name: spec.name, desc: spec.desc}
		for _, t := range spec.classics {
			rl.recs = append(rl.recs, l.col.classic[t]...)
		}
		// Further records come from the opening stock, in catalogue order.
		extras := 0
		for i := nClassics; i < len(l.col.records) && extras < listExtras; i++ {
			r := l.col.records[i]
			if r.added > "2022-08-31" || !fits(spec, r) {
				continue
			}
			rl.recs = append(rl.recs, i)
			extras++
		}
		if err := l.saveList(rl); err != nil {
			return err
		}
		l.lists = append(l.lists, rl)
		l.clk.tick()
	}
	return nil
}

func fits(spec listSpec, r *record) bool {
	for _, p := range spec.clc {
		if strings.HasPrefix(r.clc, p) {
			return true
		}
	}
	for _, w := range spec.words {
		if strings.Contains(r.title, w) {
			return true
		}
	}
	return false
}

func (l *loader) saveList(rl *readingList) error {
	ids := make([]int64, len(rl.recs))
	for i, ri := range rl.recs {
		ids[i] = l.col.records[ri].id
	}
	saved, err := l.cat.SaveReadingList(l.ctx, catalog.ReadingList{ID: rl.id, Name: rl.name, Description: rl.desc, RecordIDs: ids, ClassIDs: rl.classIDs})
	if err != nil {
		return err
	}
	rl.id = saved.ID
	return nil
}

// assignLists puts a new class on its lists.
func (l *loader) assignLists(c *class) error {
	for _, rl := range l.lists {
		for _, name := range c.lists {
			if rl.name == name {
				rl.classIDs = append(rl.classIDs, c.id)
				if err := l.saveList(rl); err != nil {
					return err
				}
			}
		}
	}
	return nil
}

// listRecords returns the records on a class's lists.
func (l *loader) listRecords(c *class) []int {
	var out []int
	for _, rl := range l.lists {
		for _, name := range c.lists {
			if rl.name == name {
				out = append(out, rl.recs...)
			}
		}
	}
	return out
}
