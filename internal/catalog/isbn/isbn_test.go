package isbn

import (
	"testing"

	"shuwu/internal/errs"
)

// appendixA holds the vectors of cn-library.md Appendix A: input and its
// ISBN-13 form.
var appendixA = []struct{ in, want13 string }{
	{"7-5037-1744-0", "9787503717444"},
	{"7-5037-2020-4", "9787503720208"},
	{"7-5037-2291-6", "9787503722912"},
	{"7-5037-2623-7", "9787503726231"},
	{"7-5037-2790-X", "9787503727900"},
	{"7-5037-2899-X", "9787503728990"},
	{"7-5037-0758-5", "9787503707582"},
	{"7-5037-1425-5", "9787503714252"},
	{"7-80127-555-1", "9787801275554"},
	{"978-7-101-10528-5", "9787101105285"},
	{"978-7-115-14554-3", "9787115145543"},
	{"978-7-5064-2595-7", "9787506425957"},
}

func TestNormalizeAppendixA(t *testing.T) {
	for _, tc := range appendixA {
		t.Run(tc.in+" normalises to "+tc.want13, func(t *testing.T) {
			got, err := Normalize(tc.in)
			if err != nil || got != tc.want13 {
				t.Fatalf("Normalize(%q) = %q, %v; want %q", tc.in, got, err, tc.want13)
			}
		})
	}
}

func TestNormalizeAccepts(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"more ISBN-10s from §3", "7-118-01984-4", "9787118019841"},
		{"foreign ISBN-10", "88-04-40682-8", "9788804406822"},
		{"bare ISBN-13", "9787572101014", "9787572101014"},
		{"lower-case x", "7-5037-2790-x", "9787503727900"},
		{"spaces instead of hyphens", "978 7 101 10528 5", "9787101105285"},
		{"full-width digits", "９７８－７－１０１－１０５２８－５", "9787101105285"},
		{"ISBN label", "ISBN 978-7-101-10528-5", "9787101105285"},
		{"ISBN-13 label with colon", "ISBN-13: 9787101105285", "9787101105285"},
		{"full-width label colon", "ISBN：7-5037-1744-0", "9787503717444"},
		{"pbk qualifier", "7-5037-1744-0 (pbk.)", "9787503717444"},
		{"binding in Chinese", "978-7-101-10528-5精装", "9787101105285"},
		{"binding in full-width parentheses", "978-7-101-10528-5（精装）", "9787101105285"},
		{"surrounding blanks", "  9787101105285\t", "9787101105285"},
		{"five-digit price add-on", "9787101105285 90000", "9787101105285"},
		{"two-digit add-on", "978710110528512", "9787101105285"},
		{"old 1986 number with class suffix", "ISBN 7-144-00316-X/TP.340", "9787144003166"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" is accepted", func(t *testing.T) {
			got, err := Normalize(tc.in)
			if err != nil || got != tc.want {
				t.Fatalf("Normalize(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
			}
		})
	}
}

func TestNormalizeRejects(t *testing.T) {
	tests := []struct {
		name, in string
		code     errs.Code
	}{
		{"wrong ISBN-10 check digit", "7-5037-1744-1", CodeChecksum},
		{"wrong ISBN-13 check digit", "978-7-101-10528-4", CodeChecksum},
		{"ISBN-10 whose check should be X", "7-5037-2790-0", CodeChecksum},
		{"empty", "", CodeMalformed},
		{"only a label", "ISBN", CodeMalformed},
		{"nine digits", "750371744", CodeMalformed},
		{"eleven digits", "75037174401", CodeMalformed},
		{"fourteen digits", "97871011052851", CodeMalformed},
		{"X inside the number", "7-50X7-1744-0", CodeMalformed},
		{"X at the end of an ISBN-13", "978710110528X", CodeMalformed},
		{"letters glued to the digits", "7-5037-1744-0abc", CodeMalformed},
		{"fifteen digits not 978/979", "123456789012345", CodeMalformed},
		{"text", "not an isbn", CodeMalformed},
	}
	for _, tc := range tests {
		t.Run(tc.name+" gives "+string(tc.code), func(t *testing.T) {
			got, err := Normalize(tc.in)
			if err == nil {
				t.Fatalf("Normalize(%q) = %q, want error %s", tc.in, got, tc.code)
			}
			e := errs.As(err)
			if e.Code != tc.code || e.Field != "isbn" || e.Kind != errs.KindInvalid || e.Message == "" || e.MessageEn == "" {
				t.Fatalf("Normalize(%q) error = %#v, want %s on field isbn", tc.in, e, tc.code)
			}
		})
	}
}

func TestChecksumMessageNamesTheProblem(t *testing.T) {
	_, err := Normalize("7-5037-1744-1")
	e := errs.As(err)
	if want := "ISBN 校验位错误：\"7-5037-1744-1\" 的校验位应为 0，请核对书号"; e.Message != want {
		t.Fatalf("message = %q, want %q", e.Message, want)
	}
}

func TestHyphenate(t *testing.T) {
	tests := []struct{ name, in, want string }{
		{"China two-digit registrant", "9787020002207", "978-7-02-000220-7"},
		{"China three-digit registrant (中华书局)", "9787101105285", "978-7-101-10528-5"},
		{"China four-digit registrant (中国统计出版社)", "9787503717444", "978-7-5037-1744-4"},
		{"China five-digit registrant", "9787801275554", "978-7-80127-555-4"},
		{"China six-digit registrant", "9787900000002", "978-7-900000-00-2"},
		{"China from an ISBN-10", "7-5064-2595-5", "978-7-5064-2595-7"},
		{"Italy", "9788804406822", "978-88-04-40682-2"},
		{"English group", "9780306406157", "978-0-306-40615-7"},
		{"group known but its ranges not embedded", "9789971502102", "978-9971-502102"},
		{"979 group without embedded ranges", "9791090636071", "979-10-90636071"},
		{"unusable input returned unchanged", "not an isbn", "not an isbn"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" gives "+tc.want, func(t *testing.T) {
			if got := Hyphenate(tc.in); got != tc.want {
				t.Fatalf("Hyphenate(%q) = %q, want %q", tc.in, got, tc.want)
			}
		})
	}
}

func TestTo10(t *testing.T) {
	tests := []struct {
		name, in, want string
		ok             bool
	}{
		{"Appendix A conversion", "978-7-101-10528-5", "7101105289", true},
		{"check digit X", "9787503727900", "750372790X", true},
		{"round trip of 7-5037-1744-0", "9787503717444", "7503717440", true},
		{"979 has no ISBN-10", "9791090636071", "", false},
		{"bad checksum", "9787101105284", "", false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			got, ok := To10(tc.in)
			if got != tc.want || ok != tc.ok {
				t.Fatalf("To10(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
			}
		})
	}
	for _, tc := range appendixA {
		t.Run(tc.in+" survives 13 to 10 to 13", func(t *testing.T) {
			ten, ok := To10(tc.want13)
			if !ok {
				t.Fatalf("To10(%q) failed", tc.want13)
			}
			if back, err := Normalize(ten); err != nil || back != tc.want13 {
				t.Fatalf("Normalize(%q) = %q, %v; want %q", ten, back, err, tc.want13)
			}
		})
	}
}

func TestRangeDateIsRecorded(t *testing.T) {
	if RangeDate() == "" {
		t.Fatal("the generated table has no range message date")
	}
}

func FuzzNormalize(f *testing.F) {
	for _, tc := range appendixA {
		f.Add(tc.in)
	}
	for _, s := range []string{"", "ISBN", "7-5037-2790-x (pbk.)", "９７８７１０１１０５２８５", "9787101105285 90000", "7-144-00316-X/TP.340"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := Normalize(s)
		if err != nil {
			if c := errs.CodeOf(err); c != CodeChecksum && c != CodeMalformed {
				t.Fatalf("Normalize(%q) returned code %s", s, c)
			}
			return
		}
		if len(got) != 13 || check13(got[:12]) != got[12] {
			t.Fatalf("Normalize(%q) = %q, not a valid ISBN-13", s, got)
		}
		if again, err := Normalize(got); err != nil || again != got {
			t.Fatalf("Normalize is not idempotent on %q: %q, %v", got, again, err)
		}
		if h := Hyphenate(got); len(h) < 14 {
			t.Fatalf("Hyphenate(%q) = %q", got, h)
		}
	})
}
