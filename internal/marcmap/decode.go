package marcmap

import (
	"fmt"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/catalog/price"
	"shuwu/internal/errs"
)

// decoder gathers raw values from either flavor, then checks them once in
// finish, so both flavors follow the same rules.
type decoder struct {
	opts Options
	res  *Result

	isbns    []sourced // candidate ISBNs in record order
	prices   []sourced
	classes  []sourced
	years    []sourced
	notes    []string // note fields as catalogued
	language string
}

// sourced is a raw value and the field it came from.
type sourced struct {
	field, value string
}

func (d *decoder) warn(field string, code errs.Code, raw, zh, en string) {
	d.res.Warnings = append(d.res.Warnings, Warning{Field: field, Code: code, Raw: raw, Message: zh, MessageEn: en})
}

// finish validates the gathered values and fills the record. A value that
// fails keeps its raw text in the notes (see Warning).
func (d *decoder) finish() {
	r := &d.res.Record
	var kept []string
	firstBad := ""
	for _, c := range d.isbns {
		n, err := isbn.Normalize(c.value)
		if err == nil {
			r.ISBN = n
			break
		}
		if firstBad == "" {
			firstBad = c.value
			e := errs.As(err)
			d.warn(c.field, e.Code, c.value, e.Message, e.MessageEn)
			kept = append(kept, fmt.Sprintf("原始ISBN（%s，未通过校验）：%s", c.field, c.value))
		}
	}
	if r.ISBN != "" && firstBad != "" {
		// A valid ISBN was found after all; the bad one is a second ISBN
		// (often a misprint on the cover) and needs no attention.
		d.res.Warnings, kept = d.res.Warnings[:len(d.res.Warnings)-1], kept[:len(kept)-1]
	}
	for _, c := range d.prices {
		p, err := price.Parse(c.value)
		if err != nil {
			e := errs.As(err)
			d.warn(c.field, e.Code, c.value, e.Message, e.MessageEn)
			kept = append(kept, fmt.Sprintf("原始价格（%s）：%s", c.field, c.value))
			continue
		}
		if p.Fen > 0 {
			r.PriceFen = p.Fen
			break
		}
	}
	tree := d.opts.tree()
	for i, c := range d.classes {
		code, err := tree.Validate(c.value)
		if err == nil {
			r.CLC = code
			break
		}
		if i == 0 {
			e := errs.As(err)
			d.warn(c.field, e.Code, c.value, e.Message, e.MessageEn)
			kept = append(kept, fmt.Sprintf("原始分类号（%s）：%s", c.field, c.value))
		}
	}
	for _, c := range d.years {
		y := yearIn(c.value)
		if y == 0 {
			continue
		}
		if y < 1000 || y > d.opts.maxYear() {
			d.warn(c.field, catalog.CodeYearInvalid, c.value, fmt.Sprintf("出版年 %d 不合理", y), fmt.Sprintf("publication year %d is not plausible", y))
			kept = append(kept, fmt.Sprintf("原始出版年（%s）：%s", c.field, c.value))
			break
		}
		r.Year = y
		break
	}
	r.Language = d.language
	if r.Language == "" {
		r.Language = "chi"
	}
	r.Notes = strings.Join(append(d.notes, kept...), "\n")
	var authors []catalog.Author
	for _, a := range r.Authors {
		a.Name, a.Role = strings.TrimSpace(a.Name), strings.TrimSpace(a.Role)
		if a.Name == "" {
			continue
		}
		if a.Role == "" {
			a.Role = "著"
		}
		authors = append(authors, a)
	}
	r.Authors = authors
	if r.Subjects == nil {
		r.Subjects = []string{}
	}
	r.Title = clip(r.Title, 500)
}

// yearIn returns the first run of four digits in s, or 0.
func yearIn(s string) int {
	run := 0
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			run++
			if run == 4 && (i+1 == len(s) || s[i+1] < '0' || s[i+1] > '9') {
				y, _ := strconv.Atoi(s[i-3 : i+1])
				return y
			}
			continue
		}
		run = 0
	}
	return 0
}

// clip shortens s to at most n runes.
func clip(s string, n int) string {
	i := 0
	for pos := range s {
		if i == n {
			return s[:pos]
		}
		i++
	}
	return s
}

// trimISBD removes the punctuation MARC21 stores between elements
// ("Summerland /", "Chabon, Michael.", "New York :").
// trimAll trims ISBD punctuation from each value.
func trimAll(vs []string) []string {
	out := make([]string, len(vs))
	for i, v := range vs {
		out[i] = trimISBD(v)
	}
	return out
}

func trimISBD(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := strings.TrimRight(s, " /:;,=")
		if strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "..") && !abbreviation(t) {
			t = strings.TrimSuffix(t, ".")
		}
		t = strings.TrimSpace(t)
		if t == s {
			return s
		}
		s = t
	}
}

// abbreviation reports whether s ends in an initial such as "J." or
// "ed.", whose period belongs to the text.
func abbreviation(s string) bool {
	i := strings.LastIndexAny(s, " ,(")
	word := s[i+1:]
	return len(word) == 2 && word[0] >= 'A' && word[0] <= 'Z'
}

// joinNonEmpty joins the non-empty trimmed parts with sep.
func joinNonEmpty(sep string, parts ...string) string {
	var out []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, sep)
}
