package search

import (
	"context"
	"os"
	"sort"
	"strconv"
	"strings"
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

// peakRSSMiB reads the process's peak resident set size.
func peakRSSMiB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			f := strings.Fields(line)
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

func BenchmarkIndexBuild(b *testing.B) {
	n := benchN(b)
	for b.Loop() {
		ix, err := Open(b.TempDir(), Options{})
		if err != nil {
			b.Fatal(err)
		}
		start := time.Now()
		if err := ix.Rebuild(context.Background(), benchDocs(n), nil); err != nil {
			b.Fatal(err)
		}
		b.ReportMetric(time.Since(start).Seconds(), "build-s")
		ix.Close()
	}
	b.ReportMetric(float64(n), "docs")
	b.ReportMetric(peakRSSMiB(), "peakRSS-MiB")
}

// benchQueries is the mixed query set: titles and partial titles, authors,
// full pinyin, initials and ISBNs, each asked for the top 20 with facets.
func benchQueries(n int) []string {
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

func BenchmarkQuery(b *testing.B) {
	n := benchN(b)
	ix, err := Open(b.TempDir(), Options{})
	if err != nil {
		b.Fatal(err)
	}
	defer ix.Close()
	start := time.Now()
	if err := ix.Rebuild(context.Background(), benchDocs(n), nil); err != nil {
		b.Fatal(err)
	}
	build := time.Since(start)
	qs := benchQueries(n)
	ctx := context.Background()
	var lat []time.Duration
	b.ResetTimer()
	i := 0
	for b.Loop() {
		q := qs[i%len(qs)]
		i++
		t0 := time.Now()
		if _, err := ix.Search(ctx, Request{Query: q, Size: 20, Facets: true}); err != nil {
			b.Fatal(err)
		}
		lat = append(lat, time.Since(t0))
	}
	b.StopTimer()
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
