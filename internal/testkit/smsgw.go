package testkit

import (
	"io"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
)

// SMSGateway is a stand-in SMS gateway: an HTTP server that records every
// request and answers {"code":0} (or 500 while Fail is set).
type SMSGateway struct {
	URL  string
	Fail atomic.Bool

	mu   sync.Mutex
	reqs []SMSRequest
}

// SMSRequest is one request the gateway got.
type SMSRequest struct {
	Method, ContentType, Auth string
	Header                    http.Header
	Body                      string
}

// StartSMSGateway starts the stand-in; it stops when tb ends.
func StartSMSGateway(tb testing.TB) *SMSGateway {
	tb.Helper()
	g := &SMSGateway{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, _ := io.ReadAll(r.Body)
		g.mu.Lock()
		g.reqs = append(g.reqs, SMSRequest{Method: r.Method, ContentType: r.Header.Get("Content-Type"), Auth: r.Header.Get("Authorization"), Header: r.Header.Clone(), Body: string(b)})
		g.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		if g.Fail.Load() {
			w.WriteHeader(http.StatusInternalServerError)
			_, _ = io.WriteString(w, `{"code":500,"msg":"gateway busy"}`)
			return
		}
		_, _ = io.WriteString(w, `{"code":0,"msg":"ok","id":"sms-1"}`)
	}))
	tb.Cleanup(srv.Close)
	g.URL = srv.URL + "/send"
	return g
}

// Requests returns the requests so far.
func (g *SMSGateway) Requests() []SMSRequest {
	g.mu.Lock()
	defer g.mu.Unlock()
	return append([]SMSRequest(nil), g.reqs...)
}
