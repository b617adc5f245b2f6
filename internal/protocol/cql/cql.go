// Package cql parses the Contextual Query Language (CQL 1.2, the query
// language of SRU) into a tree: search clauses (index, relation with
// modifiers, term) joined by and/or/not/prox with modifiers, prefix
// assignments and a sortBy clause. It knows nothing of shuwu's catalogue;
// the SRU server maps indexes and relations onto the search engine and
// answers what it cannot map with a diagnostic.
package cql

import "strings"

// Node is a Clause or a Boolean.
type Node interface{ node() }

// Clause is one search clause: index relation term. A bare term has the
// index cql.serverChoice and the relation "=".
type Clause struct {
	Index    string // as written, e.g. dc.title; "cql.serverChoice" when omitted
	Relation Relation
	Term     string // unescaped
}

// Relation is a comparitor (=, ==, <>, <, >, <=, >=, or a name such as
// any, all, adj, exact, within) with its modifiers. Names are lower case.
type Relation struct {
	Name      string
	Modifiers []Modifier
}

// Boolean joins two nodes: and, or, not (left and not right) or prox.
type Boolean struct {
	Op          string // lower case
	Modifiers   []Modifier
	Left, Right Node
}

// Modifier is /name, or /name comparison value.
type Modifier struct {
	Name, Comparison, Value string
}

// SortKey is one key of a sortBy clause.
type SortKey struct {
	Index     string
	Modifiers []Modifier
}

// Query is a parsed CQL query.
type Query struct {
	Root Node
	// Prefixes are the query's prefix assignments (> dc = "uri"); a
	// prefix-less assignment (> "uri") has the key "".
	Prefixes map[string]string
	SortBy   []SortKey
}

func (*Clause) node()  {}
func (*Boolean) node() {}

// ServerChoice is the index of a clause written without one.
const ServerChoice = "cql.serverChoice"

// String writes the tree fully parenthesised, terms quoted, for tests and
// logs: ((dc.title = "a") and (dc.creator any "b")).
func String(n Node) string {
	var sb strings.Builder
	write(&sb, n)
	return sb.String()
}

func write(sb *strings.Builder, n Node) {
	switch x := n.(type) {
	case *Clause:
		sb.WriteString("(" + x.Index + " " + x.Relation.Name)
		writeModifiers(sb, x.Relation.Modifiers)
		sb.WriteString(" " + quote(x.Term) + ")")
	case *Boolean:
		sb.WriteString("(")
		write(sb, x.Left)
		sb.WriteString(" " + x.Op)
		writeModifiers(sb, x.Modifiers)
		sb.WriteString(" ")
		write(sb, x.Right)
		sb.WriteString(")")
	}
}

func writeModifiers(sb *strings.Builder, ms []Modifier) {
	for _, m := range ms {
		sb.WriteString("/" + m.Name)
		if m.Comparison != "" {
			sb.WriteString(m.Comparison + quote(m.Value))
		}
	}
}

// quote writes a term as a CQL quoted string.
func quote(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}
