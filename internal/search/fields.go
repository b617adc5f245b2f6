package search

import (
	"strings"
	"unicode/utf8"
)

// clcPath returns a CLC class number and its ancestors, so 分类:D26 finds
// D26, D261 and D261.41: D261.41 → D, D2, D26, D261, D261.4, D261.41.
// Auxiliary notation (D2-0, A81(2)) ends the path at the base number and
// adds the full number.
func clcPath(clc string) []string {
	n := 0
	for n < len(clc) && clc[n] >= 'A' && clc[n] <= 'Z' {
		n++
	}
	if n == 0 {
		return []string{clc}
	}
	out := []string{clc[:n]}
	for i := n; i < len(clc); i++ {
		c := clc[i]
		if c == '.' {
			continue
		}
		if c < '0' || c > '9' {
			break
		}
		out = append(out, clc[:i+1])
	}
	if out[len(out)-1] != clc {
		out = append(out, clc)
	}
	return out
}

// clcTop returns the top class of a CLC number: its letter, or two letters
// for T (TP, TU …) where the second letter is the real division.
func clcTop(clc string) string {
	if clc == "" {
		return ""
	}
	if clc[0] == 'T' && len(clc) > 1 && clc[1] >= 'A' && clc[1] <= 'Z' {
		return clc[:2]
	}
	return clc[:1]
}

// titleKeys returns the exact-title forms of a record: main title, main
// title with other title information, main title with its volume,
// parallel title.
func titleKeys(f *folder, d *Document) []string {
	var out []string
	for _, t := range []string{d.Title, d.Title + d.OtherTitle, d.Title + d.Volume, d.ParallelTitle} {
		if k := titleKey(f.Fold(t)); k != "" && !contains(out, k) {
			out = append(out, k)
		}
	}
	return out
}

// nameKey is the exact-name form of an author, publisher or series: folded,
// without spaces and punctuation, so 邵 杰 and 邵杰 are one name.
func nameKey(f *folder, name string) string { return titleKey(f.Fold(name)) }

// sortKey is the title sort key in pinyin order: each Chinese character by
// its common reading followed by a space (so syllables compare one by one:
// "an " < "ang "), other characters folded as they are.
func sortKey(f *folder, title string) string {
	var sb strings.Builder
	for _, r := range titleKey(f.Fold(title)) {
		if p := readings(r); len(p) > 0 {
			sb.WriteString(p[0])
			sb.WriteByte(' ')
			continue
		}
		if r < utf8.RuneSelf {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
