// Package clc holds the 中国图书馆分类法 (Chinese Library Classification,
// 5th edition): a class tree to look numbers up in, and the rules a class
// number must follow. The product ships a shallow tree (Builtin); a library
// may import the full schedule with ParseJSON.
package clc

import (
	"strings"

	"golang.org/x/text/width"
)

// Class is one entry of the schedule.
type Class struct {
	Code         string // as in the schedule: "D261.41", "[D054]", "{D07}", "D33/37"
	Name         string // 类名, e.g. "党校"
	Parent       string // Code of the parent class, "" for the 22 top classes
	Depth        int    // 0 for a top class, 1 for D2, 2 for D26, …
	Alternative  bool   // 交替类目, written [D054]: not used by default
	Discontinued bool   // 停用类目, written {D07}: no longer assigned
}

// Span reports whether the class stands for a range of classes, e.g. D33/37.
func (c Class) Span() bool { return strings.Contains(c.Code, "/") }

// Tree is a class schedule. It is read-only once built, so one Tree may be
// shared by any number of goroutines.
type Tree struct {
	classes  []Class
	parent   []int32   // index of each class's parent, -1 for tops
	children [][]int32 // indexes of each class's children, schedule order
	tops     []int32
	byCode   map[string]int32 // full code and bare code of every class
	keys     []string         // bare code of every class, for Suggest
}

// mainClasses are the letters of the 22 main classes; L, M, W and Y are unused.
const mainClasses = "ABCDEFGHIJKNOPQRSTUVXZ"

// Top returns the main-class letter of a class number: "D" for "D261.41",
// "T" for "TP311". It returns "" when code does not start with one.
func Top(code string) string {
	c := normalize(code)
	c = strings.TrimLeft(c, "[{")
	if c == "" || !strings.Contains(mainClasses, c[:1]) {
		return ""
	}
	return c[:1]
}

// Lookup returns the class with the given code. Codes are matched after
// trimming, upper-casing and folding full-width characters; an alternative
// or discontinued class is also found by its bare code ("D054" finds
// "[D054]"), though a regular class with the same bare code wins.
func (t *Tree) Lookup(code string) (Class, bool) {
	i, ok := t.index(code)
	if !ok {
		return Class{}, false
	}
	return t.classes[i], true
}

// Ancestors returns the classes above code, top class first: D, D2, D26,
// D261, D261.4 for D261.41. When code is not in the tree, its nearest known
// ancestor and that class's ancestors are returned, so a shallow tree still
// places a deep number (D261.41 in Builtin gives D, D2, D26, D261). A number
// inside a span such as D33/37 gets the span as an ancestor.
func (t *Tree) Ancestors(code string) []Class {
	var start int32 = -1
	if i, ok := t.index(code); ok {
		start = t.parent[i]
	} else {
		start = t.nearest(bare(normalize(code)))
	}
	var out []Class
	for i := start; i >= 0; i = t.parent[i] {
		out = append(out, t.classes[i])
	}
	for l, r := 0, len(out)-1; l < r; l, r = l+1, r-1 {
		out[l], out[r] = out[r], out[l]
	}
	return out
}

// Children returns the classes directly under code, in schedule order.
func (t *Tree) Children(code string) []Class {
	i, ok := t.index(code)
	if !ok {
		return nil
	}
	return t.list(t.children[i])
}

// Tops returns the top classes in schedule order (A … Z).
func (t *Tree) Tops() []Class { return t.list(t.tops) }

// Len returns the number of classes, counting every row of the schedule
// (a few codes occur twice in the published data).
func (t *Tree) Len() int { return len(t.classes) }

func (t *Tree) list(idx []int32) []Class {
	out := make([]Class, len(idx))
	for k, i := range idx {
		out[k] = t.classes[i]
	}
	return out
}

func (t *Tree) index(code string) (int32, bool) {
	c := normalize(code)
	if i, ok := t.byCode[c]; ok {
		return i, true
	}
	i, ok := t.byCode[bare(c)]
	return i, ok
}

// nearest returns the index of the deepest class that is a prefix of code
// (ignoring a trailing '.'), descending into any span that covers code, or
// -1 when not even the top class is known.
func (t *Tree) nearest(code string) int32 {
	for n := len(code) - 1; n >= 1; n-- {
		p := strings.TrimRight(code[:n], ".")
		if i, ok := t.byCode[p]; ok {
			return t.intoSpans(i, code)
		}
	}
	return -1
}

func (t *Tree) intoSpans(i int32, code string) int32 {
	for {
		next := int32(-1)
		for _, j := range t.children[i] {
			if c := t.classes[j]; c.Span() && spanCovers(bare(c.Code), code) {
				next = j
				break
			}
		}
		if next < 0 {
			return i
		}
		i = next
	}
}

// spanCovers reports whether code falls in span: D35 and D351 fall in
// D33/37, C829.45 in C829.3/.7.
func spanCovers(span, code string) bool {
	lo, hi, _ := strings.Cut(span, "/")
	if len(hi) < len(lo) {
		hi = lo[:len(lo)-len(hi)] + hi
	} else {
		hi = strings.TrimRight(lo, "0123456789.-") + hi
	}
	return prefix(code, len(lo)) >= lo && prefix(code, len(hi)) <= hi
}

func prefix(s string, n int) string { return s[:min(n, len(s))] }

// normalize trims, folds full-width characters and Chinese quotes, and
// upper-cases, so "ｄ２６１．４１ " and "D261.41" are the same code.
func normalize(code string) string {
	c := width.Fold.String(strings.TrimSpace(code))
	c = strings.NewReplacer("“", `"`, "”", `"`, "《", "<", "》", ">", "。", ".").Replace(c)
	return strings.ToUpper(c)
}

// bare strips the brackets of an alternative or discontinued class.
func bare(code string) string {
	if n := len(code); n >= 2 && (code[0] == '[' && code[n-1] == ']' || code[0] == '{' && code[n-1] == '}') {
		return code[1 : n-1]
	}
	return code
}
