package cql

import "testing"

// FuzzParse checks that no input panics or loops, and that a parsed tree
// printed and parsed again is the same tree.
func FuzzParse(f *testing.F) {
	for _, s := range []string{`a`, `dc.title="x y" and bath.isbn=1`, `a or (b not c)`, `> dc="u" dc.title any/r x sortby dc.date`, `"a\"b"`, `((`, `a prox/unit=word b`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		q, err := Parse(s)
		if err != nil {
			return
		}
		printed := String(q.Root)
		if len(printed) > MaxLength {
			return // the printed form is longer than the parser accepts
		}
		q2, err := Parse(printed)
		if err != nil {
			t.Fatalf("reparse of %.200q: %v", printed, err)
		}
		if got := String(q2.Root); got != printed {
			t.Fatalf("reparse changed the tree: %.200q → %.200q", printed, got)
		}
	})
}
