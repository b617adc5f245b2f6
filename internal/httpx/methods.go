package httpx

import (
	"net/http"
	"strings"

	"shuwu/internal/errs"
)

var probeMethods = []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete}

// MethodNotAllowed is what a catch-all pattern (fallback, such as "/" or
// "/api/") answers for a request mux has no route for: nil when no method
// is served at that path (a plain 404 then), else a METHOD_NOT_ALLOWED
// error and the Allow header set to the methods that are. ServeMux
// answers 405 itself only when no pattern matches at all, and a catch-all
// always does.
func MethodNotAllowed(mux Router, w http.ResponseWriter, r *http.Request, fallback string) error {
	var allowed []string
	for _, m := range probeMethods {
		if m == r.Method {
			continue
		}
		probe := &http.Request{Method: m, URL: r.URL, Host: r.Host, Header: http.Header{}}
		if _, pattern := mux.Handler(probe); pattern != "" && pattern != fallback {
			allowed = append(allowed, m)
		}
	}
	if len(allowed) == 0 {
		return nil
	}
	list := strings.Join(allowed, ", ")
	w.Header().Set("Allow", list)
	return errs.New(errs.KindMethodNotAllowed, CodeMethodNotAllowed,
		"此地址不支持 "+r.Method+" 方法（可用："+list+"）", r.Method+" is not allowed here (allowed: "+list+")")
}

// Router is what the surfaces register their routes on: an
// *http.ServeMux, or a test's wrapper of one that lists every route.
type Router interface {
	Handle(pattern string, handler http.Handler)
	Handler(r *http.Request) (h http.Handler, pattern string)
}
