package marc

import (
	"bytes"
	"io"
	"strings"
	"unicode/utf8"
)

// NamespaceMARC21Slim is the MARCXML namespace written by XMLWriter.
const NamespaceMARC21Slim = "http://www.loc.gov/MARC21/slim"

// XMLWriter writes records as a MARCXML collection, by hand into a
// buffer: encoding/xml's reflection would cost more than the rest of a
// conversion. Call Close to end the collection.
type XMLWriter struct {
	w       io.Writer
	out     []byte // pending output, flushed in 64 KiB blocks
	err     error  // first write error; later writes are dropped
	started bool
	closed  bool
	text    []byte
}

const xmlFlushSize = 64 << 10

// NewXMLWriter returns an XMLWriter writing UTF-8 MARCXML to w.
func NewXMLWriter(w io.Writer) *XMLWriter {
	return &XMLWriter{w: w, out: make([]byte, 0, xmlFlushSize+8<<10)}
}

func (w *XMLWriter) ws(s string) { w.out = append(w.out, s...) }
func (w *XMLWriter) wb(b []byte) { w.out = append(w.out, b...) }

// endRecord flushes the buffer once it is full and reports the first
// write error.
func (w *XMLWriter) endRecord() error {
	if len(w.out) >= xmlFlushSize {
		w.flush()
	}
	return w.err
}

func (w *XMLWriter) flush() {
	if w.err == nil && len(w.out) > 0 {
		_, w.err = w.w.Write(w.out)
	}
	w.out = w.out[:0]
}

func (w *XMLWriter) start() {
	if !w.started {
		w.started = true
		w.ws("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<collection xmlns=\"" + NamespaceMARC21Slim + "\">\n")
	}
}

// Write writes one record. Leader/09 is set to 'a' for MARC21, because the
// output is UTF-8.
func (w *XMLWriter) Write(r *Record) error {
	w.start()
	w.writeLeader(r.Leader, !r.IsUNIMARC())
	for i := range r.Fields {
		f := &r.Fields[i]
		if f.IsControl() {
			w.openControl(f.Tag)
			w.escape(f.Value)
			w.ws("</controlfield>\n")
			continue
		}
		w.openData(f.Tag, indicatorOrBlank(f.Ind1), indicatorOrBlank(f.Ind2))
		if len(f.Subfields) == 0 && f.Value != "" {
			// A field that came without subfield delimiters keeps its
			// text as an unnamed subfield rather than losing it.
			w.openSub(' ')
			w.escape(f.Value)
			w.ws("</subfield>\n")
		}
		for _, s := range f.Subfields {
			w.openSub(s.Code)
			w.escape(s.Value)
			w.ws("</subfield>\n")
		}
		w.ws("  </datafield>\n")
	}
	w.ws("</record>\n")
	return w.endRecord()
}

func (w *XMLWriter) writeLeader(leader string, marc21 bool) {
	l := normalLeader(leader)
	if marc21 {
		l[9] = 'a'
	}
	w.ws("<record>\n  <leader>")
	w.escapeBytes(l[:])
	w.ws("</leader>\n")
}

func (w *XMLWriter) openControl(tag string) {
	w.ws("  <controlfield tag=\"")
	w.escape(tag)
	w.ws("\">")
}

func (w *XMLWriter) openData(tag string, ind1, ind2 byte) {
	w.ws("  <datafield tag=\"")
	w.escape(tag)
	w.ws("\" ind1=\"")
	w.escapeByte(ind1)
	w.ws("\" ind2=\"")
	w.escapeByte(ind2)
	w.ws("\">\n")
}

func (w *XMLWriter) openSub(code byte) {
	w.ws("    <subfield code=\"")
	w.escapeByte(code)
	w.ws("\">")
}

// Close ends the collection and flushes. An empty collection is still
// written, so the output is always a well-formed document.
func (w *XMLWriter) Close() error {
	if w.closed {
		return nil
	}
	w.closed = true
	w.start()
	w.ws("</collection>\n")
	w.flush()
	return w.err
}

func (w *XMLWriter) escapeByte(c byte) {
	switch {
	case c < 0x20 || c >= 0x7F:
		w.out = append(w.out, ' ')
	case c == '<':
		w.ws("&lt;")
	case c == '>':
		w.ws("&gt;")
	case c == '&':
		w.ws("&amp;")
	case c == '"':
		w.ws("&quot;")
	default:
		w.out = append(w.out, c)
	}
}

// xmlSpecial marks the bytes escapeBytes must look at; all others are
// copied as they are.
var xmlSpecial = func() (t [256]bool) {
	for c := 0; c < 0x20; c++ {
		t[c] = true
	}
	for _, c := range []byte{'<', '>', '&', '"', 0xEF} {
		t[c] = true
	}
	t['\t'], t['\n'] = false, false
	return t
}()

func (w *XMLWriter) escape(s string) {
	if !utf8.ValidString(s) {
		s = strings.ToValidUTF8(s, "\uFFFD")
	}
	w.text = append(w.text[:0], s...)
	w.escapeBytes(w.text)
}

// escapeBytes writes valid UTF-8 text escaped for element content and
// attribute values. Characters XML 1.0 forbids (C0 controls other than
// tab, newline and carriage return; U+FFFE, U+FFFF) become U+FFFD so the
// document always parses.
func (w *XMLWriter) escapeBytes(b []byte) {
	last := 0
	for i := 0; i < len(b); i++ {
		c := b[i]
		if !xmlSpecial[c] {
			continue
		}
		var rep string
		switch {
		case c == '<':
			rep = "&lt;"
		case c == '>':
			rep = "&gt;"
		case c == '&':
			rep = "&amp;"
		case c == '"':
			rep = "&quot;"
		case c == '\r':
			rep = "&#13;"
		case c < 0x20:
			rep = "\uFFFD"
		case c == 0xEF && i+2 < len(b) && b[i+1] == 0xBF && (b[i+2] == 0xBE || b[i+2] == 0xBF):
			w.wb(b[last:i])
			w.ws("\uFFFD")
			i += 2
			last = i + 1
			continue
		default:
			continue
		}
		w.wb(b[last:i])
		w.ws(rep)
		last = i + 1
	}
	w.wb(b[last:])
}

// writeRaw writes a parsed ISO 2709 record, decoding each value straight
// into a scratch buffer. It mirrors Reader.decode followed by Write, and
// reports false if some text could not be decoded.
func (w *XMLWriter) writeRaw(raw *rawRecord, cs Charset, dec *textDecoder) bool {
	w.start()
	ok := true
	w.ws("<record>\n  <leader>")
	var l [leaderLen]byte
	copy(l[:], raw.leader)
	if !raw.looksUNIMARC() {
		l[9] = 'a'
	}
	w.escapeBytes(l[:])
	w.ws("</leader>\n")
	nind := raw.indicatorCount()
	for i := range raw.fields {
		rf := &raw.fields[i]
		var good bool
		d := rf.data
		if rf.isControl(nind) {
			w.ws("  <controlfield tag=\"")
			w.escapeBytes(rf.tag[:])
			w.ws("\">")
			w.text, good = dec.appendText(w.text[:0], d, cs)
			ok = ok && good
			w.escapeBytes(w.text)
			w.ws("</controlfield>\n")
			continue
		}
		first := indexDelim(d)
		ind1, ind2 := byte(' '), byte(' ')
		if nind > 0 && first > 0 {
			ind1 = cleanIndicator(d[0])
		}
		if nind > 1 && first > 1 {
			ind2 = cleanIndicator(d[1])
		}
		w.ws("  <datafield tag=\"")
		w.escapeBytes(rf.tag[:])
		w.ws("\" ind1=\"")
		w.escapeByte(ind1)
		w.ws("\" ind2=\"")
		w.escapeByte(ind2)
		w.ws("\">\n")
		if nind == 0 && first == len(d) && len(d) > 0 {
			w.openSub(' ')
			w.text, good = dec.appendText(w.text[:0], d, cs)
			ok = ok && good
			w.escapeBytes(w.text)
			w.ws("</subfield>\n")
		}
		d = d[first:]
		for len(d) > 0 {
			d = d[1:]
			end := indexDelim(d)
			chunk := d[:end]
			d = d[end:]
			if len(chunk) == 0 {
				continue
			}
			w.openSub(chunk[0])
			w.text, good = dec.appendText(w.text[:0], chunk[1:], cs)
			ok = ok && good
			w.escapeBytes(w.text)
			w.ws("</subfield>\n")
		}
		w.ws("  </datafield>\n")
	}
	w.ws("</record>\n")
	w.endRecord()
	return ok
}

// indexDelim returns the index of the next subfield delimiter, or len(b).
func indexDelim(b []byte) int {
	if i := bytes.IndexByte(b, subfieldDelim); i >= 0 {
		return i
	}
	return len(b)
}
