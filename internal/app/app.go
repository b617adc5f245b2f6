// Package app is the composition root: it opens the store, builds the
// domain services on it, and mounts the JSON API and the web pages on one
// HTTP server, and translates the search use case (indexing) for both.
// Only app (and cli, which drives it) knows every package.
package app

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"shuwu/internal/acquisitions"
	"shuwu/internal/activities"
	"shuwu/internal/annualreport"
	"shuwu/internal/api"
	"shuwu/internal/assets"
	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/config"
	"shuwu/internal/copycat"
	"shuwu/internal/copycat/targets"
	"shuwu/internal/displays"
	"shuwu/internal/donations"
	"shuwu/internal/duty"
	"shuwu/internal/httpx"
	"shuwu/internal/indexing"
	"shuwu/internal/labels"
	"shuwu/internal/notices"
	"shuwu/internal/notify"
	"shuwu/internal/periodicals"
	"shuwu/internal/protocol/copyfetch"
	"shuwu/internal/protocol/oai"
	"shuwu/internal/protocol/sip2"
	"shuwu/internal/protocol/sru"
	"shuwu/internal/protocol/z3950"
	"shuwu/internal/readers"
	"shuwu/internal/receptions"
	"shuwu/internal/room"
	"shuwu/internal/seats"
	"shuwu/internal/selfcheck"
	"shuwu/internal/stats"
	"shuwu/internal/stocktake"
	"shuwu/internal/store"
	"shuwu/internal/transfer"
	"shuwu/internal/visits"
	"shuwu/internal/web"
)

// App is a running shuwu: store, services and listeners.
type App struct {
	Config       config.Config
	Log          *slog.Logger
	DB           *store.DB
	Catalog      *catalog.Service
	Readers      *readers.Service
	Circulation  *circulation.Service
	Auth         *auth.Service
	API          *api.Server
	Search       *indexing.Indexer
	Transfer     *transfer.Service
	Jobs         *transfer.Jobs
	Web          *web.Server
	SelfCheck    *selfcheck.Service
	Donations    *donations.Service
	Acquisitions *acquisitions.Service
	Periodicals  *periodicals.Service
	Room         *room.Service
	Duty         *duty.Service
	Labels       *labels.Service
	Stocktake    *stocktake.Service
	Activities   *activities.Service // 主题活动
	Visits       *visits.Service     // entry registration (入馆登记) and occupancy
	Receptions   *receptions.Service // leader and guest visits (接待记录)
	Assets       *assets.Service     // the room's equipment register (设备资产登记)
	Displays     *displays.Service   // themed displays (专题书展)
	Seats        *seats.Service      // seat reservations (座位预约)
	Notices      *notices.Service    // readers' notices by mail and SMS
	Stats        *stats.Service      // the dashboards' and reports' figures (统计)
	// AnnualReports drafts the annual work report (年度工作报告).
	AnnualReports *annualreport.Service
	CopyTargets   *targets.Service // copy-cataloguing sources
	CopyCat       *copycat.Service
	// SIP is the SIP2 listener; nil unless Config.SIPAddr is set.
	SIP *sip2.Server
	// Z3950 is the Z39.50 listener; nil unless Config.Z3950Addr is set.
	Z3950 *z3950.Server

	server *http.Server
	ln     net.Listener
	bg     sync.WaitGroup
	stopBg context.CancelFunc
	// stopWork cancels background work started before Serve (a rebuild).
	workCtx  context.Context
	stopWork context.CancelFunc
}

// Open opens the data directory and builds the services, with the search
// index: what the server uses. cfg must be validated.
func Open(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	return open(ctx, cfg, log, true)
}

// OpenTool opens the data directory for a command-line tool. It leaves the
// search index to the server (which may be running and holds it): records
// the tool changes are queued in the database for the server's indexer.
func OpenTool(ctx context.Context, cfg config.Config, log *slog.Logger) (*App, error) {
	return open(ctx, cfg, log, false)
}

func open(ctx context.Context, cfg config.Config, log *slog.Logger, withSearch bool) (*App, error) {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// A read-only data directory is named plainly before SQLite, the
	// index or the import jobs fail on it in their own words.
	if err := store.CheckWritable(cfg.DataDir); err != nil {
		return nil, err
	}
	db, err := store.Open(ctx, cfg.Database(), log)
	if err != nil {
		return nil, fmt.Errorf("open database: %w", err)
	}
	if err := db.Seed(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("seed database: %w", err)
	}
	tz := cfg.Location()
	a := &App{Config: cfg, Log: log, DB: db}
	a.workCtx, a.stopWork = context.WithCancel(context.Background())
	a.Catalog = catalog.NewService(db.Catalog(), tz, nil)
	if err := a.Catalog.LoadCLC(ctx); err != nil {
		db.Close()
		return nil, fmt.Errorf("load CLC table: %w", err)
	}
	a.Readers = readers.NewService(db.Readers(), tz, nil)
	a.Auth = auth.NewService(db.Auth(), nil)
	a.Readers.OnLoggedOut(a.Auth.ForgetCached)
	var extra []api.Route
	var pages web.Searcher
	// Lending tells the search index only which records' shelf state may
	// have changed; a tool without the index queues them for the server.
	shelfChanged := a.Catalog.Changed
	if withSearch {
		if a.Search, err = indexing.Open(cfg.IndexDir(), cfg.Synonyms, a.Catalog, log); err != nil {
			db.Close()
			return nil, fmt.Errorf("open search index: %w", err)
		}
		extra, pages = []api.Route{api.SearchRoute(apiSearch{a.Search})}, webSearch{a.Search}
		shelfChanged = a.Search.ShelfChanged
	} else {
		a.Catalog.OnChange(func(ctx context.Context, ids []int64) {
			if err := db.QueueSearch(context.WithoutCancel(ctx), ids); err != nil {
				log.Error("search: queue changed records", "err", err)
			}
		})
	}
	a.Circulation = circulation.NewService(db.Circulation(), tz, nil, shelfChanged)
	a.Transfer = transfer.New(db.Transfer(), a.Catalog, a.Readers, a.Circulation, tz, nil)
	if a.Jobs, err = transfer.NewJobs(cfg.ImportsDir()); err != nil {
		db.Close()
		return nil, err
	}
	a.SelfCheck = selfcheck.NewService(db.SelfCheck(), nil)
	a.Donations = donations.NewService(db.Donations(), a.Catalog, tz, nil)
	a.Acquisitions = acquisitions.NewService(db.Acquisitions(), tz, nil).WithCatalog(a.Catalog)
	a.Periodicals = periodicals.NewService(db.Periodicals(), a.Catalog, tz, nil)
	a.Room = room.NewService(db.Room(), tz, nil)
	a.Duty = duty.NewService(db.Duty(), a.Room, tz, nil)
	a.Labels = labels.NewService(db.Labels(), nil)
	a.Stocktake = stocktake.NewService(db.Stocktake(), a.Catalog.Changed, nil)
	a.Activities = activities.NewService(db.Activities(), tz, nil).WithPhotos(cfg.ActivityPhotosDir())
	a.Visits = visits.NewService(db.Visits(), tz, nil)
	a.Receptions = receptions.NewService(db.Receptions(), tz, nil).WithPhotos(cfg.ReceptionPhotosDir())
	a.Displays = displays.NewService(db.Displays(), tz, nil)
	a.Assets = assets.NewService(db.Assets(), tz, nil)
	a.Seats = seats.NewService(db.Seats(), tz, nil)
	a.Notices = notices.NewService(db.Notices(), notify.Senders{}, tz, nil)
	a.Stats = stats.NewService(db.Stats(), tz, nil)
	a.AnnualReports = annualreport.NewService(a.Stats, db.AnnualReports(), a.libraryName, tz, nil)
	a.CopyTargets = targets.NewService(db.CopyTargets(), nil)
	a.CopyCat = copycat.NewService(a.CopyTargets, copyfetch.Fetcher{}, a.Catalog)
	// Uploads are spooled inside the data directory; what a crash left
	// there goes at the server's start.
	uploads := &httpx.Uploads{Dir: cfg.SpoolDir()}
	if withSearch {
		if n, err := uploads.Clean(); err != nil {
			log.Warn("spool: clean up", "dir", cfg.SpoolDir(), "err", err)
		} else if n > 0 {
			log.Info("spool: removed files left by an earlier run", "count", n)
		}
	}
	a.API = api.New(api.Deps{
		Catalog: a.Catalog, Readers: a.Readers, Circulation: a.Circulation, Auth: a.Auth, Log: log, Room: a.Room,
		Counts:    func(ctx context.Context) (any, error) { return a.Counts(ctx) },
		AuditLog:  db.AuditLog,
		Transfer:  a.Transfer,
		Jobs:      a.Jobs,
		Donations: a.Donations, Acquisitions: a.Acquisitions, Periodicals: a.Periodicals,
		Activities: a.Activities, Visits: a.Visits, Duty: a.Duty, Receptions: a.Receptions, Displays: a.Displays,
		Stats: a.Stats, Assets: a.Assets, CopyTargets: a.CopyTargets, CopyCat: a.CopyCat,
		Seats: a.Seats,
		Extra: extra, MaxUpload: cfg.MaxUpload, Uploads: uploads,
		Health: func() (bool, any) { h := db.Health(); return h.OK, h },
	})
	a.Web, err = web.New(web.Deps{
		Catalog: a.Catalog, Readers: a.Readers, Circulation: a.Circulation, Auth: a.Auth, Log: log, Room: a.Room, Duty: a.Duty, Labels: a.Labels, Stocktake: a.Stocktake,
		TZ: tz, SecureCookies: cfg.SecureCookies, Search: pages,
		Counts:    func(ctx context.Context) (any, error) { return a.Counts(ctx) },
		AuditPage: db.AuditPage, AuditVerify: db.VerifyAuditChain, Transfer: a.Transfer, Jobs: a.Jobs, MaxUpload: cfg.MaxUpload, Uploads: uploads,
		StorageOK: func() bool { return db.Health().OK },
		SelfCheck: a.SelfCheck, SIPAddr: a.SIPAddr, Donations: a.Donations, Acquisitions: a.Acquisitions, Periodicals: a.Periodicals, CopyTargets: a.CopyTargets, CopyCat: a.CopyCat,
		Activities: a.Activities,
		Visits:     a.Visits,
		Receptions: a.Receptions,
		Assets:     a.Assets,
		Displays:   a.Displays,
		Seats:      a.Seats,
		Notices:    a.Notices,
		Stats:      a.Stats, AnnualReports: a.AnnualReports,
	})
	if err != nil {
		db.Close()
		return nil, fmt.Errorf("build web pages: %w", err)
	}
	return a, nil
}

// Counts returns the collection and circulation totals.
func (a *App) Counts(ctx context.Context) (store.Counts, error) {
	return a.DB.Counts(ctx, a.Catalog.Today())
}

// Handler is the whole HTTP surface: API, health check and pages.
func (a *App) Handler() http.Handler {
	mux := http.NewServeMux()
	a.API.Register(mux)
	a.Web.Register(mux)
	// OAI-PMH: public catalogue data for union catalogues, no login.
	mux.Handle("/oai", oai.New(oai.Deps{Catalog: a.Catalog, Log: a.Log, Name: a.libraryName}))
	if a.Search != nil {
		// SRU: public catalogue search for copy-cataloguing clients.
		mux.Handle("/sru", sru.New(sru.Deps{Search: a.Search, Catalog: a.Catalog, Log: a.Log, Name: a.libraryName}))
	}
	var h http.Handler = mux
	h = api.Recover(a.Log, h)
	h = api.WithRequestID(h)
	h = httpx.SecurityHeaders(h, a.Config.TLSCert != "")
	h = withClientAddress(h)
	h = httpx.TrustProxies(h, a.Config.Proxies())
	return h
}

// withClientAddress puts the client's address in the request's context,
// where the audit entries made for it find it.
func withClientAddress(h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h.ServeHTTP(w, r.WithContext(audit.WithAddress(r.Context(), httpx.ClientAddress(r))))
	})
}

// libraryName is the library's name as the librarian set it (本馆名称),
// which the catalogue protocols announce.
func (a *App) libraryName(ctx context.Context) (string, error) {
	l, err := a.Circulation.Library(ctx)
	return l.Name, err
}

// Listen binds the address at once, so a port clash fails before any
// slow start-up work.
func (a *App) Listen() error {
	ln, err := net.Listen("tcp", a.Config.Addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", a.Config.Addr, err)
	}
	a.ln = ln
	if a.Config.SIPAddr != "" {
		if err := a.listenSIP(); err != nil {
			ln.Close()
			a.ln = nil
			return err
		}
	}
	if a.Config.Z3950Addr != "" {
		if a.Search == nil {
			ln.Close()
			return errors.New("the Z39.50 listener needs the search index")
		}
		a.Z3950 = z3950.NewServer(z3950.ServerDeps{Search: a.Search, Catalog: a.Catalog, Log: a.Log})
		if _, err := a.Z3950.Listen(a.Config.Z3950Addr); err != nil {
			ln.Close()
			a.ln = nil
			if a.SIP != nil {
				a.SIP.Shutdown(context.Background())
			}
			return fmt.Errorf("listen for Z39.50 on %s: %w", a.Config.Z3950Addr, err)
		}
	}
	return nil
}

// Z3950Addr is the Z39.50 listener's address, "" when it is off.
func (a *App) Z3950Addr() string {
	if a.Z3950 == nil {
		return ""
	}
	return a.Z3950.Addr()
}

// listenSIP binds the SIP2 listener for self-service machines.
func (a *App) listenSIP() error {
	d := sip2.Deps{Terminals: a.SelfCheck, Circulation: a.Circulation, Readers: a.Readers, Catalog: a.Catalog, Auth: a.Auth, Log: a.Log, TZ: a.Config.Location()}
	if a.Config.SIPTLSCert != "" {
		cert, err := tls.LoadX509KeyPair(a.Config.SIPTLSCert, a.Config.SIPTLSKey)
		if err != nil {
			return fmt.Errorf("load SIP2 TLS certificate: %w", err)
		}
		d.TLS = &tls.Config{Certificates: []tls.Certificate{cert}, MinVersion: tls.VersionTLS12}
	}
	a.SIP = sip2.New(d)
	if _, err := a.SIP.Listen(a.Config.SIPAddr); err != nil {
		return fmt.Errorf("listen for SIP2 on %s: %w", a.Config.SIPAddr, err)
	}
	return nil
}

// SIPAddr is the SIP2 listener's address, "" when it is off.
func (a *App) SIPAddr() string {
	if a.SIP == nil {
		return ""
	}
	return a.SIP.Addr()
}

// URL is the base URL of the listener.
func (a *App) URL() string {
	if a.ln == nil {
		return ""
	}
	if a.Config.TLSCert != "" {
		return "https://" + a.ln.Addr().String()
	}
	return "http://" + a.ln.Addr().String()
}

// Serve answers requests until Shutdown. It also runs the background
// sweeps: expired holds and sessions.
func (a *App) Serve() error {
	if a.ln == nil {
		if err := a.Listen(); err != nil {
			return err
		}
	}
	bgCtx, cancel := context.WithCancel(context.Background())
	a.stopBg = cancel
	a.bg.Add(3)
	go a.sweep(bgCtx)
	go a.drainSearchQueue(bgCtx)
	if a.Config.BackupDir != "" {
		a.bg.Add(1)
		go a.scheduledBackups(bgCtx)
	}
	go a.releaseSeats(bgCtx)
	a.bg.Add(1)
	go a.sendNotices(bgCtx)
	// An ordinary request has ReadTimeout for its headers and body; an
	// upload's body is paced instead (httpx.Uploads). No WriteTimeout: an
	// export streams for as long as it takes.
	a.server = &http.Server{Handler: a.Handler(), ReadHeaderTimeout: 10 * time.Second, ReadTimeout: ReadTimeout, IdleTimeout: time.Minute}
	if a.SIP != nil {
		a.bg.Add(1)
		go func() {
			defer a.bg.Done()
			if err := a.SIP.Serve(); err != nil {
				a.Log.Error("sip2: listener stopped", "err", err)
			}
		}()
	}
	if a.Z3950 != nil {
		a.bg.Add(1)
		go func() {
			defer a.bg.Done()
			if err := a.Z3950.Serve(); err != nil {
				a.Log.Error("z3950: listener stopped", "err", err)
			}
		}()
	}
	var err error
	if a.Config.TLSCert != "" {
		a.server.TLSConfig = &tls.Config{MinVersion: tls.VersionTLS12}
		err = a.server.ServeTLS(a.ln, a.Config.TLSCert, a.Config.TLSKey)
	} else {
		err = a.server.Serve(a.ln)
	}
	if errors.Is(err, http.ErrServerClosed) {
		return nil
	}
	return err
}

// ReadTimeout bounds reading an ordinary request, headers and body.
const ReadTimeout = time.Minute

// sweep expires uncollected holds and old sessions every hour.
func (a *App) sweep(ctx context.Context) {
	defer a.bg.Done()
	t := time.NewTicker(time.Hour)
	defer t.Stop()
	for {
		if n, err := a.Circulation.ExpireHolds(ctx); err != nil {
			a.Log.Error("expire holds", "err", err)
		} else if n > 0 {
			a.Log.Info("expired uncollected holds", "count", n)
		}
		if err := a.Auth.PruneSessions(ctx); err != nil {
			a.Log.Error("prune sessions", "err", err)
		}
		if n, err := a.Circulation.ApplyRetention(audit.WithActor(ctx, audit.System)); err != nil && ctx.Err() == nil {
			a.Log.Error("retention of loan history", "err", err)
		} else if n > 0 {
			a.Log.Info("loan history past the years kept untied from its readers", "lines", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// SeatSweep is how often the server releases seat reservations nobody
// checked in to (seats.Service.ReleaseNoShows).
var SeatSweep = time.Minute

// releaseSeats frees the seats of no-shows every minute, by itself: no
// cron.
func (a *App) releaseSeats(ctx context.Context) {
	defer a.bg.Done()
	t := time.NewTicker(SeatSweep)
	defer t.Stop()
	for {
		sys := audit.WithActor(ctx, audit.System)
		if n, err := a.Seats.ReleaseNoShows(sys); err != nil && ctx.Err() == nil {
			a.Log.Error("seats: release no-shows", "err", err)
		} else if n > 0 {
			a.Log.Info("seats: released reservations nobody checked in to", "count", n)
		}
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
	}
}

// NoticeSweep is how often the server looks for readers' notices to send
// (notices.Service.Run); a pass outside the settings' hours or with no
// channel on does nothing.
var NoticeSweep = 5 * time.Minute

// sendNotices sends the readers' notices due, every few minutes, by
// itself: no cron. Each is sent once (the log's key), even with two
// servers on one PostgreSQL database.
func (a *App) sendNotices(ctx context.Context) {
	defer a.bg.Done()
	t := time.NewTicker(NoticeSweep)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		sys := audit.WithActor(ctx, audit.System)
		rep, err := a.Notices.Run(sys)
		switch {
		case err != nil && ctx.Err() == nil:
			a.Log.Error("notices: send", "err", err)
		case rep.Sent+rep.Failed > 0:
			a.Log.Info("notices: sent", "sent", rep.Sent, "failed", rep.Failed, "retried", rep.Retried)
		}
	}
}

// drainSearchQueue hands records changed by command-line tools to the
// indexer, every few seconds.
func (a *App) drainSearchQueue(ctx context.Context) {
	defer a.bg.Done()
	t := time.NewTicker(2 * time.Second)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
		}
		if a.Search == nil {
			continue
		}
		for {
			ids, err := a.DB.TakeSearchQueue(ctx, 1000)
			if err != nil {
				a.Log.Error("search: take queued records", "err", err)
				break
			}
			if len(ids) == 0 {
				break
			}
			a.Search.Enqueue(ctx, ids)
		}
	}
}

// Shutdown drains requests in flight, then stops the sweeps.
func (a *App) Shutdown(ctx context.Context) error {
	var err error
	if a.server != nil {
		err = a.server.Shutdown(ctx)
	} else if a.ln != nil {
		err = a.ln.Close()
	}
	if a.SIP != nil {
		err = errors.Join(err, a.SIP.Shutdown(ctx))
	}
	if a.Z3950 != nil {
		err = errors.Join(err, a.Z3950.Shutdown(ctx))
	}
	if a.stopBg != nil {
		a.stopBg()
	}
	a.stopWork()
	a.bg.Wait()
	return err
}

// Close releases the index and the store. Call it after Shutdown.
func (a *App) Close() error {
	a.stopWork()
	a.bg.Wait()
	a.Jobs.Wait()
	var searchErr error
	if a.Search != nil {
		searchErr = a.Search.Close()
	}
	return errors.Join(searchErr, a.DB.Close())
}

// RebuildSearchIfStale starts a background rebuild when the index is
// missing or out of step; the server answers meanwhile and searches say
// the index is rebuilding.
func (a *App) RebuildSearchIfStale(ctx context.Context) error {
	if a.Search == nil {
		return nil
	}
	c, err := a.Counts(ctx)
	if err != nil {
		return err
	}
	if !a.Search.NeedsRebuild(c.Records) {
		return nil
	}
	a.bg.Add(1)
	go func() {
		defer a.bg.Done()
		start := time.Now()
		a.Log.Info("search: rebuilding the index", "records", c.Records)
		if err := a.Search.Rebuild(a.workCtx, nil); err != nil {
			a.Log.Error("search: rebuild failed", "err", err)
			return
		}
		a.Log.Info("search: index rebuilt", "records", c.Records, "took", time.Since(start).Round(time.Millisecond))
	}()
	return nil
}
