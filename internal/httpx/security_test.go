package httpx

import (
	"net"
	"net/http"
	"net/http/httptest"
	"testing"
)

// The address the login limits and the audit log count by is the peer's,
// unless the peer is a trusted proxy: then the nearest hop it names that
// is not itself a proxy. A client cannot choose its address by sending
// the header itself.
func TestOnlyATrustedProxyNamesTheClient(t *testing.T) {
	_, lan, _ := net.ParseCIDR("10.0.0.0/8")
	var got string
	h := TrustProxies(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { got = ClientAddress(r) }), []*net.IPNet{lan})
	for _, c := range []struct{ peer, xff, want string }{
		{"203.0.113.9:5000", "1.2.3.4", "203.0.113.9"},              // not a proxy: header ignored
		{"10.0.0.2:5000", "198.51.100.7", "198.51.100.7"},           // through the proxy
		{"10.0.0.2:5000", "6.6.6.6, 198.51.100.7", "198.51.100.7"},  // a forged first hop is not believed
		{"10.0.0.2:5000", "198.51.100.7, 10.0.0.3", "198.51.100.7"}, // two proxies
		{"10.0.0.2:5000", "", "10.0.0.2"},
		{"10.0.0.2:5000", "not-an-address", "10.0.0.2"},
	} {
		r := httptest.NewRequest("GET", "/", nil)
		r.RemoteAddr = c.peer
		if c.xff != "" {
			r.Header.Set("X-Forwarded-For", c.xff)
		}
		h.ServeHTTP(httptest.NewRecorder(), r)
		if got != c.want {
			t.Errorf("peer %s, X-Forwarded-For %q: client %q, want %q", c.peer, c.xff, got, c.want)
		}
	}
}

func TestHSTSOnlyWhenServingHTTPS(t *testing.T) {
	ok := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {})
	for _, tls := range []bool{false, true} {
		w := httptest.NewRecorder()
		SecurityHeaders(ok, tls).ServeHTTP(w, httptest.NewRequest("GET", "/", nil))
		if got := w.Header().Get("Strict-Transport-Security") != ""; got != tls {
			t.Errorf("serving HTTPS %v: HSTS sent %v", tls, got)
		}
	}
}
