package search

import (
	"strconv"
	"strings"
	"unicode"
)

// Protocol queries (CQL, Z39.50's Bib-1) name a field and give a term; these
// build the search-box query for it, so every protocol matches a field the
// way the OPAC's search box does.

// Search-box field prefixes a protocol maps its indexes to; "" is any field.
const (
	FieldTitle      = "题名"
	FieldAuthor     = "作者"
	FieldSubject    = "主题"
	FieldPublisher  = "出版社"
	FieldYear       = "出版年"
	FieldISBN       = "isbn"
	FieldCLC        = "分类"
	FieldCallNumber = "索书号"
	FieldSeries     = "丛书"
)

// FieldTerm is a leaf matching text in field: every word (all must match),
// or the whole text as one phrase. Quotes in text become spaces.
func FieldTerm(field, text string, phrase bool) *Bool {
	text = strings.ReplaceAll(text, `"`, " ")
	words := strings.FieldsFunc(text, unicode.IsSpace)
	if phrase && len(words) > 0 {
		words = []string{`"` + strings.Join(words, " ") + `"`}
	}
	for i, w := range words {
		if field != "" {
			words[i] = field + ":" + w
		}
	}
	return &Bool{Query: strings.Join(words, " ")}
}

// AnyWord is the disjunction of text's words in field, nil for no words.
func AnyWord(field, text string) *Bool {
	var out *Bool
	for _, w := range strings.FieldsFunc(strings.ReplaceAll(text, `"`, " "), unicode.IsSpace) {
		l := FieldTerm(field, w, false)
		if out == nil {
			out = l
		} else {
			out = &Bool{Op: BoolOr, Left: out, Right: l}
		}
	}
	return out
}

// Not is every record but those b matches.
func Not(b *Bool) *Bool { return &Bool{Op: BoolNot, Left: &Bool{}, Right: b} }

// YearCompare is a publication-year comparison: rel is one of = <> < <= >
// >=; ok is false for another relation or a year outside 0–9999.
func YearCompare(rel string, year int) (b *Bool, ok bool) {
	if year < 0 || year > 9999 {
		return nil, false
	}
	y := strconv.Itoa(year)
	q := func(r string) *Bool { return &Bool{Query: FieldYear + ":" + r} }
	switch rel {
	case "=":
		return q(y), true
	case "<>":
		return Not(q(y)), true
	case "<":
		if year == 0 {
			return &Bool{Op: BoolNot, Left: &Bool{}, Right: &Bool{}}, true
		}
		return q("-" + strconv.Itoa(year-1)), true
	case "<=":
		return q("-" + y), true
	case ">":
		if year == 9999 {
			return &Bool{Op: BoolNot, Left: &Bool{}, Right: &Bool{}}, true
		}
		return q(strconv.Itoa(year+1) + "-"), true
	case ">=":
		return q(y + "-"), true
	}
	return nil, false
}

// YearRange is publication years from lo to hi inclusive.
func YearRange(lo, hi int) *Bool {
	return &Bool{Query: FieldYear + ":" + strconv.Itoa(lo) + "-" + strconv.Itoa(hi)}
}
