package marcmap

import (
	"slices"
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/marc"
)

func TestDecodeDp2CNMARCGivesTheExpectedRecord(t *testing.T) {
	recs := readMARC(t, "dp2/dp2-cnmarc-10.mrc", marc.CharsetAuto)
	if len(recs) != 10 {
		t.Fatalf("read %d records, want 10", len(recs))
	}
	res, err := Decode(recs[0], Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Record
	checks := []struct{ name, got, want string }{
		{"flavor", string(res.Flavor), "cnmarc"},
		{"control number", res.ControlNumber, "990002180740203961"},
		{"title", r.Title, "'94中国发展报告"},
		{"isbn", r.ISBN, "9787503717444"},
		{"clc", r.CLC, "F124"},
		{"publisher", r.Publisher, "中国统计出版社"},
		{"place", r.Place, "北京"},
		{"responsibility", r.Responsibility, "国家统计局编"},
		{"pages", r.Pages, "320页"},
		{"size", r.Size, "27cm"},
		{"language", r.Language, "chi"},
		{"subjects", strings.Join(r.Subjects, ";"), "经济发展-概况-中国-1994"},
		{"notes", r.Notes, "本书由叶震与李强等主编。"},
	}
	for _, c := range checks {
		if c.got != c.want {
			t.Errorf("%s = %q, want %q", c.name, c.got, c.want)
		}
	}
	if r.PriceFen != 6800 || r.Year != 1994 {
		t.Errorf("price %d year %d, want 6800 and 1994", r.PriceFen, r.Year)
	}
	want := []catalog.Author{{Name: "叶震", Role: "主编"}, {Name: "李强", Role: "主编"}, {Name: "国家统计局", Role: "编"}}
	if !slices.Equal(r.Authors, want) {
		t.Errorf("authors = %v, want %v", r.Authors, want)
	}
	if len(res.Warnings) != 0 {
		t.Errorf("warnings = %v, want none", res.Warnings)
	}
	// 906 lists three copies; their call number comes from 905$s.
	if len(res.Holdings) != 3 || res.Holdings[0].Barcode != "1683011" || res.Holdings[2].CallNumber != "F124/26" {
		t.Errorf("holdings = %+v, want 3 copies 1683011… at F124/26", res.Holdings)
	}
}

func TestDecodeDp2RecordTenKeepsTheFirstValidClassOfTwo(t *testing.T) {
	recs := readMARC(t, "dp2/dp2-cnmarc-10.mrc", marc.CharsetAuto)
	res, err := Decode(recs[9], Options{})
	if err != nil {
		t.Fatal(err)
	}
	if res.Record.CLC != "D668" || res.Record.Title != "1999 年中国发展状况与趋势" {
		t.Errorf("got clc %q title %q", res.Record.CLC, res.Record.Title)
	}
	if len(res.Record.Authors) < 3 || res.Record.Authors[0].Name != "季野" {
		t.Errorf("authors = %v", res.Record.Authors)
	}
}

func TestDecodeMARC21(t *testing.T) {
	tests := []struct {
		name, file          string
		cs                  marc.Charset
		title, isbn, author string
		publisher, edition  string
		year                int
	}{
		{"summerland reads title, first valid ISBN and author without ISBD punctuation", "marc4j/summerland.mrc", marc.CharsetAuto,
			"Summerland", "9780786808779", "Chabon, Michael", "Miramax Books/Hyperion Books for Children", "1st ed.", 2002},
		{"cjk3 prefers the vernacular 880 fields and closes RLIN word spacing", "marc-perl/cjk3.marc", marc.CharsetMARC8,
			"鲁迅与浙东文化", "9787560123134", "陈方竞", "吉林大学出版社", "第1版.", 1999},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			recs := readMARC(t, tt.file, tt.cs)
			res, err := Decode(recs[0], Options{})
			if err != nil {
				t.Fatal(err)
			}
			r := res.Record
			if res.Flavor != MARC21 || r.Title != tt.title || r.ISBN != tt.isbn || r.Publisher != tt.publisher || r.Edition != tt.edition || r.Year != tt.year {
				t.Errorf("got flavor %s title %q isbn %q publisher %q edition %q year %d", res.Flavor, r.Title, r.ISBN, r.Publisher, r.Edition, r.Year)
			}
			if len(r.Authors) == 0 || r.Authors[0].Name != tt.author {
				t.Errorf("authors = %v, want first %q", r.Authors, tt.author)
			}
			if len(res.Holdings) != 0 {
				t.Errorf("holdings = %+v, want none (RLIN 952 names libraries, not copies)", res.Holdings)
			}
		})
	}
}

func cnRecord(fields ...marc.Field) *marc.Record {
	return &marc.Record{Leader: "00000nam0 2200000   450 ", Fields: append([]marc.Field{
		{Tag: "001", Value: "T1"},
		{Tag: "100", Subfields: []marc.Subfield{{Code: 'a', Value: "20240101d2020    em y0chiy50      ea"}}},
	}, fields...)}
}

func field(tag string, pairs ...string) marc.Field {
	f := marc.Field{Tag: tag, Ind1: ' ', Ind2: ' '}
	for i := 0; i+1 < len(pairs); i += 2 {
		f.Subfields = append(f.Subfields, marc.Subfield{Code: pairs[i][0], Value: pairs[i+1]})
	}
	return f
}

func TestDecodeKeepsRecordsWithBadValuesAsNotesAndWarnings(t *testing.T) {
	tests := []struct {
		name      string
		rec       *marc.Record
		wantCodes []string
		wantNote  string
		check     func(r catalog.Record) bool
	}{
		{"bad ISBN checksum is kept in notes", cnRecord(field("010", "a", "978-7-5037-1744-5", "d", "CNY10.00"), field("200", "a", "书")),
			[]string{"ISBN_CHECKSUM"}, "978-7-5037-1744-5", func(r catalog.Record) bool { return r.ISBN == "" && r.PriceFen == 1000 }},
		{"malformed CLC number is kept in notes", cnRecord(field("200", "a", "书"), field("690", "a", "中国")),
			[]string{"CLC_MALFORMED"}, "中国", func(r catalog.Record) bool { return r.CLC == "" }},
		{"unreadable price is kept in notes", cnRecord(field("010", "d", "价格不详"), field("200", "a", "书")),
			[]string{"PRICE_MALFORMED"}, "价格不详", func(r catalog.Record) bool { return r.PriceFen == 0 }},
		{"a second, wrong ISBN after a valid one raises nothing", cnRecord(field("010", "a", "7-5037-1744-0"), field("010", "a", "7-5037-1744-1"), field("200", "a", "书")),
			nil, "", func(r catalog.Record) bool { return r.ISBN == "9787503717444" }},
		{"implausible year is dropped", cnRecord(field("200", "a", "书"), field("210", "d", "2999")),
			[]string{"YEAR_INVALID"}, "2999", func(r catalog.Record) bool { return r.Year == 0 }},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			res, err := Decode(tt.rec, Options{MaxYear: 2026})
			if err != nil {
				t.Fatal(err)
			}
			var codes []string
			for _, w := range res.Warnings {
				codes = append(codes, string(w.Code))
			}
			if !slices.Equal(codes, tt.wantCodes) {
				t.Errorf("warnings %v, want %v", codes, tt.wantCodes)
			}
			if !strings.Contains(res.Record.Notes, tt.wantNote) {
				t.Errorf("notes %q do not keep %q", res.Record.Notes, tt.wantNote)
			}
			if !tt.check(res.Record) {
				t.Errorf("record %+v", res.Record)
			}
		})
	}
}

func TestDecodeRejectsARecordWithoutTitle(t *testing.T) {
	_, err := Decode(cnRecord(field("010", "a", "7-5037-1744-0")), Options{})
	if err == nil || !strings.Contains(err.Error(), string(ErrNoTitle)) {
		t.Fatalf("err = %v, want %s", err, ErrNoTitle)
	}
}

func TestDecodeReadsCopiesFrom905(t *testing.T) {
	res, err := Decode(cnRecord(field("200", "a", "书"), field("905", "b", "A001", "b", "A002", "c", "阅览室", "d", "D26", "e", "3"), field("905", "d", "D26", "f", "2")), Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Holding{{"A001", "D26/3", "阅览室", 0, 1}, {"A002", "D26/3", "阅览室", 0, 1}, {"", "D26", "", 0, 2}}
	if !slices.Equal(res.Holdings, want) {
		t.Errorf("holdings = %+v, want %+v", res.Holdings, want)
	}
}
