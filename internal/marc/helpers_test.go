package marc

import (
	"os"
	"path/filepath"
	"shuwu/internal/testkit/shared"
	"testing"
)

// testdataPath returns the path of a file under ../shared/testdata/marc.
func testdataPath(tb testing.TB, name string) string {
	tb.Helper()
	return shared.Path(tb, "testdata", "marc", filepath.FromSlash(name))
}

func readTestdata(tb testing.TB, name string) []byte {
	tb.Helper()
	b, err := os.ReadFile(testdataPath(tb, name))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}
