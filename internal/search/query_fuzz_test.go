package search

import (
	"testing"
	"unicode/utf8"

	"shuwu/internal/errs"
)

// Whatever a reader types into the search box is split into clauses or
// refused with a clear Chinese message, never a panic; a clause never
// holds an empty word.
func FuzzParseQuery(f *testing.F) {
	for _, s := range []string{"红岩", `"中国共产党 简史"`, "作者:邵杰", "autor:鲁迅", "isbn:978-7-01-000000-0", `title:"`, "D26/123", "：：:", "a\x00b", "出版社:人民出版社 2020"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		if !utf8.ValidString(q) {
			return // the surfaces refuse invalid UTF-8 before searching
		}
		cs, err := parseQuery(q)
		if err != nil {
			if e := errs.As(err); e.Kind != errs.KindInvalid || e.Message == "" {
				t.Fatalf("%q: %v is not a clear refusal", q, err)
			}
			return
		}
		for _, c := range cs {
			if c.text == "" {
				t.Fatalf("%q: an empty clause %+v", q, c)
			}
		}
	})
}
