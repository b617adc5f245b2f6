package testkit

import (
	"bufio"
	"encoding/base64"
	"io"
	"mime"
	"net"
	"net/mail"
	"net/textproto"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// SMTPServer is a small SMTP server on 127.0.0.1 for tests: it speaks
// EHLO, AUTH PLAIN, MAIL, RCPT, DATA, RSET, NOOP and QUIT, and records
// every mail it accepts. Set Fail to make it refuse recipients (550).
type SMTPServer struct {
	Addr string
	Host string
	Port int
	// Fail makes the server refuse every recipient while true.
	Fail atomic.Bool

	ln    net.Listener
	mu    sync.Mutex
	mails []Mail
}

// Mail is one mail the test server accepted.
type Mail struct {
	From, To string
	User     string // who logged in, "" for nobody
	Subject  string // decoded
	Body     string // decoded
	Raw      string
}

// StartSMTP starts the server; it stops when tb ends.
func StartSMTP(tb testing.TB) *SMTPServer {
	tb.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatalf("smtp listen: %v", err)
	}
	a := ln.Addr().(*net.TCPAddr)
	s := &SMTPServer{Addr: a.String(), Host: "127.0.0.1", Port: a.Port, ln: ln}
	go s.accept()
	tb.Cleanup(func() { ln.Close() })
	return s
}

// Mails returns the mails accepted so far.
func (s *SMTPServer) Mails() []Mail {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Mail(nil), s.mails...)
}

func (s *SMTPServer) accept() {
	for {
		c, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.serve(c)
	}
}

func (s *SMTPServer) serve(c net.Conn) {
	defer c.Close()
	tp := textproto.NewConn(c)
	say := func(line string) { _ = tp.PrintfLine("%s", line) }
	say("220 test.local ESMTP")
	var m Mail
	user := ""
	for {
		line, err := tp.ReadLine()
		if err != nil {
			return
		}
		verb, arg, _ := strings.Cut(line, " ")
		switch strings.ToUpper(verb) {
		case "EHLO", "HELO":
			say("250-test.local")
			say("250-8BITMIME")
			say("250 AUTH PLAIN")
		case "AUTH":
			mech, cred, _ := strings.Cut(arg, " ")
			if strings.ToUpper(mech) != "PLAIN" {
				say("504 unsupported")
				continue
			}
			if cred == "" {
				say("334 ")
				if cred, err = tp.ReadLine(); err != nil {
					return
				}
			}
			raw, _ := base64.StdEncoding.DecodeString(cred)
			parts := strings.Split(string(raw), "\x00")
			if len(parts) != 3 || parts[2] != "secret" {
				say("535 authentication failed")
				continue
			}
			user = parts[1]
			say("235 ok")
		case "MAIL":
			m = Mail{From: addrArg(arg), User: user}
			say("250 ok")
		case "RCPT":
			if s.Fail.Load() {
				say("550 mailbox unavailable")
				continue
			}
			m.To = addrArg(arg)
			say("250 ok")
		case "DATA":
			say("354 go ahead")
			data, err := io.ReadAll(tp.DotReader())
			if err != nil {
				return
			}
			m.Raw = string(data)
			m.Subject, m.Body = decodeMail(m.Raw)
			s.mu.Lock()
			s.mails = append(s.mails, m)
			s.mu.Unlock()
			say("250 queued as test")
		case "RSET", "NOOP":
			say("250 ok")
		case "QUIT":
			say("221 bye")
			return
		default:
			say("502 unknown")
		}
	}
}

func addrArg(arg string) string {
	_, a, _ := strings.Cut(arg, ":")
	return strings.Trim(strings.TrimSpace(a), "<>")
}

func decodeMail(raw string) (subject, body string) {
	msg, err := mail.ReadMessage(bufio.NewReader(strings.NewReader(raw)))
	if err != nil {
		return "", raw
	}
	subject, _ = new(mime.WordDecoder).DecodeHeader(msg.Header.Get("Subject"))
	b, _ := io.ReadAll(msg.Body)
	if strings.EqualFold(msg.Header.Get("Content-Transfer-Encoding"), "base64") {
		d, _ := base64.StdEncoding.DecodeString(strings.NewReplacer("\r", "", "\n", "").Replace(string(b)))
		b = d
	}
	return subject, strings.ReplaceAll(string(b), "\r\n", "\n")
}
