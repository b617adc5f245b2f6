package labels

import (
	"strings"
	"unicode/utf8"
)

// Copy is what a copy's labels show.
type Copy struct {
	Barcode    string `json:"barcode"`
	CallNumber string `json:"call_number"`
	Title      string `json:"title"`
	Location   string `json:"location"`
}

// Reader is what a reader card shows.
type Reader struct {
	Card  string `json:"card"`
	Name  string `json:"name"`
	Unit  string `json:"unit"`
	Class string `json:"class"` // the class the reader is in, "" for staff
}

// SpineLines splits a call number into the lines of a spine label: the
// class number, the book number, then volume or copy parts, as Chinese
// libraries print them (D610.0 / 12 / :2). A call number written on one
// line with "/" between its parts breaks there.
func SpineLines(call string) []string {
	call = strings.TrimSpace(call)
	if call == "" {
		return nil
	}
	var out []string
	for _, part := range strings.FieldsFunc(call, func(r rune) bool { return r == '/' || r == ' ' || r == '\n' }) {
		// A volume (:2) or a year ((2022)) stays on the book number's line
		// only when it is short.
		if i := strings.IndexAny(part, ":("); i > 0 && len(part) > 8 {
			out = append(out, part[:i], part[i:])
			continue
		}
		out = append(out, part)
	}
	return out
}

// Short cuts s to at most n characters, with an ellipsis when cut.
func Short(s string, n int) string {
	s = strings.TrimSpace(s)
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	r := []rune(s)
	return string(r[:n-1]) + "…"
}
