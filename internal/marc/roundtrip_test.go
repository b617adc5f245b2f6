package marc

import (
	"bytes"
	"errors"
	"io"
	"slices"
	"testing"
	"unicode/utf8"
)

// sharedISOFiles returns the ISO 2709 files of EXPECTED.json with the
// charset each needs.
func sharedISOFiles(tb testing.TB) []expectedFile {
	tb.Helper()
	var out []expectedFile
	for _, ef := range loadExpected(tb) {
		if ef.Format == "marc" {
			out = append(out, ef)
		}
	}
	return out
}

func charsetFor(ef expectedFile) Charset {
	if ef.Encoding == "CP1251" {
		return CharsetCP1251
	}
	return CharsetAuto
}

func readAllBytes(tb testing.TB, b []byte, format Format, cs Charset) []*Record {
	tb.Helper()
	next := NewReader(bytes.NewReader(b), ReaderOptions{Charset: cs}).Read
	if format == FormatMARCXML {
		next = NewXMLReader(bytes.NewReader(b)).Read
	}
	var recs []*Record
	for {
		rec, err := next()
		if errors.Is(err, io.EOF) {
			return recs
		}
		var re *RecordError
		if errors.As(err, &re) && re.Reason == ReasonBadEncoding && rec != nil {
			err = nil
		}
		if err != nil {
			tb.Fatalf("record %d: %v", len(recs), err)
		}
		recs = append(recs, rec)
	}
}

func writeAll(tb testing.TB, recs []*Record, format Format, cs Charset) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if format == FormatMARCXML {
		w := NewXMLWriter(&buf)
		for _, r := range recs {
			if err := w.Write(r); err != nil {
				tb.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			tb.Fatal(err)
		}
		return buf.Bytes()
	}
	w, err := NewWriter(&buf, WriterOptions{Charset: cs})
	if err != nil {
		tb.Fatal(err)
	}
	for _, r := range recs {
		if err := w.Write(r); err != nil {
			tb.Fatal(err)
		}
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return buf.Bytes()
}

// comparable returns a copy of r with the parts a writer legitimately
// recomputes blanked: leader lengths, base address and entry map,
// leader/09 (the encoding flag) and UNIMARC's 100$a/26-29 declaration.
func comparable(r *Record) Record {
	l := []byte(leaderString(r.Leader))
	for _, i := range []int{0, 1, 2, 3, 4, 9, 10, 11, 12, 13, 14, 15, 16, 20, 21, 22, 23} {
		l[i] = '#'
	}
	out := Record{Leader: string(l)}
	unimarc := r.IsUNIMARC()
	for _, f := range r.Fields {
		f.Subfields = slices.Clone(f.Subfields)
		for i, s := range f.Subfields {
			if unimarc && f.Tag == "100" && s.Code == 'a' && len(s.Value) >= 30 {
				f.Subfields[i].Value = s.Value[:26] + "####" + s.Value[30:]
			}
		}
		out.Fields = append(out.Fields, f)
	}
	return out
}

func assertSameRecords(tb testing.TB, got, want []*Record) {
	tb.Helper()
	if len(got) != len(want) {
		tb.Fatalf("got %d records, want %d", len(got), len(want))
	}
	for i := range want {
		g, w := comparable(got[i]), comparable(want[i])
		if g.Leader != w.Leader {
			tb.Errorf("record %d leader %q, want %q", i, g.Leader, w.Leader)
		}
		if len(g.Fields) != len(w.Fields) {
			tb.Errorf("record %d has %d fields, want %d", i, len(g.Fields), len(w.Fields))
			continue
		}
		for j := range w.Fields {
			gf, wf := g.Fields[j], w.Fields[j]
			if gf.Tag != wf.Tag || gf.Ind1 != wf.Ind1 || gf.Ind2 != wf.Ind2 || gf.Value != wf.Value || !slices.Equal(gf.Subfields, wf.Subfields) {
				tb.Errorf("record %d field %d:\n got %+v\nwant %+v", i, j, gf, wf)
			}
		}
	}
}

func TestRoundTripISO2709GivesIdenticalRecords(t *testing.T) {
	for _, ef := range sharedISOFiles(t) {
		t.Run(ef.File, func(t *testing.T) {
			orig := readAllBytes(t, readTestdata(t, ef.File), FormatISO2709, charsetFor(ef))
			out := writeAll(t, orig, FormatISO2709, CharsetUTF8)
			back := readAllBytes(t, out, FormatISO2709, CharsetAuto)
			assertSameRecords(t, back, orig)
			// Writing the re-read records again gives the same bytes.
			if again := writeAll(t, back, FormatISO2709, CharsetUTF8); !bytes.Equal(again, out) {
				t.Error("second write differs from the first")
			}
		})
	}
}

func TestRoundTripMARCXMLGivesIdenticalRecords(t *testing.T) {
	files := sharedISOFiles(t)
	for _, ef := range loadExpected(t) {
		if ef.Format == "marcxml" {
			files = append(files, ef)
		}
	}
	files = append(files, expectedFile{File: "dp2/sample_cnmarcxml.xml", Format: "marcxml"})
	for _, ef := range files {
		t.Run(ef.File, func(t *testing.T) {
			format := FormatISO2709
			if ef.Format == "marcxml" {
				format = FormatMARCXML
			}
			orig := readAllBytes(t, readTestdata(t, ef.File), format, charsetFor(ef))
			out := writeAll(t, orig, FormatMARCXML, CharsetUTF8)
			back := readAllBytes(t, out, FormatMARCXML, CharsetAuto)
			assertSameRecords(t, back, orig)
		})
	}
}

func TestReadCNMARCXMLFromSRUResponse(t *testing.T) {
	for _, name := range []string{"dp2/sample_cnmarcxml.xml", "dp2/dp2-cnmarc-10.xml"} {
		t.Run(name, func(t *testing.T) {
			recs := readAllBytes(t, readTestdata(t, name), FormatMARCXML, CharsetAuto)
			if len(recs) != 10 {
				t.Fatalf("got %d records, want 10", len(recs))
			}
			r := recs[0]
			if r.ControlNumber() != "990002180740203961" || r.Get("200")[0].Sub('a') != "'94中国发展报告" ||
				r.Get("010")[0].Sub('d') != "CNY68.00" || r.Get("690")[0].Sub('a') != "F124" {
				t.Errorf("record 1 = %+v", r)
			}
			if got := recs[9].Get("690"); len(got) != 2 || got[0].Sub('a') != "D668" || got[1].Sub('a') != "F124" {
				t.Errorf("record 10 690 = %+v, want D668 and F124", got)
			}
		})
	}
}

func TestRoundTripGBKCNMARC(t *testing.T) {
	orig := readAllBytes(t, readTestdata(t, "dp2/dp2-cnmarc-10.mrc"), FormatISO2709, CharsetAuto)
	gbk := writeAll(t, orig, FormatISO2709, CharsetGB18030)
	if utf8.Valid(gbk) {
		t.Fatal("GBK output is valid UTF-8; expected GBK bytes")
	}
	if !bytes.Contains(gbk, []byte{0xD6, 0xD0, 0xB9, 0xFA}) { // 中国 in GBK
		t.Error("GBK output does not contain 中国 in GBK")
	}
	for _, cs := range []Charset{CharsetAuto, CharsetGB18030} {
		back := readAllBytes(t, gbk, FormatISO2709, cs)
		assertSameRecords(t, back, orig)
		if got := back[0].Get("100")[0].Sub('a')[26:30]; got != "0120" {
			t.Errorf("read with %s: 100$a/26-29 = %q, want 0120", cs, got)
		}
	}
	utf := writeAll(t, orig, FormatISO2709, CharsetUTF8)
	back := readAllBytes(t, utf, FormatISO2709, CharsetAuto)
	if got := back[0].Get("100")[0].Sub('a')[26:30]; got != "50  " {
		t.Errorf("UTF-8 output 100$a/26-29 = %q, want \"50  \"", got)
	}
}

func TestConvertMatchesReaderAndWriter(t *testing.T) {
	// The direct ISO 2709 to MARCXML path must give what Reader+XMLWriter give.
	for _, ef := range sharedISOFiles(t) {
		t.Run(ef.File, func(t *testing.T) {
			in := readTestdata(t, ef.File)
			var fast bytes.Buffer
			if _, err := Convert(t.Context(), bytes.NewReader(in), &fast, ConvertOptions{InputCharset: charsetFor(ef)}); err != nil {
				t.Fatal(err)
			}
			slow := writeAll(t, readAllBytes(t, in, FormatISO2709, charsetFor(ef)), FormatMARCXML, CharsetUTF8)
			if !bytes.Equal(fast.Bytes(), slow) {
				t.Errorf("Convert output differs from Reader+XMLWriter output")
			}
		})
	}
}
