package sip2

import (
	"context"
	"crypto/sha256"
	"errors"
	"net"
	"strings"
	"sync"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/selfcheck"
)

// session is one machine's connection: who logged in, the character set,
// the last answer (for 97 resend) and the reader PINs already checked.
type session struct {
	srv    *Server
	remote string
	term   *selfcheck.Terminal
	codec  codec
	last   []byte
	// pins holds a digest of each reader's PIN verified on this
	// connection, so a machine that sends AD with every message costs one
	// password check per reader, not one per book. End session forgets it.
	pins map[string][32]byte
}

func (s *session) name() string {
	if s.term == nil {
		return ""
	}
	return s.term.Name
}

// handle answers one raw message. keep is false when the connection
// should close.
func (s *session) handle(raw []byte) (out []byte, keep bool) {
	if present, ok := VerifyChecksum(raw); present && !ok {
		s.srv.d.Log.Info("sip2: bad checksum, asking for resend", "terminal", s.name(), "remote", s.remote)
		return []byte("96"), true
	}
	m, err := Parse(s.codec.decode(raw))
	switch {
	case errors.Is(err, ErrBadCode):
		s.srv.d.Log.Info("sip2: unknown message ignored", "terminal", s.name(), "code", clip(string(raw), 2))
		return nil, true
	case err != nil:
		return []byte("96"), true
	}
	if m.Code == "97" {
		if s.last == nil {
			return []byte("96"), true
		}
		return s.last, true
	}
	if s.term == nil && m.Code != "93" && m.Code != "99" {
		s.srv.d.Log.Info("sip2: message before login, closing", "remote", s.remote, "code", m.Code)
		return nil, false
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	if host, _, err := net.SplitHostPort(s.remote); err == nil {
		ctx = audit.WithAddress(ctx, host)
	}
	if s.term != nil {
		ctx = audit.WithActor(ctx, selfcheck.Actor(*s.term))
	}
	start := time.Now()
	resp := s.dispatch(ctx, m)
	s.srv.d.Log.Debug("sip2", "terminal", s.name(), "request", m.Code, "response", resp.Code, "took", time.Since(start))
	b := s.codec.encode(resp.String())
	if m.Checked || m.Seq >= 0 {
		b = AppendTail(b, m.Seq)
	}
	s.last = b
	return b, true
}

func clip(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func (s *session) dispatch(ctx context.Context, m Message) Message {
	switch m.Code {
	case "93":
		return s.login(ctx, m)
	case "99":
		return s.status(m)
	case "23":
		return s.patronStatus(ctx, m)
	case "63":
		return s.patronInfo(ctx, m)
	case "11":
		return s.checkout(ctx, m)
	case "09":
		return s.checkin(ctx, m)
	case "29":
		return s.renew(ctx, m)
	case "65":
		return s.renewAll(ctx, m)
	case "17":
		return s.itemInfo(ctx, m)
	case "19":
		return s.itemStatusUpdate(ctx, m)
	case "15":
		return s.hold(ctx, m)
	case "35":
		return s.endSession(ctx, m)
	case "01":
		return s.blockPatron(ctx, m)
	case "25":
		return s.patronEnable(ctx, m)
	case "37":
		return s.feePaid(m)
	}
	// A response code sent to us: answer with a resend request.
	return Message{Code: "96"}
}

// stamp is a SIP2 date: YYYYMMDD, four spaces (local time), HHMMSS.
func (s *session) stamp() string {
	t := s.srv.d.Now().In(s.srv.d.TZ)
	return t.Format("20060102") + "    " + t.Format("150405")
}

// inst is the institution id the terminal answers with.
func (s *session) inst() string {
	if s.term == nil {
		return ""
	}
	return s.term.Institution
}

// resp starts a response with the given fixed part.
func resp(code string, fixed ...string) *builder {
	return &builder{m: Message{Code: code, Fixed: strings.Join(fixed, ""), Seq: -1}}
}

type builder struct{ m Message }

// add appends a field even when empty (required fields).
func (b *builder) add(id, v string) *builder {
	b.m.Fields = append(b.m.Fields, Field{ID: id, Value: v})
	return b
}

// opt appends a field only when it has a value.
func (b *builder) opt(id, v string) *builder {
	if v != "" {
		b.add(id, v)
	}
	return b
}

func (b *builder) done() Message { return b.m }

// screen is an error as the machine's screen shows it (AF): the same
// Chinese message the desk shows; internal failures are logged and the
// reader is sent to the desk.
func (s *session) screen(err error) string {
	e := errs.As(err)
	if e.Kind == errs.KindInternal {
		s.srv.d.Log.Error("sip2: request failed", "terminal", s.name(), "err", err)
		return "系统暂时无法办理，请到服务台"
	}
	return e.Message
}

// yn is a SIP2 Y/N flag.
func yn(b bool) string {
	if b {
		return "Y"
	}
	return "N"
}

// pinToCheck reports whether the message carries a PIN not yet verified
// on this connection.
func (s *session) pinToCheck(m Message) bool {
	pin, ok := m.Lookup("AD")
	if !ok || pin == "" {
		return false
	}
	card := strings.TrimSpace(m.Get("AA"))
	d, ok := s.pins[card]
	return !ok || d != sha256.Sum256([]byte(card+"\x00"+pin))
}

// checkPIN checks the reader's password when the machine sent one (AD).
// sent is false when it did not; then nothing is checked.
func (s *session) checkPIN(ctx context.Context, m Message) (sent bool, err error) {
	pin, ok := m.Lookup("AD")
	if !ok || pin == "" {
		return false, nil
	}
	card := strings.TrimSpace(m.Get("AA"))
	digest := sha256.Sum256([]byte(card + "\x00" + pin))
	if d, ok := s.pins[card]; ok && d == digest {
		return true, nil
	}
	if err := s.srv.d.Auth.CheckReaderPassword(ctx, card, pin, "sip:"+s.name()); err != nil {
		return true, err
	}
	if s.pins == nil || len(s.pins) > 64 {
		s.pins = map[string][32]byte{}
	}
	s.pins[card] = digest
	return true, nil
}

// locations caches location names for a minute: item answers name the
// shelf, and the list changes rarely.
type locationCache struct {
	mu    sync.Mutex
	names map[int64]string
	at    time.Time
}

func (s *session) locationName(ctx context.Context, id int64) string {
	c := &s.srv.locs
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.names == nil || time.Since(c.at) > time.Minute {
		locs, err := s.srv.d.Catalog.Locations(ctx)
		if err != nil {
			s.srv.d.Log.Error("sip2: load locations", "err", err)
			return ""
		}
		c.names = make(map[int64]string, len(locs))
		for _, l := range locs {
			c.names[l.ID] = l.Name
		}
		c.at = time.Now()
	}
	return c.names[id]
}
