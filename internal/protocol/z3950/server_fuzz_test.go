package z3950

import (
	"context"
	"strconv"
	"testing"

	ber "github.com/go-asn1-ber/asn1-ber"

	"shuwu/internal/search"
	"shuwu/internal/testkit"
)

// threeHits is a search engine that finds the same three records for
// every query.
type threeHits struct{}

func (threeHits) SearchBool(_ context.Context, _ *search.Bool, from, size int) (search.Result, error) {
	res := search.Result{Total: 3}
	for i := from; i < min(3, from+size); i++ {
		res.Hits = append(res.Hits, search.Hit{RecordID: int64(i + 1)})
	}
	return res, nil
}

func (threeHits) Scan(_ context.Context, _ search.ScanField, from string, _ bool, n int) ([]search.ScanTerm, error) {
	var out []search.ScanTerm
	for i := 0; i < min(n, 3); i++ {
		out = append(out, search.ScanTerm{Term: from + strconv.Itoa(i), Count: i + 1})
	}
	return out, nil
}

// FuzzServerRequest feeds arbitrary APDUs to an association: a client
// (or an attacker) must never crash the server, whatever it sends.
func FuzzServerRequest(f *testing.F) {
	k := testkit.New(f)
	k.Record("红色家书")
	s := NewServer(ServerDeps{Search: threeHits{}, Catalog: k.Catalog})
	for _, p := range []*ber.Packet{
		initRequest("u", "p"),
		searchRequest("Default", OIDUSMARC, Op{And, Use(4, "红色"), Term{Attrs: [][2]int{{1, 31}, {2, 4}}, Text: "2020"}}),
		searchRequest("Default", OIDUSMARC, Op{AndNot, Use(12, "1"), Use(9999, "x")}),
		presentRequest(1, 3, OIDUNIMARC, "F"),
		presentRequest(2, 10, OIDXML, "marcxml"),
		scanRequest(Use(4, "毛泽东"), 20, 1),
		scanRequest(Term{Text: "x"}, 0, 3),
		closeRequest(),
	} {
		f.Add(p.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ber.DecodePacketErr(data)
		if err != nil || p == nil {
			return
		}
		a := &association{srv: s, sets: map[string]resultSet{"default": {query: &search.Bool{}, total: 3}}}
		if resp, _ := a.handle(p); resp == nil {
			t.Fatal("no answer")
		}
	})
}
