package marc

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"
	"golang.org/x/text/unicode/norm"
)

// Charset names the byte encoding of MARC data in a file.
type Charset string

// Charsets understood by readers and writers. CharsetAuto lets the reader
// decide per record (see ReaderOptions); the others force one encoding.
const (
	CharsetAuto    Charset = "auto"
	CharsetUTF8    Charset = "utf-8"
	CharsetGB18030 Charset = "gb18030" // also reads GBK and GB2312, its subsets
	CharsetMARC8   Charset = "marc-8"
	CharsetCP1251  Charset = "windows-1251"
	CharsetCP866   Charset = "cp866"

	// charsetGBOrUTF8 decodes each subfield as GB18030, or as UTF-8 when
	// GB18030 fails on it and it is valid UTF-8: what a CNMARC record
	// needs once it is known not to be all UTF-8, because Chinese tools
	// still write GBK by default and records patched by other tools mix
	// the two. (The choice cannot be made per subfield alone: short GBK
	// strings such as 页 D2 B3 are valid UTF-8 too.)
	charsetGBOrUTF8 Charset = "gb18030|utf-8"
)

// ParseCharset maps a user-supplied encoding name (any case, common
// aliases) to a Charset. The empty string means CharsetAuto.
func ParseCharset(name string) (Charset, error) {
	switch strings.ToLower(strings.TrimSpace(name)) {
	case "", "auto":
		return CharsetAuto, nil
	case "utf-8", "utf8":
		return CharsetUTF8, nil
	case "gbk", "gb18030", "gb2312", "cp936", "936":
		return CharsetGB18030, nil
	case "marc-8", "marc8", "ansel":
		return CharsetMARC8, nil
	case "windows-1251", "cp1251", "1251":
		return CharsetCP1251, nil
	case "cp866", "ibm866", "866":
		return CharsetCP866, nil
	}
	return "", fmt.Errorf("marc: unknown character set %q", name)
}

// textDecoder turns subfield bytes into NFC UTF-8. It keeps scratch space
// between calls, so one decoder serves one reader at a time.
type textDecoder struct {
	gb      transform.Transformer
	scratch []byte
	marc8   marc8Decoder
}

// appendText appends the NFC UTF-8 form of src, read in charset cs, to dst.
// ok is false when src was not valid in cs; the bad bytes then appear as
// U+FFFD so the rest of the value survives.
func (d *textDecoder) appendText(dst, src []byte, cs Charset) (out []byte, ok bool) {
	if isASCII(src) && cs != CharsetMARC8 {
		return append(dst, src...), true
	}
	switch cs {
	case CharsetUTF8:
		return appendUTF8(dst, src)
	case charsetGBOrUTF8:
		if looksLikeCJKUTF8(src) {
			return appendNFC(dst, src), true
		}
		n := len(dst)
		out, ok := d.appendGB(dst, src)
		if !ok && utf8.Valid(src) {
			return appendNFC(out[:n], src), true
		}
		return out, ok
	case CharsetGB18030:
		return d.appendGB(dst, src)
	case CharsetMARC8:
		d.scratch, ok = d.marc8.appendUTF8(d.scratch[:0], src)
		return appendNFC(dst, d.scratch), ok
	case CharsetCP1251:
		return d.appendCharmap(dst, src, charmap.Windows1251), true
	case CharsetCP866:
		return d.appendCharmap(dst, src, charmap.CodePage866), true
	}
	return appendUTF8(dst, src)
}

// looksLikeCJKUTF8 reports whether src is valid UTF-8 made of ASCII and
// three- or four-byte sequences only, as Chinese text in UTF-8 is. GBK
// text is rarely valid UTF-8 at all, and when it is (页 = D2 B3) it reads
// as two-byte sequences, so this tells the two apart in a mixed record.
func looksLikeCJKUTF8(src []byte) bool {
	multi := false
	for i := 0; i < len(src); {
		c := src[i]
		if c < 0x80 {
			i++
			continue
		}
		r, n := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError || n < 3 {
			return false
		}
		multi = true
		i += n
	}
	return multi
}

// isPlainHanUTF8 reports whether src is ASCII and characters U+4000 to
// U+9FFF only, in valid UTF-8. Those are all NFC and never combine with
// a neighbour, so such text (most Chinese catalogue data) needs neither
// validation nor normalisation beyond this scan.
func isPlainHanUTF8(src []byte) bool {
	for i := 0; i < len(src); {
		c := src[i]
		switch {
		case c < 0x80:
			i++
		case c >= 0xE4 && c <= 0xE9 && i+2 < len(src) &&
			src[i+1]&0xC0 == 0x80 && src[i+2]&0xC0 == 0x80:
			i += 3
		default:
			return false
		}
	}
	return true
}

func isASCII(b []byte) bool {
	for _, c := range b {
		if c >= 0x80 {
			return false
		}
	}
	return true
}

// appendUTF8 validates and normalises UTF-8 input.
func appendUTF8(dst, src []byte) ([]byte, bool) {
	if isPlainHanUTF8(src) {
		return append(dst, src...), true
	}
	if utf8.Valid(src) {
		return appendNFC(dst, src), true
	}
	return appendNFC(dst, bytes.ToValidUTF8(src, []byte("\uFFFD"))), false
}

// appendNFC appends valid UTF-8 src to dst in NFC. Most text is already
// NFC, and QuickSpan lets that case be a plain copy.
func appendNFC(dst, src []byte) []byte {
	if norm.NFC.QuickSpan(src) == len(src) {
		return append(dst, src...)
	}
	return norm.NFC.Append(dst, src...)
}

func (d *textDecoder) appendGB(dst, src []byte) ([]byte, bool) {
	if d.gb == nil {
		d.gb = simplifiedchinese.GB18030.NewDecoder()
	}
	var ok bool
	d.scratch, ok = appendTransform(d.scratch[:0], src, d.gb)
	if ok && bytes.Contains(d.scratch, []byte("\uFFFD")) && !bytes.Contains(src, []byte{0x84, 0x31, 0xA4, 0x37}) {
		ok = false // the decoder replaced undecodable bytes
	}
	return appendNFC(dst, d.scratch), ok
}

func (d *textDecoder) appendCharmap(dst, src []byte, cm *charmap.Charmap) []byte {
	d.scratch = d.scratch[:0]
	for _, c := range src {
		if c < 0x80 {
			d.scratch = append(d.scratch, c)
			continue
		}
		d.scratch = utf8.AppendRune(d.scratch, cm.DecodeByte(c))
	}
	return appendNFC(dst, d.scratch)
}

// appendTransform runs t over all of src, appending to dst without the
// per-call allocations of transform.Bytes.
func appendTransform(dst, src []byte, t transform.Transformer) ([]byte, bool) {
	t.Reset()
	ok := true
	grow := cap(dst)-len(dst) < len(src)*3+16 // one input byte may become three
	for {
		if grow {
			grown := make([]byte, len(dst), 2*cap(dst)+len(src)*3+16)
			copy(grown, dst)
			dst = grown
		}
		nDst, nSrc, err := t.Transform(dst[len(dst):cap(dst)], src, true)
		dst = dst[:len(dst)+nDst]
		src = src[nSrc:]
		grow = false
		switch err {
		case nil:
			return dst, ok
		case transform.ErrShortDst:
			grow = true
			continue
		default:
			// Undecodable input: keep a replacement and skip a byte.
			ok = false
			dst = append(dst, "\uFFFD"...)
			if len(src) == 0 {
				return dst, ok
			}
			src = src[1:]
		}
	}
}

// textEncoder turns NFC UTF-8 into the bytes of an output charset.
type textEncoder struct {
	cs Charset
	gb transform.Transformer
}

func newTextEncoder(cs Charset) (*textEncoder, error) {
	switch cs {
	case CharsetUTF8, "":
		return &textEncoder{cs: CharsetUTF8}, nil
	case CharsetGB18030:
		return &textEncoder{cs: cs, gb: simplifiedchinese.GB18030.NewEncoder()}, nil
	}
	return nil, fmt.Errorf("marc: cannot write character set %q (use utf-8 or gbk)", cs)
}

// appendString appends s in the encoder's charset.
func (e *textEncoder) appendString(dst []byte, s string) []byte {
	if e.cs == CharsetUTF8 || isASCIIString(s) {
		return append(dst, s...)
	}
	out, _ := appendTransform(dst, []byte(s), e.gb)
	return out
}

func isASCIIString(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
