package httpx

import (
	"net"
	"net/http"
	"strings"
)

// ContentSecurityPolicy is what every answer allows the browser to run.
// Scripts come only from shuwu's own files (no inline script, no eval:
// the pages' behaviour lives in static/js and the vendored libraries);
// styles may be inline because label sheets and charts place things by
// style attribute in exact millimetres; images may be data: URLs (QR codes
// and barcodes drawn in the page); no page may be framed by another site.
const ContentSecurityPolicy = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
	"img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; object-src 'none'; " +
	"base-uri 'self'; form-action 'self'; frame-ancestors 'none'"

// SecurityHeaders sets the security headers on every answer from h. hsts
// is set when shuwu serves HTTPS itself: browsers then keep to HTTPS for
// a year (behind a TLS-terminating proxy, the proxy sends it).
func SecurityHeaders(h http.Handler, hsts bool) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		hd := w.Header()
		hd.Set("Content-Security-Policy", ContentSecurityPolicy)
		hd.Set("X-Content-Type-Options", "nosniff")
		hd.Set("X-Frame-Options", "DENY")
		hd.Set("Referrer-Policy", "same-origin")
		hd.Set("Permissions-Policy", "geolocation=(), microphone=(), payment=()")
		if hsts {
			hd.Set("Strict-Transport-Security", "max-age=31536000")
		}
		h.ServeHTTP(w, r)
	})
}

// TrustProxies makes r.RemoteAddr the real client's address when the
// request came through one of the trusted reverse proxies: the nearest
// address in X-Forwarded-For that is not itself a trusted proxy. From any
// other peer the header is ignored, so a client cannot choose the address
// the login limits and the audit log see. With no proxies, h is returned
// as it is.
func TrustProxies(h http.Handler, proxies []*net.IPNet) http.Handler {
	if len(proxies) == 0 {
		return h
	}
	trusted := func(s string) bool {
		ip := net.ParseIP(strings.TrimSpace(s))
		if ip == nil {
			return false
		}
		for _, n := range proxies {
			if n.Contains(ip) {
				return true
			}
		}
		return false
	}
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if peer := ClientAddress(r); trusted(peer) {
			hops := strings.Split(strings.Join(r.Header.Values("X-Forwarded-For"), ","), ",")
			for i := len(hops) - 1; i >= 0; i-- {
				hop := strings.TrimSpace(hops[i])
				if hop == "" || trusted(hop) {
					continue
				}
				if ip := net.ParseIP(hop); ip != nil {
					r2 := r.Clone(r.Context())
					r2.RemoteAddr = net.JoinHostPort(ip.String(), "0")
					r = r2
				}
				break
			}
		}
		h.ServeHTTP(w, r)
	})
}
