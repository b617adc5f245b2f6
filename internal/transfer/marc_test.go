package transfer_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/marcmap"
	"shuwu/internal/transfer"
)

func readAll(tb testing.TB, data []byte) []*marc.Record {
	tb.Helper()
	rd := marc.NewReader(bytes.NewReader(data), marc.ReaderOptions{})
	var out []*marc.Record
	for {
		r, err := rd.Read()
		if err != nil {
			return out
		}
		out = append(out, r)
	}
}

func isoBytes(tb testing.TB, r *marc.Record) []byte {
	tb.Helper()
	var b bytes.Buffer
	w, err := marc.NewWriter(&b, marc.WriterOptions{})
	if err != nil {
		tb.Fatal(err)
	}
	if err := w.Write(r); err != nil {
		tb.Fatal(err)
	}
	if err := w.Flush(); err != nil {
		tb.Fatal(err)
	}
	return b.Bytes()
}

func fieldKeys(r *marc.Record) []string {
	var out []string
	for _, f := range r.Fields {
		out = append(out, fmt.Sprintf("%s %c%c %q %v", f.Tag, f.Ind1, f.Ind2, f.Value, f.Subfields))
	}
	return out
}

func TestImportDp2ThenExportCNMARCKeepsEveryOriginalField(t *testing.T) {
	s, k := newService(t)
	data := sharedFile(t, "dp2/dp2-cnmarc-10.mrc")
	// Records 4 and 5 share ISBN and title (an e-resource and the print
	// book), so the default matching would keep one: match nothing here.
	rep, err := s.ImportMARC(k.Ctx, bytes.NewReader(data), transfer.MARCOptions{Match: transfer.MatchNone})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 10 || rep.Rejected != 0 {
		t.Fatalf("report %+v, want 10 added", rep)
	}
	recs, _, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{Query: "9787503717444"})
	if err != nil || len(recs) != 1 {
		t.Fatalf("ISBN search: %v %v", recs, err)
	}
	r := recs[0]
	if r.Title != "'94中国发展报告" || r.PriceFen != 6800 || r.CLC != "F124" || len(r.Authors) < 2 || r.Authors[0].Name != "叶震" || r.Authors[1].Name != "李强" {
		t.Errorf("record 1 stored as %+v", r)
	}
	d, err := k.Catalog.Record(k.Ctx, r.ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(d.Items) != 3 || d.Items[0].Barcode != "1683011" || d.Items[0].CallNumber != "F124/26" || d.Items[0].PriceFen != 6800 {
		t.Errorf("items %+v, want 3 copies from 906 at F124/26", d.Items)
	}

	var out bytes.Buffer
	exp, err := s.ExportMARC(k.Ctx, &out, transfer.ExportOptions{Flavor: marcmap.CNMARC})
	if err != nil || exp.Written != 10 || len(exp.Skipped) != 0 {
		t.Fatalf("export wrote %+v: %v", exp, err)
	}
	exported := readAll(t, out.Bytes())
	for i, orig := range readAll(t, data) {
		got := fieldKeys(exported[i])
		// The writer declares the output's character set in
		// 100$a/26-29 ("50" for UTF-8), whatever the input claimed.
		declared := exported[i].Get("100")[0].Sub('a')[26:30]
		for _, f := range orig.Fields {
			if f.Tag == "100" {
				v := f.Subfields[0].Value
				f.Subfields[0].Value = v[:26] + declared + v[30:]
			}
		}
		for _, want := range fieldKeys(orig) {
			if !slices.Contains(got, want) {
				t.Errorf("record %d lost field %s", i+1, want)
			}
		}
	}

	path := filepath.Join(t.TempDir(), "out.mrc")
	if err := os.WriteFile(path, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	// With -n yaz prints nothing but its complaints.
	dump, err := exec.Command("yaz-marcdump", "-n", path).CombinedOutput()
	if err != nil {
		t.Fatalf("yaz-marcdump: %v\n%s", err, dump)
	}
	if len(bytes.TrimSpace(dump)) > 0 {
		t.Errorf("yaz-marcdump complains:\n%s", dump)
	}
	count, _ := exec.Command("yaz-marcdump", "-n", "-r", path).CombinedOutput()
	if !strings.Contains(string(count), "records read: 10") {
		t.Errorf("yaz counts: %s", count)
	}
}

func TestImportMatchModes(t *testing.T) {
	// Without record 4, an e-resource with the ISBN and title of record
	// 5, every record has one match.
	var data []byte
	for i, r := range readAll(t, sharedFile(t, "dp2/dp2-cnmarc-10.mrc")) {
		if i != 3 {
			data = append(data, isoBytes(t, r)...)
		}
	}
	tests := []struct {
		name                     string
		match                    transfer.MatchMode
		on                       transfer.OnMatch
		added, overlaid, skipped int
		records                  int
	}{
		{"isbn-title skip leaves the catalogue as it was", transfer.MatchISBNTitle, transfer.OnMatchSkip, 0, 0, 9, 9},
		{"isbn-title overlay replaces the data in place", transfer.MatchISBNTitle, transfer.OnMatchOverlay, 0, 9, 0, 9},
		{"control-number overlay finds the earlier import", transfer.MatchControlNumber, transfer.OnMatchOverlay, 0, 9, 0, 9},
		{"new adds every record again", transfer.MatchISBNTitle, transfer.OnMatchNew, 9, 0, 0, 18},
		{"match none adds every record again", transfer.MatchNone, transfer.OnMatchSkip, 9, 0, 0, 18},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, k := newService(t)
			if _, err := s.ImportMARC(k.Ctx, bytes.NewReader(data), transfer.MARCOptions{Match: transfer.MatchNone}); err != nil {
				t.Fatal(err)
			}
			rep, err := s.ImportMARC(k.Ctx, bytes.NewReader(data), transfer.MARCOptions{Match: tt.match, OnMatch: tt.on})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Added != tt.added || rep.Overlaid != tt.overlaid || rep.Skipped != tt.skipped {
				t.Errorf("report added %d overlaid %d skipped %d", rep.Added, rep.Overlaid, rep.Skipped)
			}
			_, total, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{})
			if err != nil || total != tt.records {
				t.Errorf("catalogue has %d records (%v), want %d", total, err, tt.records)
			}
			if tt.on == transfer.OnMatchOverlay && rep.Items != 0 {
				t.Errorf("overlay added %d copies the records had already", rep.Items)
			}
		})
	}
}

func TestImportRejectsABrokenRecordAndKeepsTheRest(t *testing.T) {
	s, k := newService(t)
	var in bytes.Buffer
	in.Write(sharedFile(t, "dp2/dp2-cnmarc-10.mrc"))
	w, _ := marc.NewWriter(&in, marc.WriterOptions{})
	w.Write(&marc.Record{Leader: "00000nam0 2200000   450 ", Fields: []marc.Field{{Tag: "001", Value: "NOTITLE"},
		{Tag: "010", Subfields: []marc.Subfield{{Code: 'a', Value: "7-5037-1744-0"}}}}})
	w.Flush()
	in.WriteString("00099nam0 2200049   4500garbage that is not a record\x1e\x1d")
	w.Write(&marc.Record{Leader: "00000nam0 2200000   450 ", Fields: []marc.Field{{Tag: "001", Value: "BADISBN"},
		{Tag: "010", Subfields: []marc.Subfield{{Code: 'a', Value: "978-7-5037-1744-5"}}},
		{Tag: "200", Subfields: []marc.Subfield{{Code: 'a', Value: "校验位错误的书"}}},
		{Tag: "690", Subfields: []marc.Subfield{{Code: 'a', Value: "XYZ"}}}}})
	w.Flush()
	var records, reasons bytes.Buffer
	sink, _ := transfer.NewMARCRejects(&records, &reasons)
	rep, err := s.ImportMARC(k.Ctx, &in, transfer.MARCOptions{Rejects: sink, Match: transfer.MatchNone})
	if err != nil {
		t.Fatal(err)
	}
	sink.Flush()
	if rep.Added != 11 || rep.Rejected != 2 {
		t.Fatalf("report %+v, want 11 added and 2 rejected", rep)
	}
	if rep.Rejections[0].Record != 11 || rep.Rejections[0].Code != marcmap.ErrNoTitle {
		t.Errorf("first rejection %+v, want record 11 without title", rep.Rejections[0])
	}
	if rep.Rejections[1].Record != 12 || rep.Rejections[1].Code != "MARC_RECORD_BROKEN" {
		t.Errorf("second rejection %+v, want record 12 broken", rep.Rejections[1])
	}
	if got := readAll(t, records.Bytes()); len(got) != 1 || got[0].ControlNumber() != "NOTITLE" {
		t.Errorf("rejects file holds %d records", len(got))
	}
	if !strings.Contains(reasons.String(), "第 11 条记录") {
		t.Errorf("reasons:\n%s", reasons.String())
	}
	var codes []errs.Code
	for _, w := range rep.Warnings {
		codes = append(codes, w.Code)
	}
	if !slices.Contains(codes, "ISBN_CHECKSUM") || !slices.Contains(codes, "CLC_MALFORMED") {
		t.Errorf("warnings %v, want ISBN_CHECKSUM and CLC_MALFORMED", codes)
	}
	recs, _, _ := k.Catalog.Records(k.Ctx, catalog.RecordFilter{Query: "校验位错误的书"})
	if len(recs) != 1 || !strings.Contains(recs[0].Notes, "978-7-5037-1744-5") || !strings.Contains(recs[0].Notes, "XYZ") {
		t.Errorf("record with bad values stored as %+v", recs)
	}
}

func TestPreviewStoresNothing(t *testing.T) {
	s, k := newService(t)
	prev, err := s.PreviewMARC(k.Ctx, bytes.NewReader(sharedFile(t, "dp2/dp2-cnmarc-10.mrc")), transfer.MARCOptions{}, 3)
	if err != nil {
		t.Fatal(err)
	}
	if len(prev) != 3 || prev[0].Data.Title != "'94中国发展报告" || prev[0].Action != transfer.Added {
		t.Errorf("preview %+v", prev)
	}
	if _, total, _ := k.Catalog.Records(k.Ctx, catalog.RecordFilter{}); total != 0 {
		t.Errorf("preview stored %d records", total)
	}
}

func TestImportMARCXMLAndMARC21ExportRoundTrip(t *testing.T) {
	s, k := newService(t)
	rep, err := s.ImportMARC(k.Ctx, bytes.NewReader(sharedFile(t, "marc4j/summerland.xml")), transfer.MARCOptions{})
	if err != nil || rep.Added != 1 {
		t.Fatalf("import: %+v %v", rep, err)
	}
	var out bytes.Buffer
	if _, err := s.ExportMARC(k.Ctx, &out, transfer.ExportOptions{Flavor: marcmap.MARC21, Format: marc.FormatMARCXML}); err != nil {
		t.Fatal(err)
	}
	got, err := marc.NewXMLReader(&out).Read()
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := marc.NewXMLReader(bytes.NewReader(sharedFile(t, "marc4j/summerland.xml"))).Read()
	for _, want := range fieldKeys(orig) {
		if !slices.Contains(fieldKeys(got), want) {
			t.Errorf("lost %s", want)
		}
	}
}
