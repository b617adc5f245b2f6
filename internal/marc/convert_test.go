package marc

import (
	"bytes"
	"context"
	"errors"
	"testing"
	"unicode/utf8"
)

func TestConvertSkipsBrokenRecordsAndReportsThem(t *testing.T) {
	var reasons []Reason
	var out bytes.Buffer
	st, err := Convert(t.Context(), bytes.NewReader(readTestdata(t, "pymarc/bad_records.mrc")), &out, ConvertOptions{
		OnRecordError: func(re *RecordError) { reasons = append(reasons, re.Reason) },
	})
	if err != nil {
		t.Fatal(err)
	}
	if st.Records != 2 || st.Skipped != 6 || st.BytesIn != 918 {
		t.Errorf("stats = %+v, want 2 records, 6 skipped, 918 bytes", st)
	}
	if len(reasons) != 6 {
		t.Errorf("OnRecordError called %d times, want 6: %v", len(reasons), reasons)
	}
	if n := len(readAllBytes(t, out.Bytes(), FormatMARCXML, CharsetAuto)); n != 2 {
		t.Errorf("output holds %d records, want 2", n)
	}
}

func TestConvertBetweenFormats(t *testing.T) {
	tests := []struct {
		name    string
		file    string
		opts    ConvertOptions
		records int
		check   func(t *testing.T, out []byte)
	}{
		{"CNMARC XML from SRU to GBK ISO 2709", "dp2/sample_cnmarcxml.xml",
			ConvertOptions{From: FormatMARCXML, To: FormatISO2709, OutputCharset: CharsetGB18030}, 10,
			func(t *testing.T, out []byte) {
				if utf8.Valid(out) {
					t.Error("output is UTF-8, want GBK")
				}
			}},
		{"MARC-8 ISO 2709 to UTF-8 ISO 2709", "marc-perl/cjk3.marc",
			ConvertOptions{From: FormatISO2709, To: FormatISO2709}, 1,
			func(t *testing.T, out []byte) {
				if !bytes.Contains(out, []byte("浙东")) || out[9] != 'a' {
					t.Error("output lacks UTF-8 880 text or leader/09 'a'")
				}
			}},
		{"MARC-in-JSON array to MARCXML", "pymarc/batch.json",
			ConvertOptions{From: FormatJSON, To: FormatMARCXML}, 2, nil},
		{"MARCXML to MARCXML", "pymarc/batch.xml",
			ConvertOptions{From: FormatMARCXML, To: FormatMARCXML}, 2, nil},
		{"windows-1251 override", "pymarc/1251.dat",
			ConvertOptions{InputCharset: CharsetCP1251}, 6,
			func(t *testing.T, out []byte) {
				if !bytes.Contains(out, []byte("Психологический тренинг")) {
					t.Error("Cyrillic title missing")
				}
			}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var out bytes.Buffer
			st, err := Convert(t.Context(), bytes.NewReader(readTestdata(t, tt.file)), &out, tt.opts)
			if err != nil {
				t.Fatal(err)
			}
			if st.Records != tt.records {
				t.Errorf("converted %d records, want %d", st.Records, tt.records)
			}
			if tt.check != nil {
				tt.check(t, out.Bytes())
			}
		})
	}
}

func TestConvertRefusesBadOptions(t *testing.T) {
	for name, opts := range map[string]ConvertOptions{
		"GBK MARCXML":    {To: FormatMARCXML, OutputCharset: CharsetGB18030},
		"GBK JSON":       {To: FormatJSON, OutputCharset: CharsetGB18030},
		"unknown input":  {From: "pica", To: FormatISO2709},
		"unknown output": {From: FormatMARCXML, To: "pica"},
		"MARC-8 output":  {To: FormatISO2709, OutputCharset: CharsetMARC8},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := Convert(t.Context(), bytes.NewReader(nil), &bytes.Buffer{}, opts); err == nil {
				t.Error("Convert succeeded")
			}
		})
	}
}

func TestConvertStopsWhenContextIsDone(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	var in bytes.Buffer
	if err := GenerateTestFile(&in, 10, 1); err != nil {
		t.Fatal(err)
	}
	if _, err := Convert(ctx, &in, &bytes.Buffer{}, ConvertOptions{}); !errors.Is(err, context.Canceled) {
		t.Errorf("got %v, want context.Canceled", err)
	}
}

func TestGenerateTestFileIsDeterministic(t *testing.T) {
	var a, b, c bytes.Buffer
	for _, x := range []struct {
		buf  *bytes.Buffer
		seed int64
	}{{&a, 1}, {&b, 1}, {&c, 2}} {
		if err := GenerateTestFile(x.buf, 50, x.seed); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("same seed gave different files")
	}
	if bytes.Equal(a.Bytes(), c.Bytes()) {
		t.Error("different seeds gave the same file")
	}
	if n := len(readAllBytes(t, a.Bytes(), FormatISO2709, CharsetAuto)); n != 50 {
		t.Errorf("read %d records, want 50", n)
	}
}
