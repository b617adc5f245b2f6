package search

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/longbridgeapp/opencc"
)

// folder turns text into the one form both the index and queries use:
// traditional characters become simplified (OpenCC t2s), full-width ASCII
// becomes half-width, the ideographic space a space, and letters lower case.
// Searching 論共產黨員的修養, ＩＳＢＮ or GDP then meets 论共产党员的修养,
// isbn and gdp.
type folder struct {
	cc *opencc.OpenCC
	// changing holds every rune t2s alters on its own. Text without any of
	// them is left alone by t2s, which saves the dictionary walk for the
	// great majority of (simplified) records.
	changing map[rune]struct{}
}

var (
	folderOnce sync.Once
	folderVal  *folder
	folderErr  error
)

// sharedFolder builds the folder once per process: the OpenCC dictionaries
// and the changing-rune table are immutable and take a moment to load.
func sharedFolder() (*folder, error) {
	folderOnce.Do(func() {
		cc, err := opencc.New("t2s")
		if err != nil {
			folderErr = err
			return
		}
		f := &folder{cc: cc, changing: make(map[rune]struct{}, 4096)}
		var sb strings.Builder
		for _, rg := range [][2]rune{{0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xF900, 0xFAFF}} {
			for r := rg[0]; r <= rg[1]; r++ {
				sb.Reset()
				sb.WriteRune(r)
				out, err := cc.Convert(sb.String())
				if err != nil {
					folderErr = err
					return
				}
				if out != sb.String() {
					f.changing[r] = struct{}{}
				}
			}
		}
		folderVal = f
	})
	return folderVal, folderErr
}

// Fold returns s in its searchable form; see folder.
func (f *folder) Fold(s string) string {
	needT2S, needOther := false, false
	for _, r := range s {
		if _, ok := f.changing[r]; ok {
			needT2S = true
		}
		if r >= 'A' && r <= 'Z' || r >= 0xFF01 && r <= 0xFF5E || r == 0x3000 || r > unicode.MaxASCII && unicode.IsUpper(r) {
			needOther = true
		}
	}
	if needT2S {
		if out, err := f.cc.Convert(s); err == nil {
			s = out
		}
	}
	if !needOther {
		return s
	}
	var sb strings.Builder
	sb.Grow(len(s))
	for _, r := range s {
		sb.WriteRune(foldRune(r))
	}
	return sb.String()
}

// IsTraditional reports whether s contains characters t2s would change.
func (f *folder) IsTraditional(s string) bool {
	for _, r := range s {
		if _, ok := f.changing[r]; ok {
			return true
		}
	}
	return false
}

// foldRune maps one rune to half-width lower case.
func foldRune(r rune) rune {
	switch {
	case r >= 0xFF01 && r <= 0xFF5E:
		r -= 0xFEE0
	case r == 0x3000:
		return ' '
	}
	if r < utf8.RuneSelf {
		if r >= 'A' && r <= 'Z' {
			return r + ('a' - 'A')
		}
		return r
	}
	return unicode.ToLower(r)
}

// isHan reports whether r is a Chinese character.
func isHan(r rune) bool {
	return r >= 0x4E00 && r <= 0x9FFF || r >= 0x3400 && r <= 0x4DBF || r >= 0xF900 && r <= 0xFAFF ||
		r > 0xFFFF && unicode.Is(unicode.Han, r) || r == 0x3007
}

// isWordRune reports whether r belongs to a non-Chinese word (letters, digits).
func isWordRune(r rune) bool {
	if r < utf8.RuneSelf {
		return r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r >= 'A' && r <= 'Z'
	}
	return !isHan(r) && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

// titleKey is the exact-title form of folded text: only characters and
// word runes, so 《共产党宣言》 and 共产党宣言 compare equal.
func titleKey(folded string) string {
	var sb strings.Builder
	sb.Grow(len(folded))
	for _, r := range folded {
		if isHan(r) || isWordRune(r) {
			sb.WriteRune(r)
		}
	}
	return sb.String()
}
