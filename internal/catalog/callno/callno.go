// Package callno builds, splits and orders call numbers (索书号) of the form
// 分类号/书次号, e.g. D26/15, as printed on spine labels.
package callno

import (
	"strconv"
	"strings"
)

// Format joins a class number and a 种次号 into a call number: ("D26", 15)
// gives "D26/15".
func Format(class string, seq int) string {
	return class + "/" + strconv.Itoa(seq)
}

// Parse splits a call number at its first '/' into the class number and the
// rest (书次号 plus any volume or copy marks). Without a '/', rest is empty.
func Parse(s string) (class string, rest string) {
	class, rest, _ = strings.Cut(s, "/")
	return class, rest
}
