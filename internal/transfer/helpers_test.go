package transfer_test

import (
	"os"
	"path/filepath"
	"testing"

	"shuwu/internal/readers"
	"shuwu/internal/testkit"
	"shuwu/internal/testkit/shared"
	"shuwu/internal/transfer"
)

func sharedFile(tb testing.TB, rel string) []byte {
	tb.Helper()
	b, err := os.ReadFile(filepath.Join(shared.Dir(tb), "testdata", "marc", rel))
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

func readersFilter() readers.Filter { return readers.Filter{} }
