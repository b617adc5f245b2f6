package labels

import (
	"reflect"
	"testing"
)

func TestSheetsFitOnA4(t *testing.T) {
	for _, s := range Sheets {
		if err := s.Check(); err != nil {
			t.Error(err)
		}
	}
}

// The 4×10 stock's labels sit where its maker says; a half-used sheet
// starts after the peeled labels and the next sheet starts at the top.
func TestPlacesFollowTheStock(t *testing.T) {
	s, _ := SheetByCode("4x10")
	p := s.Places(3, 38, Offset{X: 1, Y: -0.5})
	want := []Place{{Page: 0, X: 8 + 1 + 2*48.5, Y: 21.5 - 0.5 + 9*25.4}, {Page: 0, X: 8 + 1 + 3*48.5, Y: 21.5 - 0.5 + 9*25.4}, {Page: 1, X: 9, Y: 21}}
	if !reflect.DeepEqual(p, want) {
		t.Fatalf("places %+v, want %+v", p, want)
	}
	c, _ := SheetByCode("5x13")
	if q := c.Places(2, 0, Offset{}); q[1].X != 4.75+38.1+2.5 {
		t.Fatalf("second label of 5×13 at %.2f mm, want after the gap", q[1].X)
	}
}

func TestSpineLines(t *testing.T) {
	cases := map[string][]string{
		"D610.0/12":        {"D610.0", "12"},
		"A811.64/3:2":      {"A811.64", "3:2"},
		"D2-0/X52(2022):4": {"D2-0", "X52", "(2022):4"},
		"D2-0/X52:4":       {"D2-0", "X52:4"},
		"D2-0 123456789:4": {"D2-0", "123456789", ":4"},
		"  ":               nil,
	}
	for in, want := range cases {
		if got := SpineLines(in); !reflect.DeepEqual(got, want) {
			t.Errorf("SpineLines(%q) = %q, want %q", in, got, want)
		}
	}
}

func FuzzSpineLines(f *testing.F) {
	for _, s := range []string{"D610.0/12", "A811.64/3:2", "", "////", "D2-0 (2022):4", "中文/索书号"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, l := range SpineLines(s) {
			if l == "" {
				t.Fatalf("an empty line from %q", s)
			}
		}
	})
}

func TestCheckOffset(t *testing.T) {
	if CheckOffset(Offset{X: 10, Y: -10}) != nil || CheckOffset(Offset{X: 10.5}) == nil {
		t.Fatal("offsets are within ±10 mm")
	}
}
