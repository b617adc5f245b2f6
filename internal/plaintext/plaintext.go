// Package plaintext cleans text on its way into shuwu: the one sanitiser
// every domain calls on what a person typed or a file brought (titles,
// names, notes), so that no NUL, control character or bidirectional
// override is ever stored. A NUL cuts a title short in C tools and MARC
// exports; control characters break XML (MARCXML, OAI-PMH, SRU) and
// spreadsheets; a right-to-left override (U+202E) makes "书名txt.exe"
// show as something else and lets one reader's name pass for another's.
// Nothing a person would type is lost: letters, digits, punctuation,
// CJK, spaces and, in multi-line text, line breaks and tabs stay.
package plaintext

import (
	"strings"
	"unicode/utf8"
)

// Line cleans a single-line field (a title, a name, a publisher): invalid
// UTF-8 and the invisible characters below are dropped, line breaks and
// tabs become spaces, and the ends are trimmed.
func Line(s string) string {
	return strings.TrimSpace(clean(s, false))
}

// Text cleans a multi-line field (a summary, notes): as Line, but line
// breaks (\r\n and \r become \n) and tabs stay, and only the ends of the
// whole text are trimmed.
func Text(s string) string {
	return strings.TrimSpace(clean(s, true))
}

// Clean reports whether s is already what Line would make of it.
func Clean(s string) bool { return Line(s) == s }

// dropped reports the characters never stored: C0 and C1 controls
// (tab, line feed and carriage return are handled by the caller), DEL,
// the bidirectional embeddings, overrides and isolates (U+202A–202E,
// U+2066–2069), the directional marks (U+200E, U+200F, U+061C) and the
// byte-order mark / zero-width no-break space U+FEFF.
func dropped(r rune) bool {
	switch {
	case r < 0x20, r == 0x7f, r >= 0x80 && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	case r == 0x200e, r == 0x200f, r == 0x061c, r == 0xfeff:
		return true
	}
	return false
}

func clean(s string, multiline bool) string {
	if fine(s, multiline) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			// invalid UTF-8: dropped
		case r == '\r':
			if multiline {
				b.WriteByte('\n')
				if i < len(s) && s[i] == '\n' {
					i++
				}
			} else {
				b.WriteByte(' ')
				if i < len(s) && s[i] == '\n' {
					i++
				}
			}
		case r == '\n' || r == '\t':
			if multiline {
				b.WriteRune(r)
			} else {
				b.WriteByte(' ')
			}
		case dropped(r):
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

// fine is the fast path: most text has nothing to clean.
func fine(s string, multiline bool) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			i++
			if c < 0x20 || c == 0x7f {
				if !multiline || (c != '\n' && c != '\t') {
					return false
				}
			}
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || dropped(r) {
			return false
		}
		i += size
	}
	return true
}
