package z3950

import (
	"strconv"
	"strings"

	ber "github.com/go-asn1-ber/asn1-ber"

	"shuwu/internal/search"
)

// bib1Use maps Bib-1 use attributes to the search box's fields.
var bib1Use = map[int64]string{
	UseTitle: search.FieldTitle, 5: search.FieldSeries, 33: search.FieldTitle, // title, series title, key title
	1: search.FieldAuthor, 2: search.FieldAuthor, 1003: search.FieldAuthor, 1004: search.FieldAuthor, 1005: search.FieldAuthor, // names
	UseSubject: search.FieldSubject, 1079: search.FieldSubject,
	UseISBN: search.FieldISBN, UsePublishr: search.FieldPublisher,
	20: search.FieldCLC, 16: search.FieldCallNumber, // local classification, call number
	UseAny: "", 1017: "", 1035: "", // any, server choice, anywhere
}

// Date use attributes (publication date) take relations.
var bib1Date = map[int64]bool{30: true, UseDate: true}

// useLocalNumber is Bib-1's local number: the record id.
const useLocalNumber = 12

// Bib-1 relations (attribute type 2) as comparisons.
var bib1Relation = map[int64]string{1: "<", 2: "<=", 3: "=", 4: ">=", 5: ">", 6: "<>"}

// maxRPNDepth bounds a query's nesting.
const maxRPNDepth = 32

// rpnToBool turns an RPNStructure into a search query, or a Bib-1
// diagnostic for what the search engine cannot answer.
func rpnToBool(p *ber.Packet, depth int) (*search.Bool, error) {
	if p == nil || p.ClassType != ber.ClassContext || depth > maxRPNDepth {
		return nil, &Diagnostic{Condition: 108, AddInfo: "malformed query"}
	}
	switch p.Tag {
	case tagOperandOp:
		if len(p.Children) != 1 || p.Children[0].ClassType != ber.ClassContext || p.Children[0].Tag != tagAttrPlusTerm {
			return nil, &Diagnostic{Condition: 18, AddInfo: "only attributes plus term"} // result set not supported as a search term
		}
		return attrPlusTerm(p.Children[0])
	case tagRPNRPNOp:
		if len(p.Children) != 3 {
			return nil, &Diagnostic{Condition: 108, AddInfo: "malformed operator"}
		}
		l, err := rpnToBool(p.Children[0], depth+1)
		if err != nil {
			return nil, err
		}
		r, err := rpnToBool(p.Children[1], depth+1)
		if err != nil {
			return nil, err
		}
		op := p.Children[2]
		if len(op.Children) != 1 {
			return nil, &Diagnostic{Condition: 108, AddInfo: "malformed operator"}
		}
		switch op.Children[0].Tag {
		case 0:
			return &search.Bool{Op: search.BoolAnd, Left: l, Right: r}, nil
		case 1:
			return &search.Bool{Op: search.BoolOr, Left: l, Right: r}, nil
		case 2:
			return &search.Bool{Op: search.BoolNot, Left: l, Right: r}, nil
		}
		return nil, &Diagnostic{Condition: 129, AddInfo: "proximity"} // proximity not supported
	}
	return nil, &Diagnostic{Condition: 108, AddInfo: "malformed query"}
}

func attrPlusTerm(p *ber.Packet) (*search.Bool, error) {
	attrs, term, err := attrsAndTerm(p)
	if err != nil {
		return nil, err
	}
	return termQuery(attrs, term)
}

// attrsAndTerm reads an AttributesPlusTerm: the numeric attributes by
// type, and the term.
func attrsAndTerm(p *ber.Packet) (map[int64]int64, string, error) {
	attrs := map[int64]int64{}
	if list := child(p, tagAttributeList); list != nil {
		for _, el := range list.Children {
			t, err := intOf(child(el, tagAttrType))
			if err != nil {
				return nil, "", &Diagnostic{Condition: 108, AddInfo: "malformed attribute"}
			}
			v, err := intOf(child(el, tagAttrNumeric))
			if err != nil {
				return nil, "", &Diagnostic{Condition: 113, AddInfo: strconv.FormatInt(t, 10)} // unsupported attribute type (complex values)
			}
			attrs[t] = v
		}
	}
	term := ""
	for _, c := range p.Children {
		if c.ClassType == ber.ClassContext && c.Tag == tagTermGeneral {
			term = strings.TrimSpace(c.Data.String())
		} else if c.ClassType == ber.ClassContext && c.Tag == 215 { // numeric
			n, err := intOf(c)
			if err != nil {
				return nil, "", &Diagnostic{Condition: 108, AddInfo: "malformed term"}
			}
			term = strconv.FormatInt(n, 10)
		}
	}
	if term == "" {
		return nil, "", &Diagnostic{Condition: 108, AddInfo: "empty term"}
	}
	return attrs, term, nil
}

// termQuery is the search for one term with its attributes.
func termQuery(attrs map[int64]int64, term string) (*search.Bool, error) {
	use, ok := attrs[1]
	if !ok {
		use = UseAny
	}
	rel, ok := attrs[2]
	if !ok {
		rel = 3
	}
	if t, ok := attrs[5]; ok && t != 1 && t != 100 { // right truncation, none
		return nil, &Diagnostic{Condition: 120, AddInfo: strconv.FormatInt(t, 10)} // unsupported truncation attribute
	}
	if use == useLocalNumber {
		id, err := strconv.ParseInt(term, 10, 64)
		if err != nil || id <= 0 || rel != 3 {
			return nil, &Diagnostic{Condition: 123, AddInfo: term} // unsupported term for this use attribute
		}
		return &search.Bool{RecordID: id}, nil
	}
	if bib1Date[use] {
		y, err := strconv.Atoi(term)
		cmp, known := bib1Relation[rel]
		if err != nil {
			return nil, &Diagnostic{Condition: 123, AddInfo: term}
		}
		b, ok := search.YearCompare(cmp, y)
		if !known || !ok {
			return nil, &Diagnostic{Condition: 117, AddInfo: strconv.FormatInt(rel, 10)} // unsupported relation attribute
		}
		return b, nil
	}
	field, ok := bib1Use[use]
	if !ok {
		return nil, &Diagnostic{Condition: 114, AddInfo: strconv.FormatInt(use, 10)} // unsupported use attribute
	}
	if rel != 3 && rel != 102 { // equal, relevance
		return nil, &Diagnostic{Condition: 117, AddInfo: strconv.FormatInt(rel, 10)}
	}
	if field == search.FieldCallNumber && attrs[5] == 1 {
		term += "*"
	}
	phrase := attrs[4] == 1 || attrs[4] == 108 // phrase, string
	return search.FieldTerm(field, term, phrase), nil
}
