package z3950

import ber "github.com/go-asn1-ber/asn1-ber"

// RPN is a type-1 query over Bib-1 attributes: terms with their attributes
// joined by and, or and and-not.
type RPN interface{ encode() *ber.Packet }

// Bib-1 use attributes for the searches a cataloguer makes.
const (
	UseTitle    = 4
	UseISBN     = 7
	UseISSN     = 8
	UseAuthor   = 1003
	UseAny      = 1016
	UseSubject  = 21
	UseDate     = 31
	UsePublishr = 1018
)

// Term is one search term with its attributes (type → value, e.g. 1 → 7
// for ISBN).
type Term struct {
	Attrs [][2]int
	Text  string
}

// Use is a term searched by one use attribute.
func Use(use int, text string) Term { return Term{Attrs: [][2]int{{1, use}}, Text: text} }

func (t Term) encode() *ber.Packet {
	var attrs []*ber.Packet
	for _, a := range t.Attrs {
		attrs = append(attrs, seq(intField(tagAttrType, int64(a[0])), intField(tagAttrNumeric, int64(a[1]))))
	}
	apt := cons(tagAttrPlusTerm, cons(tagAttributeList, attrs...), strField(tagTermGeneral, t.Text))
	return cons(tagOperandOp, apt)
}

// Op joins two queries.
type Op struct {
	Kind        OpKind
	Left, Right RPN
}

// OpKind is and, or or and-not.
type OpKind int

// Operators.
const (
	And OpKind = iota
	Or
	AndNot
)

func (o Op) encode() *ber.Packet {
	op := cons(tagOperator, prim(ber.Tag(o.Kind), nil))
	return cons(tagRPNRPNOp, o.Left.encode(), o.Right.encode(), op)
}
