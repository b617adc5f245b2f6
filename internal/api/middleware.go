package api

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"log/slog"
	"net/http"
	"runtime/debug"
	"strings"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

type ridKey struct{}

func requestID(ctx context.Context) string {
	s, _ := ctx.Value(ridKey{}).(string)
	return s
}

// WithRequestID tags each request with an id for logs and error answers.
func WithRequestID(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b := make([]byte, 8)
		_, _ = rand.Read(b)
		id := hex.EncodeToString(b)
		w.Header().Set("X-Request-Id", id)
		next.ServeHTTP(w, r.WithContext(context.WithValue(r.Context(), ridKey{}, id)))
	})
}

// Recover turns a panic into a logged 500 with 内部错误, so no panic
// reaches a user as a dropped connection or a stack trace.
func Recover(log *slog.Logger, next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer func() {
			if p := recover(); p != nil {
				if p == http.ErrAbortHandler {
					panic(p)
				}
				log.Error("panic", "request_id", requestID(r.Context()), "panic", p, "stack", string(debug.Stack()))
				writeError(w, r, log, errs.Internalf("panic: %v", p))
			}
		}()
		next.ServeHTTP(w, r)
	})
}

// bearerOf returns the request's bearer token, "" when it has none.
func bearerOf(r *http.Request) string {
	if tok, ok := strings.CutPrefix(r.Header.Get("Authorization"), "Bearer "); ok {
		return strings.TrimSpace(tok)
	}
	return ""
}

// hasBearer reports whether the request authenticates with a bearer
// token rather than the session cookie.
func hasBearer(r *http.Request) bool { return bearerOf(r) != "" }

// tokenOf returns the request's credential: the bearer token, else the
// session cookie.
func tokenOf(r *http.Request) string {
	if tok := bearerOf(r); tok != "" {
		return tok
	}
	if c, err := r.Cookie(httpx.SessionCookie); err == nil {
		return c.Value
	}
	return ""
}

// roleSet says who may call a route. A nil set means anyone.
type roleSet []audit.Role

var (
	public    roleSet
	anyone    = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleReader}
	staff     = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty}
	librarian = roleSet{audit.RoleAdmin, audit.RoleLibrarian}
	// everyone is every account, organisers and leadership included: their
	// own session and password. anyone leaves those two out because its
	// routes let staff act for any reader.
	everyone = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleOrganiser, audit.RoleLeadership, audit.RoleReader}
	// reports are read-only figures leadership may see with the staff.
	reports = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleLeadership}
	// bookers book the room: organisers for their own unit, librarians
	// for anyone; roomViewers see bookings (an organiser only its own).
	bookers     = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleOrganiser}
	roomViewers = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleLeadership, audit.RoleOrganiser}
	// ledgerReaders see the whole ledger: librarians and leadership.
	ledgerReaders = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleLeadership}
	admin         = roleSet{audit.RoleAdmin}
	// readers act for themselves only (register, sign in by code);
	// signers sign in: a reader by the screen's code, the desk and the
	// activity's organiser by card; activityRunners show the screen's code.
	readerSelf      = roleSet{audit.RoleReader}
	signers         = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleOrganiser, audit.RoleReader}
	activityRunners = roleSet{audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleOrganiser}
)

func (rs roleSet) allows(r audit.Role) bool {
	for _, x := range rs {
		if x == r {
			return true
		}
	}
	return false
}

func (rs roleSet) labels() string {
	var out []string
	for _, r := range rs {
		out = append(out, r.Label())
	}
	return strings.Join(out, "、")
}
