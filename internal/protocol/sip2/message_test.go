package sip2_test

import (
	"strings"
	"testing"
	"unicode/utf8"

	"shuwu/internal/protocol/sip2"
)

// Checksum vectors from Evergreen SIPServer t/0001_checksum.t and dp2,
// recomputed independently (see shared/docs/protocols.md §3.1). The 3M
// guide's own printed examples carry wrong checksums; EC7B is the real
// value of its login example.
var checksumVectors = []struct{ msg, sum string }{
	{"941AY0AZ", "FDFD"},
	{"990 402.00AY1AZ", "FCB4"},
	{"1804020120110630    110249AB30007008637257|AJVie d'Isabelle Eberhardt |CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP   EAU|AY6AZ", "DB4E"},
	{"1804020120110630    110250AB30007008641424|AJLe zahir|CK001|AQOSUL|APOSUL|BGOSUL|AH2011-10-28 23:59:59|CSPB LP COE|AY7AZ", "E174"},
	{"941AY3AZ", "FDFA"},
	{"9900401.00AY1AZ", "FCA5"},
	{"6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZ", "EA83"},
	{"1719980723    100000AOCertification Institute ID|ABItemBook|AY1AZ", "EBEB"},
	{"9300CNLoginUserID|COLoginPassword|CPLocationCode|AY5AZ", "EC7B"},
}

func TestChecksumVectors(t *testing.T) {
	for _, v := range checksumVectors {
		if got := sip2.Checksum([]byte(v.msg)); got != v.sum {
			t.Errorf("Checksum(%q) = %s, want %s", v.msg, got, v.sum)
		}
		present, ok := sip2.VerifyChecksum([]byte(v.msg + v.sum))
		if !present || !ok {
			t.Errorf("VerifyChecksum(%q) = %v, %v", v.msg+v.sum, present, ok)
		}
		if _, ok := sip2.VerifyChecksum([]byte(v.msg + "0000")); ok && v.sum != "0000" {
			t.Errorf("a wrong checksum on %q passed", v.msg)
		}
	}
}

func TestParseFixedAndVariableFields(t *testing.T) {
	m, err := sip2.Parse("6300119980723    091905Y         AOInstitutionID|AAPatronID|BP00001|BQ00005|AY1AZEA83")
	if err != nil {
		t.Fatal(err)
	}
	if m.Code != "63" || m.FixedAt(0, 3) != "001" || m.FixedAt(3, 18) != "19980723    091905" || m.FixedAt(21, 10) != "Y         " {
		t.Fatalf("fixed fields: %+v", m)
	}
	if m.Get("AO") != "InstitutionID" || m.Get("AA") != "PatronID" || m.Get("BQ") != "00005" || m.Seq != 1 || !m.Checked {
		t.Fatalf("variable fields: %+v", m)
	}
	// No error detection, a last field without its "|", Chinese values.
	m, err = sip2.Parse("11YN20240902    100000                  AOSHUWU|AA张三|AB0001")
	if err != nil || m.Get("AA") != "张三" || m.Get("AB") != "0001" || m.Seq != -1 || m.Checked {
		t.Fatalf("loose checkout: %+v, %v", m, err)
	}
	// A field value that merely ends like a tail stays a value.
	m, err = sip2.Parse("17" + "20240902    100000" + "AOSHUWU|ABAZ12|")
	if err != nil || m.Get("AB") != "AZ12" {
		t.Fatalf("AB AZ12: %+v, %v", m, err)
	}
	for _, bad := range []string{"", "9", "XX", "42abc", "11YN2024"} {
		if _, err := sip2.Parse(bad); err == nil {
			t.Errorf("Parse(%q) accepted a malformed message", bad)
		}
	}
}

func TestStringEndsEveryFieldAndCleansValues(t *testing.T) {
	m := sip2.Message{Code: "36", Fixed: "Y20240902    100000", Fields: []sip2.Field{{ID: "AO", Value: "SHUWU"}, {ID: "AF", Value: "a|b\r\nc"}}}
	if got := m.String(); got != "36Y20240902    100000AOSHUWU|AFa｜b  c|" {
		t.Fatalf("String() = %q", got)
	}
	b := sip2.AppendTail([]byte(m.String()), 4)
	if present, ok := sip2.VerifyChecksum(b); !present || !ok || !strings.Contains(string(b), "|AY4AZ") {
		t.Fatalf("AppendTail = %q", b)
	}
}

// FuzzParse: no input panics the parser, and what it accepts writes back
// to a message that parses to the same fields.
func FuzzParse(f *testing.F) {
	for _, v := range checksumVectors {
		f.Add(v.msg + v.sum)
	}
	f.Add("9300CNkiosk1|COpw|CP大厅|")
	f.Add("11YN20240902    100000                  AOSHUWU|AA张三|AB0001|AC|ADx|")
	f.Add("09N20240902    10000020240902    100000AP|AOSHUWU|AB1|")
	f.Add("97")
	f.Add("15+20240902    100000AOSHUWU|AA1|AB2|AY9")
	f.Fuzz(func(t *testing.T, s string) {
		sip2.VerifyChecksum([]byte(s))
		m, err := sip2.Parse(s)
		if err != nil || !utf8.ValidString(s) {
			return
		}
		m.FixedAt(0, 40)
		m.Get("AA")
		again, err := sip2.Parse(m.String())
		if err != nil {
			t.Fatalf("Parse(String()) of %q: %v", s, err)
		}
		if again.Code != m.Code || again.Fixed != m.Fixed {
			t.Fatalf("round trip of %q changed the fixed part: %q → %q", s, m.Fixed, again.Fixed)
		}
	})
}
