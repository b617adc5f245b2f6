package z3950

import (
	ber "github.com/go-asn1-ber/asn1-ber"
)

// APDU tags (Z39.50-1995, PDU CHOICE) and the fields used here.
const (
	tagInitRequest     ber.Tag = 20
	tagInitResponse    ber.Tag = 21
	tagSearchRequest   ber.Tag = 22
	tagSearchResponse  ber.Tag = 23
	tagPresentRequest  ber.Tag = 24
	tagPresentResponse ber.Tag = 25
	tagClose           ber.Tag = 48

	tagProtocolVersion   ber.Tag = 3
	tagOptions           ber.Tag = 4
	tagPreferredMsgSize  ber.Tag = 5
	tagExceptionalSize   ber.Tag = 6
	tagIDAuthentication  ber.Tag = 7
	tagResult            ber.Tag = 12
	tagImplementationID  ber.Tag = 110
	tagImplementationNm  ber.Tag = 111
	tagImplementationVer ber.Tag = 112

	tagSmallSetUpper     ber.Tag = 13
	tagLargeSetLower     ber.Tag = 14
	tagMediumSetPresent  ber.Tag = 15
	tagReplaceIndicator  ber.Tag = 16
	tagResultSetName     ber.Tag = 17
	tagDatabaseNames     ber.Tag = 18
	tagDatabaseName      ber.Tag = 105
	tagPreferredSyntax   ber.Tag = 104
	tagQuery             ber.Tag = 21
	tagRPNType1          ber.Tag = 1
	tagSearchStatus      ber.Tag = 22
	tagResultCount       ber.Tag = 23
	tagRecordsReturned   ber.Tag = 24
	tagNextPosition      ber.Tag = 25
	tagPresentStatus     ber.Tag = 27
	tagResponseRecords   ber.Tag = 28
	tagNonSurrogateDiag  ber.Tag = 130
	tagMultipleDiags     ber.Tag = 205
	tagRequested         ber.Tag = 29
	tagStartPoint        ber.Tag = 30
	tagResultSetID       ber.Tag = 31
	tagRecordComposition ber.Tag = 19
	tagGenericElementSet ber.Tag = 0
	tagCloseReason       ber.Tag = 211

	tagOperandOp     ber.Tag = 0
	tagRPNRPNOp      ber.Tag = 1
	tagAttrPlusTerm  ber.Tag = 102
	tagAttributeList ber.Tag = 44
	tagAttrType      ber.Tag = 120
	tagAttrNumeric   ber.Tag = 121
	tagTermGeneral   ber.Tag = 45
	tagOperator      ber.Tag = 46
)

// Object identifiers.
const (
	OIDBib1       = "1.2.840.10003.3.1"
	OIDBib1Diag   = "1.2.840.10003.4.1"
	OIDUSMARC     = "1.2.840.10003.5.10"
	OIDUNIMARC    = "1.2.840.10003.5.1"
	OIDXML        = "1.2.840.10003.5.109.10"
	implementName = "shuwu"
)

func apdu(tag ber.Tag, fields ...*ber.Packet) *ber.Packet { return cons(tag, fields...) }

// bits is a BER BIT STRING's content with bits 0..n-1 as given.
func bits(set ...bool) []byte {
	n := len(set)
	out := make([]byte, 1+(n+7)/8)
	out[0] = byte((8 - n%8) % 8)
	for i, b := range set {
		if b {
			out[1+i/8] |= 0x80 >> (i % 8)
		}
	}
	return out
}

func initRequest(user, password string) *ber.Packet {
	fields := []*ber.Packet{
		prim(tagProtocolVersion, bits(true, true, true)), // versions 1, 2, 3
		prim(tagOptions, bits(true, true)),               // search, present
		intField(tagPreferredMsgSize, 1<<20),
		intField(tagExceptionalSize, 1<<21),
	}
	if user != "" {
		// idAuthentication [7] CHOICE: idPass SEQUENCE {userId [1], password [2]}.
		fields = append(fields, cons(tagIDAuthentication, seq(strField(1, user), strField(2, password))))
	}
	fields = append(fields, strField(tagImplementationID, implementName), strField(tagImplementationNm, "shuwu 书屋"), strField(tagImplementationVer, "1"))
	return apdu(tagInitRequest, fields...)
}

func searchRequest(db, syntax string, q RPN) *ber.Packet {
	return apdu(tagSearchRequest,
		intField(tagSmallSetUpper, 0),
		intField(tagLargeSetLower, 1),
		intField(tagMediumSetPresent, 0),
		boolField(tagReplaceIndicator, true),
		strField(tagResultSetName, "default"),
		cons(tagDatabaseNames, strField(tagDatabaseName, db)),
		oidField(tagPreferredSyntax, syntax),
		cons(tagQuery, cons(tagRPNType1, universalOID(OIDBib1), q.encode())),
	)
}

func presentRequest(start, n int, syntax, elements string) *ber.Packet {
	fields := []*ber.Packet{
		strField(tagResultSetID, "default"),
		intField(tagStartPoint, int64(start)),
		intField(tagRequested, int64(n)),
	}
	if elements != "" {
		fields = append(fields, cons(tagRecordComposition, strField(tagGenericElementSet, elements)))
	}
	fields = append(fields, oidField(tagPreferredSyntax, syntax))
	return apdu(tagPresentRequest, fields...)
}

func closeRequest() *ber.Packet {
	return apdu(tagClose, intField(tagCloseReason, 0)) // finished
}
