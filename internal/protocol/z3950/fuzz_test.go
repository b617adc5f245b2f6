package z3950

import (
	"testing"

	ber "github.com/go-asn1-ber/asn1-ber"
)

// FuzzResponse feeds arbitrary bytes to the response decoding a server's
// answer goes through: no input may panic or hang the client.
func FuzzResponse(f *testing.F) {
	ext := seq(universalOID(OIDUSMARC), prim(1, []byte("00026nam  2200025   4500\x1e\x1d")))
	ext.Tag, ext.TagType = ber.TagExternal, ber.TypeConstructed
	present := apdu(tagPresentResponse, intField(tagRecordsReturned, 1), intField(tagNextPosition, 2), intField(tagPresentStatus, 0),
		cons(tagResponseRecords, seq(cons(1, cons(1, ext)))))
	search := apdu(tagSearchResponse, intField(tagResultCount, 3), intField(tagRecordsReturned, 0), intField(tagNextPosition, 1), boolField(tagSearchStatus, true))
	diag := apdu(tagSearchResponse, intField(tagResultCount, 0), boolField(tagSearchStatus, false),
		cons(tagNonSurrogateDiag, universalOID(OIDBib1Diag), ber.NewInteger(ber.ClassUniversal, ber.TypePrimitive, ber.TagInteger, 109, ""), ber.NewString(ber.ClassUniversal, ber.TypePrimitive, ber.TagVisibleString, "x", "")))
	for _, p := range []*ber.Packet{present, search, diag, initRequest("u", "p"), searchRequest("Default", OIDUSMARC, Op{And, Use(4, "a"), Use(7, "b")})} {
		f.Add(p.Bytes())
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		p, err := ber.DecodePacketErr(data)
		if err != nil || p == nil {
			return
		}
		diagnosticOf(p)
		records(child(p, tagResponseRecords))
		intOf(child(p, tagResultCount))
		boolOf(child(p, tagSearchStatus))
		stringOf(child(p, tagImplementationNm))
	})
}
