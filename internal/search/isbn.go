package search

import "strings"

// normalizeISBN returns the 13-digit form of an ISBN-10 or ISBN-13 written
// with or without hyphens or spaces, and false if s is not a valid ISBN.
// A scanner's 2- or 5-digit add-on after an ISBN-13 is dropped. The
// catalogue owns the full ISBN rules; search only needs one matching form.
func normalizeISBN(s string) (string, bool) {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			b.WriteByte(c)
		case c == 'x' || c == 'X':
			b.WriteByte('X')
		case c == '-' || c == ' ':
		default:
			return "", false
		}
	}
	d := b.String()
	if (len(d) == 15 || len(d) == 18) && strings.IndexByte(d, 'X') < 0 {
		d = d[:13]
	}
	switch len(d) {
	case 13:
		if strings.IndexByte(d, 'X') >= 0 || !(strings.HasPrefix(d, "978") || strings.HasPrefix(d, "979")) {
			return "", false
		}
		if ean13Check(d[:12]) != d[12] {
			return "", false
		}
		return d, true
	case 10:
		if strings.IndexByte(d[:9], 'X') >= 0 || isbn10Check(d[:9]) != d[9] {
			return "", false
		}
		t := "978" + d[:9]
		return t + string(ean13Check(t)), true
	}
	return "", false
}

// ean13Check returns the check digit for 12 digits (weights 1,3,1,3…).
func ean13Check(d string) byte {
	sum := 0
	for i := 0; i < 12; i++ {
		w := 1
		if i%2 == 1 {
			w = 3
		}
		sum += int(d[i]-'0') * w
	}
	return byte('0' + (10-sum%10)%10)
}

// isbn10Check returns the ISBN-10 check character for 9 digits (mod 11, X).
func isbn10Check(d string) byte {
	sum := 0
	for i := 0; i < 9; i++ {
		sum += int(d[i]-'0') * (10 - i)
	}
	c := (11 - sum%11) % 11
	if c == 10 {
		return 'X'
	}
	return byte('0' + c)
}
