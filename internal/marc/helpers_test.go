package marc

import (
	"os"
	"path/filepath"
	"testing"
)

// sharedDir returns ../shared relative to the module root. The reference
// data is part of the test contract, so a missing directory fails the test.
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

// testdataPath returns the path of a file under ../shared/testdata/marc.
func testdataPath(tb testing.TB, name string) string {
	tb.Helper()
	return filepath.Join(sharedDir(tb), "testdata", "marc", filepath.FromSlash(name))
}

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(testdataPath(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
