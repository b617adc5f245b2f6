package clc

import (
	"strings"
	"testing"

	"shuwu/internal/errs"
)

func TestValidate(t *testing.T) {
	tests := []struct {
		name, in, want string
		code           errs.Code // "" when valid
	}{
		{"class in the tree", "D26", "D26", ""},
		{"deeper than the shallow tree knows", "D261.41", "D261.41", ""},
		{"lower case and blanks", " d261.41 ", "D261.41", ""},
		{"full-width", "Ｄ２６１．４１", "D261.41", ""},
		{"standard subdivision", "R711-62", "R711-62", ""},
		{"subdivision that is itself a class", "D2-0", "D2-0", ""},
		{"period subdivision", "K825.2=6", "K825.2=6", ""},
		{"literature class", "I247.5", "I247.5", ""},
		{"country subdivision", "R711(711)", "R711(711)", ""},
		{"ethnic subdivision in quotes", `J523.2"17"`, `J523.2"17"`, ""},
		{"Chinese quotes fold", "J523.2“17”", `J523.2"17"`, ""},
		{"common subdivision", "R711<326>", "R711<326>", ""},
		{"combination", "R711:R83", "R711:R83", ""},
		{"joint classes", "R711+R173", "R711+R173", ""},
		{"two-letter industrial class", "TP311.1", "TP311.1", ""},
		{"top class alone", "Z", "Z", ""},
		{"alternative class brackets removed", "[D054]", "D054", ""},
		{"class missing under a detailed parent", "D299", "", CodeUnknown},
		{"second letter that does not exist", "AX", "", CodeUnknown},
		{"unused main class", "W1", "", CodeMalformed},
		{"empty", "", "", CodeMalformed},
		{"four digits without a dot", "D2614", "", CodeMalformed},
		{"dot after two digits", "D26.1", "", CodeMalformed},
		{"trailing dot", "D261.", "", CodeMalformed},
		{"digits first", "261", "", CodeMalformed},
		{"unclosed parenthesis", "R711(711", "", CodeMalformed},
		{"empty subdivision", "R711-", "", CodeMalformed},
		{"span is not a class number", "D33/37", "", CodeMalformed},
		{"two numbers in one field", "K825.2；E251-53", "", CodeMalformed},
		{"Chinese text", "党校", "", CodeMalformed},
	}
	for _, tc := range tests {
		outcome := "is accepted as " + tc.want
		if tc.code != "" {
			outcome = "gives " + string(tc.code)
		}
		t.Run(tc.name+" "+outcome, func(t *testing.T) {
			got, err := Builtin().Validate(tc.in)
			if tc.code == "" {
				if err != nil || got != tc.want {
					t.Fatalf("Validate(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
				}
				return
			}
			e := errs.As(err)
			if err == nil || e.Code != tc.code || e.Field != "clc" || e.Kind != errs.KindInvalid {
				t.Fatalf("Validate(%q) = %q, %v; want %s on field clc", tc.in, got, err, tc.code)
			}
		})
	}
}

func TestValidateUnknownMessage(t *testing.T) {
	_, err := Builtin().Validate("D299")
	if e := errs.As(err); e.Message != "分类号 D299 不在中图法类表中" {
		t.Fatalf("message = %q", e.Message)
	}
}

func TestValidateWithTheFullSchedule(t *testing.T) {
	tree := full(t)
	tests := []struct {
		in   string
		code errs.Code
	}{
		{"D261.41", ""},
		{"D261.45", CodeUnknown}, // D261.4 lists only .41 and .42
		{"D351", ""},             // inside the span D33/37, which has no detail
		{"TJ011.+1", ""},
		{"K825.2=6", ""},
		{"K84", CodeUnknown}, // K81 is detailed in the full schedule
		{"D299", CodeUnknown},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			_, err := tree.Validate(tc.in)
			if errs.CodeOf(err) != tc.code {
				t.Fatalf("Validate(%q) = %v, want code %q", tc.in, err, tc.code)
			}
		})
	}
}

// Every class of the published schedule (spans aside) must pass the syntax
// check, and every one must validate against the full tree.
func TestEveryScheduleCodeIsWellFormed(t *testing.T) {
	tree := full(t)
	bad := 0
	for _, c := range tree.classes {
		if c.Span() {
			continue
		}
		if got, err := tree.Validate(c.Code); err != nil || got != bare(c.Code) {
			bad++
			if bad <= 10 {
				t.Errorf("Validate(%q) = %q, %v", c.Code, got, err)
			}
		}
	}
	if bad > 0 {
		t.Fatalf("%d schedule codes rejected", bad)
	}
}

func FuzzValidate(f *testing.F) {
	for _, s := range []string{"D261.41", "R711(711)=535", `J523.2"17"+3:G5`, "TJ011.+1", "D33/37", "[D054]", "ｄ２６", "D2614", ""} {
		f.Add(s)
	}
	b := Builtin()
	f.Fuzz(func(t *testing.T, s string) {
		got, err := b.Validate(s)
		if err != nil {
			if c := errs.CodeOf(err); c != CodeMalformed && c != CodeUnknown {
				t.Fatalf("Validate(%q) code %s", s, c)
			}
			return
		}
		if got != strings.TrimSpace(got) || got != strings.ToUpper(got) {
			t.Fatalf("Validate(%q) = %q, not normalised", s, got)
		}
		if again, err := b.Validate(got); err != nil || again != got {
			t.Fatalf("Validate is not idempotent on %q: %q, %v", got, again, err)
		}
		if Top(got) == "" {
			t.Fatalf("Validate(%q) = %q has no main class", s, got)
		}
		b.Ancestors(got)
	})
}
