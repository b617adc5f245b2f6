// Package isbn normalises, checks and formats International Standard Book
// Numbers. The catalogue keys its ISBN index on the 13-digit form returned by
// Normalize and keeps whatever the cataloguer typed alongside it.
package isbn

import (
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/width"

	"shuwu/internal/errs"
)

// The error codes Normalize returns, always for the field "isbn".
const (
	// ISBN 校验位错误 / the ISBN's check digit is wrong
	CodeChecksum errs.Code = "ISBN_CHECKSUM"
	// ISBN 格式不正确（应为 10 位或 13 位） / an ISBN has 10 or 13 digits
	CodeMalformed errs.Code = "ISBN_MALFORMED"
)

const field = "isbn"

// Normalize accepts an ISBN-10 or ISBN-13 as people and scanners write it and
// returns its 13 digits. It tolerates an "ISBN" label, hyphens and spaces,
// full-width digits, a lower-case x, a trailing qualifier such as "(pbk.)" or
// "精装", and a 2- or 5-digit EAN add-on after an ISBN-13. The check digit
// must be right: ISBN-10 mod 11 (X for ten), ISBN-13 mod 10 with weights 1,3.
func Normalize(s string) (string, error) {
	digits, ok := extract(s)
	if !ok {
		return "", malformed(s)
	}
	switch len(digits) {
	case 10:
		if strings.IndexByte(digits[:9], 'X') >= 0 {
			return "", malformed(s)
		}
		if want := check10(digits[:9]); digits[9] != want {
			return "", checksum(s, want)
		}
		return from10(digits), nil
	case 13, 15, 18:
		// Scanners append the price add-on (2 or 5 digits) to the EAN; only a
		// 978/979 EAN can carry one, which keeps 15- and 18-digit garbage out.
		if strings.IndexByte(digits, 'X') >= 0 || (len(digits) > 13 && !bookland(digits)) {
			return "", malformed(s)
		}
		digits = digits[:13]
		if want := check13(digits[:12]); digits[12] != want {
			return "", checksum(s, want)
		}
		return digits, nil
	}
	return "", malformed(s)
}

// extract pulls the digits (and X) out of s and reports whether what is left
// over is only a label, separators and a qualifier.
func extract(s string) (string, bool) {
	s = strings.TrimSpace(width.Fold.String(s))
	if len(s) >= 4 && strings.EqualFold(s[:4], "ISBN") {
		s = strings.TrimLeft(s[4:], "-1013:： ")
	}
	var b strings.Builder
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == 'X' || r == 'x':
			b.WriteByte('X')
		case r == '-' || r == ' ' || r == '\u2010' || r == '\u2011' || r == '\u2013' || r == '\u2212':
		default:
			return b.String(), b.Len() > 0 && qualifier(s[i:])
		}
		i += n
	}
	return b.String(), b.Len() > 0
}

// qualifier reports whether rest can follow an ISBN as a binding or volume
// note: "(pbk.)", "（精装）", "精装", ": CNY45.00". A bare digit or Latin letter
// right after the number is not a qualifier but a typing error.
func qualifier(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	switch {
	case strings.ContainsRune("([（【〔<:：;；,，/", r):
		return true
	case unicode.Is(unicode.Han, r):
		return true
	}
	return false
}

func bookland(digits string) bool {
	return strings.HasPrefix(digits, "978") || strings.HasPrefix(digits, "979")
}

// check10 computes the ISBN-10 check character of nine digits.
func check10(nine string) byte {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(nine[i]-'0') * (10 - i)
	}
	c := (11 - sum%11) % 11
	if c == 10 {
		return 'X'
	}
	return byte('0' + c)
}

// check13 computes the EAN-13 check digit of twelve digits.
func check13(twelve string) byte {
	sum := 0
	for i := 0; i < 12; i++ {
		d := int(twelve[i] - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	return byte('0' + (10-sum%10)%10)
}

func from10(isbn10 string) string {
	twelve := "978" + isbn10[:9]
	return twelve + string(check13(twelve))
}

func malformed(s string) *errs.Error {
	return errs.Invalid(CodeMalformed, field,
		fmt.Sprintf("ISBN 格式错误：%q 不是 10 位或 13 位的书号", s),
		fmt.Sprintf("malformed isbn: %q is not a 10- or 13-digit isbn", s))
}

func checksum(s string, want byte) *errs.Error {
	return errs.Invalid(CodeChecksum, field,
		fmt.Sprintf("ISBN 校验位错误：%q 的校验位应为 %c，请核对书号", s, want),
		fmt.Sprintf("isbn check digit is wrong: %q should end in %c", s, want))
}
