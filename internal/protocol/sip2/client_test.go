package sip2_test

import (
	"bufio"
	"fmt"
	"net"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/simplifiedchinese"
)

// client is a SIP2 client written from the 3M specification, separately
// from the server's codec: it frames, checksums and splits messages
// itself, and checks every response against the specification's field
// lists (fixed fields by position, then the variable fields by id).
type client struct {
	t    testing.TB
	conn net.Conn
	r    *bufio.Reader
	gbk  bool
	seq  int
	// detect adds AY/AZ error detection to every request.
	detect bool
}

func dial(t testing.TB, addr string) *client {
	t.Helper()
	c, err := net.Dial("tcp", addr)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return &client{t: t, conn: c, r: bufio.NewReader(c)}
}

// sum is the SIP2 checksum, computed the way Evergreen's Checksum.pm does.
func sum(b []byte) string {
	var s int
	for _, c := range b {
		s += int(c)
	}
	return fmt.Sprintf("%04X", (-s)&0xFFFF)
}

func (c *client) encode(s string) []byte {
	if !c.gbk {
		return []byte(s)
	}
	b, err := simplifiedchinese.GBK.NewEncoder().Bytes([]byte(s))
	if err != nil {
		c.t.Fatalf("encode %q as GBK: %v", s, err)
	}
	return b
}

func (c *client) decode(b []byte) string {
	if !c.gbk {
		return string(b)
	}
	s, err := simplifiedchinese.GBK.NewDecoder().Bytes(b)
	if err != nil {
		c.t.Fatalf("decode GBK: %v", err)
	}
	return string(s)
}

// frame builds the bytes of a request: text, optional AYnAZxxxx, CR.
func (c *client) frame(msg string) []byte {
	b := c.encode(msg)
	if c.detect {
		b = append(b, fmt.Sprintf("AY%dAZ", c.seq%10)...)
		b = append(b, sum(b)...)
		c.seq++
	}
	return append(b, '\r')
}

func (c *client) sendRaw(b []byte) {
	c.t.Helper()
	c.conn.SetWriteDeadline(time.Now().Add(5 * time.Second))
	if _, err := c.conn.Write(b); err != nil {
		c.t.Fatalf("write: %v", err)
	}
}

// readRaw reads one response up to its CR.
func (c *client) readRaw() []byte {
	c.t.Helper()
	c.conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	b, err := c.r.ReadBytes('\r')
	if err != nil {
		c.t.Fatalf("read response: %v", err)
	}
	return b[:len(b)-1]
}

// do sends one request and returns its checked response.
func (c *client) do(msg string) resp {
	c.t.Helper()
	seq := c.seq % 10
	c.sendRaw(c.frame(msg))
	raw := c.readRaw()
	r := c.check(raw)
	if c.detect {
		if r.seq != strconv.Itoa(seq) {
			c.t.Fatalf("response %q: sequence AY%s, want AY%d echoed", raw, r.seq, seq)
		}
	}
	return r
}

// resp is a parsed response.
type resp struct {
	raw    string
	code   string
	fixed  map[string]string
	fields [][2]string
	seq    string
}

func (r resp) get(id string) string {
	for _, f := range r.fields {
		if f[0] == id {
			return f[1]
		}
	}
	return ""
}

func (r resp) has(id string) bool {
	for _, f := range r.fields {
		if f[0] == id {
			return true
		}
	}
	return false
}

func (r resp) all(id string) []string {
	var out []string
	for _, f := range r.fields {
		if f[0] == id {
			out = append(out, f[1])
		}
	}
	return out
}

// fixedField is one fixed-length field of a response: its name, width and
// the pattern its value must match.
type fixedField struct {
	name  string
	width int
	re    string
}

var (
	flag   = `[YN]`
	flagU  = `[YNU]`
	bit    = `[01]`
	date18 = `\d{8} {4}\d{6}`
)

// layout is a response's fixed fields and its required variable fields in
// the order of the 3M SIP2 specification (version 2.00).
type layout struct {
	fixed    []fixedField
	required []string
}

var responses = map[string]layout{
	"94": {fixed: []fixedField{{"ok", 1, bit}}},
	"98": {fixed: []fixedField{{"online", 1, flag}, {"checkin ok", 1, flag}, {"checkout ok", 1, flag}, {"renewal policy", 1, flag},
		{"status update ok", 1, flag}, {"offline ok", 1, flag}, {"timeout", 3, `\d{3}`}, {"retries", 3, `\d{3}`},
		{"date", 18, date18}, {"version", 4, `\d\.\d\d`}}, required: []string{"AO", "BX"}},
	"24": {fixed: []fixedField{{"patron status", 14, `[ Y]{14}`}, {"language", 3, `\d{3}`}, {"date", 18, date18}},
		required: []string{"AO", "AA", "AE"}},
	"26": {fixed: []fixedField{{"patron status", 14, `[ Y]{14}`}, {"language", 3, `\d{3}`}, {"date", 18, date18}},
		required: []string{"AO", "AA", "AE"}},
	"64": {fixed: []fixedField{{"patron status", 14, `[ Y]{14}`}, {"language", 3, `\d{3}`}, {"date", 18, date18},
		{"hold items", 4, `\d{4}`}, {"overdue items", 4, `\d{4}`}, {"charged items", 4, `\d{4}`}, {"fine items", 4, `\d{4}`},
		{"recall items", 4, `\d{4}`}, {"unavailable holds", 4, `\d{4}`}}, required: []string{"AO", "AA", "AE"}},
	"12": {fixed: []fixedField{{"ok", 1, bit}, {"renewal ok", 1, flag}, {"magnetic media", 1, flagU}, {"desensitize", 1, flagU}, {"date", 18, date18}},
		required: []string{"AO", "AA", "AB", "AJ", "AH"}},
	"30": {fixed: []fixedField{{"ok", 1, bit}, {"renewal ok", 1, flag}, {"magnetic media", 1, flagU}, {"desensitize", 1, flagU}, {"date", 18, date18}},
		required: []string{"AO", "AA", "AB", "AJ", "AH"}},
	"10": {fixed: []fixedField{{"ok", 1, bit}, {"resensitize", 1, flag}, {"magnetic media", 1, flagU}, {"alert", 1, flag}, {"date", 18, date18}},
		required: []string{"AO", "AB", "AQ"}},
	"66": {fixed: []fixedField{{"ok", 1, bit}, {"renewed count", 4, `\d{4}`}, {"unrenewed count", 4, `\d{4}`}, {"date", 18, date18}},
		required: []string{"AO"}},
	"18": {fixed: []fixedField{{"circulation status", 2, `0[1-9]|1[0-3]`}, {"security marker", 2, `0[0-3]`}, {"fee type", 2, `0[1-9]|1[0-2]`}, {"date", 18, date18}},
		required: []string{"AB", "AJ"}},
	"20": {fixed: []fixedField{{"item properties ok", 1, bit}, {"date", 18, date18}}, required: []string{"AB"}},
	"16": {fixed: []fixedField{{"ok", 1, bit}, {"available", 1, flag}, {"date", 18, date18}}, required: []string{"AO", "AA"}},
	"36": {fixed: []fixedField{{"end session", 1, flag}, {"date", 18, date18}}, required: []string{"AO", "AA"}},
	"38": {fixed: []fixedField{{"payment accepted", 1, flag}, {"date", 18, date18}}, required: []string{"AO", "AA"}},
	"96": {},
}

var fieldSyntax = regexp.MustCompile(`^[A-Z]{2}[^|]*$`)

var patterns sync.Map // fixed-field pattern → *regexp.Regexp

func fixedPattern(re string) *regexp.Regexp {
	if p, ok := patterns.Load(re); ok {
		return p.(*regexp.Regexp)
	}
	p := regexp.MustCompile(`^(` + re + `)$`)
	patterns.Store(re, p)
	return p
}

// check verifies a raw response: its checksum when it has one, its fixed
// fields by position and width, its variable fields' syntax (every one
// ended by "|", as Evergreen's suite demands) and the required fields in
// order.
func (c *client) check(rawBytes []byte) resp {
	c.t.Helper()
	var r resp
	b := rawBytes
	if n := len(b); n >= 6 && string(b[n-6:n-4]) == "AZ" {
		if got := sum(b[:n-4]); got != string(b[n-4:]) {
			c.t.Fatalf("response %q: checksum %s, want %s", b, b[n-4:], got)
		}
		b = b[:n-6]
		if n := len(b); n >= 3 && string(b[n-3:n-1]) == "AY" {
			r.seq = string(b[n-1:])
			b = b[:n-3]
		}
	}
	s := c.decode(b)
	r.raw = s
	if len(s) < 2 {
		c.t.Fatalf("response %q too short", s)
	}
	r.code = s[:2]
	l, ok := responses[r.code]
	if !ok {
		c.t.Fatalf("response %q: unexpected code %s", s, r.code)
	}
	rest := s[2:]
	r.fixed = map[string]string{}
	for _, f := range l.fixed {
		if len(rest) < f.width {
			c.t.Fatalf("response %q: fixed field %q cut short", s, f.name)
		}
		v := rest[:f.width]
		if !fixedPattern(f.re).MatchString(v) {
			c.t.Fatalf("response %q: fixed field %q = %q, want /%s/", s, f.name, v, f.re)
		}
		r.fixed[f.name] = v
		rest = rest[f.width:]
	}
	if rest != "" && !strings.HasSuffix(rest, "|") {
		c.t.Fatalf("response %q: last field not ended by |", s)
	}
	for _, part := range strings.Split(strings.TrimSuffix(rest, "|"), "|") {
		if part == "" && rest == "" {
			continue
		}
		if !fieldSyntax.MatchString(part) {
			c.t.Fatalf("response %q: malformed field %q", s, part)
		}
		r.fields = append(r.fields, [2]string{part[:2], part[2:]})
	}
	at := 0
	for _, id := range l.required {
		found := false
		for ; at < len(r.fields); at++ {
			if r.fields[at][0] == id {
				found = true
				break
			}
		}
		if !found {
			c.t.Fatalf("response %q: required field %s missing or out of order (want %v)", s, id, l.required)
		}
	}
	return r
}

// stamp is a request date in SIP2 form.
func stamp() string { return time.Now().Format("20060102") + "    " + time.Now().Format("150405") }
