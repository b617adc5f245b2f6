package marc

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
)

// TestReadBadRecordsReportsReasonsAndContinues matches pymarc's
// bad_records.mrc: ok, BaseAddressInvalid, BaseAddressNotFound,
// RecordDirectoryInvalid, UnicodeDecodeError, ValueError, NoFieldsFound, ok.
func TestReadBadRecordsReportsReasonsAndContinues(t *testing.T) {
	want := []struct {
		reason Reason // "" = a good record
		offset int64
	}{
		{"", 0},
		{ReasonBadBaseAddress, 127},
		{ReasonBaseAddressNotFound, 254},
		{ReasonBadDirectory, 381},
		{ReasonBadEncoding, 509},
		{ReasonBadLeader, 637},
		{ReasonNoFields, 764},
		{"", 790},
	}
	r := NewReader(bytes.NewReader(readTestdata(t, "pymarc/bad_records.mrc")), ReaderOptions{})
	for i, w := range want {
		rec, err := r.Read()
		if w.reason == "" {
			if err != nil {
				t.Fatalf("record %d: %v", i, err)
			}
			if got := rec.Get("245")[0].Sub('a'); got != "The pragmatic programmer : " {
				t.Errorf("record %d 245$a = %q", i, got)
			}
			continue
		}
		var re *RecordError
		if !errors.As(err, &re) {
			t.Fatalf("record %d: got error %v, want a *RecordError (%s)", i, err, w.reason)
		}
		if re.Reason != w.reason || re.Index != i || re.Offset != w.offset {
			t.Errorf("record %d: got %s at index %d offset %d, want %s at offset %d", i, re.Reason, re.Index, re.Offset, w.reason, w.offset)
		}
	}
	if _, err := r.Read(); err != io.EOF {
		t.Errorf("after the last record: got %v, want io.EOF", err)
	}
}

func TestReadLenientRecords(t *testing.T) {
	t.Run("cp866 file with zero indicator count gives two records", func(t *testing.T) {
		r := NewReader(bytes.NewReader(readTestdata(t, "ruby-marc/cp866_multirecord.marc")), ReaderOptions{Charset: CharsetCP866})
		var recs []*Record
		for {
			rec, err := r.Read()
			if err == io.EOF {
				break
			}
			if err != nil {
				t.Fatal(err)
			}
			recs = append(recs, rec)
		}
		if len(recs) != 2 {
			t.Fatalf("got %d records, want 2", len(recs))
		}
		if got := recs[0].ControlNumber(); !strings.HasPrefix(got, "Никитенко Е. А.") {
			t.Errorf("001 = %q, want it to start with Никитенко Е. А.", got)
		}
		if got := recs[0].Get("003")[0].Value; got != "Междунар. новости мира пластмасс" {
			t.Errorf("003 = %q", got)
		}
	})
	t.Run("MARC-8 data under a UTF-8 leader reads with an override", func(t *testing.T) {
		r := NewReader(bytes.NewReader(readTestdata(t, "ruby-marc/marc8_accented_chars.marc")), ReaderOptions{Charset: CharsetMARC8})
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		if got := rec.Get("100")[0].Sub('a'); got != "Serreau, Geneviève." {
			t.Errorf("100$a = %q", got)
		}
	})
	t.Run("MARC-8 data under a UTF-8 leader is a bad encoding without one", func(t *testing.T) {
		r := NewReader(bytes.NewReader(readTestdata(t, "ruby-marc/marc8_accented_chars.marc")), ReaderOptions{})
		rec, err := r.Read()
		var re *RecordError
		if !errors.As(err, &re) || re.Reason != ReasonBadEncoding || rec == nil {
			t.Fatalf("got %v, %v; want the record and a bad encoding error", rec, err)
		}
	})
	t.Run("CNMARC leader with dashes and alphanumeric tag", func(t *testing.T) {
		r := NewReader(bytes.NewReader(readTestdata(t, "dp2/dp2-cnmarc-10.mrc")), ReaderOptions{})
		rec, err := r.Read()
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(rec.Leader, "---") {
			t.Errorf("leader %q lost its dashes", rec.Leader)
		}
		f := rec.Get("200")[0]
		if f.Sub('A') != "'94Zhong Guo Fa Zhan Bao Gao" || f.Ind1 != '1' {
			t.Errorf("200 = %+v", f)
		}
		ava := rec.Get("AVA")
		if len(ava) == 0 || ava[0].IsControl() || len(ava[0].Subfields) == 0 {
			t.Errorf("AVA = %+v, want a data field with subfields", ava)
		}
	})
	t.Run("stream of garbage without terminators is bounded", func(t *testing.T) {
		junk := bytes.Repeat([]byte("0123456789"), 50000)
		r := NewReader(bytes.NewReader(junk), ReaderOptions{})
		_, err := r.Read()
		var re *RecordError
		if !errors.As(err, &re) || re.Reason != ReasonBadLeader {
			t.Fatalf("got %v, want a bad leader error", err)
		}
		if _, err := r.Read(); err != io.EOF {
			t.Errorf("then got %v, want io.EOF", err)
		}
	})
	t.Run("lying directory lengths fall back to field terminators", func(t *testing.T) {
		var buf bytes.Buffer
		w, _ := NewWriter(&buf, WriterOptions{})
		if err := w.Write(&Record{Leader: "00000nam a2200000 a 4500", Fields: []Field{
			{Tag: "001", Value: "x1"},
			{Tag: "245", Ind1: '0', Ind2: '0', Subfields: []Subfield{{'a', "Title"}}},
		}}); err != nil {
			t.Fatal(err)
		}
		w.Flush()
		b := buf.Bytes()
		copy(b[24+3:24+7], "0009") // 001 is really 3 bytes long
		rec, err := NewReader(bytes.NewReader(b), ReaderOptions{}).Read()
		if err != nil {
			t.Fatal(err)
		}
		if rec.ControlNumber() != "x1" || rec.Get("245")[0].Sub('a') != "Title" {
			t.Errorf("got %+v", rec)
		}
	})
}
