package marc

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

func TestReadMARCInJSONMatchesISO2709(t *testing.T) {
	tests := []struct {
		json, iso string
		records   int
	}{
		{"pymarc/one.json", "pymarc/test.dat", 1},
		{"pymarc/batch.json", "", 2},
		{"marc4j/summerland-marc-in-json.json", "marc4j/summerland.mrc", 1},
	}
	for _, tt := range tests {
		t.Run(tt.json, func(t *testing.T) {
			got := readAllJSON(t, readTestdata(t, tt.json))
			if len(got) != tt.records {
				t.Fatalf("read %d records, want %d", len(got), tt.records)
			}
			if tt.iso != "" {
				want := readAllBytes(t, readTestdata(t, tt.iso), FormatISO2709, CharsetAuto)[:tt.records]
				assertSameRecords(t, got, want)
			}
		})
	}
}

func TestRoundTripMARCInJSONGivesIdenticalRecords(t *testing.T) {
	for _, ef := range sharedISOFiles(t) {
		t.Run(ef.File, func(t *testing.T) {
			orig := readAllBytes(t, readTestdata(t, ef.File), FormatISO2709, charsetFor(ef))
			var buf bytes.Buffer
			w := NewJSONWriter(&buf)
			for _, r := range orig {
				if err := w.Write(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := w.Close(); err != nil {
				t.Fatal(err)
			}
			assertSameRecords(t, readAllJSON(t, buf.Bytes()), orig)
		})
	}
}

// TestReadYazJSONSequence reads yaz's output form: objects one after
// another, not in an array.
func TestReadYazJSONSequence(t *testing.T) {
	path := testdataPath(t, "marc4j/chabon.mrc")
	out, _ := runYaz(t, "-o", "json", path)
	got := readAllJSON(t, out)
	assertSameRecords(t, got, readAllBytes(t, readTestdata(t, "marc4j/chabon.mrc"), FormatISO2709, CharsetAuto))
}

func readAllJSON(tb testing.TB, b []byte) []*Record {
	tb.Helper()
	r := NewJSONReader(bytes.NewReader(b))
	var recs []*Record
	for {
		rec, err := r.Read()
		if err != nil {
			if errors.Is(err, io.EOF) {
				return recs
			}
			tb.Fatalf("record %d: %v", len(recs), err)
		}
		recs = append(recs, rec)
	}
}
