package transfer_test

import (
	"strings"
	"testing"

	"shuwu/internal/errs"
	"shuwu/internal/transfer"
)

// A book list's preview says, row by row, what the import would add,
// match, warn about and reject, and stores nothing.
func TestPreviewBooksSaysWhatWouldHappenAndStoresNothing(t *testing.T) {
	s, k := newService(t)
	k.Record("中国共产党简史", "D23")
	data := "题名,出版社,分类号,册数,ISBN\n" +
		"新时代党建读本,人民出版社,D26,2,\n" +
		"新时代党建读本,人民出版社,D26,1,\n" +
		"地方党史,地方出版社,A99,1,\n" +
		"错误书号,人民出版社,D26,1,9787010173611\n"
	p, err := s.PreviewBooks(k.Ctx, strings.NewReader(data), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "新书.csv"}})
	if err != nil {
		t.Fatal(err)
	}
	if p.Read != 4 || p.Added != 2 || p.Matched != 1 || p.Rejected != 1 || p.Warned != 1 || p.Items != 4 || p.ImportedBefore != nil {
		t.Fatalf("preview: %+v", p)
	}
	if r := rowOf(t, transfer.SheetReport{Rows: p.Rows}, 5); r.Outcome != transfer.Rejected || r.Problems[0].Column != "ISBN" {
		t.Errorf("row 5 should be rejected for its ISBN: %+v", r)
	}
	if c, _ := k.DB.Counts(k.Ctx, "2024-09-02"); c.Records != 1 {
		t.Errorf("a preview stored records: %d", c.Records)
	}
}

// The same file uploaded again is recognised by its content: the preview
// says when it was imported, and the import refuses unless asked again.
func TestReimportingTheSameFileWarnsBeforeAddingCopiesAgain(t *testing.T) {
	s, k := newService(t)
	data := "题名,出版社,分类号,册数\n新时代党建读本,人民出版社,D26,2\n"
	o := transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "新书.csv"}}
	if rep, err := s.ImportBooks(k.Ctx, strings.NewReader(data), o); err != nil || rep.Items != 2 {
		t.Fatalf("first import: %+v, %v", rep, err)
	}
	o.Name = "新书（副本）.csv"
	p, err := s.PreviewBooks(k.Ctx, strings.NewReader(data), o)
	if err != nil || p.ImportedBefore == nil || p.ImportedBefore.File != "新书.csv" || p.ImportedBefore.Stored != 1 {
		t.Fatalf("the preview of a re-upload should name the earlier import: %+v (%v)", p.ImportedBefore, err)
	}
	_, err = s.ImportBooks(k.Ctx, strings.NewReader(data), o)
	if e := errs.As(err); e == nil || e.Code != "FILE_ALREADY_IMPORTED" || !strings.Contains(e.Message, "新书.csv") || !strings.Contains(e.Message, "再加一遍复本") {
		t.Fatalf("a re-upload should be refused with FILE_ALREADY_IMPORTED, got %v", err)
	}
	if c, _ := k.DB.Counts(k.Ctx, "2024-09-02"); c.Items != 2 {
		t.Errorf("the refused re-upload added copies: %d", c.Items)
	}
	o.Again = true
	if rep, err := s.ImportBooks(k.Ctx, strings.NewReader(data), o); err != nil || rep.Matched != 1 || rep.Items != 2 {
		t.Fatalf("an import asked again should add the copies: %+v, %v", rep, err)
	}
	// A different file is not held back.
	if _, err := s.ImportBooks(k.Ctx, strings.NewReader(data+"另一本书,人民出版社,D26,1\n"), transfer.BookSheetOptions{}); err != nil {
		t.Errorf("another file: %v", err)
	}
}

// A roster's preview tells new trainees from people on file, keeps a
// malformed phone as a warning, and rejects a row without a name.
func TestPreviewRosterTellsNewFromKnownPeople(t *testing.T) {
	s, k := newService(t)
	class := k.Class("2024年秋季科干班", "2024-09-02", "2024-10-31")
	first := "姓名,手机号,班次\n张伟,13800138000,2024年秋季科干班\n"
	if _, err := s.ImportRoster(k.Ctx, strings.NewReader(first), transfer.RosterOptions{}); err != nil {
		t.Fatal(err)
	}
	data := "姓名,手机号,单位\n张伟,13800138000,县委\n李娜,1380013800,县财政局\n,13900139000,乡政府\n"
	p, err := s.PreviewRoster(k.Ctx, strings.NewReader(data), transfer.RosterOptions{ClassID: class.ID})
	if err != nil {
		t.Fatal(err)
	}
	if p.Read != 3 || p.Updated != 1 || p.Added != 1 || p.Rejected != 1 || p.Warned != 1 {
		t.Fatalf("preview: %+v", p)
	}
	if _, total, _ := k.Readers.List(k.Ctx, readersFilter()); total != 1 {
		t.Errorf("a preview enrolled readers: %d", total)
	}
	_, err = s.ImportRoster(k.Ctx, strings.NewReader(first), transfer.RosterOptions{})
	if e := errs.As(err); e == nil || e.Code != "FILE_ALREADY_IMPORTED" || !strings.Contains(e.Message, "学员") {
		t.Errorf("the same roster again should be refused: %v", err)
	}
}

// A preview says how the header was read: which column is which known
// column (after the header map), which it ignores, which known columns
// the sheet lacks, and which class a roster goes to.
func TestPreviewSaysHowTheColumnsWereRead(t *testing.T) {
	s, k := newService(t)
	data := "2024年新书清单\n书名,作者,备注,册数\n新时代党建读本,本书编写组,采购,2\n"
	m, err := transfer.ParseColumnMap("书名=题名")
	if err != nil {
		t.Fatal(err)
	}
	p, err := s.PreviewBooks(k.Ctx, strings.NewReader(data), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "新书.csv", Map: m}})
	if err != nil {
		t.Fatal(err)
	}
	want := []transfer.SheetColumn{{Letter: "A", Header: "书名", Field: "题名", Mapped: true}, {Letter: "B", Header: "作者", Field: "作者"},
		{Letter: "C", Header: "备注"}, {Letter: "D", Header: "册数", Field: "册数"}}
	if p.HeaderRow != 2 || len(p.Columns) != len(want) {
		t.Fatalf("header row %d, columns %+v", p.HeaderRow, p.Columns)
	}
	for i, c := range want {
		if p.Columns[i] != c {
			t.Errorf("column %d = %+v, want %+v", i, p.Columns[i], c)
		}
	}
	if strings.Join(p.Missing, ",") != "卷次,分册名,版次,出版社,出版年,ISBN,价格,分类号,来源,捐赠人,馆藏位置" {
		t.Errorf("missing columns: %q", p.Missing)
	}

	class := k.Class("2024年秋季科干班", "2024-09-02", "2024-10-31")
	r, err := s.PreviewRoster(k.Ctx, strings.NewReader("姓名,手机号\n张伟,13800138000\n"), transfer.RosterOptions{ClassID: class.ID})
	if err != nil || r.Class != class.Name || r.Added != 1 {
		t.Fatalf("roster preview: class %q, added %d, %v", r.Class, r.Added, err)
	}
	r, err = s.PreviewRoster(k.Ctx, strings.NewReader("姓名,班次\n张伟,2025年春季班\n李娜,2025年春季班\n"), transfer.RosterOptions{CreateClass: true, Start: "2025-03-01", End: "2025-04-30"})
	if err != nil || r.Class != "" || strings.Join(r.NewClasses, ",") != "2025年春季班" {
		t.Fatalf("roster preview with a new class: class %q, new %q, %v", r.Class, r.NewClasses, err)
	}
}
