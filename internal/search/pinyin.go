package search

import (
	"strings"
	"sync"

	"github.com/mozillazg/go-pinyin"
)

// maxReadings caps the readings kept per character. go-pinyin lists the
// common reading first; the cap keeps rare ones (的 dì) from multiplying
// tokens while all the readings people actually type (重 zhong/chong,
// 长 chang/zhang, 行 xing/hang) stay.
const maxReadings = 3

// readingTable maps a Chinese character to its toneless readings
// (ü written v), most common first. It is built once from go-pinyin's
// dictionary, because converting tone marks per call is slow at the
// millions of characters an index build sees.
var readingTable = sync.OnceValue(func() map[rune][]string {
	m := make(map[rune][]string, len(pinyin.PinyinDict))
	for code, list := range pinyin.PinyinDict {
		var out []string
		for _, p := range strings.Split(list, ",") {
			p = stripTones(p)
			if p == "" || contains(out, p) {
				continue
			}
			out = append(out, p)
			if len(out) == maxReadings {
				break
			}
		}
		if len(out) > 0 {
			m[rune(code)] = out
		}
	}
	return m
})

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

var toneless = map[rune]rune{
	'ā': 'a', 'á': 'a', 'ǎ': 'a', 'à': 'a',
	'ē': 'e', 'é': 'e', 'ě': 'e', 'è': 'e', 'ê': 'e', 'ế': 'e', 'ề': 'e',
	'ī': 'i', 'í': 'i', 'ǐ': 'i', 'ì': 'i',
	'ō': 'o', 'ó': 'o', 'ǒ': 'o', 'ò': 'o',
	'ū': 'u', 'ú': 'u', 'ǔ': 'u', 'ù': 'u',
	'ǖ': 'v', 'ǘ': 'v', 'ǚ': 'v', 'ǜ': 'v', 'ü': 'v',
	'ń': 'n', 'ň': 'n', 'ǹ': 'n', 'ḿ': 'm',
}

// stripTones turns "lǜ" into "lv"; anything left that is not a-z is
// dropped, so the result is plain ASCII a reader can type.
func stripTones(p string) string {
	var sb strings.Builder
	for _, r := range p {
		if t, ok := toneless[r]; ok {
			r = t
		}
		if r >= 'a' && r <= 'z' {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}

// readings returns the readings of r, or nil for characters without one.
func readings(r rune) []string { return readingTable()[r] }

// initials returns the distinct first letters of r's readings.
func initials(r rune) []byte {
	var out []byte
	for _, p := range readings(r) {
		if c := p[0]; !containsByte(out, c) {
			out = append(out, c)
		}
	}
	return out
}

func containsByte(b []byte, c byte) bool {
	for _, x := range b {
		if x == c {
			return true
		}
	}
	return false
}

// syllables is every toneless Mandarin syllable, for splitting typed pinyin.
var syllables = sync.OnceValue(func() map[string]bool {
	m := make(map[string]bool, 450)
	for _, list := range readingTable() {
		for _, p := range list {
			m[p] = true
		}
	}
	return m
})

// maxSyllable is the length of the longest syllable (zhuang, shuang).
const maxSyllable = 6

// splitPinyin splits lower-case letters into pinyin syllables, preferring
// the split with the fewest syllables (xian is xian, not xi an) and, among
// those, longer syllables first. It reports false if s is not pinyin.
func splitPinyin(s string) ([]string, bool) {
	n := len(s)
	if n == 0 || n > 64 {
		return nil, false
	}
	syl := syllables()
	// best[i] is the fewest syllables covering s[i:], -1 if impossible.
	best := make([]int, n+1)
	next := make([]int, n+1)
	for i := n - 1; i >= 0; i-- {
		best[i] = -1
		for l := min(maxSyllable, n-i); l >= 1; l-- {
			if best[i+l] < 0 || !syl[s[i:i+l]] {
				continue
			}
			if c := best[i+l] + 1; best[i] < 0 || c < best[i] {
				best[i], next[i] = c, i+l
			}
		}
	}
	if best[0] < 0 {
		return nil, false
	}
	out := make([]string, 0, best[0])
	for i := 0; i < n; i = next[i] {
		out = append(out, s[i:next[i]])
	}
	return out, true
}

// isLatinWord reports whether s is only the letters a-z.
func isLatinWord(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// pinyinSpan finds the first run of Chinese characters in text whose
// readings spell q (full pinyin, any reading per character) or whose
// initials spell q. It returns rune offsets [start, end) into text.
func pinyinSpan(text []rune, q string) (int, int, bool) {
	if q == "" {
		return 0, 0, false
	}
	for i := range text {
		if !isHan(text[i]) {
			continue
		}
		if end, ok := matchFull(text, i, q); ok {
			return i, end, true
		}
		if end, ok := matchInitials(text, i, q); ok && len(q) >= 2 {
			return i, end, true
		}
	}
	return 0, 0, false
}

// matchFull reports whether q is spelled by the readings of text[i:].
func matchFull(text []rune, i int, q string) (int, bool) {
	if q == "" {
		return i, true
	}
	if i >= len(text) || !isHan(text[i]) {
		return 0, false
	}
	for _, p := range readings(text[i]) {
		if strings.HasPrefix(q, p) {
			if end, ok := matchFull(text, i+1, q[len(p):]); ok {
				return end, true
			}
		}
	}
	return 0, false
}

// matchInitials reports whether q is spelled by the initials of text[i:].
func matchInitials(text []rune, i int, q string) (int, bool) {
	for k := 0; k < len(q); k++ {
		if i+k >= len(text) || !isHan(text[i+k]) || !containsByte(initials(text[i+k]), q[k]) {
			return 0, false
		}
	}
	return i + len(q), true
}
