package visits

import (
	"strings"
	"testing"

	"shuwu/internal/errs"
)

func TestParseCodeReadsCardsQRCodesAndLinks(t *testing.T) {
	for in, want := range map[string]string{
		"R0000001":                              "R0000001",
		"  R0000001\r\n":                        "R0000001",
		"Ｒ０００００１２":                              "R0000012", // full-width, from a scanner behind an input method
		"shuwu:card:R0000007":                   "R0000007",
		"SHUWU:CARD:R0000007":                   "R0000007",
		"https://lib.example.cn/readers/R00042": "R00042",
		"https://lib.example.cn/my?card=R00043": "R00043",
		"http://x/r/T-2024-001/":                "T-2024-001",
	} {
		got, err := ParseCode(in)
		if err != nil || got != want {
			t.Errorf("ParseCode(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
	for _, in := range []string{"", "   ", "shuwu:card:", "张三", "R000 0001", "9787010000000" + strings.Repeat("9", 30), strings.Repeat("x", MaxScan+1)} {
		_, err := ParseCode(in)
		if e := errs.As(err); e.Code != CodeScanInvalid || e.Message == "" {
			t.Errorf("ParseCode(%q): %v; want %s with a message", in, err, CodeScanInvalid)
		}
	}
}

func FuzzParseCode(f *testing.F) {
	for _, s := range []string{"R0000001", "shuwu:card:R1", "https://a/b?card=R2", "Ｒ１", "\x00", "://", "http://%zz"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		card, err := ParseCode(s)
		if err != nil {
			if errs.As(err).Code != CodeScanInvalid {
				t.Fatalf("ParseCode(%q): unexpected error %v", s, err)
			}
			return
		}
		if !cardPattern.MatchString(card) {
			t.Fatalf("ParseCode(%q) = %q, not a card number", s, card)
		}
	})
}
