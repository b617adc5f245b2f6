package marcmap

import (
	"strings"
	"unicode"

	"shuwu/internal/catalog"
	"shuwu/internal/marc"
)

// marc21 reads a MARC21 record. Where a field has a vernacular 880
// partner (Chinese script beside the romanised form), the vernacular text
// wins: a Chinese reading room catalogues and searches in characters.
func (d *decoder) marc21(m *marc.Record) {
	r := &d.res.Record
	alt := linked880(m)
	pick := func(f *marc.Field) *marc.Field {
		if v, ok := alt[f.Tag+"-"+linkNo(f)]; ok {
			return v
		}
		return f
	}
	for i := range m.Fields {
		f := &m.Fields[i]
		switch f.Tag {
		case "008":
			if len(f.Value) >= 38 {
				d.years = append(d.years, sourced{"008/07-10", f.Value[7:11]})
				if d.language == "" {
					d.language = strings.TrimSpace(f.Value[35:38])
				}
			}
		case "020":
			if v := f.Sub('a'); v != "" {
				d.isbns = append(d.isbns, sourced{"020$a", v})
			}
			if v := f.Sub('c'); v != "" {
				d.prices = append(d.prices, sourced{"020$c", v})
			}
		case "041":
			if v := strings.TrimSpace(f.Sub('a')); v != "" {
				d.language = v
			}
		case "084":
			if strings.EqualFold(strings.TrimSpace(f.Sub('2')), "clc") {
				if v := f.Sub('a'); v != "" {
					d.classes = append(d.classes, sourced{"084$a", v})
				}
			}
		case "100", "110", "700", "710":
			v := pick(f)
			name := trimISBD(v.Sub('a'))
			if f.Tag == "110" || f.Tag == "710" {
				name = trimISBD(joinNonEmpty(" ", append([]string{v.Sub('a')}, v.Subs('b')...)...))
			}
			r.Authors = append(r.Authors, catalog.Author{Name: name, Role: relator(v)})
		case "245":
			v := pick(f)
			r.Title = trimISBD(v.Sub('a'))
			// $n/$p are the volume: the four volumes of one title are
			// four records, told apart by them.
			r.PartNumber = trimISBD(joinNonEmpty("，", trimAll(v.Subs('n'))...))
			r.PartName = trimISBD(joinNonEmpty("，", trimAll(v.Subs('p'))...))
			r.OtherTitle = trimISBD(v.Sub('b'))
			r.Responsibility = trimISBD(v.Sub('c'))
		case "246":
			if r.ParallelTitle == "" {
				r.ParallelTitle = trimISBD(pick(f).Sub('a'))
			}
		case "250":
			if r.Edition == "" {
				r.Edition = strings.TrimSpace(strings.TrimRight(pick(f).Sub('a'), " /:;,="))
			}
		case "260", "264":
			if f.Tag == "264" && f.Ind2 != '1' {
				continue
			}
			if r.Publisher == "" {
				v := pick(f)
				r.Place = trimISBD(v.Sub('a'))
				r.Publisher = trimISBD(v.Sub('b'))
				if c := v.Sub('c'); c != "" {
					d.years = append([]sourced{{f.Tag + "$c", c}}, d.years...)
				}
			}
		case "300":
			if r.Pages == "" {
				r.Pages, r.Size = trimISBD(f.Sub('a')), trimISBD(f.Sub('c'))
			}
		case "440", "490", "830":
			if r.Series == "" {
				v := pick(f)
				r.Series = seriesText(trimISBD(v.Sub('a')), trimISBD(v.Sub('v')))
			}
		case "500":
			d.notes = append(d.notes, f.Subs('a')...)
		case "520":
			if r.Summary == "" {
				r.Summary = joinNonEmpty("\n", f.Subs('a')...)
			}
		case "650":
			if s := subjectText(pick(f)); s != "" {
				r.Subjects = append(r.Subjects, s)
			}
		case "852":
			d.res.Holdings = append(d.res.Holdings, Holding{
				Barcode:    strings.TrimSpace(f.Sub('p')),
				CallNumber: marc21CallNumber(f.Sub('h'), f.Sub('i'), f.Sub('j')),
				Location:   strings.TrimSpace(firstNonEmpty(f.Sub('c'), f.Sub('b'))),
				PriceFen:   holdingPrice(f.Sub('9')),
				Copies:     1,
			})
		case "952": // Koha's item field; RLIN's 952 names holding libraries only
			if f.Sub('p') == "" && f.Sub('o') == "" {
				continue
			}
			d.res.Holdings = append(d.res.Holdings, Holding{
				Barcode:    strings.TrimSpace(f.Sub('p')),
				CallNumber: strings.TrimSpace(f.Sub('o')),
				Location:   strings.TrimSpace(firstNonEmpty(f.Sub('c'), f.Sub('a'))),
				PriceFen:   holdingPrice(firstNonEmpty(f.Sub('g'), f.Sub('v'))),
				Copies:     1,
			})
		}
	}
}

// linked880 indexes a record's 880 fields by the tag and occurrence they
// stand beside: "245-02" for an 880 whose $6 is "245-02/$1".
func linked880(m *marc.Record) map[string]*marc.Field {
	out := map[string]*marc.Field{}
	for i := range m.Fields {
		f := &m.Fields[i]
		if f.Tag != "880" {
			continue
		}
		link := f.Sub('6')
		if len(link) >= 6 {
			c := *f
			c.Subfields = make([]marc.Subfield, len(f.Subfields))
			for j, s := range f.Subfields {
				c.Subfields[j] = marc.Subfield{Code: s.Code, Value: closeHanSpaces(s.Value)}
			}
			out[link[:6]] = &c
		}
	}
	return out
}

// linkNo returns the occurrence number of a field's 880 link ("880-02" → "02").
func linkNo(f *marc.Field) string {
	link := f.Sub('6')
	if len(link) >= 6 && strings.HasPrefix(link, "880-") {
		return link[4:6]
	}
	return ""
}

// relator maps MARC21 relator terms and codes to the Chinese roles the
// catalogue uses; unknown terms are kept as written.
func relator(f *marc.Field) string {
	term := strings.ToLower(trimISBD(firstNonEmpty(f.Sub('e'), f.Sub('4'))))
	switch term {
	case "":
		return ""
	case "author", "aut", "著":
		return "著"
	case "editor", "edt", "编":
		return "编"
	case "translator", "trl", "译":
		return "译"
	case "compiler", "com":
		return "编"
	}
	return term
}

// marc21CallNumber joins 852 $h class and $i item parts as 分类号/书次号,
// or takes $j when the parts are missing.
func marc21CallNumber(h, i, j string) string {
	h, i = strings.TrimSpace(h), strings.TrimSpace(i)
	switch {
	case h != "" && i != "":
		return h + "/" + i
	case h != "":
		return h
	}
	return strings.TrimSpace(j)
}

func firstNonEmpty(vs ...string) string {
	for _, v := range vs {
		if strings.TrimSpace(v) != "" {
			return v
		}
	}
	return ""
}

// closeHanSpaces removes the spaces RLIN put between words of vernacular
// Chinese ("鲁  迅  与  浙东  文化"): Chinese is written without them, and
// a title with them would match no search.
func closeHanSpaces(s string) string {
	if !strings.Contains(s, " ") {
		return s
	}
	rs := []rune(s)
	out := rs[:0:0]
	for i := 0; i < len(rs); i++ {
		if rs[i] == ' ' && len(out) > 0 && unicode.Is(unicode.Han, out[len(out)-1]) {
			j := i
			for j < len(rs) && rs[j] == ' ' {
				j++
			}
			if j < len(rs) && unicode.Is(unicode.Han, rs[j]) {
				i = j - 1
				continue
			}
		}
		out = append(out, rs[i])
	}
	return string(out)
}
