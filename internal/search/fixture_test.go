package search

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"shuwu/internal/synth"
)

// tricky are hand-written records for the cases the relevance suite checks
// by name. Their ids start at 900001.
var tricky = []Document{
	{RecordID: 900001, Available: true, Title: "重庆谈判纪实", Authors: []string{"张重阳"}, Publisher: "重庆出版社", CLC: "K266", Year: 2015, Subjects: []string{"重庆谈判—史料"}},
	{RecordID: 900002, Available: true, Title: "新时代党的建设研究", Authors: []string{"王建国"}, Publisher: "中共中央党校出版社", CLC: "D26", Year: 2023, Category: "党史党建"},
	{RecordID: 900003, Available: true, Title: "論共產黨員的修養", Authors: []string{"劉少奇"}, Publisher: "三聯書店（香港）", CLC: "D263", Year: 1986, Language: "chi"},
	{RecordID: 900004, Available: true, Title: "统计工作手册", Authors: []string{"李明"}, Publisher: "中国统计出版社", ISBNs: []string{"7-5037-1744-0"}, CLC: "C8", Year: 1995},
	{RecordID: 900005, Available: true, Title: "党建工作实务", Authors: []string{"陈长征"}, Publisher: "党建读物出版社", CLC: "D26", Year: 2021, CallNumbers: []string{"D26/15"}, Barcodes: []string{"SW0012345"}, Category: "党史党建"},
	{RecordID: 900006, Available: true, Title: "十九届六中全会精神学习辅导", Authors: []string{"本书编写组"}, Publisher: "人民出版社", CLC: "D229", Year: 2021},
	{RecordID: 900007, Available: true, Title: "学习贯彻第二十次全国代表大会精神", Authors: []string{"本书编写组"}, Publisher: "人民出版社", CLC: "D229", Year: 2022},
	{RecordID: 900008, Available: true, Title: "ＧＤＰ核算手册", Authors: []string{"周平"}, Publisher: "中国统计出版社", CLC: "F222", Year: 2010},
	{RecordID: 900009, Available: true, Title: "长征路上的故事", Authors: []string{"曾行"}, Publisher: "解放军出版社", CLC: "K264", Year: 2016},
	{RecordID: 900010, Available: true, Title: "党", Authors: []string{"吴一"}, Publisher: "作家出版社", CLC: "I247.5", Year: 2019},
	{RecordID: 900011, Available: true, Title: "史记选", Authors: []string{"王伯祥"}, Publisher: "中华书局", ISBNs: []string{"978-7-101-10528-5"}, CLC: "K204.2", Year: 2015},
	// Names that contain or start with another: the exact one ranks
	// first in a field search although it is older and not on the shelf.
	{RecordID: 900012, Title: "基层党组织建设概论", Authors: []string{"邵杰"}, Publisher: "人民出版社", Series: "党员干部学习丛书", CLC: "D267", Year: 2001},
	{RecordID: 900013, Title: "乡村治理十讲", Authors: []string{"李文", "邵杰"}, Publisher: "人民出版社", CLC: "D422", Year: 2003},
	{RecordID: 900014, Available: true, Title: "邵杰欣诗选", Authors: []string{"邵杰欣"}, Publisher: "四川人民出版社", Series: "党员干部学习丛书续编", CLC: "I227", Year: 2024},
	{RecordID: 900015, Available: true, Title: "一个老兵的回忆", Authors: []string{"邵杰志"}, Publisher: "人民出版社社科分社", Series: "党员干部学习丛书续编", CLC: "K825", Year: 2025},
	{RecordID: 900016, Available: true, Title: "邵杰研究", Authors: []string{"张邵杰"}, Publisher: "江西人民出版社", Series: "新编党员干部学习丛书", CLC: "K825", Year: 2025},
}

// fixtureDocs is the relevance corpus: the classics (ids 1…), generated
// books (ids 1001…) and the tricky records. Classic i gets id i+1.
func fixtureDocs(generated int) []Document {
	var docs []Document
	for i, b := range synth.Classics() {
		d := fromBook(int64(i+1), b)
		d.RequiredReading = strings.Contains(b.Title, "习近平") || b.CLC[0] == 'A'
		if i == 0 {
			d.CallNumbers = []string{"A122/1"}
		}
		docs = append(docs, d)
	}
	g := synth.NewGenerator(20221108)
	for i := range generated {
		docs = append(docs, fromBook(int64(1001+i), g.Book()))
	}
	return append(docs, tricky...)
}

var categories = map[byte]string{'A': "马列理论", 'D': "党史党建", 'I': "文学艺术", 'K': "人文社科", 'F': "人文社科", 'B': "人文社科"}

func fromBook(id int64, b synth.Book) Document {
	d := Document{
		RecordID: id, Title: b.Title, OtherTitle: b.OtherTitle, Series: b.Series, Summary: b.Summary,
		Publisher: b.Publisher, Subjects: b.Subjects, CLC: b.CLC, Language: b.Language, Year: b.Year,
		Available: id%4 != 0, Added: time.Date(2022, 8, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(id) * time.Minute),
	}
	for _, a := range b.Authors {
		d.Authors = append(d.Authors, a.Name)
	}
	if b.ISBN13 != "" {
		d.ISBNs = []string{b.ISBN13}
	}
	d.Category = categories[b.CLC[0]]
	if d.Category == "" {
		d.Category = "综合读物"
	}
	d.Locations = []string{fmt.Sprintf("第%d排书架", id%10+1)}
	d.CallNumbers = append(d.CallNumbers, fmt.Sprintf("%s/%d", b.CLC, id))
	d.Barcodes = []string{fmt.Sprintf("SW%07d", id)}
	return d
}

// openFixture builds an index of the fixture corpus in a temporary dir.
func openFixture(tb testing.TB, generated int, opts Options) *Index {
	tb.Helper()
	ix, err := Open(tb.TempDir(), opts)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { ix.Close() })
	docs := fixtureDocs(generated)
	err = ix.Rebuild(context.Background(), func(yield func(Document) error) error {
		for _, d := range docs {
			if err := yield(d); err != nil {
				return err
			}
		}
		return nil
	}, nil)
	if err != nil {
		tb.Fatal(err)
	}
	return ix
}
