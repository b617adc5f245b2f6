package search

import (
	"bufio"
	"io"
	"strings"
)

// DefaultSynonyms returns the built-in groups of equivalent Party terms and
// abbreviations. Each call returns a fresh copy the caller may extend.
// A query containing any member of a group also finds records that use
// another member instead (党建 finds 党的建设 and the other way round).
func DefaultSynonyms() [][]string {
	return [][]string{
		{"党建", "党的建设"},
		{"二十大", "党的二十大", "第二十次全国代表大会"},
		{"十九大", "党的十九大", "第十九次全国代表大会"},
		{"十八大", "党的十八大", "第十八次全国代表大会"},
		{"十九届六中全会", "十九届中央委员会第六次全体会议"},
		{"二十届三中全会", "二十届中央委员会第三次全体会议"},
		{"二十届二中全会", "二十届中央委员会第二次全体会议"},
		{"党章", "中国共产党章程", "党的章程"},
		{"党史", "中国共产党历史", "党的历史"},
		{"国史", "新中国史", "中华人民共和国史"},
		{"习思想", "习近平新时代中国特色社会主义思想"},
		{"中特", "中国特色社会主义"},
		{"马列", "马克思列宁主义"},
		{"毛概", "毛泽东思想和中国特色社会主义理论体系概论"},
		{"纪检", "纪律检查"},
		{"中纪委", "中央纪委", "中央纪律检查委员会"},
		{"中组部", "中共中央组织部", "中央组织部"},
		{"中宣部", "中共中央宣传部", "中央宣传部"},
		{"中央党校", "中共中央党校"},
		{"两学一做", "学党章党规、学系列讲话，做合格党员"},
		{"三会一课", "支部党员大会、支部委员会、党小组会和党课"},
		{"廉政", "廉洁从政"},
		{"从严治党", "全面从严治党"},
		{"八项规定", "中央八项规定"},
	}
}

// ParseSynonyms reads synonym groups, one group a line, members separated by
// "=" or "|" (commas belong to terms such as 学党章党规、学系列讲话，做合格党员).
// Blank lines and lines starting with # are ignored; groups of fewer than
// two members are dropped. Example line: 党建 = 党的建设
func ParseSynonyms(r io.Reader) ([][]string, error) {
	var out [][]string
	sc := bufio.NewScanner(r)
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		var group []string
		for _, m := range strings.FieldsFunc(line, func(r rune) bool { return r == '=' || r == '|' }) {
			if m = strings.TrimSpace(m); m != "" {
				group = append(group, m)
			}
		}
		if len(group) >= 2 {
			out = append(out, group)
		}
	}
	return out, sc.Err()
}

// synonymSet expands query text with the configured groups.
type synonymSet struct {
	groups [][]string // folded members
}

func newSynonymSet(f *folder, groups [][]string) *synonymSet {
	s := &synonymSet{}
	for _, g := range groups {
		var fg []string
		for _, m := range g {
			if m = strings.TrimSpace(f.Fold(m)); m != "" && !contains(fg, m) {
				fg = append(fg, m)
			}
		}
		if len(fg) >= 2 {
			s.groups = append(s.groups, fg)
		}
	}
	return s
}

// maxVariants bounds the alternatives one query word expands to.
const maxVariants = 8

// expand returns text followed by its variants: each member of a group found
// in text replaced by every other member. Replacing only the longest match
// at a place keeps 党的二十大 from also being rewritten through 二十大.
func (s *synonymSet) expand(text string) []string {
	out := []string{text}
	if s == nil {
		return out
	}
	for _, g := range s.groups {
		for _, m := range g {
			if !strings.Contains(text, m) || coveredByLonger(text, m, g) {
				continue
			}
			for _, alt := range g {
				if alt == m {
					continue
				}
				v := strings.Replace(text, m, alt, 1)
				if !contains(out, v) {
					out = append(out, v)
				}
				if len(out) >= maxVariants {
					return out
				}
			}
		}
	}
	return out
}

// coveredByLonger reports whether every occurrence of m in text lies inside
// an occurrence of a longer member of the same group.
func coveredByLonger(text, m string, group []string) bool {
	for _, o := range group {
		if len(o) > len(m) && strings.Contains(o, m) && strings.Contains(text, o) {
			return strings.Count(text, m) == strings.Count(text, o)
		}
	}
	return false
}
