package callno

import (
	"bytes"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"
)

// Bytes of a sort key. Line breaks sort below everything so that a call
// number sorts before any longer one it is a prefix of (D26 < D261,
// D26/15 < D26/15:2); numbers sort before text within a shelf-mark line.
const (
	keyLine   = 0x01 // '/' between lines
	keyNumber = 0x02 // a number follows: one length byte, then its digits
	keyLetter = 0x10 // A..Z map to 0x10..0x29
	keySymbol = 0x30 // the auxiliary symbols, in symbolOrder
	keyDigit  = 0x40 // 0..9 map to 0x40..0x49
	keyOther  = 0x60 // any other character, followed by its UTF-8 bytes
)

// symbolOrder is the CLC filing order of auxiliary symbols (《中图法》第五版使用
// 手册, as implemented in dp2 AccessNoUtility): after letters, before digits.
const symbolOrder = `-()"=<>:+.`

// SortKey returns a byte string whose bytewise order is shelf order, so it
// can be stored and indexed in a database column. The class line compares
// character by character with letters < - ( ) " = < > : + . < digits, so
// D2-0 < D20 < D26 < D261 < D261.4 < D27. Each later line compares as
// alternating text and numbers, numbers by value (D26/9 < D26/15). A leading
// location line in braces ({ns}/D26/15) is ignored. Letters compare without
// regard to case and full-width characters as their ASCII forms.
func SortKey(callNumber string) string {
	s := strings.ToUpper(width.Fold.String(strings.TrimSpace(callNumber)))
	lines := strings.Split(s, "/")
	if len(lines) > 1 && strings.HasPrefix(lines[0], "{") && strings.HasSuffix(lines[0], "}") {
		lines = lines[1:]
	}
	var b bytes.Buffer
	for i, line := range lines {
		line = strings.TrimSpace(line)
		if i == 0 {
			classKey(&b, line)
			continue
		}
		b.WriteByte(keyLine)
		markKey(&b, line)
	}
	return b.String()
}

// Compare orders two call numbers on the shelf: -1 if a comes first, +1 if b
// does, 0 if they share a place. It is bytes.Compare of their sort keys.
func Compare(a, b string) int {
	return strings.Compare(SortKey(a), SortKey(b))
}

func classKey(b *bytes.Buffer, line string) {
	for _, r := range line {
		charKey(b, r)
	}
}

func charKey(b *bytes.Buffer, r rune) {
	switch {
	case r >= 'A' && r <= 'Z':
		b.WriteByte(keyLetter + byte(r-'A'))
	case r >= '0' && r <= '9':
		b.WriteByte(keyDigit + byte(r-'0'))
	case r < utf8.RuneSelf && strings.IndexByte(symbolOrder, byte(r)) >= 0:
		b.WriteByte(keySymbol + byte(strings.IndexByte(symbolOrder, byte(r))))
	default:
		b.WriteByte(keyOther)
		b.WriteString(string(r))
	}
}

// markKey encodes a 书次号 line: runs of digits as numbers (leading zeros
// dropped, length first so 9 < 15), everything else character by character.
func markKey(b *bytes.Buffer, line string) {
	for i := 0; i < len(line); {
		if c := line[i]; c >= '0' && c <= '9' {
			j := i
			for j < len(line) && line[j] >= '0' && line[j] <= '9' {
				j++
			}
			numberKey(b, line[i:j])
			i = j
			continue
		}
		r, n := utf8.DecodeRuneInString(line[i:])
		charKey(b, r)
		i += n
	}
}

func numberKey(b *bytes.Buffer, digits string) {
	trimmed := strings.TrimLeft(digits, "0")
	if trimmed == "" {
		trimmed = "0"
	}
	// A length byte caps a number at 255 digits; longer runs continue as a
	// second number, which still orders consistently.
	for len(trimmed) > 255 {
		numberKey(b, trimmed[:255])
		trimmed = trimmed[255:]
	}
	b.WriteByte(keyNumber)
	b.WriteByte(byte(len(trimmed)))
	for i := 0; i < len(trimmed); i++ {
		b.WriteByte(keyDigit + trimmed[i] - '0')
	}
}
