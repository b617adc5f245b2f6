package sru

import (
	"strconv"
	"strings"
	"unicode"

	"shuwu/internal/protocol/cql"
	"shuwu/internal/protocol/oai"
	"shuwu/internal/search"
)

// The indexes a CQL query may name, and the search-box field each is
// matched as. An index without a context set is in dc, the default set.
var indexes = map[string]string{
	"cql.serverchoice": "", "cql.anywhere": "", "dc.anywhere": "",
	"dc.title": "题名", "bath.title": "题名",
	"dc.creator": "作者", "dc.author": "作者", "bath.author": "作者", "bath.name": "作者", "bath.personalname": "作者",
	"dc.subject": "主题", "bath.subject": "主题", "bath.topicalsubject": "主题",
	"dc.publisher": "出版社",
	"dc.date":      "出版年",
	"bath.isbn":    "isbn", "dc.identifier": "isbn",
	"local.clc": "分类", "local.callnumber": "索书号", "local.series": "丛书",
}

// Special indexes: the record id, and every record.
const (
	indexRecID      = "rec.id"
	indexAllRecords = "cql.allrecords"
)

// indexName is the lower-case, context-set-qualified name of an index.
func indexName(ix string) string {
	n := strings.ToLower(ix)
	if !strings.Contains(n, ".") {
		switch n {
		case "serverchoice", "anywhere", "allrecords":
			return "cql." + n
		}
		return "dc." + n
	}
	return n
}

// harmless relation modifiers change nothing the search engine does
// differently: it always matches words, ignoring case.
var harmless = map[string]bool{"relevant": true, "word": true, "string": true, "ignorecase": true, "ignoreaccents": true}

// translate turns a CQL tree into a search query, or a diagnostic for the
// part the search engine cannot answer.
func translate(n cql.Node) (*search.Bool, error) {
	switch x := n.(type) {
	case *cql.Boolean:
		var op search.BoolOp
		switch x.Op {
		case "and":
			op = search.BoolAnd
		case "or":
			op = search.BoolOr
		case "not":
			op = search.BoolNot
		default:
			return nil, diag(diagUnsupportedBool, x.Op)
		}
		if len(x.Modifiers) > 0 {
			return nil, diag(diagUnsupportedBoolM, x.Modifiers[0].Name)
		}
		l, err := translate(x.Left)
		if err != nil {
			return nil, err
		}
		r, err := translate(x.Right)
		if err != nil {
			return nil, err
		}
		return &search.Bool{Op: op, Left: l, Right: r}, nil
	case *cql.Clause:
		return clause(x)
	}
	return nil, diag(diagQuerySyntax, "")
}

func clause(c *cql.Clause) (*search.Bool, error) {
	ix := indexName(c.Index)
	rel := c.Relation.Name
	rel = strings.TrimPrefix(rel, "cql.")
	for _, m := range c.Relation.Modifiers {
		if !harmless[strings.TrimPrefix(m.Name, "cql.")] || m.Comparison != "" {
			return nil, diag(diagUnsupportedRelMod, m.Name)
		}
	}
	if ix == indexAllRecords {
		return &search.Bool{}, nil
	}
	if ix == indexRecID || ix == "rec.identifier" {
		if rel != "=" && rel != "==" && rel != "exact" {
			return nil, diag(diagUnsupportedRel, rel)
		}
		id, err := strconv.ParseInt(strings.TrimPrefix(strings.TrimSpace(c.Term), oai.IDPrefix), 10, 64)
		if err != nil || id <= 0 {
			return nil, diag(diagBadValue, "rec.id: "+c.Term)
		}
		return &search.Bool{RecordID: id}, nil
	}
	field, ok := indexes[ix]
	if !ok {
		return nil, diag(diagUnsupportedIndex, c.Index)
	}
	term, err := unmask(c.Term, field)
	if err != nil {
		return nil, err
	}
	if field == "出版年" {
		return dateClause(rel, term)
	}
	words := strings.FieldsFunc(term, unicode.IsSpace)
	if len(words) == 0 {
		return nil, diag(diagEmptyTerm, c.Index)
	}
	switch rel {
	case "=", "all", "scr":
		return leaf(field, words, false), nil
	case "any":
		var out *search.Bool
		for _, w := range words {
			l := leaf(field, []string{w}, false)
			if out == nil {
				out = l
			} else {
				out = &search.Bool{Op: search.BoolOr, Left: out, Right: l}
			}
		}
		return out, nil
	case "adj", "==", "exact":
		return leaf(field, []string{strings.Join(words, " ")}, true), nil
	case "<>":
		return &search.Bool{Op: search.BoolNot, Left: &search.Bool{}, Right: leaf(field, words, false)}, nil
	}
	return nil, diag(diagUnsupportedRel, rel)
}

// leaf is a search-box query: every word with the field prefix, or one
// quoted phrase.
func leaf(field string, words []string, phrase bool) *search.Bool {
	var sb strings.Builder
	for i, w := range words {
		if i > 0 {
			sb.WriteByte(' ')
		}
		if field != "" {
			sb.WriteString(field + ":")
		}
		if phrase {
			sb.WriteString(`"` + w + `"`)
		} else {
			sb.WriteString(w)
		}
	}
	return &search.Bool{Query: sb.String()}
}

// unmask removes CQL's masking: a trailing * is right truncation, which the
// search engine does for call numbers and CLC classes and, for words, by
// matching within titles and names anyway; an escaped character is itself.
// Other masking is refused. Quotes cannot reach the search box's syntax.
func unmask(t, field string) (string, error) {
	var sb strings.Builder
	rs := []rune(t)
	for i := 0; i < len(rs); i++ {
		switch r := rs[i]; r {
		case '\\':
			if i+1 < len(rs) {
				i++
				sb.WriteRune(rs[i])
			}
		case '*':
			end := i == len(rs)-1 || unicode.IsSpace(rs[i+1])
			if !end || i == 0 || unicode.IsSpace(rs[i-1]) {
				return "", diag(diagMasking, "*")
			}
			if field == "索书号" {
				sb.WriteRune('*')
			}
		case '?', '^':
			return "", diag(diagMasking, string(r))
		case '"':
			sb.WriteRune(' ')
		default:
			sb.WriteRune(r)
		}
	}
	return strings.TrimSpace(sb.String()), nil
}

// dateClause is a publication-year comparison.
func dateClause(rel, term string) (*search.Bool, error) {
	year := func(s string) (int, error) {
		y, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || y < 0 || y > 9999 {
			return 0, diag(diagBadValue, "dc.date: "+term)
		}
		return y, nil
	}
	q := func(r string) *search.Bool { return &search.Bool{Query: "出版年:" + r} }
	if rel == "within" {
		parts := strings.Fields(term)
		if len(parts) != 2 {
			return nil, diag(diagBadValue, "dc.date within: "+term)
		}
		lo, err := year(parts[0])
		if err != nil {
			return nil, err
		}
		hi, err := year(parts[1])
		if err != nil {
			return nil, err
		}
		return q(strconv.Itoa(lo) + "-" + strconv.Itoa(hi)), nil
	}
	y, err := year(term)
	if err != nil {
		return nil, err
	}
	s := strconv.Itoa(y)
	switch rel {
	case "=", "==", "exact", "all", "any", "scr":
		return q(s), nil
	case "<>":
		return &search.Bool{Op: search.BoolNot, Left: &search.Bool{}, Right: q(s)}, nil
	case "<":
		return q("-" + strconv.Itoa(y-1)), nil
	case "<=":
		return q("-" + s), nil
	case ">":
		return q(strconv.Itoa(y+1) + "-"), nil
	case ">=":
		return q(s + "-"), nil
	}
	return nil, diag(diagUnsupportedRel, rel)
}
