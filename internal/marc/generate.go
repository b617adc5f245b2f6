package marc

import (
	"fmt"
	"io"
	"math/rand/v2"
	"strings"
)

// Word lists for GenerateTestFile: titles and names as they appear in a
// Party-school reading room, with their pinyin.
var (
	genTitleWords = [][2]string{
		{"中国", "Zhongguo"}, {"特色", "te se"}, {"社会主义", "she hui zhu yi"}, {"理论", "li lun"},
		{"研究", "yan jiu"}, {"发展", "fa zhan"}, {"报告", "bao gao"}, {"经济", "jing ji"},
		{"改革", "gai ge"}, {"开放", "kai fang"}, {"党史", "dang shi"}, {"学习", "xue xi"},
		{"读本", "du ben"}, {"治理", "zhi li"}, {"现代化", "xian dai hua"}, {"乡村", "xiang cun"},
		{"振兴", "zhen xing"}, {"文化", "wen hua"}, {"历史", "li shi"}, {"思想", "si xiang"},
		{"马克思主义", "Makesi zhu yi"}, {"哲学", "zhe xue"}, {"基层", "ji ceng"}, {"组织", "zu zhi"},
		{"建设", "jian she"}, {"新时代", "xin shi dai"}, {"法治", "fa zhi"}, {"政府", "zheng fu"},
	}
	genSurnames  = [][2]string{{"王", "Wang"}, {"李", "Li"}, {"张", "Zhang"}, {"刘", "Liu"}, {"陈", "Chen"}, {"杨", "Yang"}, {"赵", "Zhao"}, {"周", "Zhou"}}
	genGiven     = [][2]string{{"伟", "Wei"}, {"芳", "Fang"}, {"建国", "Jianguo"}, {"秀英", "Xiuying"}, {"志强", "Zhiqiang"}, {"红", "Hong"}, {"明", "Ming"}, {"丽华", "Lihua"}}
	genPublisher = [][2]string{{"人民出版社", "Ren min chu ban she"}, {"中共中央党校出版社", "Zhong gong zhong yang dang xiao chu ban she"}, {"中国统计出版社", "Zhongguo tong ji chu ban she"}, {"中华书局", "Zhonghua shu ju"}}
	genPlaces    = [][2]string{{"北京", "Beijing"}, {"上海", "Shanghai"}, {"广州", "Guangzhou"}, {"武汉", "Wuhan"}}
	genCLC       = []string{"D61", "D25", "F124", "A81", "D92", "K27", "F32", "G25", "D630", "B0"}
	genSubjects  = []string{"中国特色社会主义", "党的建设", "经济发展", "乡村振兴", "法治建设", "马克思主义哲学"}
)

// GenerateTestFile writes n MARC21 records in UTF-8 ISO 2709: Chinese
// monographs with romanised 245/100/260 fields, 880 vernacular fields,
// a CLC number in 084 and subject headings, about 800 bytes each. The same
// seed always gives the same bytes, so benchmarks and tests can share
// a file without checking one in.
func GenerateTestFile(w io.Writer, n int, seed int64) error {
	rng := rand.New(rand.NewPCG(uint64(seed), 0x5348555755)) // "SHUWU"
	mw, err := NewWriter(w, WriterOptions{Charset: CharsetUTF8})
	if err != nil {
		return err
	}
	pick := func(l [][2]string) [2]string { return l[rng.IntN(len(l))] }
	for i := range n {
		var han, pin []string
		for range 2 + rng.IntN(4) {
			word := pick(genTitleWords)
			han = append(han, word[0])
			pin = append(pin, word[1])
		}
		sur, given := pick(genSurnames), pick(genGiven)
		pub, place := pick(genPublisher), pick(genPlaces)
		year := 1978 + rng.IntN(48)
		isbn := fmt.Sprintf("978750%07d", rng.IntN(10000000))
		rec := &Record{
			Leader: "00000cam a2200000 i 4500",
			Fields: []Field{
				{Tag: "001", Value: fmt.Sprintf("SW%09d", i+1)},
				{Tag: "005", Value: fmt.Sprintf("%04d%02d%02d120000.0", year, 1+rng.IntN(12), 1+rng.IntN(28))},
				{Tag: "008", Value: fmt.Sprintf("%02d0101s%04d    cc a          000 0 chi d", year%100, year)},
				{Tag: "020", Ind1: ' ', Ind2: ' ', Subfields: []Subfield{{'a', isbn}, {'q', "平装"}, {'c', fmt.Sprintf("CNY%d.00", 20+rng.IntN(80))}}},
				{Tag: "040", Ind1: ' ', Ind2: ' ', Subfields: []Subfield{{'a', "SHUWU"}, {'b', "chi"}, {'c', "SHUWU"}}},
				{Tag: "041", Ind1: '0', Ind2: ' ', Subfields: []Subfield{{'a', "chi"}}},
				{Tag: "084", Ind1: ' ', Ind2: ' ', Subfields: []Subfield{{'a', genCLC[rng.IntN(len(genCLC))]}, {'2', "clc"}}},
				{Tag: "100", Ind1: '1', Ind2: ' ', Subfields: []Subfield{{'6', "880-01"}, {'a', sur[1] + ", " + given[1] + ","}, {'e', "author."}}},
				{Tag: "245", Ind1: '1', Ind2: '0', Subfields: []Subfield{{'6', "880-02"}, {'a', strings.Join(pin, " ") + " /"}, {'c', sur[1] + " " + given[1] + " zhu."}}},
				{Tag: "264", Ind1: ' ', Ind2: '1', Subfields: []Subfield{{'6', "880-03"}, {'a', place[1] + " :"}, {'b', pub[1] + ","}, {'c', fmt.Sprint(year)}}},
				{Tag: "300", Ind1: ' ', Ind2: ' ', Subfields: []Subfield{{'a', fmt.Sprintf("%d pages ;", 100+rng.IntN(500))}, {'c', "24 cm"}}},
				{Tag: "500", Ind1: ' ', Ind2: ' ', Subfields: []Subfield{{'a', "本书为党校教材 & 学习读本 <第" + fmt.Sprint(1+rng.IntN(9)) + "版>."}}},
				{Tag: "650", Ind1: ' ', Ind2: '7', Subfields: []Subfield{{'a', genSubjects[rng.IntN(len(genSubjects))]}, {'2', "cct"}}},
				{Tag: "650", Ind1: ' ', Ind2: '7', Subfields: []Subfield{{'a', genSubjects[rng.IntN(len(genSubjects))]}, {'x', "研究"}, {'2', "cct"}}},
				{Tag: "880", Ind1: '1', Ind2: ' ', Subfields: []Subfield{{'6', "100-01"}, {'a', sur[0] + given[0] + ","}, {'e', "著"}}},
				{Tag: "880", Ind1: '1', Ind2: '0', Subfields: []Subfield{{'6', "245-02"}, {'a', strings.Join(han, "") + " /"}, {'c', sur[0] + given[0] + "著."}}},
				{Tag: "880", Ind1: ' ', Ind2: '1', Subfields: []Subfield{{'6', "264-03"}, {'a', place[0] + " :"}, {'b', pub[0] + ","}, {'c', fmt.Sprint(year)}}},
			},
		}
		if err := mw.Write(rec); err != nil {
			return err
		}
	}
	return mw.Flush()
}
