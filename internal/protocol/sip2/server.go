package sip2

import (
	"bufio"
	"context"
	"crypto/tls"
	"errors"
	"io"
	"log/slog"
	"net"
	"sync"
	"time"

	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
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
	d Deps

	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
	locs   locationCache
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
	return &Server{d: d, conns: map[net.Conn]struct{}{}}
}

// Listen binds addr.
func (s *Server) Listen(addr string) (net.Addr, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if s.d.TLS != nil {
		ln = tls.NewListener(ln, s.d.TLS)
	}
	s.mu.Lock()
	s.ln = ln
	s.mu.Unlock()
	return ln.Addr(), nil
}

// Serve accepts connections until Shutdown.
func (s *Server) Serve() error {
	s.mu.Lock()
	ln := s.ln
	s.mu.Unlock()
	if ln == nil {
		return errors.New("sip2: Serve before Listen")
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			s.mu.Lock()
			closed := s.closed
			s.mu.Unlock()
			if closed {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				time.Sleep(50 * time.Millisecond)
				continue
			}
			return err
		}
		s.mu.Lock()
		if s.closed {
			s.mu.Unlock()
			c.Close()
			return nil
		}
		s.conns[c] = struct{}{}
		s.wg.Add(1)
		s.mu.Unlock()
		go s.serveConn(c)
	}
}

// Shutdown stops accepting, lets each connection finish the message it is
// answering, and waits for them (or for ctx).
func (s *Server) Shutdown(ctx context.Context) error {
	s.mu.Lock()
	s.closed = true
	if s.ln != nil {
		s.ln.Close()
	}
	for c := range s.conns {
		// Wake a reader blocked between messages; one in a handler
		// finishes its answer first.
		c.SetReadDeadline(time.Now())
	}
	s.mu.Unlock()
	done := make(chan struct{})
	go func() { s.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		s.mu.Lock()
		for c := range s.conns {
			c.Close()
		}
		s.mu.Unlock()
		return ctx.Err()
	}
}

func (s *Server) serveConn(c net.Conn) {
	defer s.wg.Done()
	defer func() {
		s.mu.Lock()
		delete(s.conns, c)
		s.mu.Unlock()
		c.Close()
	}()
	sess := &session{srv: s, remote: c.RemoteAddr().String()}
	r := bufio.NewReaderSize(c, 4096)
	w := bufio.NewWriter(c)
	for {
		s.mu.Lock()
		closed := s.closed
		s.mu.Unlock()
		if closed {
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

// Addr is the bound address, "" before Listen.
func (s *Server) Addr() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.ln == nil {
		return ""
	}
	return s.ln.Addr().String()
}
