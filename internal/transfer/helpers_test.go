package transfer_test

import (
	"os"
	"path/filepath"
	"shuwu/internal/transfer"
	"testing"

	"shuwu/internal/testkit"
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

func sharedFile(tb testing.TB, rel string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(sharedDir(tb), "testdata", "marc", rel))
	if err != nil {
		tb.Fatal(err)
	}
	return b
}

// newService builds the transfer service on a fresh temporary store.
func newService(tb testing.TB) (*transfer.Service, *testkit.Kit) {
	tb.Helper()
	k := testkit.New(tb)
	return transfer.New(k.DB.Transfer(), k.Catalog, k.Readers, k.Circulation, testkit.Shanghai, k.Clock.Now), k
}
