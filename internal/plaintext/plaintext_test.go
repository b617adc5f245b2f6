package plaintext

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// TestHiddenCharactersNeverReachTheStore: a title with a NUL, a control
// character or a right-to-left override was stored as typed.
func TestHiddenCharactersNeverReachTheStore(t *testing.T) {
	for in, want := range map[string]string{
		"习近平谈治国理政\x00第一卷":               "习近平谈治国理政第一卷",
		"中国共产党章程\u202e txt.exe":         "中国共产党章程 txt.exe",
		"\u2066红岩\u2069":                "红岩",
		"平凡的\x1b[31m世界\x7f":             "平凡的[31m世界",
		"  论持久战\u0085 ":                 "论持久战",
		"\ufeff党建读本":                    "党建读本",
		"张\u200f三":                      "张三",
		"第一行\r\n第二行\t制表":                "第一行 第二行 制表",
		"bad \xff\xfe utf-8":            "bad  utf-8",
		"Café über 数学 ÄÖ — «quoted» №1": "Café über 数学 ÄÖ — «quoted» №1",
	} {
		if got := Line(in); got != want {
			t.Errorf("Line(%q) = %q, want %q", in, got, want)
		}
	}
	if got := Text("第一段\r\n第二段\r第三段\n\t缩进\x00"); got != "第一段\n第二段\n第三段\n\t缩进" {
		t.Errorf("Text kept or lost the wrong things: %q", got)
	}
}

func FuzzLine(f *testing.F) {
	for _, s := range []string{"", "习近平谈治国理政\x00", "a\u202eb", "\r\n\t", "\xff", "\u2066\u2069", "ok title"} {
		f.Add(s)
	}
	f.Add("\ufffd kept, \xff dropped")
	f.Fuzz(func(t *testing.T, s string) {
		for _, multi := range []bool{false, true} {
			out := Line(s)
			if multi {
				out = Text(s)
			}
			if !utf8.ValidString(out) {
				t.Fatalf("%q → invalid UTF-8 %q", s, out)
			}
			for _, r := range out {
				if (dropped(r) && r != '\n' && r != '\t') || (!multi && (r == '\n' || r == '\t')) {
					t.Fatalf("%q → %q still holds %U", s, out, r)
				}
			}
			again := Line(out)
			if multi {
				again = Text(out)
			}
			if again != out {
				t.Fatalf("not idempotent: %q → %q → %q", s, out, again)
			}
			if len(out) > len(s) {
				t.Fatalf("%q grew to %q", s, out)
			}
			// Every letter that was not dropped is kept, in order.
			var kept strings.Builder
			for i := 0; i < len(s); {
				r, size := utf8.DecodeRuneInString(s[i:])
				i += size
				if !(r == utf8.RuneError && size == 1) && !dropped(r) && !unicode.IsSpace(r) {
					kept.WriteRune(r)
				}
			}
			if strip(out) != kept.String() {
				t.Fatalf("%q → %q lost visible characters", s, out)
			}
		}
	})
}

func strip(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
