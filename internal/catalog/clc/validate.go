package clc

import (
	"fmt"
	"strings"

	"shuwu/internal/errs"
)

// The error codes Validate returns, always for the field "clc".
const (
	// 中图法分类号格式不正确 / the CLC class number is malformed
	CodeMalformed errs.Code = "CLC_MALFORMED"
	// 中图法中没有这个类目 / the CLC has no such class
	CodeUnknown errs.Code = "CLC_UNKNOWN"
)

const field = "clc"

// auxSymbols start the auxiliary part of a class number (cn-library.md §1.1).
const auxSymbols = `-()"=<>:+`

// Validate checks a class number as a cataloguer typed it and returns it
// normalised (trimmed, upper-case, half-width; brackets of an alternative
// or discontinued class removed).
//
// The syntax must be CLC notation: a main-class letter (one of the 22), an
// optional second letter (TP, TU, DF), digits with a '.' after every three
// (D261.41), and auxiliary notation: -62, (711), "17", =6, <326>, :R83,
// +R173. Otherwise the error is CLC_MALFORMED.
//
// The class is then checked against t. It is accepted when t holds it, or
// when t holds its main part (R711 for R711-62, since auxiliary tables are
// not enumerated), or when the nearest class t knows above it has no
// children in t: a shallow tree cannot judge deeper numbers, so D261.41 is
// accepted by a shallow tree. A known class with a 0 appended (D610) is its
// general works and accepted too. Otherwise the error is CLC_UNKNOWN.
func (t *Tree) Validate(code string) (string, error) {
	c := bare(normalize(code))
	if !wellFormed(c) {
		return "", errs.Invalid(CodeMalformed, field,
			fmt.Sprintf("分类号 %q 格式错误：应为中图法类号，如 D261.41、R711-62", strings.TrimSpace(code)),
			fmt.Sprintf("malformed clc class number %q: expected clc notation such as D261.41 or R711-62", strings.TrimSpace(code)))
	}
	if _, ok := t.byCode[c]; ok {
		return c, nil
	}
	main := mainPart(c)
	if _, ok := t.byCode[main]; ok {
		return c, nil
	}
	if i := t.nearest(main); i >= 0 && (len(t.children[i]) == 0 || t.unexplored(i, main)) {
		return c, nil
	}
	if t.generalWorks(main) {
		return c, nil
	}
	return "", errs.Invalid(CodeUnknown, field,
		fmt.Sprintf("分类号 %s 不在中图法类表中", c),
		fmt.Sprintf("class number %s is not in the clc schedule", c))
}

// generalWorks reports whether main is a known class with a 0 appended:
// the schedule leaves "0" free under a subdivided class for its general
// works (总论), and CIP data uses it (D610 is D61's general works, though
// the schedule does not list it).
func (t *Tree) generalWorks(main string) bool {
	n := len(main)
	if n < 3 || main[n-1] != '0' {
		return false
	}
	_, ok := t.byCode[strings.TrimRight(main[:n-1], ".")]
	return ok
}

// unexplored reports whether a child of class i that shares more of main's
// code than i does has no children in t. CLC nests some classes under a
// sibling rather than under their prefix (K82 sits in K81), so in a shallow
// tree K825.2 finds only K, yet K81 tells us the tree stops short there.
func (t *Tree) unexplored(i int32, main string) bool {
	base := len(t.keys[i])
	for _, j := range t.children[i] {
		if len(t.children[j]) == 0 && commonPrefix(t.keys[j], main) > base {
			return true
		}
	}
	return false
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// mainPart is the class number before its first auxiliary symbol.
func mainPart(c string) string {
	if i := strings.IndexAny(c, auxSymbols); i >= 0 {
		c = c[:i]
	}
	return strings.TrimRight(c, ".")
}

// wellFormed reports whether c is a class number in CLC notation.
func wellFormed(c string) bool {
	p := parser{s: c}
	return p.number() && p.done()
}

// parser is a recursive-descent reader of CLC notation; each method
// consumes one element and reports whether it was well formed.
type parser struct {
	s string
	i int
}

func (p *parser) done() bool { return p.i == len(p.s) }

func (p *parser) peek() byte {
	if p.done() {
		return 0
	}
	return p.s[p.i]
}

func (p *parser) eat(c byte) bool {
	if p.peek() == c {
		p.i++
		return true
	}
	return false
}

// number = class aux*
func (p *parser) number() bool {
	if !p.class() {
		return false
	}
	for !p.done() {
		if !p.aux() {
			return false
		}
	}
	return true
}

// class = main-letter [letter] [d{1,3} ("." d{1,3})*], three digits before
// every '.'; "TJ011." may end in a '.' that a '+' follows (TJ011.+1).
func (p *parser) class() bool {
	if !strings.Contains(mainClasses, string(p.peek())) {
		return false
	}
	p.i++
	if c := p.peek(); c >= 'A' && c <= 'Z' {
		p.i++
	}
	afterDot := false
	for {
		n := p.digits(3)
		switch {
		case n == 0:
			return !afterDot // "TP" is fine, "D261." is not
		case isDigit(p.peek()):
			return false // four digits without a '.'
		case p.peek() != '.':
			return true
		case n != 3:
			return false // a '.' only after three digits
		case p.i+1 < len(p.s) && p.s[p.i+1] == '+':
			return true // the ".+" of TJ011.+1 is auxiliary
		}
		p.i++
		afterDot = true
	}
}

// aux is one auxiliary element.
func (p *parser) aux() bool {
	switch {
	case p.eat('-'), p.eat('='):
		return p.decimal()
	case p.eat('('):
		return p.inner() && p.eat(')')
	case p.eat('"'):
		return p.inner() && p.eat('"')
	case p.eat('<'):
		return p.inner() && p.eat('>')
	case p.eat(':'):
		return p.operand()
	case p.peek() == '.' && p.i+1 < len(p.s) && p.s[p.i+1] == '+':
		p.i++
		return true
	case p.eat('+'):
		p.eat('.')
		return p.operand()
	}
	return false
}

// operand follows ':' or '+': another class number or bare digits.
func (p *parser) operand() bool {
	if isDigit(p.peek()) {
		return p.decimal()
	}
	return p.class()
}

// decimal = d+ ("." d+)*
func (p *parser) decimal() bool {
	if p.digits(-1) == 0 {
		return false
	}
	for p.peek() == '.' && p.i+1 < len(p.s) && isDigit(p.s[p.i+1]) {
		p.i++
		p.digits(-1)
	}
	return true
}

// inner is the content of (), "" or <>: digits, '.', '-' and '='.
func (p *parser) inner() bool {
	start := p.i
	for !p.done() && (isDigit(p.peek()) || strings.IndexByte(".-=", p.peek()) >= 0) {
		p.i++
	}
	return p.i > start
}

// digits consumes up to max digits (max < 0: any number) and returns how many.
func (p *parser) digits(max int) int {
	n := 0
	for isDigit(p.peek()) && (max < 0 || n < max) {
		p.i++
		n++
	}
	return n
}

func isDigit(c byte) bool { return c >= '0' && c <= '9' }
