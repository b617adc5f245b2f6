// Package synth generates realistic, deterministic Chinese bibliographic data
// for a Party-school reading room: titles built from the vocabulary such a
// collection really holds, Chinese personal names, real publishers with valid
// 978-7 ISBNs, and 5th-edition CLC class numbers weighted towards A and D.
//
// The same seed always yields the same sequence, so benchmarks, relevance
// fixtures and the product's demo data set are reproducible. A Generator is
// not safe for concurrent use; give each goroutine its own.
package synth

import (
	"math/rand/v2"
	"strconv"
	"strings"
)

// Author is one statement of responsibility: a person or a body, and its role.
type Author struct {
	Name string
	Role string // 著, 编, 主编, 译, 编著
}

// Book is one synthetic bibliographic record.
type Book struct {
	Title      string
	OtherTitle string // 副题名 / 其他题名信息, often empty
	Series     string // 丛书名, often empty
	Summary    string
	Publisher  string
	Place      string // place of publication
	Authors    []Author
	Year       int
	ISBN13     string // hyphenated 978-7-…, valid check digit; "" for books without one
	PriceFen   int64  // price in fen (1/100 yuan)
	Pages      int
	CLC        string // 中图法 5th edition class number
	Subjects   []string
	Language   string // ISO 639-2/B code: chi, eng, mon, tib, uig
}

// Generator produces Books, names and work units from one seeded stream.
type Generator struct {
	r  *rand.Rand
	sb strings.Builder
}

// NewGenerator returns a generator whose output depends only on seed.
func NewGenerator(seed int64) *Generator {
	return &Generator{r: rand.New(rand.NewPCG(uint64(seed), 0x5eed_5a7_b00c))}
}

func (g *Generator) pick(list []string) string { return list[g.r.IntN(len(list))] }

// chance reports true with probability p.
func (g *Generator) chance(p float64) bool { return g.r.Float64() < p }

// Book returns the next synthetic book.
func (g *Generator) Book() Book {
	th := g.theme()
	var b Book
	b.Title = g.title(th)
	if g.chance(0.18) {
		b.OtherTitle = g.pick(th.otherTitles)
	}
	if g.chance(0.12) {
		b.Series = g.pick(th.series)
	}
	b.CLC = g.pick(th.clc)
	b.Subjects = g.subjects(th)
	pub := th.publishers[g.r.IntN(len(th.publishers))]
	b.Publisher = pub.Name
	b.Place = pub.Place
	b.Authors = g.authors(th)
	b.Year = g.year(th)
	if !g.chance(0.15) {
		b.ISBN13 = g.isbn(pub.Prefix)
	}
	b.Pages = 80 + g.r.IntN(420)
	if g.chance(0.05) {
		b.Pages += 300 + g.r.IntN(500)
	}
	// Prices scale with length and year: roughly 0.1 yuan a page today,
	// a third of that in the 1980s.
	perPage := 4 + (b.Year-1975)/6
	b.PriceFen = int64(b.Pages*perPage/100*100 + g.r.IntN(10)*100)
	if b.PriceFen < 300 {
		b.PriceFen = 300
	}
	if g.chance(0.7) {
		b.Summary = g.summary(th, b.Title)
	}
	b.Language = g.language(th)
	return b
}

func (g *Generator) title(th *theme) string {
	g.sb.Reset()
	switch n := g.r.IntN(100); {
	case n < 55:
		g.sb.WriteString(g.pick(th.stems))
		g.sb.WriteString(g.pick(th.suffixes))
	case n < 70:
		g.sb.WriteString(g.pick(th.stems))
		g.sb.WriteString("与")
		g.sb.WriteString(g.pick(th.stems))
	case n < 80:
		g.prefixed(th)
	case n < 88:
		g.prefixed(th)
		g.sb.WriteString(g.pick(th.suffixes))
	default:
		g.sb.WriteString(g.pick(th.stems))
	}
	if g.chance(0.06) {
		g.sb.WriteString("（")
		g.sb.WriteString(volumes[g.r.IntN(len(volumes))])
		g.sb.WriteString("）")
	}
	return g.sb.String()
}

// prefixed writes a prefix and a stem, leaving out a prefix the stem already
// starts with (no 新时代新时代党的建设).
func (g *Generator) prefixed(th *theme) {
	p, s := g.pick(th.prefixes), g.pick(th.stems)
	if !strings.HasPrefix(s, p) {
		g.sb.WriteString(p)
	}
	g.sb.WriteString(s)
}

var volumes = []string{"上", "下", "上册", "下册", "第一卷", "第二卷", "第三卷", "修订版", "第二版", "插图本", "大字本"}

func (g *Generator) subjects(th *theme) []string {
	n := 1 + g.r.IntN(2)
	out := make([]string, 0, n)
	for range n {
		s := g.pick(th.subjects)
		if len(out) == 0 || out[0] != s {
			out = append(out, s)
		}
	}
	return out
}

func (g *Generator) authors(th *theme) []Author {
	if g.chance(th.bodyShare) {
		return []Author{{Name: g.pick(th.bodies), Role: g.pick(bodyRoles)}}
	}
	n := 1
	switch k := g.r.IntN(100); {
	case k < 15:
		n = 2
	case k < 20:
		n = 3
	}
	out := make([]Author, n)
	role := g.pick(personRoles)
	for i := range out {
		out[i] = Author{Name: g.PersonName(), Role: role}
	}
	if th.translated && g.chance(0.5) {
		out[0] = Author{Name: g.pick(foreignAuthors), Role: "著"}
		out = append(out, Author{Name: g.PersonName(), Role: "译"})
	}
	return out
}

var (
	bodyRoles   = []string{"编", "编", "编著", "主编"}
	personRoles = []string{"著", "著", "著", "编著", "主编", "编"}
)

// year skews towards recent years: a reading room opened in 2022 buys new
// books, and older ones come from library transfers and donations.
func (g *Generator) year(th *theme) int {
	lo := th.firstYear
	if lo == 0 {
		lo = 1978
	}
	span := 2025 - lo + 1
	// The larger of two draws biases the distribution to the recent end.
	a, b := g.r.IntN(span), g.r.IntN(span)
	if g.chance(0.75) && b > a {
		a = b
	}
	return lo + a
}

func (g *Generator) summary(th *theme, title string) string {
	g.sb.Reset()
	g.sb.WriteString("本书")
	g.sb.WriteString(g.pick(summaryVerbs))
	g.sb.WriteString(g.pick(th.stems))
	g.sb.WriteString("的")
	g.sb.WriteString(g.pick(summaryObjects))
	g.sb.WriteString("，")
	g.sb.WriteString(g.pick(summaryMiddles))
	g.sb.WriteString(g.pick(th.stems))
	g.sb.WriteString("。")
	if g.chance(0.5) {
		g.sb.WriteString(g.pick(summaryEnds))
	}
	return g.sb.String()
}

var (
	summaryVerbs   = []string{"系统阐述了", "深入分析了", "全面介绍了", "梳理了", "集中反映了", "生动讲述了", "回顾了"}
	summaryObjects = []string{"基本内涵和实践要求", "历史进程与基本经验", "理论逻辑、历史逻辑和实践逻辑", "主要内容和重大意义", "典型案例", "重要论述"}
	summaryMiddles = []string{"结合基层工作实际，探讨了", "坚持问题导向，回答了如何推进", "以翔实的史料，展现了", "语言通俗易懂，帮助读者理解", "收录了大量一手资料，涉及"}
	summaryEnds    = []string{"适合广大党员干部学习阅读。", "可作为党校教学和干部培训的参考用书。", "适合基层党组织开展理论学习使用。", "可供研究人员和高校师生参考。", "全书图文并茂，通俗易懂。"}
)

func (g *Generator) language(th *theme) string {
	switch k := g.r.IntN(1000); {
	case k < 15:
		return "eng"
	case k < 25 && th.minority:
		return g.pick([]string{"mon", "tib", "uig"})
	}
	return "chi"
}

// isbn returns a hyphenated ISBN-13 under the registrant prefix ("7-01").
// Publisher number and title number together are always 8 digits in group 7.
func (g *Generator) isbn(prefix string) string {
	reg := strings.TrimPrefix(prefix, "7-")
	titleLen := 8 - len(reg)
	title := g.r.IntN(pow10[titleLen])
	ts := strconv.Itoa(title)
	ts = strings.Repeat("0", titleLen-len(ts)) + ts
	digits := "9787" + reg + ts
	return "978-7-" + reg + "-" + ts + "-" + string(ISBN13CheckDigit(digits))
}

var pow10 = [...]int{1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000}

// ISBN13CheckDigit returns the EAN-13 check digit for the first 12 digits
// of s (hyphens are ignored). It returns 0 if s has fewer than 12 digits.
func ISBN13CheckDigit(s string) byte {
	sum, n := 0, 0
	for i := 0; i < len(s) && n < 12; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			continue
		}
		w := 1
		if n%2 == 1 {
			w = 3
		}
		sum += int(c-'0') * w
		n++
	}
	if n < 12 {
		return 0
	}
	return byte('0' + (10-sum%10)%10)
}

// PersonName returns a realistic Chinese personal name: a common surname,
// occasionally a compound one, and a one- or two-character given name.
func (g *Generator) PersonName() string {
	g.sb.Reset()
	if g.chance(0.01) {
		g.sb.WriteString(g.pick(compoundSurnames))
	} else {
		// Surnames are listed by frequency; squaring the draw favours the top.
		f := g.r.Float64()
		g.sb.WriteString(surnames[int(f*f*float64(len(surnames)))])
	}
	g.sb.WriteString(g.pick(givenChars))
	if g.chance(0.72) {
		g.sb.WriteString(g.pick(givenChars))
	}
	return g.sb.String()
}

// Unit returns a Chinese work unit (工作单位) such as 某县委组织部, for readers.
func (g *Generator) Unit() string {
	g.sb.Reset()
	switch k := g.r.IntN(100); {
	case k < 55:
		g.sb.WriteString(g.pick(counties))
		g.sb.WriteString(g.pick(countyOrgans))
	case k < 75:
		g.sb.WriteString(g.pick(towns))
		g.sb.WriteString(g.pick(townOrgans))
	case k < 90:
		g.sb.WriteString(g.pick(schoolUnits))
	default:
		g.sb.WriteString(g.pick(counties))
		g.sb.WriteString(g.pick(enterprises))
	}
	return g.sb.String()
}
