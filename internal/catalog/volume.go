package catalog

import (
	"fmt"
	"strings"
	"unicode"
)

// PartSortKey orders volumes the way a reader counts them: 第二卷 before
// 第十卷, 上册 before 下册, "Vol. 2" before "Vol. 10". The first number in
// the part number (Arabic or Chinese) becomes a fixed-width prefix; the
// text follows, so that parts without numbers still sort by name.
func PartSortKey(number, name string) string {
	if number == "" && name == "" {
		return ""
	}
	n, ok := FirstNumber(number)
	if !ok {
		n, ok = positionWord(number)
	}
	head := "~~~~~~~~"
	if ok {
		head = fmt.Sprintf("%08d", n)
	}
	return head + "\x1f" + number + "\x1f" + name
}

// positionWord reads the volume words that are not numbers: 上/中/下册,
// 前/后编.
func positionWord(s string) (int, bool) {
	for _, w := range []struct {
		word string
		n    int
	}{{"上", 1}, {"前", 1}, {"中", 2}, {"下", 3}, {"后", 3}} {
		if strings.Contains(s, w.word) {
			return w.n, true
		}
	}
	return 0, false
}

// FirstNumber finds the first run of Arabic digits or Chinese numerals
// (一二三…十百千, 〇/零, 两) in s and returns its value.
func FirstNumber(s string) (int, bool) {
	rs := []rune(s)
	for i := 0; i < len(rs); i++ {
		if unicode.IsDigit(rs[i]) && rs[i] < 128 {
			n := 0
			for ; i < len(rs) && rs[i] >= '0' && rs[i] <= '9' && n < 1e7; i++ {
				n = n*10 + int(rs[i]-'0')
			}
			return n, true
		}
		if _, ok := chineseDigit(rs[i]); ok {
			j := i
			for j < len(rs) {
				if _, ok := chineseDigit(rs[j]); !ok {
					break
				}
				j++
			}
			return chineseValue(rs[i:j]), true
		}
	}
	return 0, false
}

func chineseDigit(r rune) (int, bool) {
	if i := strings.IndexRune("〇一二三四五六七八九", r); i >= 0 {
		return len([]rune("〇一二三四五六七八九"[:i])), true
	}
	switch r {
	case '零':
		return 0, true
	case '两':
		return 2, true
	case '十':
		return 10, true
	case '百':
		return 100, true
	case '千':
		return 1000, true
	}
	return 0, false
}

// chineseValue reads 十二 (12), 二十 (20), 一百零五 (105), and digit
// strings such as 二〇二一 (2021).
func chineseValue(rs []rune) int {
	total, cur, units := 0, 0, false
	for _, r := range rs {
		v, _ := chineseDigit(r)
		if v >= 10 {
			units = true
			if cur == 0 {
				cur = 1
			}
			total += cur * v
			cur = 0
			continue
		}
		if units {
			cur = v
		} else {
			cur = cur*10 + v
		}
	}
	return total + cur
}
