package sip2

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"

	"time"

	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/protocol/tcpserve"
	"shuwu/internal/readers"
	"shuwu/internal/selfcheck"
)

// Deps are the domain services the protocol translates to.
type Deps struct {
	Terminals   *selfcheck.Service
	Circulation *circulation.Service
	Readers     *readers.Service
	Catalog     *catalog.Service
	Auth        *auth.Service
	Log         *slog.Logger
	TZ          *time.Location
	Now         func() time.Time
	// TLS, when set, wraps every connection (SIP2 over TLS).
	TLS *tls.Config
}

// IdleTimeout ends a connection that sent nothing for this long. Machines
// send an SC status (99) every few minutes, so a silent one is gone.
const IdleTimeout = 30 * time.Minute

// maxMessage bounds one message; the longest real ones are a few hundred
// bytes.
const maxMessage = 16 << 10

// Server is the SIP2 listener.
type Server struct {
	d    Deps
	l    tcpserve.Listener
	locs locationCache
}

// New builds a server on the services.
func New(d Deps) *Server {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.Now == nil {
		d.Now = time.Now
	}
	if d.TZ == nil {
		d.TZ = time.Local
	}
	return &Server{d: d}
}

// Listen binds addr.
func (s *Server) Listen(addr string) (net.Addr, error) { return s.l.Listen(addr, s.d.TLS) }

// Serve accepts connections until Shutdown.
func (s *Server) Serve() error { return s.l.Serve(s.serveConn) }

// Shutdown stops accepting, lets each connection finish the message it is
// answering, and waits for them (or for ctx).
func (s *Server) Shutdown(ctx context.Context) error { return s.l.Shutdown(ctx) }

// Addr is the bound address, "" before Listen.
func (s *Server) Addr() string { return s.l.Addr() }

func (s *Server) serveConn(c net.Conn) {
	sess := &session{srv: s, remote: c.RemoteAddr().String()}
	r := bufio.NewReaderSize(c, 4096)
	w := bufio.NewWriter(c)
	for {
		if s.l.Closed() {
			return
		}
		// Pipelined requests are answered together: the answers go out
		// when nothing more is waiting to be read.
		if r.Buffered() == 0 && w.Buffered() > 0 {
			c.SetWriteDeadline(time.Now().Add(30 * time.Second))
			if err := w.Flush(); err != nil {
				return
			}
		}
		c.SetReadDeadline(time.Now().Add(IdleTimeout))
		raw, err := readMessage(r)
		if err != nil {
			if !errors.Is(err, io.EOF) && !errors.Is(err, net.ErrClosed) && !isTimeout(err) {
				s.d.Log.Info("sip2: connection dropped", "remote", sess.remote, "terminal", sess.name(), "err", err)
			}
			w.Flush()
			return
		}
		if len(raw) == 0 {
			continue // the \n of a \r\n, or a blank keep-alive line
		}
		out, keep := sess.handle(raw)
		if out != nil {
			w.Write(out)
			w.WriteByte('\r')
		}
		if !keep {
			c.SetWriteDeadline(time.Now().Add(30 * time.Second))
			w.Flush()
			return
		}
	}
}

func isTimeout(err error) bool {
	var ne net.Error
	return errors.As(err, &ne) && ne.Timeout()
}

var errTooLong = errors.New("sip2: message too long")

// readMessage reads up to a CR or LF, so CR, CRLF and LF terminators all
// work; the terminator is not returned.
func readMessage(r *bufio.Reader) ([]byte, error) {
	var buf []byte
	for {
		b, err := r.ReadByte()
		if err != nil {
			if len(buf) > 0 && errors.Is(err, io.EOF) {
				return buf, nil
			}
			return nil, err
		}
		if b == '\r' || b == '\n' {
			return buf, nil
		}
		if len(buf) >= maxMessage {
			return nil, errTooLong
		}
		buf = append(buf, b)
	}
}
