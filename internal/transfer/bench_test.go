package transfer_test

import (
	"bytes"
	"os"
	"strconv"
	"strings"
	"testing"

	"shuwu/internal/marc"
	"shuwu/internal/transfer"
)

// BenchmarkImportMARC100k is the full import path (parse, map, store,
// one transaction per 500 records) for 100,000 generated MARC21 records
// with Chinese 880 fields, into a fresh store: SQLite, or PostgreSQL when
// SHUWU_TEST_PG names a cluster (scripts/pg-throwaway.sh). Run it with
//
//	go test -run '^$' -bench ImportMARC100k -benchtime 1x ./internal/transfer/
//
// and record records/s and peak RSS (VmHWM) in docs/benchmarks.md.
func BenchmarkImportMARC100k(b *testing.B) {
	const n = 100_000
	var file bytes.Buffer
	if err := marc.GenerateTestFile(&file, n, 1); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(file.Len()))
	for b.Loop() {
		b.StopTimer()
		s, k := newService(b)
		b.StartTimer()
		rep, err := s.ImportMARC(k.Ctx, bytes.NewReader(file.Bytes()), transfer.MARCOptions{Match: transfer.MatchISBNTitle})
		if err != nil {
			b.Fatal(err)
		}
		if rep.Added+rep.Skipped != n || rep.Rejected != 0 {
			b.Fatalf("report: added %d skipped %d rejected %d", rep.Added, rep.Skipped, rep.Rejected)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
	b.ReportMetric(peakRSSMiB(), "peak-RSS-MiB")
}

// peakRSSMiB reads the process's high-water resident set size on Linux.
func peakRSSMiB() float64 {
	status, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(status), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}
