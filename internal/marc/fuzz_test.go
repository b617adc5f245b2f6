package marc

import (
	"bytes"
	"errors"
	"io"
	"testing"
)

// fuzzSeeds adds every shared test file of the given format to f.
func fuzzSeeds(f *testing.F, format string) {
	for _, ef := range loadExpected(f) {
		if ef.Format == format {
			f.Add(readTestdata(f, ef.File))
		}
	}
}

// FuzzReadISO2709 feeds arbitrary bytes to the reader under every
// charset: nothing may panic, every record read must be written again,
// and the reader must reach the end.
func FuzzReadISO2709(f *testing.F) {
	fuzzSeeds(f, "marc")
	f.Add(readTestdata(f, "pymarc/bad_records.mrc"))
	f.Add(readTestdata(f, "ruby-marc/cp866_multirecord.marc"))
	// danMARC-style 00X data fields, and padding after the last record.
	f.Add(danMARCRecord())
	f.Add(append(danMARCRecord(), "\x1d\x1d\x1e####\xff\xff   \x00\x00"...))
	f.Add(append(danMARCRecord(), "00132nam a22"...))
	f.Fuzz(func(t *testing.T, data []byte) {
		for _, cs := range []Charset{CharsetAuto, CharsetMARC8, CharsetGB18030} {
			r := NewReader(bytes.NewReader(data), ReaderOptions{Charset: cs})
			for n := 0; ; n++ {
				if n > len(data) {
					t.Fatalf("more records (%d) than input bytes", n)
				}
				rec, err := r.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				var re *RecordError
				if err != nil && !errors.As(err, &re) {
					t.Fatalf("unexpected error type %T: %v", err, err)
				}
				if rec == nil {
					continue
				}
				var out bytes.Buffer
				w, _ := NewWriter(&out, WriterOptions{})
				_ = w.Write(rec) // oversize records are refused, not a failure
				x := NewXMLWriter(&out)
				if err := x.Write(rec); err != nil {
					t.Fatal(err)
				}
			}
			var sink bytes.Buffer
			if _, err := Convert(t.Context(), bytes.NewReader(data), &sink, ConvertOptions{InputCharset: cs}); err != nil {
				t.Fatalf("convert: %v", err)
			}
		}
	})
}

// FuzzReadMARCXML feeds arbitrary documents to the MARCXML reader and
// checks that what it reads survives a write and a second read.
func FuzzReadMARCXML(f *testing.F) {
	fuzzSeeds(f, "marcxml")
	f.Add(readTestdata(f, "dp2/sample_cnmarcxml.xml"))
	f.Add([]byte(`<record><leader>x</leader><datafield tag="245"><subfield code="a">&lt;t&gt;</subfield></datafield></record>`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewXMLReader(bytes.NewReader(data))
		var recs []*Record
		for len(recs) <= len(data) {
			rec, err := r.Read()
			if err != nil {
				var re *RecordError
				if errors.As(err, &re) {
					continue
				}
				break // EOF or malformed XML ends the stream
			}
			recs = append(recs, rec)
		}
		if len(recs) == 0 {
			return
		}
		var buf bytes.Buffer
		w := NewXMLWriter(&buf)
		for _, rec := range recs {
			if err := w.Write(rec); err != nil {
				t.Fatal(err)
			}
		}
		if err := w.Close(); err != nil {
			t.Fatal(err)
		}
		back := NewXMLReader(bytes.NewReader(buf.Bytes()))
		for i := range recs {
			if _, err := back.Read(); err != nil {
				t.Fatalf("re-reading record %d of our own output: %v\n%s", i, err, buf.Bytes())
			}
		}
	})
}
