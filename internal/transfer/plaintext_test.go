package transfer_test

import (
	"bytes"
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/marc"
	"shuwu/internal/transfer"
)

// TestImportsStoreNoHiddenCharacters: a book list or roster carrying a
// NUL, a control character or a right-to-left override stored it in the
// title or the name. They are dropped on the way in; the visible text is
// kept.
func TestImportsStoreNoHiddenCharacters(t *testing.T) {
	s, k := newService(t)
	books := "题名,作者,出版社,出版年,册数\n" +
		"\"红\x00岩\u202e\",\"罗广斌\x1b著\",人民\u2066出版社\u2069,2021,1\n"
	if rep, err := s.ImportBooks(k.Ctx, strings.NewReader(books), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "books.csv"}}); err != nil || rep.Added != 1 {
		t.Fatalf("import books: %+v %v", rep, err)
	}
	recs, _, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{Query: "红岩"})
	if err != nil || len(recs) != 1 {
		t.Fatalf("the title is not found as 红岩: %d records, %v", len(recs), err)
	}
	r := recs[0]
	if r.Title != "红岩" || r.Publisher != "人民出版社" || len(r.Authors) == 0 || strings.ContainsAny(r.Authors[0].Name, "\x1b") {
		t.Errorf("stored %q / %q / %+v", r.Title, r.Publisher, r.Authors)
	}

	var mrc bytes.Buffer
	w, _ := marc.NewWriter(&mrc, marc.WriterOptions{})
	w.Write(&marc.Record{Leader: "00000nam0 2200000   450 ", Fields: []marc.Field{{Tag: "001", Value: "CN\x00001"},
		{Tag: "200", Subfields: []marc.Subfield{{Code: 'a', Value: "实践论\x00\u202e"}, {Code: 'f', Value: "毛泽东\x07著"}}}}})
	w.Flush()
	if rep, err := s.ImportMARC(k.Ctx, &mrc, transfer.MARCOptions{Match: transfer.MatchNone}); err != nil || rep.Added != 1 {
		t.Fatalf("import MARC: %+v %v", rep, err)
	}
	if recs, _, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{Query: "实践论"}); err != nil || len(recs) != 1 || recs[0].Title != "实践论" {
		t.Errorf("MARC title stored as %+v (%v)", recs, err)
	}

	class := k.Class("2025年春季科干班", "2025-03-02", "2025-04-30")
	roster := "姓名,性别,单位,职务,手机号,班次\n" +
		"\u202e伟张,男,县委\x00组织部,科长,13800138000," + class.Name + "\n"
	rep, err := s.ImportRoster(k.Ctx, strings.NewReader(roster), transfer.RosterOptions{SheetOptions: transfer.SheetOptions{Name: "roster.csv"}})
	if err != nil || rep.Added != 1 {
		t.Fatalf("import roster: %+v %v", rep, err)
	}
	rd, err := k.Readers.ByCard(k.Ctx, rep.Rows[0].Card)
	if err != nil {
		t.Fatal(err)
	}
	if rd.Name != "伟张" || rd.Unit != "县委组织部" {
		t.Errorf("reader stored as %q of %q", rd.Name, rd.Unit)
	}
}
