package marc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"unicode/utf8"
)

// ReaderOptions configure how records are decoded.
type ReaderOptions struct {
	// Charset forces the encoding of every record. CharsetAuto (or "")
	// decides per record: leader/09 'a' means UTF-8; a UNIMARC/CNMARC
	// record is UTF-8 when all its bytes are valid UTF-8 and GBK/GB18030
	// otherwise, with single subfields that only UTF-8 can read read as
	// UTF-8 (its 100$a/26-29 declaration is too often wrong to trust);
	// a MARC21 record with a blank leader/09 is MARC-8, unless it
	// has no escape sequences and all its bytes are valid UTF-8, a pattern
	// MARC-8's combining marks cannot produce.
	Charset Charset
}

// Reader reads ISO 2709 records from a stream, one at a time, in memory
// bounded by the largest record ISO 2709 allows.
type Reader struct {
	br       *bufio.Reader
	opts     ReaderOptions
	index    int   // index of the next record
	pos      int64 // bytes consumed so far
	recStart int64 // offset of the current record

	buf   []byte // record bytes when a record spans bufio's buffer
	raw   rawRecord
	dec   textDecoder
	text  []byte
	spans []textSpan
}

// textSpan locates one decoded value in Reader.text.
type textSpan struct {
	code       byte
	start, end int
}

// NewReader returns a Reader reading ISO 2709 from r.
func NewReader(r io.Reader, opts ReaderOptions) *Reader {
	if opts.Charset == "" {
		opts.Charset = CharsetAuto
	}
	return &Reader{br: bufio.NewReaderSize(r, 64<<10), opts: opts}
}

// Read returns the next record. At the end of the stream it returns
// io.EOF. A damaged record gives a *RecordError; reading may continue
// with the next call. When the structure is sound and only some text
// could not be decoded, Read returns the record (bad bytes shown as
// U+FFFD) together with a *RecordError of ReasonBadEncoding.
func (r *Reader) Read() (*Record, error) {
	raw, cs, err := r.next()
	if err != nil {
		return nil, err
	}
	rec, ok := r.decode(raw, cs)
	if !ok {
		return rec, &RecordError{Index: r.index - 1, Offset: r.recStart, Reason: ReasonBadEncoding,
			Err: fmt.Errorf("field text is not valid %s", cs)}
	}
	return rec, nil
}

// next reads and parses the next record without decoding its text.
func (r *Reader) next() (*rawRecord, Charset, error) {
	rec, err := r.readRecordBytes()
	if err != nil && !errors.Is(err, errNoTerminator) && !errors.Is(err, errTooLong) {
		return nil, "", err
	}
	idx := r.index
	r.index++
	if errors.Is(err, errTooLong) {
		return nil, "", &RecordError{Index: idx, Offset: r.recStart, Reason: ReasonBadLeader,
			Err: fmt.Errorf("no record terminator within %d bytes", maxRecordLen+readLimitSlop)}
	}
	if serr := parseISO2709(rec, &r.raw); serr != nil {
		return nil, "", &RecordError{Index: idx, Offset: r.recStart, Reason: serr.reason, Err: serr.err}
	}
	return &r.raw, r.charsetFor(&r.raw), nil
}

var errTooLong = errors.New("record too long")

// readRecordBytes returns the bytes up to and including the next record
// terminator, skipping line breaks and padding between records (a stray
// record or field terminator is padding too: it holds no record). The
// result is valid until the next call. A record longer than ISO 2709
// allows is consumed up to its terminator and reported as errTooLong.
// Bytes after the last record that do not start as a record does (five
// digits of record length) are padding, not a damaged record: tape and
// block-oriented exports fill the last block, and yaz-marcdump skips them.
func (r *Reader) readRecordBytes() ([]byte, error) {
	for {
		c, err := r.br.ReadByte()
		if err != nil {
			r.recStart = r.pos
			return nil, err
		}
		if c != '\n' && c != '\r' && c != 0 && c != 0x1A && c != ' ' && c != recordTerminator && c != fieldTerminator {
			_ = r.br.UnreadByte()
			break
		}
		r.pos++
	}
	r.recStart = r.pos
	line, err := r.br.ReadSlice(recordTerminator)
	r.pos += int64(len(line))
	if err == nil {
		return line, nil
	}
	r.buf = append(r.buf[:0], line...)
	tooLong := false
	for errors.Is(err, bufio.ErrBufferFull) {
		line, err = r.br.ReadSlice(recordTerminator)
		r.pos += int64(len(line))
		if len(r.buf)+len(line) > maxRecordLen+readLimitSlop {
			tooLong = true
			continue
		}
		r.buf = append(r.buf, line...)
	}
	switch {
	case tooLong:
		return nil, errTooLong
	case err == io.EOF && (len(r.buf) == 0 || !startsLikeRecord(r.buf)):
		return nil, io.EOF
	case err == io.EOF:
		return r.buf, errNoTerminator
	case err != nil:
		return nil, err
	}
	return r.buf, nil
}

// startsLikeRecord reports whether b begins with the five digits of an
// ISO 2709 record length, so a truncated last record is told from padding.
func startsLikeRecord(b []byte) bool {
	if len(b) < 5 {
		return false
	}
	for _, c := range b[:5] {
		if c < '0' || c > '9' {
			return false
		}
	}
	return true
}

// charsetFor chooses the text encoding of one record (see ReaderOptions).
func (r *Reader) charsetFor(raw *rawRecord) Charset {
	if r.opts.Charset != CharsetAuto {
		return r.opts.Charset
	}
	return detectCharset(raw)
}

func detectCharset(raw *rawRecord) Charset {
	if raw.leader[9] == 'a' {
		return CharsetUTF8
	}
	unimarc := raw.looksUNIMARC()
	nonASCII := false
	for i := range raw.fields {
		d := raw.fields[i].data
		if !unimarc && bytes.IndexByte(d, m8Escape) >= 0 {
			return CharsetMARC8
		}
		if !isASCII(d) {
			nonASCII = true
		}
	}
	if !nonASCII && !unimarc {
		return CharsetMARC8
	}
	for i := range raw.fields {
		if !utf8.Valid(raw.fields[i].data) {
			if unimarc {
				return charsetGBOrUTF8
			}
			return CharsetMARC8
		}
	}
	return CharsetUTF8
}

// decode builds a Record from raw. All text of the record goes into one
// string and every value is a slice of it, so a record costs a handful
// of allocations however many subfields it has.
func (r *Reader) decode(raw *rawRecord, cs Charset) (*Record, bool) {
	ok := true
	text := append(r.text[:0], raw.leader...)
	spans := r.spans[:0]
	nind := raw.indicatorCount()
	rec := &Record{Fields: make([]Field, len(raw.fields))}

	// First pass: decode all text, noting where each value lands.
	// fieldSpans[i] = [first span, end span) in spans; a control value is
	// one span with code 0.
	type fieldSpan struct{ tag, s0, s1 int }
	fspans := make([]fieldSpan, len(raw.fields))
	for i := range raw.fields {
		rf := &raw.fields[i]
		f := &rec.Fields[i]
		fspans[i].tag = len(text)
		text = append(text, rf.tag[:]...)
		fspans[i].s0 = len(spans)
		var good bool
		if rf.valueOnly(nind) {
			s := len(text)
			text, good = r.dec.appendText(text, rf.data, cs)
			ok = ok && good
			spans = append(spans, textSpan{start: s, end: len(text)})
			fspans[i].s1 = len(spans)
			continue
		}
		d := rf.data
		f.Ind1, f.Ind2 = ' ', ' '
		first := bytes.IndexByte(d, subfieldDelim)
		if first < 0 {
			first = len(d)
		}
		if nind > 0 && first > 0 {
			f.Ind1 = cleanIndicator(d[0])
		}
		if nind > 1 && first > 1 {
			f.Ind2 = cleanIndicator(d[1])
		}
		d = d[first:]
		for len(d) > 0 {
			d = d[1:] // the delimiter
			end := bytes.IndexByte(d, subfieldDelim)
			if end < 0 {
				end = len(d)
			}
			chunk := d[:end]
			d = d[end:]
			if len(chunk) == 0 {
				continue
			}
			s := len(text)
			text, good = r.dec.appendText(text, chunk[1:], cs)
			ok = ok && good
			spans = append(spans, textSpan{code: chunk[0], start: s, end: len(text)})
		}
		fspans[i].s1 = len(spans)
	}
	r.text, r.spans = text, spans

	// Second pass: one string for the whole record, sliced.
	all := string(text)
	rec.Leader = all[:leaderLen]
	nsub := 0
	for i := range rec.Fields {
		if !raw.fields[i].valueOnly(nind) {
			nsub += fspans[i].s1 - fspans[i].s0
		}
	}
	subs := make([]Subfield, 0, nsub)
	for i := range rec.Fields {
		f := &rec.Fields[i]
		fs := fspans[i]
		f.Tag = all[fs.tag : fs.tag+3]
		if raw.fields[i].valueOnly(nind) {
			sp := spans[fs.s0]
			f.Value = all[sp.start:sp.end]
			continue
		}
		from := len(subs)
		for _, sp := range spans[fs.s0:fs.s1] {
			subs = append(subs, Subfield{Code: sp.code, Value: all[sp.start:sp.end]})
		}
		f.Subfields = subs[from:len(subs):len(subs)]
	}
	return rec, ok
}

// valueOnly reports whether rf decodes to a single Value: a control
// field, or a data field of a record declaring no indicators whose data
// has no subfield delimiters (see Field).
func (rf *rawField) valueOnly(nind int) bool {
	return rf.isControl(nind) || (nind == 0 && bytes.IndexByte(rf.data, subfieldDelim) < 0)
}

// isControl reports whether rf is a control field. A 00X field whose data
// has a subfield delimiter right after the indicators is a data field
// (danMARC-style): yaz-marcdump's rule, so both read such files alike.
func (rf *rawField) isControl(nind int) bool {
	if !IsControlTag(string(rf.tag[:])) {
		return false
	}
	return nind == 0 || len(rf.data) <= nind || rf.data[nind] != subfieldDelim
}

// cleanIndicator keeps printable ASCII indicators and turns anything else
// into a blank, so damaged bytes cannot leak into XML attributes.
func cleanIndicator(c byte) byte {
	if c < 0x20 || c > 0x7E {
		return ' '
	}
	return c
}
