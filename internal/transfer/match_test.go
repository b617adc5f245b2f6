package transfer_test

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/marc"
	"shuwu/internal/transfer"
)

// The four volumes of 《习近平谈治国理政》, as cataloguers enter them when
// the copies at hand carry no ISBN (a donation, an old stamp).
var fourVolumes = []string{"第一卷", "第二卷", "第三卷", "第四卷"}

func df(tag string, ind1, ind2 byte, pairs ...string) marc.Field {
	f := marc.Field{Tag: tag, Ind1: ind1, Ind2: ind2}
	for i := 0; i+1 < len(pairs); i += 2 {
		f.Subfields = append(f.Subfields, marc.Subfield{Code: pairs[i][0], Value: pairs[i+1]})
	}
	return f
}

// book is what one test MARC record says.
type book struct {
	title, part, partName, edition, author, publisher string
	year                                              string
}

func marc21Of(b book) *marc.Record {
	t245 := df("245", '1', '0', "a", b.title+".", "n", b.part, "c", b.author+"著")
	if b.part == "" {
		t245 = df("245", '1', '0', "a", b.title, "c", b.author+"著")
	}
	if b.partName != "" {
		t245.Subfields = slices.Insert(t245.Subfields, 2, marc.Subfield{Code: 'p', Value: b.partName})
	}
	fields := []marc.Field{{Tag: "008", Value: "221101s" + b.year + "    cc a          000 0 chi d"}, df("100", '1', ' ', "a", b.author), t245}
	if b.edition != "" {
		fields = append(fields, df("250", ' ', ' ', "a", b.edition))
	}
	fields = append(fields, df("264", ' ', '1', "a", "北京 :", "b", b.publisher+",", "c", b.year))
	return &marc.Record{Leader: "00000nam a2200000 i 4500", Fields: fields}
}

func cnmarcOf(b book) *marc.Record {
	fields := []marc.Field{
		{Tag: "001", Value: ""},
		df("100", ' ', ' ', "a", "20221101d"+b.year+"    em y0chiy50      ea"),
		df("101", '0', ' ', "a", "chi"),
		df("200", '1', ' ', "a", b.title, "h", b.part, "i", b.partName, "f", b.author+"著"),
	}
	if b.edition != "" {
		fields = append(fields, df("205", ' ', ' ', "a", b.edition))
	}
	fields = append(fields, df("210", ' ', ' ', "a", "北京", "c", b.publisher, "d", b.year), df("701", ' ', '0', "a", b.author, "4", "著"))
	fields[0].Value = b.title + b.part + b.edition + b.author
	f200 := fields[3]
	var keep []marc.Subfield
	for _, s := range f200.Subfields {
		if s.Value != "" {
			keep = append(keep, s)
		}
	}
	fields[3].Subfields = keep
	return &marc.Record{Leader: "00000nam0 2200000   450 ", Fields: fields}
}

func isoFile(tb testing.TB, recs []*marc.Record) []byte {
	tb.Helper()
	var out []byte
	for _, r := range recs {
		out = append(out, isoBytes(tb, r)...)
	}
	return out
}

// Without ISBNs the four volumes of one title, a second edition and a
// book of the same title by another author are each a record of their
// own; a second copy of a volume still finds its record.
func TestImportMARCKeepsVolumesEditionsAndAuthorsApart(t *testing.T) {
	const title = "习近平谈治国理政"
	var books []book
	for _, v := range fourVolumes {
		books = append(books, book{title: title, part: v, author: "习近平", publisher: "外文出版社", year: "2022"})
	}
	second := book{title: "党的建设概论", author: "王明", publisher: "中共中央党校出版社", year: "2020"}
	books = append(books,
		second,
		book{title: "党的建设概论", edition: "第2版", author: "王明", publisher: "中共中央党校出版社", year: "2020"},
		book{title: "党的建设概论", author: "李华", publisher: "中共中央党校出版社", year: "2020"},
	)
	for _, flavor := range []struct {
		name string
		of   func(book) *marc.Record
	}{{"MARC21", marc21Of}, {"CNMARC", cnmarcOf}} {
		t.Run(flavor.name, func(t *testing.T) {
			s, k := newService(t)
			var recs []*marc.Record
			for _, b := range books {
				recs = append(recs, flavor.of(b))
			}
			rep, err := s.ImportMARC(k.Ctx, bytes.NewReader(isoFile(t, recs)), transfer.MARCOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Added != len(books) || rep.Skipped != 0 {
				t.Fatalf("report %+v: want %d records added, none skipped", rep, len(books))
			}
			got, _, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{Query: title})
			if err != nil {
				t.Fatal(err)
			}
			var parts []string
			for _, r := range got {
				if r.Title != title {
					t.Errorf("title stored as %q, want %q with the volume apart", r.Title, title)
				}
				parts = append(parts, r.PartNumber)
			}
			slices.Sort(parts)
			if want := []string{"第一卷", "第三卷", "第二卷", "第四卷"}; !slices.Equal(parts, want) {
				t.Errorf("volumes on file %v, want %v", parts, want)
			}

			// The same volume again is the same book.
			again := flavor.of(book{title: title, part: "第二卷", author: "习近平", publisher: "外文出版社", year: "2022"})
			dup := flavor.of(second)
			rep, err = s.ImportMARC(k.Ctx, bytes.NewReader(isoFile(t, []*marc.Record{again, dup})), transfer.MARCOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if rep.Added != 0 || rep.Skipped != 2 {
				t.Errorf("re-import of two books on file: %+v, want both skipped as matches", rep)
			}
		})
	}
}

// A book list without ISBNs: the four volumes in the 卷次 column are four
// records; a second row for a volume adds copies to it; editions and
// authors stay apart.
func TestImportBooksKeepsVolumesApart(t *testing.T) {
	s, k := newService(t)
	var b strings.Builder
	b.WriteString("题名,卷次,版次,作者,出版社,出版年,分类号,册数\n")
	for _, v := range fourVolumes {
		b.WriteString("习近平谈治国理政," + v + ",,习近平著,外文出版社,2022,D2-0,2\n")
	}
	b.WriteString("习近平谈治国理政,第二卷,,习近平著,外文出版社,2022,D2-0,3\n")
	b.WriteString("党的建设概论,,,王明著,中共中央党校出版社,2020,D26,1\n")
	b.WriteString("党的建设概论,,第2版,王明著,中共中央党校出版社,2020,D26,1\n")
	b.WriteString("党的建设概论,,,李华著,中共中央党校出版社,2020,D26,1\n")
	data := b.String()

	pre, err := s.PreviewBooks(k.Ctx, strings.NewReader(data), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "books.csv"}})
	if err != nil {
		t.Fatal(err)
	}
	if pre.Added != 7 || pre.Matched != 1 {
		t.Errorf("preview %+v: want 7 new records and 1 row matching", pre)
	}
	if len(pre.Rows) < 2 || pre.Rows[1].Title != "习近平谈治国理政．第二卷" {
		t.Errorf("the preview's second row reads %+v, want the title with its volume", pre.Rows[1:2])
	}
	rep, err := s.ImportBooks(k.Ctx, strings.NewReader(data), transfer.BookSheetOptions{SheetOptions: transfer.SheetOptions{Name: "books.csv"}})
	if err != nil {
		t.Fatal(err)
	}
	if rep.Added != 7 || rep.Matched != 1 || rep.Rejected != 0 {
		t.Fatalf("report added %d matched %d rejected %d: want 7, 1, 0 (%+v)", rep.Added, rep.Matched, rep.Rejected, rep.Rows)
	}
	recs, _, err := k.Catalog.Records(k.Ctx, catalog.RecordFilter{Query: "习近平谈治国理政"})
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 4 {
		t.Fatalf("%d records of the title, want 4 volumes", len(recs))
	}
	for _, r := range recs {
		d, err := k.Catalog.Record(k.Ctx, r.ID)
		if err != nil {
			t.Fatal(err)
		}
		want := 2
		if r.PartNumber == "第二卷" {
			want = 5
		}
		if len(d.Items) != want {
			t.Errorf("%s has %d copies, want %d", r.DisplayTitle(), len(d.Items), want)
		}
	}
}
