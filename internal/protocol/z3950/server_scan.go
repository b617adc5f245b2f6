package z3950

import (
	"context"
	"errors"
	"strconv"

	ber "github.com/go-asn1-ber/asn1-ber"

	"shuwu/internal/search"
)

// Scan (Z39.50-2003 §3.2.8.1) browses an index's terms from a starting
// term, with how many records hold each: a cataloguer's "browse titles
// from 毛泽东" (yaz-client: scan @attr 1=4 毛泽东). It reads the same term
// lists as the SRU scan (search.Index.Scan).

// APDU tags and fields of scan.
const (
	tagScanRequest  ber.Tag = 35
	tagScanResponse ber.Tag = 36

	tagScanTermsRequested ber.Tag = 6 // numberOfTermsRequested
	tagScanPreferredPos   ber.Tag = 7 // preferredPositionInResponse

	tagScanStepSize  ber.Tag = 3
	tagScanStatus    ber.Tag = 4
	tagScanReturned  ber.Tag = 5
	tagScanPosition  ber.Tag = 6
	tagScanEntries   ber.Tag = 7 // ListEntries
	tagListEntries   ber.Tag = 1 // ListEntries.entries
	tagListDiags     ber.Tag = 2 // ListEntries.nonsurrogateDiagnostics
	tagEntryTermInfo ber.Tag = 1
	tagTermInfoCount ber.Tag = 2 // globalOccurrences
)

// Scan statuses: success, partial (fewer terms than asked: the list
// ended; YAZ's servers say partial-5 for that too) and failure.
const (
	scanSuccess = 0
	scanPartial = 5
	scanFailure = 6
)

// bib1Scan are the Bib-1 use attributes whose terms can be browsed.
var bib1Scan = map[int64]search.ScanField{
	UseTitle: search.ScanTitle, 33: search.ScanTitle,
	1: search.ScanAuthor, 2: search.ScanAuthor, 1003: search.ScanAuthor, 1004: search.ScanAuthor, 1005: search.ScanAuthor,
	UsePublishr: search.ScanPublisher, 5: search.ScanSeries, UseISBN: search.ScanISBN,
}

func (a *association) scan(req *ber.Packet) *ber.Packet {
	fail := func(d *Diagnostic) *ber.Packet {
		return apdu(tagScanResponse, append(referenceID(req),
			intField(tagScanStatus, scanFailure), intField(tagScanReturned, 0),
			cons(tagScanEntries, cons(tagListDiags, seq(diagRecord(d.Condition, d.AddInfo)...))))...)
	}
	start := child(req, tagAttrPlusTerm)
	if start == nil {
		return fail(&Diagnostic{Condition: 108, AddInfo: "no term to start from"})
	}
	attrs, term, err := attrsAndTerm(start)
	if err != nil {
		var d *Diagnostic
		if errors.As(err, &d) {
			return fail(d)
		}
		return fail(&Diagnostic{Condition: 108, AddInfo: err.Error()})
	}
	use, ok := attrs[1]
	if !ok {
		use = UseTitle // the server's choice: the index cataloguers browse most
	}
	field, ok := bib1Scan[use]
	if !ok {
		return fail(&Diagnostic{Condition: 114, AddInfo: strconv.FormatInt(use, 10)}) // unsupported use attribute
	}
	n, err := intOf(child(req, tagScanTermsRequested))
	if err != nil || n < 1 {
		return fail(&Diagnostic{Condition: 108, AddInfo: "numberOfTermsRequested"})
	}
	// Terms are listed forward from the start only: the start term (or
	// the next one) comes first, whatever position was preferred, and
	// positionOfTerm says so.
	if p := child(req, tagScanPreferredPos); p != nil {
		if pos, err := intOf(p); err != nil || pos < 1 || pos > n+1 {
			return fail(&Diagnostic{Condition: 121, AddInfo: "preferredPositionInResponse"}) // unsupported preferred position
		}
	}
	terms, err := a.srv.d.Search.Scan(context.Background(), field, term, false, int(min(n, search.MaxScanTerms)))
	if err != nil {
		return fail(&Diagnostic{Condition: 2, AddInfo: err.Error()}) // temporary system error
	}
	entries := make([]*ber.Packet, 0, len(terms))
	for _, t := range terms {
		entries = append(entries, cons(tagEntryTermInfo, strField(tagTermGeneral, t.Term), intField(tagTermInfoCount, int64(t.Count))))
	}
	status := int64(scanSuccess)
	if int64(len(terms)) < n {
		status = scanPartial
	}
	fields := append(referenceID(req), intField(tagScanStepSize, 0), intField(tagScanStatus, status), intField(tagScanReturned, int64(len(terms))))
	if len(terms) > 0 {
		fields = append(fields, intField(tagScanPosition, 1), cons(tagScanEntries, cons(tagListEntries, entries...)))
	}
	return apdu(tagScanResponse, fields...)
}
