package periodicals

import (
	"testing"
	"time"
)

func TestISSNAndCN(t *testing.T) {
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"1002-4980", "1002-4980", true}, // 求是
		{"10024980", "1002-4980", true},
		{"ISSN 1002-4980", "1002-4980", true},
		{"1002-4981", "", false},
		{"100-4980", "", false},
		{"0000-006X", "0000-006X", true},
	} {
		got, ok := NormalizeISSN(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NormalizeISSN(%q) = %q %v, want %q %v", c.in, got, ok, c.want, c.ok)
		}
	}
	for _, c := range []struct {
		in, want string
		ok       bool
	}{
		{"CN11-1000/D", "CN11-1000/D", true},
		{"11-0065", "CN11-0065", true},
		{"cn43-1002/d", "CN43-1002/D", true},
		{"CN11-100/D", "", false},
	} {
		got, ok := NormalizeCN(c.in)
		if got != c.want || ok != c.ok {
			t.Errorf("NormalizeCN(%q) = %q %v, want %q %v", c.in, got, ok, c.want, c.ok)
		}
	}
}

func TestISSNFromTheBarcode(t *testing.T) {
	ean := EANOf("1002-4980", 0)
	issn, issue, ok := ISSNFromEAN(ean)
	if !ok || issn != "1002-4980" || issue != 0 {
		t.Fatalf("%s → %q %d %v", ean, issn, issue, ok)
	}
	if issn, issue, ok = ISSNFromEAN(ean + "05"); !ok || issn != "1002-4980" || issue != 5 {
		t.Fatalf("with add-on → %q %d %v", issn, issue, ok)
	}
	bad := ean[:12] + string('0'+(ean[12]-'0'+1)%10)
	if _, _, ok := ISSNFromEAN(bad); ok {
		t.Fatalf("a wrong check digit %s was read", bad)
	}
	if _, _, ok := ISSNFromEAN("9787010000019"); ok {
		t.Fatal("a book's ISBN was read as a periodical")
	}
}

func FuzzScanCodes(f *testing.F) {
	for _, s := range []string{"977100249800", "9771002498003", "977100249800305", "1002-4980", "CN11-1000/D", "", "977"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if issn, issue, ok := ISSNFromEAN(s); ok {
			if _, valid := NormalizeISSN(issn); !valid || issue < 0 || issue > 99 {
				t.Fatalf("%q → %q %d", s, issn, issue)
			}
		}
		if n, ok := NormalizeISSN(s); ok {
			if again, ok2 := NormalizeISSN(n); !ok2 || again != n {
				t.Fatalf("%q → %q → %q", s, n, again)
			}
		}
		if n, ok := NormalizeCN(s); ok {
			if again, ok2 := NormalizeCN(n); !ok2 || again != n {
				t.Fatalf("%q → %q → %q", s, n, again)
			}
		}
	})
}

func TestScheduleFollowsTheFrequency(t *testing.T) {
	tz := time.FixedZone("CST", 8*3600)
	for f, n := range map[Frequency]int{Daily: 365, Weekly: 53, Dekad: 36, Semimonthly: 24, Monthly: 12, Bimonthly: 6, Quarterly: 4} {
		if got := len(Schedule(f, 2026, tz)); got != n {
			t.Errorf("%s: %d issues in 2026, want %d", f, got, n)
		}
	}
	s := Schedule(Semimonthly, 2026, tz)
	if s[2].ExpectedDate != "2026-02-01" || s[2].Label != "第3期" {
		t.Errorf("third issue of a semimonthly: %+v", s[2])
	}
	if d := Schedule(Daily, 2024, tz); len(d) != 366 || d[59].Label != "2月29日" {
		t.Errorf("a leap year's daily: %d issues, 60th %+v", len(d), d[59])
	}
}
