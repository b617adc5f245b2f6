package marc

import (
	"bytes"
	"context"
	"flag"
	"io"
	"os"
	"testing"
	"time"
)

var (
	genFile  = flag.String("marc.genfile", "", "write a generated UTF-8 ISO 2709 test file to this path (with -marc.genn records) and exit the test")
	genN     = flag.Int("marc.genn", 200000, "records for -marc.genfile")
	convFile = flag.String("marc.convert", "", "convert this ISO 2709 file to MARCXML (discarding the output) and log the time")
)

// TestGenerateAndTimeFiles serves the side-by-side measurement with yaz:
// it writes a generated file or times Convert on one when the flags ask.
func TestGenerateAndTimeFiles(t *testing.T) {
	if *genFile != "" {
		f, err := os.Create(*genFile)
		if err != nil {
			t.Fatal(err)
		}
		if err := GenerateTestFile(f, *genN, 1); err != nil {
			t.Fatal(err)
		}
		if err := f.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if *convFile != "" {
		f, err := os.Open(*convFile)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		start := time.Now()
		st, err := Convert(context.Background(), f, io.Discard, ConvertOptions{})
		if err != nil {
			t.Fatal(err)
		}
		el := time.Since(start)
		t.Logf("converted %d records (%d bytes) in %v: %.1f MB/s, %.0f records/s",
			st.Records, st.BytesIn, el, float64(st.BytesIn)/1e6/el.Seconds(), float64(st.Records)/el.Seconds())
	}
}

func BenchmarkConvertISO2709ToMARCXML(b *testing.B) {
	var in bytes.Buffer
	const n = 2000
	if err := GenerateTestFile(&in, n, 1); err != nil {
		b.Fatal(err)
	}
	data := in.Bytes()
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if _, err := Convert(context.Background(), bytes.NewReader(data), io.Discard, ConvertOptions{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "records/s")
}
