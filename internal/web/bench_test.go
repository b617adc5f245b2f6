package web_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"shuwu/internal/app"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/demo"
	"shuwu/internal/httpx"
	"shuwu/internal/readers"
	"shuwu/internal/testkit/webtest"
	"shuwu/internal/web"
)

// benchSite is the demo data set (the article's library: 50,000+ volumes,
// 2,100+ readers, years of loans) behind the real handler, with a duty
// login, a reader who may borrow and copies to lend.
type benchSite struct {
	a       *app.App
	h       http.Handler
	cookie  *http.Cookie
	card    string
	items   []string
	queries []string
	// noSearch serves the pages without a search engine, so /opac uses
	// the catalogue's substring match.
	noSearch http.Handler
}

var (
	benchOnce sync.Once
	bench     *benchSite
	benchErr  error
)

// demoSite loads the demo once per test binary; the benchmarks share it.
func demoSite(b *testing.B) *benchSite {
	b.Helper()
	benchOnce.Do(func() {
		// Not b.TempDir: the site outlives this benchmark.
		a := webtest.OpenDir(b, "")
		ctx := audit.WithActor(context.Background(), audit.System)
		if _, err := demo.Load(ctx, a.DB, demo.Options{Seed: 2022, Now: time.Now(), TZ: a.Config.Location()}); err != nil {
			benchErr = err
			return
		}
		if err := a.CreateDemoAccounts(ctx); err != nil {
			benchErr = err
			return
		}
		s := &benchSite{a: a, h: a.Handler(), queries: []string{"习近平", "党史", "马克思", "治国理政", "中国共产党", "廉政", "乡村振兴", "9787010"}}
		rd, err := a.Readers.Create(ctx, readers.Reader{Name: "压测读者", Unit: "校机关"})
		if err != nil {
			benchErr = err
			return
		}
		s.card = rd.Card
		// Copies on the shelf with no one waiting: lending and returning
		// them leaves the library as it was.
		err = a.Catalog.EachRecord(ctx, func(d catalog.RecordDetail) error {
			for _, it := range d.Items {
				if len(s.items) >= 400 || it.Status != catalog.StatusAvailable || !it.Lendable {
					continue
				}
				if _, err := a.Circulation.Checkout(ctx, s.card, it.Barcode); err != nil {
					continue
				}
				res, err := a.Circulation.Checkin(ctx, it.Barcode, false)
				if err != nil {
					return err
				}
				if res.Action == "shelve" {
					s.items = append(s.items, it.Barcode)
				}
			}
			if len(s.items) >= 400 {
				return errStop
			}
			return nil
		})
		if err != nil && err != errStop {
			benchErr = err
			return
		}
		// The app's pages search with the index: build it for the demo.
		if err := a.Search.Rebuild(ctx, nil); err != nil {
			benchErr = err
			return
		}
		w, err := web.New(web.Deps{Catalog: a.Catalog, Readers: a.Readers, Circulation: a.Circulation, Auth: a.Auth, TZ: a.Config.Location()})
		if err != nil {
			benchErr = err
			return
		}
		mux := http.NewServeMux()
		w.Register(mux)
		s.noSearch = mux
		sess, err := a.Auth.Login(ctx, "duty1", webtest.Password, "bench")
		if err != nil {
			benchErr = err
			return
		}
		s.cookie = &http.Cookie{Name: httpx.SessionCookie, Value: sess.Token}
		bench = s
	})
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return bench
}

type stopErr struct{}

func (stopErr) Error() string { return "stop" }

var errStop error = stopErr{}

// serve runs one request through the handler and returns its server time.
func (s *benchSite) serve(b *testing.B, req *http.Request) (time.Duration, *httptest.ResponseRecorder) {
	req.AddCookie(s.cookie)
	rec := httptest.NewRecorder()
	start := time.Now()
	s.h.ServeHTTP(rec, req)
	return time.Since(start), rec
}

func reportPercentiles(b *testing.B, d []time.Duration) {
	if len(d) == 0 {
		return
	}
	sort.Slice(d, func(i, j int) bool { return d[i] < d[j] })
	p := func(q float64) float64 { return float64(d[int(q*float64(len(d)-1))]) / float64(time.Millisecond) }
	b.ReportMetric(p(0.50), "p50-ms")
	b.ReportMetric(p(0.95), "p95-ms")
	b.ReportMetric(p(0.99), "p99-ms")
}

// BenchmarkDeskCheckout is the desk's lend scan as desk.js posts it: the
// checkout and the reader panel it answers with. Returning the copy is
// not timed.
func BenchmarkDeskCheckout(b *testing.B) {
	s := demoSite(b)
	ctx := audit.WithActor(context.Background(), audit.System)
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		code := s.items[i%len(s.items)]
		body := url.Values{"mode": {"lend"}, "card": {s.card}, "code": {code}}.Encode()
		req := httptest.NewRequest(http.MethodPost, "/desk/scan", strings.NewReader(body))
		req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
		req.Header.Set("X-Requested-With", "fetch")
		d, rec := s.serve(b, req)
		times = append(times, d)
		b.StopTimer()
		if rec.Code != http.StatusOK || !strings.Contains(rec.Body.String(), `"ok":true`) {
			b.Fatalf("checkout %s: %d %s", code, rec.Code, rec.Body.String())
		}
		if _, err := s.a.Circulation.Checkin(ctx, code, false); err != nil {
			b.Fatal(err)
		}
		b.StartTimer()
	}
	b.StopTimer()
	reportPercentiles(b, times)
}

// BenchmarkCatalogSearchPage is the public catalogue's search page for a
// mix of typical queries, rendered in full, on the search engine as the
// app wires it.
func BenchmarkCatalogSearchPage(b *testing.B) { benchQueryPage(b, demoSite(b), "/opac") }

// BenchmarkCatalogSearchPageFallback is the same page on the catalogue's
// substring match, which serves when no engine is wired.
func BenchmarkCatalogSearchPageFallback(b *testing.B) {
	s := demoSite(b)
	h := s.h
	s.h = s.noSearch
	defer func() { s.h = h }()
	benchQueryPage(b, s, "/opac")
}

// BenchmarkStaffCatalogPage is the cataloguers' record list with a query.
func BenchmarkStaffCatalogPage(b *testing.B) { benchQueryPage(b, demoSite(b), "/catalog") }

// benchQueryPage requests path?q= with the site's query mix and reports
// the server time percentiles.
func benchQueryPage(b *testing.B, s *benchSite, path string) {
	times := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		q := s.queries[i%len(s.queries)]
		req := httptest.NewRequest(http.MethodGet, path+"?q="+url.QueryEscape(q), nil)
		d, rec := s.serve(b, req)
		times = append(times, d)
		if rec.Code != http.StatusOK {
			b.Fatalf("%s %s: %d", path, q, rec.Code)
		}
	}
	b.StopTimer()
	reportPercentiles(b, times)
}
