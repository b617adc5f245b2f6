package ordersheet_test

import (
	"bytes"
	"math/rand"
	"testing"
	"time"

	"shuwu/internal/acquisitions/ordersheet"
)

// TestMangledSheetsNeverHang: 4,000 mutations of an exported sheet (bytes
// changed, inserted, deleted, lengths set huge) are each read or refused
// within 3 s, so an upload cannot hold the server. (It stands in for
// FuzzRead, whose engine stalls inside excelize under -fuzz.)
func TestMangledSheetsNeverHang(t *testing.T) {
	o, lines := order()
	var buf bytes.Buffer
	ordersheet.Write(&buf, o, lines)
	seed := buf.Bytes()
	r := rand.New(rand.NewSource(7))
	for i := 0; i < 4000; i++ {
		d := bytes.Clone(seed)
		for j := 0; j < 1+r.Intn(6); j++ {
			switch r.Intn(4) {
			case 0:
				d[r.Intn(len(d))] = byte(r.Intn(256))
			case 1: // insert
				p := r.Intn(len(d))
				d = append(d[:p], append([]byte{byte(r.Intn(256))}, d[p:]...)...)
			case 2: // delete a run
				p := r.Intn(len(d))
				n := min(len(d)-p, r.Intn(64))
				d = append(d[:p], d[p+n:]...)
			case 3: // big-endian interesting values
				p := r.Intn(len(d) - 4)
				copy(d[p:], []byte{0xff, 0xff, 0xff, 0x7f})
			}
		}
		done := make(chan struct{})
		go func() { ordersheet.Read(bytes.NewReader(d)); close(done) }()
		select {
		case <-done:
		case <-time.After(3 * time.Second):
			t.Fatalf("mutation %d of the sheet does not finish in 3 s", i)
		}
	}
}
