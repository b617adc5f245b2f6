package cql

import (
	"errors"
	"strings"
	"testing"
)

func TestParseTrees(t *testing.T) {
	cases := []struct{ in, want string }{
		{`习近平`, `(cql.serverChoice = "习近平")`},
		{`dc.title=党史`, `(dc.title = "党史")`},
		{`dc.title = "program a computer" and bath.isbn=0786808772`,
			`((dc.title = "program a computer") and (bath.isbn = "0786808772"))`},
		// The two translations protocols.md §4.3 read from yaz's log.
		{`dc.creator=chabon or (dc.title=summer* and rec.id<>5)`,
			`((dc.creator = "chabon") or ((dc.title = "summer*") and (rec.id <> "5")))`},
		// Booleans have one precedence and group to the left.
		{`a or b and c`, `(((cql.serverChoice = "a") or (cql.serverChoice = "b")) and (cql.serverChoice = "c"))`},
		{`a not b`, `((cql.serverChoice = "a") not (cql.serverChoice = "b"))`},
		{`dc.title any "中国 共产党"`, `(dc.title any "中国 共产党")`},
		{`dc.title ALL/relevant/string 党建`, `(dc.title all/relevant/string "党建")`},
		{`dc.date>=2020`, `(dc.date >= "2020")`},
		{`dc.title == "毛泽东选集"`, `(dc.title == "毛泽东选集")`},
		{`a prox/unit=word/distance>3 b`, `((cql.serverChoice = "a") prox/unit="word"/distance>"3" (cql.serverChoice = "b"))`},
		{`"and"`, `(cql.serverChoice = "and")`},
		{`"say \"hi\""`, `(cql.serverChoice = "say \"hi\"")`},
		{`"a\*b"`, `(cql.serverChoice = "a\\*b")`},
		{`((a))`, `(cql.serverChoice = "a")`},
		{`> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title=x`, `(dc.title = "x")`},
	}
	for _, c := range cases {
		q, err := Parse(c.in)
		if err != nil {
			t.Errorf("Parse(%q): %v", c.in, err)
			continue
		}
		if got := String(q.Root); got != c.want {
			t.Errorf("Parse(%q)\n got %s\nwant %s", c.in, got, c.want)
		}
	}
}

func TestParseSortAndPrefixes(t *testing.T) {
	q, err := Parse(`> dc = "info:srw/cql-context-set/1/dc-v1.1" dc.title=x sortBy dc.date/sort.descending dc.title`)
	if err != nil {
		t.Fatal(err)
	}
	if q.Prefixes["dc"] != "info:srw/cql-context-set/1/dc-v1.1" {
		t.Errorf("prefixes %v", q.Prefixes)
	}
	if len(q.SortBy) != 2 || q.SortBy[0].Index != "dc.date" || q.SortBy[0].Modifiers[0].Name != "sort.descending" || q.SortBy[1].Index != "dc.title" {
		t.Errorf("sort keys %+v", q.SortBy)
	}
}

func TestParseErrors(t *testing.T) {
	cases := map[string]string{
		``:            "empty",
		`(a`:          "missing )",
		`a)`:          "unexpected",
		`dc.title=`:   "search term is expected",
		`"open`:       "unterminated",
		`a and`:       "ends where a search term",
		`and`:         "keyword",
		`a b`:         "unexpected",
		`dc.title=/x`: "search term",
		`a sortby`:    "sortby needs",
		`a and/(b)`:   "modifier name",
		strings.Repeat("(", 40) + "a" + strings.Repeat(")", 40): "deeper",
		strings.Repeat("a ", MaxLength):                         "longer",
	}
	for in, want := range cases {
		_, err := Parse(in)
		var se *SyntaxError
		if !errors.As(err, &se) {
			t.Errorf("Parse(%.40q) = %v, want a syntax error", in, err)
			continue
		}
		if !strings.Contains(se.Msg, want) {
			t.Errorf("Parse(%.40q): %q, want it to say %q", in, se.Msg, want)
		}
	}
}
