package catalog

import (
	"strings"
)

// Category is a local topical category (马列理论, 党史党建 …) laid over CLC.
// Its CLC ranges give a record a category from its class number.
type Category struct {
	ID        int64  `json:"id"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	NameEn    string `json:"name_en"`
	CLCRanges string `json:"clc_ranges"` // comma-separated class prefixes, e.g. "A,D2-0"
	Sort      int    `json:"sort"`
}

// Prefixes returns the category's CLC prefixes.
func (c Category) Prefixes() []string {
	var out []string
	for _, p := range strings.FieldsFunc(c.CLCRanges, func(r rune) bool { return r == ',' || r == '，' || r == ' ' || r == ';' }) {
		out = append(out, strings.ToUpper(strings.TrimSpace(p)))
	}
	return out
}

// CategoryFor picks the category whose CLC prefix matches class the longest.
// It returns 0 when none matches.
func CategoryFor(cats []Category, class string) int64 {
	best, bestLen := int64(0), 0
	for _, c := range cats {
		for _, p := range c.Prefixes() {
			if p != "" && strings.HasPrefix(class, p) && len(p) > bestLen {
				best, bestLen = c.ID, len(p)
			}
		}
	}
	return best
}

// Location is a place copies stand: a shelf group of the 藏书室, the 阅览室,
// the display rack. Copies at a non-lendable location are for in-room use.
type Location struct {
	ID       int64  `json:"id"`
	Code     string `json:"code"`
	Name     string `json:"name"`
	NameEn   string `json:"name_en"`
	Lendable bool   `json:"lendable"`
	Sort     int    `json:"sort"`
}

// ReadingList is a named required-reading list (必读书目): its books in
// the librarian's order, each with an optional note, and who it is for.
type ReadingList struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Description string `json:"description"`
	// Audience says who should read it, e.g. 全体学员, 县干班.
	Audience  string  `json:"audience,omitempty"`
	RecordIDs []int64 `json:"record_ids"`
	// Notes are the librarian's notes on books of the list, by record id.
	Notes    map[int64]string `json:"notes,omitempty"`
	ClassIDs []int64          `json:"class_ids"`
}

// Note is the list's note on a record, "" when it has none.
func (l ReadingList) Note(recordID int64) string { return l.Notes[recordID] }

// DefaultCategories are the eight categories of the article, with the CLC
// prefixes that fall in each by default. Librarians may edit them.
func DefaultCategories() []Category {
	return []Category{
		{Code: "mllt", Name: "马列理论", NameEn: "Marxist theory", CLCRanges: "A,B0,D0", Sort: 1},
		{Code: "dsdj", Name: "党史党建", NameEn: "Party history and building", CLCRanges: "D2", Sort: 2},
		{Code: "zzdw", Name: "政治读物", NameEn: "Politics", CLCRanges: "D,D6,D8,D9,E", Sort: 3},
		{Code: "zhdw", Name: "综合读物", NameEn: "General", CLCRanges: "Z,N,O,P,Q,R,S,T,U,V,X,F", Sort: 4},
		{Code: "ljjs", Name: "廉政建设", NameEn: "Integrity", CLCRanges: "D262.6,D630.9", Sort: 5},
		{Code: "rwsk", Name: "人文社科", NameEn: "Humanities and social sciences", CLCRanges: "B,C,G,H,K", Sort: 6},
		{Code: "wxys", Name: "文学艺术", NameEn: "Literature and art", CLCRanges: "I,J", Sort: 7},
		{Code: "mzwh", Name: "民族文化", NameEn: "Ethnic culture", CLCRanges: "D633,K28,G127,J6,I29", Sort: 8},
	}
}

// DefaultLocations are the 10 shelf groups of the 藏书室, the 阅览室 and the
// display rack.
func DefaultLocations() []Location {
	var out []Location
	digits := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"}
	for i := 1; i <= 10; i++ {
		out = append(out, Location{Code: "shelf" + itoa(i), Name: "藏书室书架第" + digits[i-1] + "组", NameEn: "Stacks, shelf group " + itoa(i), Lendable: true, Sort: i})
	}
	out = append(out,
		Location{Code: "reading", Name: "阅览室", NameEn: "Reading room", Lendable: false, Sort: 11},
		Location{Code: "display", Name: "展架", NameEn: "Display rack", Lendable: true, Sort: 12},
	)
	return out
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
