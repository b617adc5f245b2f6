package z3950

import (
	"testing"

	ber "github.com/go-asn1-ber/asn1-ber"

	"shuwu/internal/testkit"
)

// scanRequest is a ScanRequest from the start term t for n terms.
func scanRequest(t Term, n, preferred int) *ber.Packet {
	return apdu(tagScanRequest,
		cons(3, strField(tagDatabaseName, "Default")), // databaseNames
		universalOID(OIDBib1),
		t.encode().Children[0], // the AttributesPlusTerm
		intField(tagScanTermsRequested, int64(n)),
		intField(tagScanPreferredPos, int64(preferred)))
}

// The scan answer is the ASN.1 a client reads: status, count, position
// and each entry's term and occurrences; a use attribute that cannot be
// browsed is a non-surrogate diagnostic.
func TestScanAnswersTermsWithTheirCounts(t *testing.T) {
	k := testkit.New(t)
	a := &association{srv: NewServer(ServerDeps{Search: threeHits{}, Catalog: k.Catalog}), sets: map[string]resultSet{}}
	resp := ber.DecodePacket(a.scan(scanRequest(Use(4, "毛泽东"), 5, 1)).Bytes())
	if resp.Tag != tagScanResponse {
		t.Fatalf("answer tag %d, want the scan response (36)", resp.Tag)
	}
	status, _ := intOf(child(resp, tagScanStatus))
	got, _ := intOf(child(resp, tagScanReturned))
	pos, _ := intOf(child(resp, tagScanPosition))
	if status != scanPartial || got != 3 || pos != 1 {
		t.Fatalf("status %d, %d entries at %d; want partial (5: the list ended), 3, 1", status, got, pos)
	}
	entries := child(child(resp, tagScanEntries), tagListEntries).Children
	first := entries[0]
	if term := string(child(first, tagTermGeneral).Data.Bytes()); term != "毛泽东0" {
		t.Fatalf("first term %q, want 毛泽东0", term)
	}
	if n, _ := intOf(child(entries[2], tagTermInfoCount)); n != 3 {
		t.Fatalf("third term's occurrences %d, want 3", n)
	}
	bad := ber.DecodePacket(a.scan(scanRequest(Use(21, "党建"), 5, 1)).Bytes())
	if s, _ := intOf(child(bad, tagScanStatus)); s != scanFailure {
		t.Fatalf("scan of an unbrowsable index: status %d, want failure (6)", s)
	}
	diag := child(child(bad, tagScanEntries), tagListDiags)
	if diag == nil || len(diag.Children) != 1 || len(diag.Children[0].Children) != 3 || diag.Children[0].Children[1].Value.(int64) != 114 {
		t.Fatalf("diagnostic of an unbrowsable index: %v, want Bib-1 114", diag)
	}
}
