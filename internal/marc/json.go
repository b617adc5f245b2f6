package marc

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// MARC-in-JSON (https://github.com/marc4j/marc4j/wiki/MARC-in-JSON-Description),
// as pymarc, marc4j and yaz write it: {"leader": "...", "fields": [{"001":
// "..."}, {"245": {"ind1": "1", "ind2": "0", "subfields": [{"a": "..."}]}}]}.

type jsonRecord struct {
	Leader string                       `json:"leader"`
	Fields []map[string]json.RawMessage `json:"fields"`
}

type jsonDataField struct {
	Ind1      string              `json:"ind1"`
	Ind2      string              `json:"ind2"`
	Subfields []map[string]string `json:"subfields"`
}

// JSONReader reads MARC-in-JSON: one object, a JSON array of objects
// (pymarc's batch files) or a sequence of objects (yaz, NDJSON).
type JSONReader struct {
	d       *json.Decoder
	inArray bool
	started bool
	index   int
}

// NewJSONReader returns a JSONReader reading from r.
func NewJSONReader(r io.Reader) *JSONReader {
	return &JSONReader{d: json.NewDecoder(bufio.NewReader(r))}
}

// Read returns the next record, or io.EOF after the last. A record that
// is valid JSON but not a MARC record gives a *RecordError and reading
// continues; invalid JSON ends the stream.
func (j *JSONReader) Read() (*Record, error) {
	if !j.started {
		j.started = true
		tok, err := j.peekDelim()
		if err != nil {
			return nil, err
		}
		if tok == '[' {
			if _, err := j.d.Token(); err != nil {
				return nil, fmt.Errorf("marc: json: %w", err)
			}
			j.inArray = true
		}
	}
	if !j.d.More() {
		if j.inArray {
			if _, err := j.d.Token(); err != nil { // the closing ]
				return nil, fmt.Errorf("marc: json: %w", err)
			}
			j.inArray = false
			if j.d.More() {
				return nil, errors.New("marc: json: data after the record array")
			}
		}
		return nil, io.EOF
	}
	var jr jsonRecord
	offset := j.d.InputOffset()
	if err := j.d.Decode(&jr); err != nil {
		return nil, fmt.Errorf("marc: json: %w", err)
	}
	idx := j.index
	j.index++
	rec, err := jr.record()
	if err != nil {
		return nil, &RecordError{Index: idx, Offset: offset, Reason: ReasonBadDirectory, Err: err}
	}
	if len(rec.Fields) == 0 {
		return nil, &RecordError{Index: idx, Offset: offset, Reason: ReasonNoFields, Err: errors.New("record has no fields")}
	}
	return rec, nil
}

// peekDelim returns the first non-space byte of the stream, which tells
// an array from a sequence of objects.
func (j *JSONReader) peekDelim() (byte, error) {
	if !j.d.More() { // fills the decoder's buffer
		return 0, io.EOF
	}
	buf := j.d.Buffered()
	var b [1]byte
	for {
		if _, err := buf.Read(b[:]); err != nil {
			return 0, io.EOF
		}
		switch b[0] {
		case ' ', '\n', '\r', '\t':
			continue
		}
		return b[0], nil
	}
}

func (jr *jsonRecord) record() (*Record, error) {
	rec := &Record{Leader: leaderString(jr.Leader)}
	for _, m := range jr.Fields {
		if len(m) != 1 {
			return nil, fmt.Errorf("field object has %d keys, want 1", len(m))
		}
		for tag, raw := range m {
			// A control tag holds a string, unless it is a danMARC-style
			// 00X data field, written as an object like any data field.
			if IsControlTag(tag) && !bytes.HasPrefix(bytes.TrimLeft(raw, " \t\r\n"), []byte("{")) {
				var v string
				if err := json.Unmarshal(raw, &v); err != nil {
					return nil, fmt.Errorf("control field %s: %w", tag, err)
				}
				rec.Fields = append(rec.Fields, Field{Tag: tag, Value: norm.NFC.String(v)})
				continue
			}
			var df jsonDataField
			if err := json.Unmarshal(raw, &df); err != nil {
				return nil, fmt.Errorf("data field %s: %w", tag, err)
			}
			f := Field{Tag: tag, Ind1: firstByte(df.Ind1), Ind2: firstByte(df.Ind2)}
			for _, sm := range df.Subfields {
				for code, v := range sm {
					f.Subfields = append(f.Subfields, Subfield{Code: firstByte(code), Value: norm.NFC.String(v)})
				}
			}
			rec.Fields = append(rec.Fields, f)
		}
	}
	return rec, nil
}

// JSONWriter writes MARC-in-JSON as a JSON array of records, which pymarc
// and marc4j read; Close ends the array.
type JSONWriter struct {
	bw     *bufio.Writer
	n      int
	closed bool
	buf    []byte
}

// NewJSONWriter returns a JSONWriter writing to w.
func NewJSONWriter(w io.Writer) *JSONWriter {
	return &JSONWriter{bw: bufio.NewWriterSize(w, 64<<10)}
}

// Write writes one record. Leader/09 is set to 'a' for MARC21, because
// JSON text is Unicode.
func (j *JSONWriter) Write(r *Record) error {
	b := j.buf[:0]
	if j.n == 0 {
		b = append(b, "[\n"...)
	} else {
		b = append(b, ",\n"...)
	}
	j.n++
	l := normalLeader(r.Leader)
	if !r.IsUNIMARC() {
		l[9] = 'a'
	}
	b = append(b, `{"leader":`...)
	b = appendJSONString(b, string(l[:]))
	b = append(b, `,"fields":[`...)
	for i := range r.Fields {
		f := &r.Fields[i]
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '{')
		b = appendJSONString(b, f.Tag)
		b = append(b, ':')
		if f.IsControl() {
			b = appendJSONString(b, f.Value)
			b = append(b, '}')
			continue
		}
		b = append(b, `{"ind1":`...)
		b = appendJSONString(b, string(indicatorOrBlank(f.Ind1)))
		b = append(b, `,"ind2":`...)
		b = appendJSONString(b, string(indicatorOrBlank(f.Ind2)))
		b = append(b, `,"subfields":[`...)
		subs := f.Subfields
		if len(subs) == 0 && f.Value != "" {
			subs = []Subfield{{Code: ' ', Value: f.Value}}
		}
		for k, s := range subs {
			if k > 0 {
				b = append(b, ',')
			}
			b = append(b, '{')
			b = appendJSONString(b, string(s.Code))
			b = append(b, ':')
			b = appendJSONString(b, s.Value)
			b = append(b, '}')
		}
		b = append(b, "]}}"...)
	}
	b = append(b, "]}"...)
	j.buf = b
	_, err := j.bw.Write(b)
	return err
}

// appendJSONString appends s as a JSON string, escaping only what JSON
// requires: the output is data, not HTML.
func appendJSONString(b []byte, s string) []byte {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	const hex = "0123456789abcdef"
	b = append(b, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			b = append(b, '\\', c)
		case c < 0x20:
			b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
		default:
			b = append(b, c)
		}
	}
	return append(b, '"')
}

// Close ends the array and flushes.
func (j *JSONWriter) Close() error {
	if j.closed {
		return nil
	}
	j.closed = true
	if j.n == 0 {
		j.bw.WriteString("[")
	}
	j.bw.WriteString("\n]\n")
	return j.bw.Flush()
}
