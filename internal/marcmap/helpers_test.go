package marcmap

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"shuwu/internal/marc"
	"shuwu/internal/testkit/shared"
)

// readMARC reads every record of a shared ISO 2709 file.
func readMARC(tb testing.TB, rel string, cs marc.Charset) []*marc.Record {
	tb.Helper()
	f, err := os.Open(filepath.Join(shared.Dir(tb), "testdata", "marc", rel))
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
