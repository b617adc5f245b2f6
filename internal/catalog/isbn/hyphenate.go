package isbn

//go:generate go run ./internal/gen -in internal/gen/testdata/RangeMessage-excerpt.xml -out ranges_table.go -origin "the copy in thoth-pub/thoth-loader@8a53563c (excerpt, see the XML header)"

// rule is one line of a range message: seven digits up to max give an
// element of length digits (0: not in use).
type rule struct {
	max    int32
	length int8
}

// Hyphenate returns an ISBN-13 with hyphens between prefix, group,
// registrant, publication and check digit, e.g. 978-7-5037-1744-4, using the
// International ISBN Agency's ranges. Where the ranges do not cover the
// number it falls back to prefix-group-rest (978-9971-502102) or, when even
// the group is unknown, prefix-rest. Input that Normalize rejects is returned
// unchanged; input Normalize accepts in another form is normalised first.
func Hyphenate(isbn13 string) string {
	s, err := Normalize(isbn13)
	if err != nil {
		return isbn13
	}
	prefix, body := s[:3], s[3:]
	gl := lengthFor(prefixRules[prefix], body)
	if gl == 0 {
		return prefix + "-" + body
	}
	group, rest := body[:gl], body[gl:]
	rl := lengthFor(groupRules[prefix+"-"+group], rest)
	// The publication element needs at least one digit before the check.
	if rl == 0 || rl >= len(rest)-1 {
		return prefix + "-" + group + "-" + rest
	}
	n := len(rest)
	return prefix + "-" + group + "-" + rest[:rl] + "-" + rest[rl:n-1] + "-" + rest[n-1:]
}

// lengthFor applies rules to the first seven digits of digits (padded with
// zeros, as the range message prescribes for short remainders).
func lengthFor(rules []rule, digits string) int {
	if len(rules) == 0 {
		return 0
	}
	v := int32(0)
	for i := 0; i < 7; i++ {
		v *= 10
		if i < len(digits) {
			v += int32(digits[i] - '0')
		}
	}
	for _, r := range rules {
		if v <= r.max {
			return int(r.length)
		}
	}
	return 0
}

// To10 returns the ISBN-10 form of a 978-prefixed ISBN-13 (979 numbers have
// none). It reports false for anything Normalize rejects or for 979.
func To10(isbn13 string) (string, bool) {
	s, err := Normalize(isbn13)
	if err != nil || s[:3] != "978" {
		return "", false
	}
	nine := s[3:12]
	return nine + string(check10(nine)), true
}

// RangeDate returns the date of the ISBN range message Hyphenate uses, so an
// about page can show how current the hyphenation is.
func RangeDate() string { return rangeDate }
