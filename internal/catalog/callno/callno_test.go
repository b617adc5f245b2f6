package callno

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
)

func TestFormat(t *testing.T) {
	if got := Format("D26", 15); got != "D26/15" {
		t.Fatalf("Format(D26, 15) = %q, want D26/15", got)
	}
}

func TestParse(t *testing.T) {
	tests := []struct{ name, in, class, rest string }{
		{"class and 种次号", "D26/15", "D26", "15"},
		{"splits only at the first slash", "D261.41/3/2", "D261.41", "3/2"},
		{"no slash means class only", "D26", "D26", ""},
		{"author number", "I247.57/N2338", "I247.57", "N2338"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			class, rest := Parse(tc.in)
			if class != tc.class || rest != tc.rest {
				t.Fatalf("Parse(%q) = %q, %q; want %q, %q", tc.in, class, rest, tc.class, tc.rest)
			}
		})
	}
}

// orders are the shelf orders of cn-library.md §1.5, each already sorted.
var orders = map[string][]string{
	"class line with subdivision":        {"D2-0", "D20", "D26", "D261", "D261.4", "D261.41", "D262"},
	"auxiliary symbol order":             {"R711", "R711-62", "R711(711)", "R711(711)=535", "R711=6", "R711<326>", "R711:R83", "R711+R173", "R711.1"},
	"PLMS example":                       {"A11/45", "A2/13", "B43/6", "B43/11", "C23/5"},
	"shorter class before longer":        {"D26/99", "D261/1", "D27/1"},
	"numbers compare by value":           {"D26/9", "D26/15", "D26/100"},
	"volume marks after the title":       {"D26/15", "D26/15(2)", "D26/15:2", "D26/16"},
	"letters, then symbols, then digits": {"TP3", "T-0", "T1"},
}

func TestOrders(t *testing.T) {
	for name, want := range orders {
		t.Run(name+" sorts as §1.5 says", func(t *testing.T) {
			got := slices.Clone(want)
			rand.Shuffle(len(got), func(i, j int) { got[i], got[j] = got[j], got[i] })
			slices.SortFunc(got, Compare)
			if !slices.Equal(got, want) {
				t.Fatalf("sorted = %v, want %v", got, want)
			}
			for i := 1; i < len(want); i++ {
				if SortKey(want[i-1]) >= SortKey(want[i]) {
					t.Fatalf("SortKey(%q) >= SortKey(%q)", want[i-1], want[i])
				}
			}
		})
	}
}

func TestPLMSExampleFromUnsorted(t *testing.T) {
	got := []string{"B43/6", "A2/13", "C23/5", "A11/45", "B43/11"}
	slices.SortFunc(got, Compare)
	want := []string{"A11/45", "A2/13", "B43/6", "B43/11", "C23/5"}
	if !slices.Equal(got, want) {
		t.Fatalf("sorted = %v, want %v", got, want)
	}
}

func TestEquivalentSpellingsShareAPlace(t *testing.T) {
	tests := []struct{ name, a, b string }{
		{"case is ignored", "d26/15", "D26/15"},
		{"full-width characters fold", "Ｄ２６/１５", "D26/15"},
		{"leading zeros are ignored", "D26/015", "D26/15"},
		{"location line is skipped", "{ns}/D26/15", "D26/15"},
		{"surrounding blanks are ignored", " D26 / 15 ", "D26/15"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if c := Compare(tc.a, tc.b); c != 0 {
				t.Fatalf("Compare(%q, %q) = %d, want 0", tc.a, tc.b, c)
			}
		})
	}
}

func FuzzCompare(f *testing.F) {
	for _, o := range orders {
		for i := 1; i < len(o); i++ {
			f.Add(o[i-1], o[i], o[0])
		}
	}
	f.Add("{ns}/D26/15", "D26/0000000000000000000000015", "")
	f.Fuzz(func(t *testing.T, a, b, c string) {
		ab, ba := Compare(a, b), Compare(b, a)
		if ab != -ba {
			t.Fatalf("Compare(%q,%q)=%d but Compare(%q,%q)=%d", a, b, ab, b, a, ba)
		}
		if want := strings.Compare(SortKey(a), SortKey(b)); ab != want {
			t.Fatalf("Compare(%q,%q)=%d disagrees with SortKey order %d", a, b, ab, want)
		}
		if ab <= 0 && Compare(b, c) <= 0 && Compare(a, c) > 0 {
			t.Fatalf("not transitive: %q <= %q <= %q but %q > %q", a, b, c, a, c)
		}
		if Compare(a, a) != 0 {
			t.Fatalf("Compare(%q, %q) != 0", a, a)
		}
	})
}
