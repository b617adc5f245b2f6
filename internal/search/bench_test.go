package search

// Recorded figures (for docs/benchmarks.md), 2026-11-28, 2 shared AMD EPYC
// cores (load average 1–5 from other work: wall times vary by up to 2×),
// Go 1.26.8, synthetic corpus (internal/synth, seed 1), 40-query mix of
// titles, authors, full pinyin, initials and ISBNs, top 20 with total and
// facets, no result cache:
//
//	SHUWU_BENCH_N=N go test ./internal/search -run X -bench Query -benchtime 4000x
//
//	records    build   p50      p95      peak RSS (build and queries in one process)
//	10,000     2.8 s   0.35 ms  1.0 ms   264 MiB
//	100,000    23 s    0.71 ms  1.9 ms   361 MiB
//	200,000    39 s    0.93 ms  2.8 ms   411 MiB
//	1,000,000  209 s   1.9 ms   6.0 ms   757 MiB
//
// Serving the million-record index from a fresh process (SHUWU_BENCH_DIR):
// p50 2.0 ms, p95 6.2 ms, peak RSS 720 MiB of which 59 MiB anonymous (the
// rest is the mapped index, i.e. page cache). Before (Bleve scoring and
// doc-value facets; build, p50, p95): 10k 3.2 s, 2.3 ms, 5.6 ms; 100k
// 41 s, 15.5 ms, 32 ms; 200k 63 s, 28 ms, 60 ms; 1M not measured — the
// first bitmap version, still building with one batch at a time, took
// 557 s.

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"shuwu/internal/synth"
)

// benchN is the corpus size, from SHUWU_BENCH_N (default 10000).
func benchN(tb testing.TB) int {
	if s := os.Getenv("SHUWU_BENCH_N"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n <= 0 {
			tb.Fatalf("bad SHUWU_BENCH_N %q", s)
		}
		return n
	}
	return 10000
}

func benchDocs(n int) func(yield func(Document) error) error {
	return func(yield func(Document) error) error {
		g := synth.NewGenerator(1)
		for i := range n {
			if err := yield(fromBook(int64(i+1), g.Book())); err != nil {
				return err
			}
		}
		return nil
	}
}

// cpuSeconds is the user and system CPU time of the process so far.
func cpuSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

// anonSampler records the largest anonymous resident memory (heap and
// stacks, without the mapped index files that VmHWM also counts) seen
// while it runs.
type anonSampler struct {
	stop chan struct{}
	done chan float64
}

func sampleAnon() *anonSampler {
	s := &anonSampler{stop: make(chan struct{}), done: make(chan float64, 1)}
	go func() {
		peak := 0.0
		t := time.NewTicker(50 * time.Millisecond)
		defer t.Stop()
		for {
			peak = max(peak, statusMiB("RssAnon:"))
			select {
			case <-s.stop:
				s.done <- peak
				return
			case <-t.C:
			}
		}
	}()
	return s
}

// peak stops the sampler and returns the peak in MiB.
func (s *anonSampler) peak() float64 {
	close(s.stop)
	return <-s.done
}

// statusMiB reads one size field of /proc/self/status in MiB.
func statusMiB(field string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, field) {
			f := strings.Fields(line)
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

// peakRSSMiB reads the process's peak resident set size.
func peakRSSMiB() float64 { return statusMiB("VmHWM:") }

func BenchmarkIndexBuild(b *testing.B) {
	n := benchN(b)
	for b.Loop() {
		ix, err := Open(b.TempDir(), Options{BatchSize: benchBatch()})
		if err != nil {
			b.Fatal(err)
		}
		var ms0, ms1 runtime.MemStats
		runtime.ReadMemStats(&ms0)
		start, cpu0, anon := time.Now(), cpuSeconds(), sampleAnon()
		if err := ix.Rebuild(context.Background(), benchDocs(n), nil); err != nil {
			b.Fatal(err)
		}
		runtime.ReadMemStats(&ms1)
		b.ReportMetric(float64(ms1.TotalAlloc-ms0.TotalAlloc)/(1<<20), "alloc-MiB")
		b.ReportMetric(anon.peak(), "peakAnon-MiB")
		b.ReportMetric(time.Since(start).Seconds(), "build-s")
		// CPU time is the steadier figure on shared cores.
		b.ReportMetric(cpuSeconds()-cpu0, "cpu-s")
		ix.Close()
	}
	b.ReportMetric(float64(n), "docs")
	b.ReportMetric(peakRSSMiB(), "peakRSS-MiB")
}

// benchIndex builds the benchmark corpus of n records. With SHUWU_BENCH_DIR
// set, the index is kept in that directory and reused by later runs of the
// same size, so query experiments at a million records need not rebuild;
// the build time reported is then 0.
func benchIndex(b *testing.B, n int) (*Index, time.Duration) {
	b.Helper()
	dir := b.TempDir()
	if d := os.Getenv("SHUWU_BENCH_DIR"); d != "" {
		dir = filepath.Join(d, strconv.Itoa(n))
	}
	ix, err := Open(dir, Options{})
	if err != nil {
		b.Fatal(err)
	}
	if st := ix.Status(); !st.Stale && st.DocCount == uint64(n) {
		return ix, 0
	}
	start := time.Now()
	if err := ix.Rebuild(context.Background(), benchDocs(n), nil); err != nil {
		b.Fatal(err)
	}
	return ix, time.Since(start)
}

// benchQueries is the mixed query set (or SHUWU_BENCH_Q alone): titles and partial titles, authors,
// full pinyin, initials and ISBNs, each asked for the top 20 with facets.
func benchQueries(n int) []string {
	if q := os.Getenv("SHUWU_BENCH_Q"); q != "" {
		return []string{q} // to profile one query
	}
	qs := []string{
		"共产党宣言", "习近平谈治国理政", "全面从严治党", "基层党组织建设", "党史学习教育", "乡村振兴",
		"中国式现代化", "党的纪律建设", "红色家书", "民法典", "丝绸之路", "山乡巨变",
		"王伟", "李明", "张建国", "刘少奇", "马克思", "陈静",
		"dangshi", "xiangcunzhenxing", "quanmianzongyanzhidang", "chongqing", "jicengdangzuzhi", "hongsejiashu",
		"gcdxy", "qmcyzd", "xjpttzl", "dsxxjy", "xsdddjs",
	}
	g := synth.NewGenerator(1)
	for i := 0; i < n && len(qs) < 40; i++ {
		bk := g.Book()
		if i%(n/10+1) == 0 && bk.ISBN13 != "" {
			qs = append(qs, bk.ISBN13, strings.ReplaceAll(bk.ISBN13, "-", ""))
		}
	}
	return qs
}

// BenchmarkQuery runs the mixed query set against an index of
// SHUWU_BENCH_N records and reports latency percentiles, the build time,
// peak RSS (VmHWM, which counts the mapped index files) and peakAnon-MiB:
// the largest anonymous resident memory while querying, i.e. what serving
// needs besides the page cache.
func BenchmarkQuery(b *testing.B) {
	n := benchN(b)
	ix, build := benchIndex(b, n)
	defer ix.Close()
	qs := benchQueries(n)
	ctx := context.Background()
	var lat []time.Duration
	perQuery := map[string][]time.Duration{}
	totals := map[string]int{}
	anon := sampleAnon()
	b.ResetTimer()
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		t0 := time.Now()
		res, err := ix.Search(ctx, Request{Query: q, Size: 20, Facets: true})
		if err != nil {
			b.Fatal(err)
		}
		d := time.Since(t0)
		lat = append(lat, d)
		perQuery[q] = append(perQuery[q], d)
		totals[q] = res.Total
	}
	b.StopTimer()
	b.ReportMetric(anon.peak(), "peakAnon-MiB")
	if os.Getenv("SHUWU_BENCH_VERBOSE") != "" {
		if snap, release, err := snapshotOf(ix.cur); err == nil {
			fmt.Fprintf(os.Stderr, "%d segments\n", len(snap.Segments()))
			release()
		}
		for _, r := range []Request{
			{Facets: true}, {Query: "党", Facets: true}, {Query: "党", Sort: SortNewest, Facets: true},
			{Query: "马克思", Sort: SortTitle, Facets: true}, {Query: "党史", Sort: SortCallNumber, Facets: true},
			{Query: "党", Page: 50, Facets: true}, {Query: "党", Facets: true, Filters: map[string][]string{FacetYear: {"2010-2019"}, FacetAvailable: {"true"}}},
		} {
			t0 := time.Now()
			res, err := ix.Search(ctx, r)
			if err != nil {
				b.Fatal(err)
			}
			fmt.Fprintf(os.Stderr, "%-28s total %7d  once %6.2f ms\n", fmt.Sprintf("%q sort=%s page=%d", r.Query, r.Sort, r.Page), res.Total, float64(time.Since(t0).Microseconds())/1000)
		}
		for _, q := range qs {
			ds := perQuery[q]
			if len(ds) == 0 {
				continue
			}
			sort.Slice(ds, func(i, j int) bool { return ds[i] < ds[j] })
			fmt.Fprintf(os.Stderr, "%-28s total %7d  p50 %6.2f ms  max %6.2f ms\n", q, totals[q],
				float64(ds[len(ds)/2].Microseconds())/1000, float64(ds[len(ds)-1].Microseconds())/1000)
		}
	}
	sort.Slice(lat, func(i, j int) bool { return lat[i] < lat[j] })
	pct := func(p float64) float64 {
		return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
	}
	b.ReportMetric(pct(0.50), "p50-ms")
	b.ReportMetric(pct(0.95), "p95-ms")
	b.ReportMetric(build.Seconds(), "build-s")
	b.ReportMetric(float64(n), "docs")
	b.ReportMetric(peakRSSMiB(), "peakRSS-MiB")
}

// benchBatch is the batch size, from SHUWU_BENCH_BATCH (default: Options' default).
func benchBatch() int {
	n, _ := strconv.Atoi(os.Getenv("SHUWU_BENCH_BATCH"))
	return n
}
