// Package sip2 is the 3M Standard Interchange Protocol 2.00 at shuwu's
// edge: self-service machines, RFID gates and security doors log in as
// terminal accounts (internal/selfcheck) and lend, return, renew and hold
// through the same circulation service and policy as the desk. This
// package only translates: messages in, service calls, messages out.
package sip2

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// Field is one variable-length field: a two-letter id and its value.
type Field struct {
	ID    string
	Value string
}

// Message is one SIP2 message: its two-digit code, the fixed-length
// fields run together as sent, and the variable fields in order.
type Message struct {
	Code   string
	Fixed  string
	Fields []Field
	// Seq is the AY sequence number, or -1 when the message has none.
	Seq int
	// Checked says the message carried an AZ checksum (error detection).
	Checked bool
}

// Get returns the first value of field id, "" when absent.
func (m Message) Get(id string) string {
	v, _ := m.Lookup(id)
	return v
}

// Lookup returns the first value of field id and whether it was present.
func (m Message) Lookup(id string) (string, bool) {
	for _, f := range m.Fields {
		if f.ID == id {
			return f.Value, true
		}
	}
	return "", false
}

// All returns every value of a repeatable field (AS, AU, BM …).
func (m Message) All(id string) []string {
	var out []string
	for _, f := range m.Fields {
		if f.ID == id {
			out = append(out, f.Value)
		}
	}
	return out
}

// FixedAt returns n characters of the fixed part from position at
// (0-based, after the code), or "" when the message is too short.
func (m Message) FixedAt(at, n int) string {
	r := []rune(m.Fixed)
	if at < 0 || at+n > len(r) {
		return ""
	}
	return string(r[at : at+n])
}

// fixedLen is the length of the fixed part of each message, requests and
// responses, per the 3M SIP2 specification.
var fixedLen = map[string]int{
	"01": 19, // block patron: card retained, date
	"09": 37, // checkin: no block, date, return date
	"10": 22, // checkin response: ok, resensitize, magnetic, alert, date
	"11": 38, // checkout: SC renewal policy, no block, date, nb due date
	"12": 22, // checkout response: ok, renewal ok, magnetic, desensitize, date
	"15": 19, // hold: mode, date
	"16": 20, // hold response: ok, available, date
	"17": 18, // item information: date
	"18": 24, // item information response: circulation status, security, fee type, date
	"19": 18, // item status update: date
	"20": 19, // item status update response: properties ok, date
	"23": 21, // patron status: language, date
	"24": 35, // patron status response: status(14), language, date
	"25": 18, // patron enable: date
	"26": 35, // patron enable response: status(14), language, date
	"29": 38, // renew: third party, no block, date, nb due date
	"30": 22, // renew response: ok, renewal ok, magnetic, desensitize, date
	"35": 18, // end patron session: date
	"36": 19, // end session response: end session, date
	"37": 25, // fee paid: date, fee type, payment type, currency
	"38": 19, // fee paid response: accepted, date
	"63": 31, // patron information: language, date, summary(10)
	"64": 59, // patron information response: status(14), language, date, six counts of 4
	"65": 18, // renew all: date
	"66": 27, // renew all response: ok, renewed count, unrenewed count, date
	"93": 2,  // login: UID algorithm, PWD algorithm
	"94": 1,  // login response: ok
	"96": 0,  // request SC resend
	"97": 0,  // request ACS resend
	"98": 34, // ACS status: six flags, timeout, retries, date, version
	"99": 8,  // SC status: status code, max print width, protocol version
}

// Parse errors. ErrChecksum means the message arrived damaged: the
// server answers 96 so that the machine sends it again.
var (
	ErrChecksum = errors.New("sip2: checksum does not match")
	ErrTooShort = errors.New("sip2: message shorter than its fixed fields")
	ErrBadCode  = errors.New("sip2: unknown message code")
)

// Checksum is the SIP2 checksum of b: the two's complement of the sum of
// its bytes, as four upper-case hex digits.
func Checksum(b []byte) string {
	var s uint16
	for _, c := range b {
		s += uint16(c)
	}
	return fmt.Sprintf("%04X", uint16(-int32(s)))
}

// VerifyChecksum checks a raw message that ends in AZxxxx. It reports
// whether the message carries a checksum at all, and whether it matches.
func VerifyChecksum(raw []byte) (present, ok bool) {
	n := len(raw)
	if n < 6 || raw[n-6] != 'A' || raw[n-5] != 'Z' {
		return false, false
	}
	want, err := strconv.ParseUint(string(raw[n-4:]), 16, 16)
	if err != nil {
		return false, false
	}
	var s uint16
	for _, c := range raw[:n-4] {
		s += uint16(c)
	}
	return true, s+uint16(want) == 0
}

// Parse reads one message (without its line terminator) already decoded
// to UTF-8. checked says an AZ checksum was verified on the raw bytes, so
// the error-detection tail is to be split off.
func Parse(s string) (Message, error) {
	m := Message{Seq: -1}
	if len(s) < 2 || s[0] < '0' || s[0] > '9' || s[1] < '0' || s[1] > '9' {
		return m, ErrBadCode
	}
	m.Code = s[:2]
	n, known := fixedLen[m.Code]
	if !known {
		return m, ErrBadCode
	}
	rest := []rune(s[2:])
	if len(rest) < n {
		return m, ErrTooShort
	}
	m.Fixed = string(rest[:n])
	vars := string(rest[n:])
	// The error-detection tail AYn AZxxxx follows the last field's "|"
	// (or the fixed part when there are no fields).
	tailAt := strings.LastIndexByte(vars, '|') + 1
	if tail := vars[tailAt:]; strings.HasPrefix(tail, "AY") || strings.HasPrefix(tail, "AZ") {
		if seq, ok := parseTail(tail, &m); ok {
			m.Seq = seq
			vars = vars[:tailAt]
		}
	}
	for _, part := range strings.Split(vars, "|") {
		if part == "" {
			continue
		}
		if len(part) < 2 {
			m.Fields = append(m.Fields, Field{ID: part})
			continue
		}
		m.Fields = append(m.Fields, Field{ID: part[:2], Value: part[2:]})
	}
	return m, nil
}

// parseTail reads "AYn", "AYnAZxxxx" or "AZxxxx"; the checksum itself was
// verified on the raw bytes.
func parseTail(tail string, m *Message) (int, bool) {
	seq := -1
	if strings.HasPrefix(tail, "AY") {
		if len(tail) < 3 || tail[2] < '0' || tail[2] > '9' {
			return -1, false
		}
		seq = int(tail[2] - '0')
		tail = tail[3:]
	}
	switch {
	case tail == "":
	case len(tail) == 6 && strings.HasPrefix(tail, "AZ"):
		if _, err := strconv.ParseUint(tail[2:], 16, 16); err != nil {
			return -1, false
		}
		m.Checked = true
	default:
		return -1, false
	}
	return seq, true
}

// clean makes a value safe inside a field: no separator, no line breaks.
func clean(v string) string {
	if !strings.ContainsAny(v, "|\r\n") {
		return v
	}
	return strings.NewReplacer("|", "｜", "\r", " ", "\n", " ").Replace(v)
}

// String writes the message without the error-detection tail: code, fixed
// part, then every field ended by "|".
func (m Message) String() string {
	var b strings.Builder
	b.WriteString(m.Code)
	b.WriteString(m.Fixed)
	for _, f := range m.Fields {
		b.WriteString(f.ID)
		b.WriteString(clean(f.Value))
		b.WriteByte('|')
	}
	return b.String()
}

// AppendTail adds the error-detection tail to an encoded message: the
// sequence number when seq >= 0, then AZ and the checksum of every byte
// before it.
func AppendTail(b []byte, seq int) []byte {
	if seq >= 0 {
		b = append(b, 'A', 'Y', byte('0'+seq%10))
	}
	b = append(b, 'A', 'Z')
	return append(b, Checksum(b)...)
}
