package cql

import (
	"fmt"
	"strings"
)

// MaxLength and MaxDepth bound what one query may ask of the parser: a
// query is typed by a person or built by a client from a few fields, and
// a hostile one must not exhaust the stack.
const (
	MaxLength = 8192
	MaxDepth  = 32
)

// SyntaxError is a query that is not CQL, with the byte offset where the
// parser gave up. SRU answers it with diagnostic 10 (query syntax error).
type SyntaxError struct {
	Pos int
	Msg string
}

func (e *SyntaxError) Error() string { return fmt.Sprintf("CQL syntax error at %d: %s", e.Pos, e.Msg) }

type tokKind int

const (
	tEOF    tokKind = iota
	tWord           // a bare char string
	tQuoted         // a "quoted string"
	tLParen
	tRParen
	tSlash
	tComp // a comparitor symbol: = == <> < > <= >=
)

type token struct {
	kind tokKind
	text string // unescaped for tQuoted
	pos  int
}

// lex splits a query into tokens.
func lex(q string) ([]token, error) {
	var out []token
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			out = append(out, token{tLParen, "(", i})
			i++
		case c == ')':
			out = append(out, token{tRParen, ")", i})
			i++
		case c == '/':
			out = append(out, token{tSlash, "/", i})
			i++
		case c == '=' || c == '<' || c == '>':
			n := 1
			if i+1 < len(q) {
				two := q[i : i+2]
				if two == "==" || two == "<>" || two == "<=" || two == ">=" {
					n = 2
				}
			}
			out = append(out, token{tComp, q[i : i+n], i})
			i += n
		case c == '"':
			var sb strings.Builder
			j := i + 1
			for ; j < len(q) && q[j] != '"'; j++ {
				if q[j] == '\\' && j+1 < len(q) {
					// \" and \\ stand for the character; other escapes
					// (\*, \?, \^) keep their backslash, which marks a
					// masking character as literal.
					if q[j+1] == '"' || q[j+1] == '\\' {
						j++
					} else {
						sb.WriteByte('\\')
						j++
					}
				}
				sb.WriteByte(q[j])
			}
			if j >= len(q) {
				return nil, &SyntaxError{i, "unterminated quoted string"}
			}
			out = append(out, token{tQuoted, sb.String(), i})
			i = j + 1
		default:
			j := i
			for j < len(q) && !strings.ContainsRune(" \t\n\r()=<>\"/", rune(q[j])) {
				j++
			}
			out = append(out, token{tWord, q[i:j], i})
			i = j
		}
	}
	return append(out, token{tEOF, "", len(q)}), nil
}

type parser struct {
	toks  []token
	i     int
	depth int
	q     *Query
}

// Parse parses a CQL query.
func Parse(q string) (*Query, error) {
	if len(q) > MaxLength {
		return nil, &SyntaxError{MaxLength, fmt.Sprintf("query longer than %d bytes", MaxLength)}
	}
	if strings.TrimSpace(q) == "" {
		return nil, &SyntaxError{0, "empty query"}
	}
	toks, err := lex(q)
	if err != nil {
		return nil, err
	}
	p := &parser{toks: toks, q: &Query{Prefixes: map[string]string{}}}
	root, err := p.query()
	if err != nil {
		return nil, err
	}
	if p.isKeyword("sortby") {
		p.i++
		if err := p.sortSpec(); err != nil {
			return nil, err
		}
	}
	if t := p.peek(); t.kind != tEOF {
		return nil, &SyntaxError{t.pos, fmt.Sprintf("unexpected %q", t.text)}
	}
	p.q.Root = root
	return p.q, nil
}

func (p *parser) peek() token { return p.toks[p.i] }
func (p *parser) peekAt(k int) token {
	if p.i+k < len(p.toks) {
		return p.toks[p.i+k]
	}
	return p.toks[len(p.toks)-1]
}

func (p *parser) isKeyword(kw string) bool {
	t := p.peek()
	return t.kind == tWord && strings.EqualFold(t.text, kw)
}

func isBoolean(t token) bool {
	if t.kind != tWord {
		return false
	}
	switch strings.ToLower(t.text) {
	case "and", "or", "not", "prox":
		return true
	}
	return false
}

func isTerm(t token) bool { return t.kind == tWord || t.kind == tQuoted }

// query is cqlQuery: prefix assignments, then a scoped clause.
func (p *parser) query() (Node, error) {
	p.depth++
	defer func() { p.depth-- }()
	if p.depth > MaxDepth {
		return nil, &SyntaxError{p.peek().pos, fmt.Sprintf("query nested deeper than %d", MaxDepth)}
	}
	for p.peek().kind == tComp && p.peek().text == ">" {
		p.i++
		if err := p.prefixAssignment(); err != nil {
			return nil, err
		}
	}
	left, err := p.searchClause()
	if err != nil {
		return nil, err
	}
	for isBoolean(p.peek()) {
		op := strings.ToLower(p.peek().text)
		p.i++
		mods, err := p.modifiers()
		if err != nil {
			return nil, err
		}
		right, err := p.searchClause()
		if err != nil {
			return nil, err
		}
		left = &Boolean{Op: op, Modifiers: mods, Left: left, Right: right}
	}
	return left, nil
}

// prefixAssignment follows '>': prefix = uri, or a bare uri.
func (p *parser) prefixAssignment() error {
	t := p.peek()
	if !isTerm(t) {
		return &SyntaxError{t.pos, "a prefix assignment needs a name or URI"}
	}
	p.i++
	if n := p.peek(); n.kind == tComp && n.text == "=" {
		p.i++
		u := p.peek()
		if !isTerm(u) {
			return &SyntaxError{u.pos, "a prefix assignment needs a URI"}
		}
		p.i++
		p.q.Prefixes[t.text] = u.text
		return nil
	}
	p.q.Prefixes[""] = t.text
	return nil
}

// searchClause is ( cqlQuery ) | index relation term | term.
func (p *parser) searchClause() (Node, error) {
	t := p.peek()
	switch {
	case t.kind == tLParen:
		p.i++
		n, err := p.query()
		if err != nil {
			return nil, err
		}
		if c := p.peek(); c.kind != tRParen {
			return nil, &SyntaxError{c.pos, "missing )"}
		}
		p.i++
		return n, nil
	case !isTerm(t):
		if t.kind == tEOF {
			return nil, &SyntaxError{t.pos, "the query ends where a search term is expected"}
		}
		return nil, &SyntaxError{t.pos, fmt.Sprintf("a search term is expected, not %q", t.text)}
	}
	next := p.peekAt(1)
	named := next.kind == tWord && !isBoolean(next) && !strings.EqualFold(next.text, "sortby") &&
		(isTerm(p.peekAt(2)) || p.peekAt(2).kind == tSlash)
	if next.kind != tComp && !named {
		// A bare term.
		if t.kind == tWord && (isBoolean(t) || strings.EqualFold(t.text, "sortby")) {
			return nil, &SyntaxError{t.pos, fmt.Sprintf("%q is a keyword: quote it to search for it", t.text)}
		}
		p.i++
		return &Clause{Index: ServerChoice, Relation: Relation{Name: "="}, Term: t.text}, nil
	}
	if t.kind != tWord {
		return nil, &SyntaxError{t.pos, "an index name cannot be quoted"}
	}
	p.i += 2
	rel := Relation{Name: strings.ToLower(next.text)}
	mods, err := p.modifiers()
	if err != nil {
		return nil, err
	}
	rel.Modifiers = mods
	term := p.peek()
	if !isTerm(term) {
		return nil, &SyntaxError{term.pos, "a search term is expected after the relation"}
	}
	p.i++
	return &Clause{Index: t.text, Relation: rel, Term: term.text}, nil
}

// modifiers reads /name [comparitor value] ….
func (p *parser) modifiers() ([]Modifier, error) {
	var out []Modifier
	for p.peek().kind == tSlash {
		p.i++
		n := p.peek()
		if n.kind != tWord {
			return nil, &SyntaxError{n.pos, "a modifier name is expected after /"}
		}
		p.i++
		m := Modifier{Name: strings.ToLower(n.text)}
		if c := p.peek(); c.kind == tComp {
			p.i++
			v := p.peek()
			if !isTerm(v) {
				return nil, &SyntaxError{v.pos, "a modifier value is expected"}
			}
			p.i++
			m.Comparison, m.Value = c.text, v.text
		}
		out = append(out, m)
	}
	return out, nil
}

// sortSpec reads the keys after sortby.
func (p *parser) sortSpec() error {
	if p.peek().kind != tWord {
		return &SyntaxError{p.peek().pos, "sortby needs at least one index"}
	}
	for p.peek().kind == tWord {
		k := SortKey{Index: p.peek().text}
		p.i++
		mods, err := p.modifiers()
		if err != nil {
			return err
		}
		k.Modifiers = mods
		p.q.SortBy = append(p.q.SortBy, k)
	}
	return nil
}
