// Package web is shuwu's server-rendered interface: the staff workstation
// (home, circulation desk, catalogue, readers, classes, settings, audit log)
// and the reader portal (public catalogue and "my library"). Pages are
// html/template files embedded in the binary and parsed at start; htmx and
// two small scripts enhance them, and every reading page works without
// JavaScript.
package web

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"time"

	"shuwu/internal/acquisitions"
	"shuwu/internal/activities"
	"shuwu/internal/annualreport"
	"shuwu/internal/assets"
	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/copycat"
	"shuwu/internal/copycat/targets"
	"shuwu/internal/displays"
	"shuwu/internal/donations"
	"shuwu/internal/duty"
	"shuwu/internal/httpx"
	"shuwu/internal/labels"
	"shuwu/internal/notices"
	"shuwu/internal/periodicals"
	"shuwu/internal/readers"
	"shuwu/internal/receptions"
	"shuwu/internal/room"
	"shuwu/internal/seats"
	"shuwu/internal/selfcheck"
	"shuwu/internal/stats"
	"shuwu/internal/stocktake"
	"shuwu/internal/transfer"
	"shuwu/internal/visits"
)

// Deps are the services the pages use.
type Deps struct {
	Catalog     *catalog.Service
	Readers     *readers.Service
	Circulation *circulation.Service
	Auth        *auth.Service
	// Room is the reading room's spaces and bookings; nil leaves its pages out.
	Room *room.Service
	// Duty is the staff's roster, handovers and the room's regulations; nil
	// leaves their pages out.
	Duty *duty.Service
	// Labels prints spine and barcode labels and reader cards.
	Labels *labels.Service
	// Stocktake runs 盘点; nil leaves its pages out.
	Stocktake *stocktake.Service
	Log       *slog.Logger
	// TZ is the library's time zone; times are shown in it.
	TZ *time.Location
	// SecureCookies marks the session and language cookies Secure.
	SecureCookies bool
	// Counts returns collection totals for the staff home page; may be nil.
	Counts func(ctx context.Context) (any, error)
	// AuditPage pages the audit log, newest first, with the names of what
	// the entries are about; may be nil, and then the audit page is left
	// out.
	AuditPage func(ctx context.Context, f audit.Filter) (audit.Page, error)
	// AuditVerify recomputes the audit log's hash chain; nil leaves the
	// check out.
	AuditVerify func(ctx context.Context) (audit.Verification, error)
	// Search is the full-text engine; nil falls back to the catalogue's
	// substring search.
	Search Searcher
	// Transfer and Jobs serve the import and export pages; when either is
	// nil those pages are left out.
	Transfer *transfer.Service
	Jobs     *transfer.Jobs
	// MaxUpload bounds an import upload; 0 means httpx.MaxUpload.
	MaxUpload int64
	// StorageOK reports whether the storage takes writes; nil: always.
	StorageOK func() bool
	// Uploads paces and spools uploads (shared with the API); nil spools
	// in the system's temporary directory without limits.
	Uploads *httpx.Uploads
	// SelfCheck serves the self-service machines page; nil leaves it out.
	SelfCheck *selfcheck.Service
	// SIPAddr tells where the SIP2 listener runs, "" when it is off; the
	// machines page tells the librarian. May be nil.
	SIPAddr func() string
	// Donations serves the donor register, donation and transfer batches
	// and the portal's honour list; nil leaves them out.
	Donations *donations.Service
	// Acquisitions serves the yearly targets page and the home page's
	// progress; nil leaves them out.
	Acquisitions *acquisitions.Service
	// Periodicals serves subscriptions, check-in, claims, binding and the
	// portal's reading rack; nil leaves them out.
	Periodicals *periodicals.Service
	// CopyTargets and CopyCat serve copy cataloguing (套录) and its
	// sources; when either is nil those pages are left out.
	CopyTargets *targets.Service
	CopyCat     *copycat.Service
	// Activities serves the room's 主题活动 (with Room); nil leaves them out.
	Activities *activities.Service
	// Visits serves entry registration (入馆登记), the door tablet, the
	// door display (大屏) and the home page's occupancy; nil leaves them out.
	Visits *visits.Service
	// Assets serves the room's equipment register (设备资产登记); nil
	// leaves it out.
	Assets *assets.Service
	// Receptions serves the record of leader and guest visits (接待记录);
	// nil leaves it out.
	Receptions *receptions.Service
	// Displays serves the themed displays (专题书展) at the desk, in the
	// portal and on the door display; nil leaves them out.
	Displays *displays.Service
	// Seats serves seat reservations (座位预约): the portal's seat map and
	// check-in, the desk's board and the librarian's map editor; nil
	// leaves them out.
	Seats *seats.Service
	// Stats serves the statistics dashboards and the standard reports
	// (统计); nil leaves them out.
	Stats *stats.Service
	// AnnualReports drafts the annual work report; nil leaves it out.
	AnnualReports *annualreport.Service
	// Notices serves the readers' notices (到期、超期、预约到书、结业提醒):
	// the channels' settings, the log with resend, the portal's notices
	// and opt-out; nil leaves them out.
	Notices *notices.Service
}

// Searcher is what a search engine offers the catalogue pages.
type Searcher interface {
	Search(ctx context.Context, q SearchQuery) (SearchResult, error)
}

// SearchQuery is a catalogue search as typed on a page.
type SearchQuery struct {
	Text    string
	Page    int // 1-based
	Size    int
	Filters map[string][]string // facet name → chosen values
}

// SearchResult is one page of hits, best first.
type SearchResult struct {
	Total      int
	RecordIDs  []int64
	Facets     []Facet
	DidYouMean string
	// Rebuilding is true while the index is being rebuilt and results may
	// be incomplete.
	Rebuilding bool
	// Reachable is how many of the hits can be paged to (the engine
	// refuses pages beyond); 0 when every hit can.
	Reachable int
	// Exact counts the hits of a field search for one name (作者:邵杰) that
	// have exactly that name; they come first. Zero for other queries.
	Exact ExactNames
}

// ExactNames is how many hits have exactly the name a field search asked
// for: Field is "author", "publisher" or "series" (the key of its message
// search.exact.FIELD), Name the name as searched.
type ExactNames struct {
	Count int
	Field string
	Name  string
}

// Facet is one facet of a search result.
// Its heading comes from the message catalogues (facet.NAME), so the
// English page is English.
type Facet struct {
	Name   string // the filter key, e.g. "category"
	Values []FacetValue
}

// FacetValue is one value of a facet with its hit count.
type FacetValue struct {
	Value string
	Label string // the engine's Chinese label; the page shows it localised
	Count int
}

// Server renders the pages.
type Server struct {
	d      Deps
	views  *views
	cat    *catalogues
	static *staticFiles
	cop    *http.CrossOriginProtection
	// uploads keeps previewed MARC files until the import is confirmed.
	uploads *pendingUploads
	// exports keeps a MARC export that left records out, for the
	// download link on the page that names them.
	exports *pendingUploads
}

// New parses every template and message catalogue; a broken template or
// a missing message fails here, not on the first request.
func New(d Deps) (*Server, error) {
	if d.Catalog == nil || d.Readers == nil || d.Circulation == nil || d.Auth == nil {
		return nil, errors.New("web: catalog, readers, circulation and auth services are required")
	}
	if d.Log == nil {
		d.Log = slog.New(slog.DiscardHandler)
	}
	if d.TZ == nil {
		tz, err := time.LoadLocation("Asia/Shanghai")
		if err != nil {
			tz = time.FixedZone("CST", 8*3600)
		}
		d.TZ = tz
	}
	cat, err := loadCatalogues()
	if err != nil {
		return nil, err
	}
	st, err := loadStatic()
	if err != nil {
		return nil, err
	}
	s := &Server{d: d, cat: cat, static: st, cop: http.NewCrossOriginProtection(), uploads: newPendingUploads(), exports: newPendingUploads()}
	if s.views, err = parseViews(s); err != nil {
		return nil, err
	}
	return s, nil
}

// Mux is where Register puts the pages: an *http.ServeMux, or a test's
// wrapper of one that lists every route to try each role on it.
type Mux = httpx.Router
