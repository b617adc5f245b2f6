package bib

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"shuwu/internal/marc"
)

// sharedDir finds ../shared next to the module root.
func sharedDir(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		tb.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			tb.Fatal("no go.mod above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(shared); err != nil {
		tb.Fatalf("shared test data missing: %v", err)
	}
	return shared
}

// readMARC reads every record of a shared ISO 2709 file.
func readMARC(tb testing.TB, rel string, cs marc.Charset) []*marc.Record {
	tb.Helper()
	f, err := os.Open(filepath.Join(sharedDir(tb), "testdata", "marc", rel))
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	rd := marc.NewReader(f, marc.ReaderOptions{Charset: cs})
	var out []*marc.Record
	for {
		r, err := rd.Read()
		if errors.Is(err, io.EOF) {
			return out
		}
		if err != nil {
			tb.Fatalf("%s: %v", rel, err)
		}
		out = append(out, r)
	}
}
