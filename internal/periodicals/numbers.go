package periodicals

import (
	"regexp"
	"strings"
)

// NormalizeISSN checks an ISSN (1002-4980, 10024980, with X) and returns
// it as NNNN-NNNC; ok is false when malformed or the check digit is wrong.
func NormalizeISSN(s string) (string, bool) {
	s = strings.ToUpper(strings.ReplaceAll(strings.ReplaceAll(strings.TrimSpace(s), "-", ""), " ", ""))
	s = strings.TrimPrefix(s, "ISSN")
	if len(s) != 8 {
		return "", false
	}
	sum := 0
	for i := 0; i < 7; i++ {
		c := s[i]
		if c < '0' || c > '9' {
			return "", false
		}
		sum += int(c-'0') * (8 - i)
	}
	if issnCheck(sum) != s[7] {
		return "", false
	}
	return s[:4] + "-" + s[4:], true
}

func issnCheck(sum int) byte {
	switch c := (11 - sum%11) % 11; c {
	case 10:
		return 'X'
	default:
		return byte('0' + c)
	}
}

// ISSNFromEAN reads the ISSN inside a periodical's EAN-13 barcode
// (977 + seven ISSN digits + two price digits + check digit). An add-on
// of two digits after it (the issue number in the year) comes back as
// issue, 0 when absent. ok is false for anything else.
func ISSNFromEAN(code string) (issn string, issue int, ok bool) {
	code = strings.ReplaceAll(strings.TrimSpace(code), " ", "")
	if len(code) != 13 && len(code) != 15 {
		return "", 0, false
	}
	for _, c := range code {
		if c < '0' || c > '9' {
			return "", 0, false
		}
	}
	if !strings.HasPrefix(code, "977") {
		return "", 0, false
	}
	sum := 0
	for i := 0; i < 12; i++ {
		d := int(code[i] - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	if byte('0'+(10-sum%10)%10) != code[12] {
		return "", 0, false
	}
	seven := code[3:10]
	s := 0
	for i := 0; i < 7; i++ {
		s += int(seven[i]-'0') * (8 - i)
	}
	issn = seven[:4] + "-" + seven[4:] + string(issnCheck(s))
	if len(code) == 15 {
		issue = int(code[13]-'0')*10 + int(code[14]-'0')
	}
	return issn, issue, true
}

var cnPattern = regexp.MustCompile(`^CN\s*(\d{2})-(\d{4})(?:/([A-Z]{1,2}\d?))?$`)

// NormalizeCN checks a 国内统一刊号 (CN11-1000/D) and returns it in that form.
func NormalizeCN(s string) (string, bool) {
	s = strings.ToUpper(strings.TrimSpace(s))
	if !strings.HasPrefix(s, "CN") {
		s = "CN" + s
	}
	m := cnPattern.FindStringSubmatch(s)
	if m == nil {
		return "", false
	}
	out := "CN" + m[1] + "-" + m[2]
	if m[3] != "" {
		out += "/" + m[3]
	}
	return out, true
}

// EANOf is the EAN-13 barcode printed on a periodical with this ISSN
// (price code 00), with a two-digit issue add-on when issue > 0: what a
// scanner reads at check-in.
func EANOf(issn string, issue int) string {
	n, ok := NormalizeISSN(issn)
	if !ok {
		return ""
	}
	code := "977" + n[:4] + n[5:8] + "00"
	sum := 0
	for i := 0; i < 12; i++ {
		d := int(code[i] - '0')
		if i%2 == 1 {
			d *= 3
		}
		sum += d
	}
	code += string(rune('0' + (10-sum%10)%10))
	if issue > 0 {
		code += string(rune('0'+issue/10%10)) + string(rune('0'+issue%10))
	}
	return code
}
