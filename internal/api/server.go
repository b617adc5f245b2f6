// Package api is the JSON API under /api/v1 and its OpenAPI document.
// Every capability of the domain services is reachable here; errors come
// back as {"error":{"code":…,"message":…}} with a fitting HTTP status.
package api

import (
	"context"
	"log/slog"
	"net/http"
	"shuwu/internal/copycat"
	"shuwu/internal/copycat/targets"

	"shuwu/internal/acquisitions"
	"shuwu/internal/activities"
	"shuwu/internal/assets"
	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/displays"
	"shuwu/internal/donations"
	"shuwu/internal/duty"
	"shuwu/internal/errs"
	"shuwu/internal/httpx"
	"shuwu/internal/periodicals"
	"shuwu/internal/readers"
	"shuwu/internal/receptions"
	"shuwu/internal/room"
	"shuwu/internal/seats"
	"shuwu/internal/stats"
	"shuwu/internal/transfer"
	"shuwu/internal/visits"
)

// Deps are the services the API serves.
type Deps struct {
	Catalog     *catalog.Service
	Readers     *readers.Service
	Circulation *circulation.Service
	Auth        *auth.Service
	// Room is the reading room's spaces and bookings.
	Room *room.Service
	Log  *slog.Logger
	// Counts returns collection totals for /api/v1/stats.
	Counts func(ctx context.Context) (any, error)
	// AuditLog lists audit entries, newest first.
	AuditLog func(ctx context.Context, entity string, limit int, beforeID int64) ([]audit.Entry, error)
	// Transfer and Jobs serve imports and exports; both nil leaves those
	// routes out.
	Transfer *transfer.Service
	Jobs     *transfer.Jobs
	// Donations serves the donor register and accession batches; nil
	// leaves those routes out.
	Donations *donations.Service
	// Acquisitions serves the yearly targets; nil leaves them out.
	Acquisitions *acquisitions.Service
	// Periodicals serves subscriptions and check-in; nil leaves them out.
	Periodicals *periodicals.Service
	// Activities serves the room's 主题活动; nil leaves them out.
	Activities *activities.Service
	// Visits serves entry registration and the occupancy; nil leaves them out.
	Visits *visits.Service
	// Duty serves the roster, handovers and regulations; nil leaves them out.
	Duty *duty.Service
	// Assets serves the equipment register; nil leaves it out.
	Assets *assets.Service
	// CopyTargets and CopyCat serve copy cataloguing (套录); nil leaves
	// it out.
	CopyTargets *targets.Service
	CopyCat     *copycat.Service
	// Receptions serves the record of leader and guest visits; nil leaves it out.
	Receptions *receptions.Service
	// Stats serves every dashboard figure of a range; nil leaves it out.
	Stats *stats.Service
	// Displays serves the themed displays; nil leaves them out.
	Displays *displays.Service
	// Seats serves seat reservations (座位预约); nil leaves them out.
	Seats *seats.Service
	// Extra routes other surfaces add under /api/v1 (search …).
	Extra []Route
	// MaxUpload bounds an import upload; 0 means httpx.MaxUpload.
	MaxUpload int64
	// Health reports whether the storage takes writes, with what to say
	// when it does not; nil is always healthy.
	Health func() (ok bool, detail any)
	// Uploads paces and spools uploads (shared with the pages); nil
	// spools in the system's temporary directory without limits.
	Uploads *httpx.Uploads
}

// Server holds the API's handlers.
type Server struct {
	Deps
	routes []Route
	// cop refuses cookie-authenticated writes a browser sends from another
	// site, as the pages do for their forms.
	cop *http.CrossOriginProtection
}

// HandlerFunc is an API handler: it writes the answer on success and
// returns an error for writeError otherwise.
type HandlerFunc func(w http.ResponseWriter, r *http.Request) error

// Route is one endpoint: its pattern, who may call it, and what the
// OpenAPI document says of it.
type Route struct {
	Method  string
	Path    string
	Roles   []audit.Role // nil: public
	Summary string
	Request any // a value of the request body type, for the schema
	Reply   any // a value of the answer type, for the schema
	Params  []Param
	Handle  HandlerFunc
}

// Param is a query parameter documented in OpenAPI.
type Param struct {
	Name, Description, Type string
}

// New builds the API server.
func New(d Deps) *Server {
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	s := &Server{Deps: d, cop: http.NewCrossOriginProtection()}
	s.routes = append(append(append(s.table(), s.transferRoutes()...), s.donationRoutes()...), d.Extra...)
	s.routes = append(append(s.routes, s.targetRoutes()...), s.periodicalRoutes()...)
	s.routes = append(s.routes, s.activityRoutes()...)
	s.routes = append(append(s.routes, s.visitRoutes()...), s.receptionRoutes()...)
	s.routes = append(s.routes, s.statsRoutes()...)
	s.routes = append(s.routes, s.displayRoutes()...)
	s.routes = append(s.routes, s.dutyRoutes()...)
	s.routes = append(s.routes, s.seatRoutes()...)
	s.routes = append(s.routes, s.orderRoutes()...)
	s.routes = append(s.routes, s.assetRoutes()...)
	s.routes = append(s.routes, s.copyCatRoutes()...)
	return s
}

// Routes returns every route, for the OpenAPI document and its test.
func (s *Server) Routes() []Route { return s.routes }

// Register adds the routes to mux.
func (s *Server) Register(mux *http.ServeMux) {
	for _, rt := range s.routes {
		mux.Handle(rt.Method+" "+rt.Path, s.wrap(rt))
	}
	mux.HandleFunc("GET /api/v1/openapi.json", func(w http.ResponseWriter, r *http.Request) {
		writeJSON(w, http.StatusOK, s.OpenAPI())
	})
	// Anything else under /api/ is a JSON 404 (405 with Allow when the
	// path exists for other methods), not the web's HTML one.
	mux.HandleFunc("/api/", func(w http.ResponseWriter, r *http.Request) {
		if err := httpx.MethodNotAllowed(mux, w, r, "/api/"); err != nil {
			writeError(w, r, s.Log, err)
			return
		}
		writeError(w, r, s.Log, errs.NotFound(CodeRouteNotFound, "接口不存在："+r.Method+" "+r.URL.Path, "no such endpoint: "+r.Method+" "+r.URL.Path))
	})
}

// wrap authenticates, checks the role and maps errors.
func (s *Server) wrap(rt Route) http.Handler {
	roles := roleSet(rt.Roles)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := s.checkOrigin(r); err != nil {
			writeError(w, r, s.Log, err)
			return
		}
		ctx := r.Context()
		if tok := tokenOf(r); tok != "" || roles != nil {
			a, err := s.Auth.Authenticate(ctx, tok)
			if err != nil {
				if roles != nil {
					writeError(w, r, s.Log, err)
					return
				}
			} else {
				ctx = audit.WithActor(ctx, a)
				if a.MustChangePassword && roles != nil && !passwordChangeRoutes[rt.Path] {
					writeError(w, r, s.Log, errs.New(errs.KindForbidden, CodePasswordChangeRequired,
						"请先修改初始密码（POST /api/v1/me/password），再使用其他功能", "set your own password first (POST /api/v1/me/password)"))
					return
				}
				if roles != nil && !roles.allows(a.Role) {
					writeError(w, r, s.Log, errs.New(errs.KindForbidden, httpx.CodeForbidden, "权限不足：此操作需要"+roles.labels()+"角色", "forbidden: this needs one of the roles "+string(joinRoles(roles))))
					return
				}
			}
		}
		if err := rt.Handle(w, r.WithContext(ctx)); err != nil {
			writeError(w, r, s.Log, err)
		}
	})
}

// CodePasswordChangeRequired refuses a reader still on the initial
// password anything but setting their own:
// 请先修改初始密码 / set your own password first.
const CodePasswordChangeRequired errs.Code = "PASSWORD_CHANGE_REQUIRED"

// passwordChangeRoutes are what a reader on the initial password may call.
var passwordChangeRoutes = map[string]bool{"/api/v1/me/password": true, "/api/v1/auth/logout": true, "/api/v1/me": true}

// CodeCrossOrigin refuses a write a browser sent from another site:
// 拒绝来自其他网站的写请求 / a write sent from another site.
const CodeCrossOrigin errs.Code = "CROSS_ORIGIN"

// checkOrigin refuses a state-changing request that a browser sent from
// another site, unless it carries a bearer token. The session cookie is
// sent by the browser on any request to this host, so a page elsewhere
// could otherwise post with a logged-in librarian's rights; a bearer
// token is never sent on its own, and a script on another site cannot
// add one without a CORS preflight, which the API does not answer.
// Clients that are not browsers send neither Origin nor Sec-Fetch-Site
// and pass.
func (s *Server) checkOrigin(r *http.Request) error {
	if hasBearer(r) {
		return nil
	}
	if err := s.cop.Check(r); err != nil {
		return errs.New(errs.KindForbidden, CodeCrossOrigin,
			"已拒绝跨站请求：来自其他网站的修改请求不能使用本站登录；请在本站页面上操作，或使用访问令牌（Authorization: Bearer）",
			"cross-site request refused: a change sent from another site cannot use this site's login; act from shuwu's own pages or send a bearer token")
	}
	return nil
}

func joinRoles(rs roleSet) string {
	s := ""
	for i, r := range rs {
		if i > 0 {
			s += ", "
		}
		s += string(r)
	}
	return s
}

// actor returns the caller; routes that need one are never public.
func actor(r *http.Request) audit.Actor { return audit.ActorFrom(r.Context()) }

// loggedIn reports whether the request carries a valid login.
func loggedIn(r *http.Request) bool {
	a := actor(r)
	return a.UserID != 0 || a.ReaderID != 0
}
