package marc

import (
	"bufio"
	"io"
)

// WriterOptions configure an ISO 2709 or MARCXML writer.
type WriterOptions struct {
	// Charset is the output encoding: CharsetUTF8 (the default) or
	// CharsetGB18030 (GBK-compatible, for Chinese systems that expect
	// it). ISO 2709 lengths are byte counts in this encoding.
	Charset Charset
}

// Writer writes records as ISO 2709. Call Flush when done.
type Writer struct {
	bw   *bufio.Writer
	enc  *textEncoder
	data []byte
	dir  []byte
	val  []byte

	noDelimiters bool // the current record's data fields carry only Value
}

// NewWriter returns a Writer writing ISO 2709 to w.
func NewWriter(w io.Writer, opts WriterOptions) (*Writer, error) {
	enc, err := newTextEncoder(opts.Charset)
	if err != nil {
		return nil, err
	}
	return &Writer{bw: bufio.NewWriterSize(w, 64<<10), enc: enc}, nil
}

// Write encodes one record. A record too long for ISO 2709 is a
// *TooLongError and writes nothing, so the writer stays usable. The leader's lengths, indicator and subfield
// counts and entry map are recomputed; leader/09 is set to 'a' for MARC21
// in UTF-8 and blank for MARC21 in GBK; a UNIMARC record's 100$a/26-29
// character set declaration is set to match the output ("50  " for
// UTF-8, "0120" for GBK, as Chinese systems write it). r is not changed.
func (w *Writer) Write(r *Record) error {
	w.data = w.data[:0]
	w.dir = w.dir[:0]
	unimarc := r.IsUNIMARC()
	w.noDelimiters = hasOnlyValueFields(r)
	for i := range r.Fields {
		f := &r.Fields[i]
		start := len(w.data)
		if f.IsControl() || w.noDelimiters {
			w.data = w.enc.appendString(w.data, f.Value)
		} else {
			w.data = append(w.data, indicatorOrBlank(f.Ind1), indicatorOrBlank(f.Ind2))
			for _, s := range f.Subfields {
				w.data = append(w.data, subfieldDelim, s.Code)
				v := s.Value
				if unimarc && f.Tag == "100" && s.Code == 'a' {
					v = w.declareCharset(v)
				}
				w.data = w.enc.appendString(w.data, v)
			}
		}
		w.data = append(w.data, fieldTerminator)
		length := len(w.data) - start
		if length > MaxFieldBytes {
			return &TooLongError{Tag: f.Tag, Bytes: length, Max: MaxFieldBytes}
		}
		w.dir = append(w.dir, tagBytes(f.Tag)...)
		w.dir = appendDigits(w.dir, length, 4)
		w.dir = appendDigits(w.dir, start, 5)
	}
	w.dir = append(w.dir, fieldTerminator)
	base := leaderLen + len(w.dir)
	total := base + len(w.data) + 1
	if total > maxRecordLen {
		return &TooLongError{Bytes: total, Max: MaxRecordBytes}
	}
	leader := normalLeader(r.Leader)
	// appendDigits on a zero-length slice of the array writes in place.
	appendDigits(leader[:0], total, 5)
	leader[10], leader[11] = '2', '2'
	if w.noDelimiters {
		// Fields without subfields or indicators (see Field): say so,
		// as the file they came from did.
		leader[10], leader[11] = '0', '0'
	}
	appendDigits(leader[:12], base, 5)
	copy(leader[20:24], "4500")
	if !unimarc {
		if w.enc.cs == CharsetUTF8 {
			leader[9] = 'a'
		} else {
			leader[9] = ' '
		}
	}
	w.bw.Write(leader[:])
	w.bw.Write(w.dir)
	w.bw.Write(w.data)
	return w.bw.WriteByte(recordTerminator)
}

// declareCharset rewrites positions 26-29 of a UNIMARC 100$a.
func (w *Writer) declareCharset(v string) string {
	if len(v) < 30 {
		return v
	}
	decl := "50  "
	if w.enc.cs == CharsetGB18030 {
		decl = "0120"
	}
	w.val = append(append(append(w.val[:0], v[:26]...), decl...), v[30:]...)
	return string(w.val)
}

// Flush writes any buffered data to the underlying writer.
func (w *Writer) Flush() error { return w.bw.Flush() }

// normalLeader returns a 24-byte leader from s: padded with blanks,
// non-printable bytes blanked.
func normalLeader(s string) [leaderLen]byte {
	var l [leaderLen]byte
	for i := range l {
		l[i] = ' '
		if i < len(s) && s[i] >= 0x20 && s[i] < 0x7F {
			l[i] = s[i]
		}
	}
	return l
}

func tagBytes(tag string) []byte {
	t := []byte{'0', '0', '0'}
	for i := 0; i < 3 && i < len(tag); i++ {
		t[i] = tag[i]
	}
	return t
}

func indicatorOrBlank(c byte) byte {
	if c == 0 {
		return ' '
	}
	return c
}

// appendDigits appends n as a zero-padded decimal of width digits.
func appendDigits(b []byte, n, width int) []byte {
	var tmp [10]byte
	for i := width - 1; i >= 0; i-- {
		tmp[i] = byte('0' + n%10)
		n /= 10
	}
	return append(b, tmp[:width]...)
}

// hasOnlyValueFields reports whether r has data fields and none of them
// has subfields: a record from a file without indicators or subfield
// delimiters (leader/10-11 "00"), which must be written the same way.
func hasOnlyValueFields(r *Record) bool {
	found := false
	for i := range r.Fields {
		f := &r.Fields[i]
		if f.IsControl() {
			continue
		}
		if len(f.Subfields) > 0 || f.Value == "" {
			return false
		}
		found = true
	}
	return found
}
