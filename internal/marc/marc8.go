package marc

import (
	"slices"
	"unicode/utf8"
)

//go:generate sh -c "perl gen/marc8_tables.pl > marc8_tables.go && gofmt -w marc8_tables.go"

// marc8Combining flags a combining mark in marc8SingleByte.
const marc8Combining = 1 << 24

// MARC-8 graphic set final bytes (LC "Character Sets" part 2).
const (
	m8BasicLatin    = 'B'
	m8ANSEL         = 'E'
	m8ASCII         = 's'
	m8GreekSymbols  = 'g'
	m8Subscripts    = 'b'
	m8Superscripts  = 'p'
	m8EACC          = '1'
	m8Escape        = 0x1B
	m8ReplacementCh = utf8.RuneError
)

// marc8Decoder converts MARC-8 bytes to Unicode. The zero value is ready.
type marc8Decoder struct {
	pending []rune // combining marks waiting for their base character
}

// appendUTF8 appends the UTF-8 form of the MARC-8 string src to dst. The
// escape state starts at the defaults (G0 Basic Latin, G1 ANSEL) because
// every subfield is decoded on its own. MARC-8 writes combining marks
// before the base character and Unicode after it, so marks are held back
// until the next base character. ok is false if src held an unknown
// character or a broken escape sequence.
func (d *marc8Decoder) appendUTF8(dst, src []byte) ([]byte, bool) {
	g0, g1 := byte(m8BasicLatin), byte(m8ANSEL)
	ok := true
	d.pending = d.pending[:0]
	emit := func(r rune, combining bool) {
		if combining {
			d.pending = append(d.pending, r)
			return
		}
		dst = utf8.AppendRune(dst, r)
		for _, m := range d.pending {
			dst = utf8.AppendRune(dst, m)
		}
		d.pending = d.pending[:0]
	}
	for i := 0; i < len(src); {
		c := src[i]
		if c == m8Escape {
			n, set0, set1 := parseMARC8Escape(src[i:])
			if n == 0 {
				// Not a known escape: keep the byte so nothing is lost.
				ok = false
				emit(rune(c), false)
				i++
				continue
			}
			if set0 != 0 {
				g0 = set0
			}
			if set1 != 0 {
				g1 = set1
			}
			i += n
			continue
		}
		switch {
		case c < 0x20:
			emit(rune(c), false)
			i++
		case c == 0x20:
			emit(' ', false)
			i++
		case c >= 0x80 && c < 0xA0:
			emit(marc8C1(c), false)
			i++
		case c >= 0xA1 && c <= 0xFE:
			r, comb := marc8Lookup(g1, c-0x80)
			if r == 0 {
				ok = false
				r = m8ReplacementCh
			}
			emit(r, comb)
			i++
		case c >= 0x80:
			ok = false
			emit(m8ReplacementCh, false)
			i++
		case g0 == m8EACC:
			if i+3 > len(src) {
				ok = false
				emit(m8ReplacementCh, false)
				i = len(src)
				continue
			}
			key := uint32(src[i])<<16 | uint32(src[i+1])<<8 | uint32(src[i+2])
			r := eaccLookup(key)
			if r == 0 {
				// A lost byte shifts every later triple; skipping one
				// byte resynchronises, as yaz and marc4j do.
				ok = false
				i++
				continue
			}
			emit(r, false)
			i += 3
		default:
			if c == '&' && (g0 == m8BasicLatin || g0 == m8ASCII) {
				if r, n := parseNCR(src[i:]); n > 0 {
					emit(r, false)
					i += n
					continue
				}
			}
			r, comb := marc8Lookup(g0, c)
			if r == 0 {
				ok = false
				r = m8ReplacementCh
			}
			emit(r, comb)
			i++
		}
	}
	// Marks with no base character left: keep them rather than drop data.
	for _, m := range d.pending {
		dst = utf8.AppendRune(dst, m)
	}
	return dst, ok
}

// parseMARC8Escape reads an escape sequence at the start of b and returns
// its length and the new G0 or G1 set (0 = unchanged). n is 0 if b does
// not start with a recognised sequence.
func parseMARC8Escape(b []byte) (n int, g0, g1 byte) {
	if len(b) < 2 {
		return 0, 0, 0
	}
	switch b[1] {
	case m8GreekSymbols, m8Subscripts, m8Superscripts:
		return 2, b[1], 0 // technique 1: a G0 set named by one byte
	case m8ASCII:
		return 2, m8BasicLatin, 0
	case '(', ',':
		if len(b) >= 3 && isMARC8Final(b[2]) {
			return 3, b[2], 0
		}
		if len(b) >= 4 && b[2] == '!' && b[3] == 'E' { // ESC ( ! E: ANSEL by its registration
			return 4, m8ANSEL, 0
		}
	case ')', '-':
		if len(b) >= 3 && isMARC8Final(b[2]) {
			return 3, 0, b[2]
		}
		if len(b) >= 4 && b[2] == '!' && b[3] == 'E' {
			return 4, 0, m8ANSEL
		}
	case '$':
		if len(b) >= 3 && b[2] == m8EACC {
			return 3, m8EACC, 0
		}
		if len(b) >= 4 && b[3] == m8EACC {
			switch b[2] {
			case ',', '(':
				return 4, m8EACC, 0
			case ')', '-':
				return 4, 0, m8EACC
			}
		}
	}
	return 0, 0, 0
}

func isMARC8Final(c byte) bool {
	_, ok := marc8SingleByte[c]
	return ok || c == m8ASCII || c == m8EACC
}

// marc8Lookup returns the Unicode value of 7-bit position c in set.
func marc8Lookup(set, c byte) (rune, bool) {
	if set == m8ASCII {
		set = m8BasicLatin
	}
	if c < 0x21 || c > 0x7E {
		return 0, false
	}
	t := marc8SingleByte[set]
	if t == nil {
		return 0, false
	}
	v := t[c-0x21]
	return rune(v &^ marc8Combining), v&marc8Combining != 0
}

// marc8C1 maps the C1 control area. ANSEL assigns 0x88/0x89 (non-sort
// begin/end, kept as U+0088/U+0089 as UNIMARC uses them) and 0x8D/0x8E
// (joiner/non-joiner).
func marc8C1(c byte) rune {
	switch c {
	case 0x8D:
		return 0x200D
	case 0x8E:
		return 0x200C
	}
	return rune(c)
}

func eaccLookup(key uint32) rune {
	i, found := slices.BinarySearch(eaccKeys[:], key)
	if !found {
		return 0
	}
	return rune(eaccValues[i])
}

// parseNCR reads a numeric character reference "&#xHHHH;" at the start of
// b. LC's MARC-8 rules use it to carry characters that have no MARC-8 code.
func parseNCR(b []byte) (rune, int) {
	if len(b) < 5 || b[1] != '#' || (b[2] != 'x' && b[2] != 'X') {
		return 0, 0
	}
	var r rune
	for i := 3; i < len(b) && i < 12; i++ {
		c := b[i]
		switch {
		case c == ';' && i > 3:
			if r > utf8.MaxRune || (r >= 0xD800 && r <= 0xDFFF) || r == 0 {
				return 0, 0
			}
			return r, i + 1
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, 0
		}
	}
	return 0, 0
}
