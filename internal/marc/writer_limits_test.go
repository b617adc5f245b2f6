package marc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// TestWriterRefusesTooLongAndGoesOn: a record of 1,000 authors is more than
// ISO 2709's 99,999 bytes, and one field of 10,000 bytes more than its
// 9,999: each is a *TooLongError that writes nothing, and the records
// after it are written whole.
func TestWriterRefusesTooLongAndGoesOn(t *testing.T) {
	small := func(id string) *Record {
		return &Record{Leader: "00000nam  2200000   4500", Fields: []Field{
			{Tag: "001", Value: id},
			{Tag: "200", Ind1: '1', Subfields: []Subfield{{Code: 'a', Value: "基层党组织建设概论"}}},
		}}
	}
	many := small("long")
	for i := range 1000 {
		many.Fields = append(many.Fields, Field{Tag: "701", Ind2: '0', Subfields: []Subfield{{Code: 'a', Value: fmt.Sprintf("第%04d位作者（某某大学马克思主义学院）", i)}, {Code: '4', Value: "著作者以及其他责任方式"}}})
	}
	wide := small("wide")
	wide.Fields = append(wide.Fields, Field{Tag: "330", Subfields: []Subfield{{Code: 'a', Value: strings.Repeat("党", 3400)}}})

	var buf bytes.Buffer
	w, err := NewWriter(&buf, WriterOptions{})
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		r         *Record
		tag       string
		min, max_ int
	}{{many, "", 99_999, MaxRecordBytes}, {wide, "330", 9_999, MaxFieldBytes}} {
		if err := w.Write(small("before-" + c.r.ControlNumber())); err != nil {
			t.Fatal(err)
		}
		err := w.Write(c.r)
		var tl *TooLongError
		if !errors.As(err, &tl) || tl.Tag != c.tag || tl.Bytes <= c.min || tl.Max != c.max_ {
			t.Fatalf("record %s: error %v (%#v), want a TooLongError for %q over %d bytes", c.r.ControlNumber(), err, tl, c.tag, c.min)
		}
	}
	if err := w.Write(small("after")); err != nil {
		t.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	rd := NewReader(bytes.NewReader(buf.Bytes()), ReaderOptions{})
	var ids []string
	for {
		r, err := rd.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the written file does not read back: %v", err)
		}
		ids = append(ids, r.ControlNumber())
	}
	if strings.Join(ids, ",") != "before-long,before-wide,after" {
		t.Errorf("records read back %v, want the three short ones", ids)
	}
}
