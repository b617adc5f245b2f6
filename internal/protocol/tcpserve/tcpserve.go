// Package tcpserve is the life cycle the TCP protocol listeners (SIP2,
// Z39.50) share with the HTTP server: bind at once so a port clash fails
// at start-up, serve each connection in its own goroutine, and on
// shutdown stop accepting, wake idle connections and wait for the busy
// ones to finish what they are answering.
package tcpserve

import (
	"context"
	"crypto/tls"
	"errors"
	"net"
	"sync"
	"time"
)

// Listener accepts connections for one protocol. The zero value is ready.
type Listener struct {
	mu     sync.Mutex
	ln     net.Listener
	conns  map[net.Conn]struct{}
	closed bool
	wg     sync.WaitGroup
}

// Listen binds addr; tlsConfig, when set, wraps every connection.
func (l *Listener) Listen(addr string, tlsConfig *tls.Config) (net.Addr, error) {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	if tlsConfig != nil {
		ln = tls.NewListener(ln, tlsConfig)
	}
	l.mu.Lock()
	l.ln = ln
	l.mu.Unlock()
	return ln.Addr(), nil
}

// Serve accepts connections until Shutdown, handing each to handle, which
// owns it until it returns; the connection is closed after.
func (l *Listener) Serve(handle func(net.Conn)) error {
	l.mu.Lock()
	ln := l.ln
	l.mu.Unlock()
	if ln == nil {
		return errors.New("tcpserve: Serve before Listen")
	}
	for {
		c, err := ln.Accept()
		if err != nil {
			if l.Closed() {
				return nil
			}
			var ne net.Error
			if errors.As(err, &ne) && ne.Timeout() {
				time.Sleep(50 * time.Millisecond)
				continue
			}
			return err
		}
		l.mu.Lock()
		if l.closed {
			l.mu.Unlock()
			c.Close()
			return nil
		}
		if l.conns == nil {
			l.conns = map[net.Conn]struct{}{}
		}
		l.conns[c] = struct{}{}
		l.wg.Add(1)
		l.mu.Unlock()
		go func() {
			defer l.wg.Done()
			defer func() {
				l.mu.Lock()
				delete(l.conns, c)
				l.mu.Unlock()
				c.Close()
			}()
			handle(c)
		}()
	}
}

// Closed reports whether Shutdown has begun: a handler stops between
// requests.
func (l *Listener) Closed() bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.closed
}

// Shutdown stops accepting, lets each connection finish the request it is
// answering, and waits for them (or for ctx, then closes them).
func (l *Listener) Shutdown(ctx context.Context) error {
	l.mu.Lock()
	l.closed = true
	if l.ln != nil {
		l.ln.Close()
	}
	for c := range l.conns {
		// Wake a reader blocked between requests; one in a handler
		// finishes its answer first.
		c.SetReadDeadline(time.Now())
	}
	l.mu.Unlock()
	done := make(chan struct{})
	go func() { l.wg.Wait(); close(done) }()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		l.mu.Lock()
		for c := range l.conns {
			c.Close()
		}
		l.mu.Unlock()
		return ctx.Err()
	}
}

// Addr is the bound address, "" before Listen.
func (l *Listener) Addr() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.ln == nil {
		return ""
	}
	return l.ln.Addr().String()
}
