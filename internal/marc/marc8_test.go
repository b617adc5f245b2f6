package marc

import (
	"bytes"
	"testing"

	"golang.org/x/text/unicode/norm"
)

func decodeMARC8(tb testing.TB, b []byte) (string, bool) {
	tb.Helper()
	var d textDecoder
	out, ok := d.appendText(nil, b, CharsetMARC8)
	return string(out), ok
}

// TestMARC8LinePairsMatchPymarc checks every line pair that pymarc uses:
// line N of test_marc8.txt must decode to line N of test_utf8.txt.
func TestMARC8LinePairsMatchPymarc(t *testing.T) {
	m8 := bytes.Split(readTestdata(t, "pymarc/test_marc8.txt"), []byte("\n"))
	u8 := bytes.Split(readTestdata(t, "pymarc/test_utf8.txt"), []byte("\n"))
	if len(m8) != len(u8) {
		t.Fatalf("line counts differ: %d vs %d", len(m8), len(u8))
	}
	pairs, failures := 0, 0
	for i := range m8 {
		if len(m8[i]) == 0 && len(u8[i]) == 0 {
			continue
		}
		pairs++
		got, _ := decodeMARC8(t, m8[i])
		want := norm.NFC.String(string(u8[i]))
		if got != want {
			failures++
			if failures <= 10 {
				t.Errorf("line %d:\n got %q\nwant %q", i+1, got, want)
			}
		}
	}
	if failures > 0 {
		t.Errorf("%d of %d line pairs differ", failures, pairs)
	}
	if pairs != 1515 {
		t.Errorf("checked %d line pairs, want 1515", pairs)
	}
}

func TestMARC8Decode(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want string
	}{
		{"ANSEL acute precedes base letter", "communaut\xe2e", "communauté"},
		{"EACC private-use mapping from MARC::Charset cjk.t", "\x1b$1\x21\x75\x60\x21\x2A\x2A\x1b(B", "\u57C7\uE8D8"},
		{"numeric character reference", "&#x8ECA;&#x8F2A;", "車輪"},
		{"Greek symbols by technique 1", "\x1bga\x1bs", "α"},
		{"trailing combining mark kept", "abc\xe2", "abc\u0301"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, _ := decodeMARC8(t, []byte(tt.in))
			if got != norm.NFC.String(tt.want) {
				t.Errorf("got %q, want %q", got, tt.want)
			}
		})
	}
}
