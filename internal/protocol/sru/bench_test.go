package sru_test

import (
	"bytes"
	"io"
	"log/slog"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"testing"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/indexing"
	"shuwu/internal/marc"
	"shuwu/internal/protocol/sru"
	"shuwu/internal/testkit"
	"shuwu/internal/transfer"
)

// BenchmarkSearchRetrieve is SRU searchRetrieve over HTTP against a
// catalogue of SHUWU_BENCH_N generated MARC21 records (default 10,000):
// a mix of CQL title, creator, ISBN, boolean and date queries built from
// the catalogue's own records, ten MARCXML records a page. It reports the
// p50 and p95 of one request. For docs/benchmarks.md:
//
//	SHUWU_BENCH_N=200000 go test -run '^$' -bench SearchRetrieve -benchtime 2000x ./internal/protocol/sru/
func BenchmarkSearchRetrieve(b *testing.B) {
	n := 10000
	if s := os.Getenv("SHUWU_BENCH_N"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n <= 0 {
			b.Fatalf("bad SHUWU_BENCH_N %q", s)
		}
	}
	k := testkit.New(b)
	var file bytes.Buffer
	if err := marc.GenerateTestFile(&file, n, 1); err != nil {
		b.Fatal(err)
	}
	tr := transfer.New(k.DB.Transfer(), k.Catalog, k.Readers, k.Circulation, testkit.Shanghai, k.Clock.Now)
	if _, err := tr.ImportMARC(k.Ctx, &file, transfer.MARCOptions{Match: transfer.MatchISBNTitle}); err != nil {
		b.Fatal(err)
	}
	ix, err := indexing.Open(filepath.Join(b.TempDir(), "index"), "", k.Catalog, slog.New(slog.DiscardHandler))
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	if err := ix.Rebuild(k.Ctx, nil); err != nil {
		b.Fatal(err)
	}
	mux := http.NewServeMux()
	mux.Handle("/sru", sru.New(sru.Deps{Search: ix, Catalog: k.Catalog}))
	srv := httptest.NewServer(mux)
	defer srv.Close()

	queries := benchQueries(b, k, n)
	lat := make([]time.Duration, 0, b.N)
	b.ResetTimer()
	i := 0
	for b.Loop() {
		q := queries[i%len(queries)]
		i++
		t0 := time.Now()
		res, err := http.Get(srv.URL + "/sru?" + url.Values{"version": {"1.2"}, "operation": {"searchRetrieve"}, "query": {q}, "maximumRecords": {"10"}}.Encode())
		if err != nil {
			b.Fatal(err)
		}
		io.Copy(io.Discard, res.Body)
		res.Body.Close()
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
	slices.Sort(lat)
	b.ReportMetric(float64(lat[len(lat)/2].Microseconds())/1000, "p50-ms")
	b.ReportMetric(float64(lat[len(lat)*95/100].Microseconds())/1000, "p95-ms")
}

// benchQueries builds 200 CQL queries from random records of the catalogue.
func benchQueries(b *testing.B, k *testkit.Kit, n int) []string {
	rng := rand.New(rand.NewPCG(7, 7))
	ids := make([]int64, 400)
	for i := range ids {
		ids[i] = 1 + rng.Int64N(int64(n))
	}
	recs, err := k.Catalog.RecordsByIDs(k.Ctx, ids)
	if err != nil || len(recs) < 2 {
		b.Fatalf("records for queries: %d, %v", len(recs), err)
	}
	author := func(r catalog.Record) string {
		if len(r.Authors) > 0 {
			return r.Authors[0].Name
		}
		return r.Title
	}
	var qs []string
	for i := 0; len(qs) < 200; i++ {
		r, o := recs[i%len(recs)], recs[(i+1)%len(recs)]
		short := string([]rune(r.Title)[:min(2, len([]rune(r.Title)))])
		switch i % 5 {
		case 0:
			qs = append(qs, `dc.title="`+r.Title+`"`)
		case 1:
			qs = append(qs, `dc.creator="`+author(r)+`"`)
		case 2:
			qs = append(qs, "bath.isbn="+r.ISBN)
		case 3:
			qs = append(qs, `dc.title="`+short+`" and dc.date>=2000`)
		case 4:
			qs = append(qs, `dc.title="`+r.Title+`" or dc.creator="`+author(o)+`"`)
		}
	}
	return qs
}
