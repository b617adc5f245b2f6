// Package shared finds the reference data tests read from ../shared beside
// the checkout (MARC files with expected values, the CLC table). It has no
// dependencies, so the self-contained codec packages can use it too.
package shared

import (
	"os"
	"path/filepath"
	"testing"
)

// Dir returns the ../shared directory next to the module root. The data
// is part of the test contract: a missing directory fails the test, it
// never skips it.
func Dir(tb testing.TB) string {
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
			tb.Fatal("go.mod not found above the test directory")
		}
		dir = parent
	}
	shared := filepath.Join(dir, "..", "shared")
	if _, err := os.Stat(filepath.Join(shared, "testdata", "marc", "EXPECTED.json")); err != nil {
		tb.Fatalf("shared reference data missing (%v): the tests need ../shared next to the repository", err)
	}
	return shared
}

// Path returns a path under ../shared, e.g. Path(tb, "data", "clc", "clc5.json").
func Path(tb testing.TB, elem ...string) string {
	tb.Helper()
	return filepath.Join(append([]string{Dir(tb)}, elem...)...)
}
