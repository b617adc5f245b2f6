package clc

import (
	"slices"
	"strings"
)

// Suggest returns up to limit classes for an as-you-type lookup: those whose
// code starts with q (ignoring case and width) or whose name contains q. An
// exact code match comes first, then shorter codes before longer ones, then
// schedule order. A blank q or a limit below 1 gives nothing.
func (t *Tree) Suggest(q string, limit int) []Class {
	q = strings.TrimSpace(q)
	if q == "" || limit < 1 {
		return nil
	}
	code := bare(normalize(q))
	type hit struct {
		i     int32
		exact bool
	}
	var hits []hit
	seen := make(map[string]bool)
	for i, key := range t.keys {
		if seen[key] {
			continue // the schedule repeats a few codes; show each once
		}
		if strings.HasPrefix(key, code) || strings.Contains(t.classes[i].Name, q) {
			seen[key] = true
			hits = append(hits, hit{int32(i), key == code})
		}
	}
	slices.SortStableFunc(hits, func(a, b hit) int {
		if a.exact != b.exact {
			if a.exact {
				return -1
			}
			return 1
		}
		return len(t.keys[a.i]) - len(t.keys[b.i])
	})
	out := make([]Class, 0, min(limit, len(hits)))
	for _, h := range hits[:min(limit, len(hits))] {
		out = append(out, t.classes[h.i])
	}
	return out
}
