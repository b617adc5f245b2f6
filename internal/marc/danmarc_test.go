package marc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"testing"
)

// isoRecord builds one ISO 2709 record by hand (two indicators, one-byte
// subfield codes), so a test can hold what no writer would produce.
func isoRecord(fields ...[2]string) []byte {
	var dir, data bytes.Buffer
	for _, f := range fields {
		v := f[1] + string(rune(fieldTerminator))
		fmt.Fprintf(&dir, "%s%04d%05d", f[0], len(v), data.Len())
		data.WriteString(v)
	}
	base := leaderLen + dir.Len() + 1
	total := base + data.Len() + 1
	var b bytes.Buffer
	fmt.Fprintf(&b, "%05dnam a22%05d   4500", total, base)
	b.Write(dir.Bytes())
	b.WriteByte(fieldTerminator)
	b.Write(data.Bytes())
	b.WriteByte(recordTerminator)
	return b.Bytes()
}

// danMARCRecord has 00X fields as danMARC writes them: indicators and
// subfields (002, and 004 whose "indicators" are letters), beside a real
// control field (001) and one that merely holds a delimiter (003).
func danMARCRecord() []byte {
	return isoRecord(
		[2]string{"001", "X1"},
		[2]string{"002", "12\x1faHello\x1fbWorld"},
		[2]string{"003", "\x1faNoInd"},
		[2]string{"004", "ab\x1fcMid"},
		[2]string{"245", "10\x1faTitle"},
	)
}

func TestDanMARCControlTagsWithSubfieldsAreDataFields(t *testing.T) {
	recs := readAllBytes(t, danMARCRecord(), FormatISO2709, CharsetAuto)
	if len(recs) != 1 {
		t.Fatalf("read %d records, want 1", len(recs))
	}
	f := recs[0].Get("002")[0]
	if f.IsControl() || f.Ind1 != '1' || f.Ind2 != '2' || len(f.Subfields) != 2 || f.Subfields[1] != (Subfield{'b', "World"}) {
		t.Fatalf("002 = %+v, want a data field 12 $aHello $bWorld", f)
	}
	if f := recs[0].Get("004")[0]; f.IsControl() || f.Ind1 != 'a' || f.Ind2 != 'b' || len(f.Subfields) != 1 {
		t.Fatalf("004 = %+v, want a data field ab $cMid", f)
	}
	if f := recs[0].Get("001")[0]; !f.IsControl() || f.Value != "X1" {
		t.Fatalf("001 = %+v, want control field X1", f)
	}
	if f := recs[0].Get("003")[0]; !f.IsControl() {
		t.Fatalf("003 = %+v, want a control field (no indicators before the delimiter)", f)
	}
}

// yaz-marcdump is the reference: its MARCXML of the danMARC record, read
// back, must equal what shuwu reads from the ISO 2709 file, and shuwu's
// own conversion (the raw fast path) and its written ISO 2709 must agree.
func TestDanMARCReadsAsYazReadsIt(t *testing.T) {
	raw := danMARCRecord()
	path := writeTemp(t, "dan.mrc", raw)
	yazXML, _ := runYaz(t, "-i", "marc", "-o", "marcxml", path)
	want := readAllBytes(t, yazXML, FormatMARCXML, CharsetAuto)
	// yaz drops the delimiter from a control field's text in XML (it is
	// not allowed there); shuwu keeps the byte in the ISO form only.
	ours := readAllBytes(t, raw, FormatISO2709, CharsetAuto)
	for i := range ours[0].Fields {
		if f := &ours[0].Fields[i]; f.Tag == "003" {
			f.Value = want[0].Get("003")[0].Value
		}
	}
	assertSameRecords(t, ours, want)

	var conv bytes.Buffer
	if _, err := Convert(t.Context(), bytes.NewReader(raw), &conv, ConvertOptions{}); err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(conv.Bytes(), []byte(`<datafield tag="002" ind1="1" ind2="2">`)) {
		t.Fatalf("Convert wrote 002 as a control field:\n%s", conv.Bytes())
	}
	again := readAllBytes(t, writeAll(t, ours, FormatISO2709, CharsetUTF8), FormatISO2709, CharsetAuto)
	assertSameRecords(t, again, ours)
	if n := yazCheck(t, writeTemp(t, "again.mrc", writeAll(t, ours, FormatISO2709, CharsetUTF8)), "marc"); n != 1 {
		t.Fatalf("yaz read %d records of shuwu's rewrite, want 1", n)
	}
}

// Padding after the last record (block fill, stray terminators, NULs) is
// not a damaged record; yaz-marcdump reads the same number of records.
// A truncated last record is still reported.
func TestTrailingPaddingIsNotADamagedRecord(t *testing.T) {
	rec := danMARCRecord()
	paddings := map[string]string{
		"stray terminators and fill": "\x1d\x1d\x1e" + "####################" + "\xff\xff\xff\xff",
		"blanks and NULs":            "                \x00\x00\x00\x00",
		"caret fill":                 "^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^",
	}
	for name, pad := range paddings {
		t.Run(name, func(t *testing.T) {
			file := append(append(append([]byte{}, rec...), rec...), pad...)
			r := NewReader(bytes.NewReader(file), ReaderOptions{})
			n := 0
			for {
				_, err := r.Read()
				if errors.Is(err, io.EOF) {
					break
				}
				if err != nil {
					t.Fatalf("record %d: %v (padding reported as a damaged record)", n, err)
				}
				n++
			}
			if n != 2 {
				t.Fatalf("read %d records, want 2", n)
			}
			// yaz skips the padding byte by byte (and exits 5, "End of
			// file with data"); count the records it printed.
			cmd := exec.Command(yazMarcdump(t), "-i", "marc", "-o", "line", writeTemp(t, "pad.mrc", file))
			out, _ := cmd.Output()
			if got := bytes.Count(out, []byte("\n001 X1\n")); got != 2 {
				t.Fatalf("yaz read %d records, want 2:\n%s", got, out)
			}
		})
	}
	truncated := append(append([]byte{}, rec...), rec[:40]...)
	r := NewReader(bytes.NewReader(truncated), ReaderOptions{})
	if _, err := r.Read(); err != nil {
		t.Fatal(err)
	}
	var re *RecordError
	if _, err := r.Read(); !errors.As(err, &re) {
		t.Fatalf("a truncated last record gave %v, want a RecordError", err)
	}
}

// MARC-in-JSON keeps a danMARC 00X data field an object, and yaz's JSON
// of the record reads back the same.
func TestDanMARCInJSON(t *testing.T) {
	orig := readAllBytes(t, danMARCRecord(), FormatISO2709, CharsetAuto)
	var buf bytes.Buffer
	w := NewJSONWriter(&buf)
	if err := w.Write(orig[0]); err != nil {
		t.Fatal(err)
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	assertSameRecords(t, readAllJSON(t, buf.Bytes()), orig)
	out, _ := runYaz(t, "-o", "json", writeTemp(t, "dan.mrc", danMARCRecord()))
	got := readAllJSON(t, out)
	if f := got[0].Get("002")[0]; f.IsControl() || len(f.Subfields) != 2 {
		t.Fatalf("002 from yaz's JSON = %+v, want a data field", f)
	}
}
