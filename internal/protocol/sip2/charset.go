package sip2

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/simplifiedchinese"

	"shuwu/internal/selfcheck"
)

// codec turns a terminal's bytes into text and back. SIP2 names no
// character set, so each terminal account says which one its machine uses;
// the checksum covers the bytes as sent, so it is computed after encoding.
type codec struct {
	enc selfcheck.Encoding
}

// decode reads a message's bytes. GBK is read as GB18030, its superset, so
// a machine that sends a rare four-byte character is still understood;
// bytes that are not valid in the terminal's set become U+FFFD.
func (c codec) decode(b []byte) string {
	if c.enc == selfcheck.GBK {
		s, err := simplifiedchinese.GB18030.NewDecoder().Bytes(b)
		if err == nil {
			return string(s)
		}
	}
	if utf8.Valid(b) {
		return string(b)
	}
	return strings.ToValidUTF8(string(b), "\uFFFD")
}

// encode writes a message's text; characters GBK lacks become "?".
func (c codec) encode(s string) []byte {
	if c.enc == selfcheck.GBK {
		b, err := encoding.ReplaceUnsupported(simplifiedchinese.GBK.NewEncoder()).Bytes([]byte(s))
		if err == nil {
			return b
		}
	}
	return []byte(s)
}
