package marcmap

import (
	"fmt"
	"reflect"
	"slices"
	"testing"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/marc"
)

// itemsOf turns decoded holdings into the copies an import would create,
// with made-up barcodes where the holdings give none.
func itemsOf(hs []Holding) []Holding {
	var out []Holding
	n := 0
	for _, h := range hs {
		for range max(h.Copies, 1) {
			n++
			it := h
			it.Copies = 1
			if it.Barcode == "" {
				it.Barcode = fmt.Sprintf("%08d", n)
			}
			out = append(out, it)
		}
	}
	return out
}

func fieldStrings(r *marc.Record) []string {
	var out []string
	for _, f := range r.Fields {
		out = append(out, fmt.Sprintf("%s %c%c %q %v", f.Tag, f.Ind1, f.Ind2, f.Value, f.Subfields))
	}
	return out
}

func TestEncodeUnchangedRecordGivesBackEveryOriginalField(t *testing.T) {
	for _, file := range []string{"dp2/dp2-cnmarc-10.mrc", "marc4j/summerland.mrc", "marc4j/chabon.mrc"} {
		for i, orig := range readMARC(t, file, marc.CharsetAuto) {
			t.Run(fmt.Sprintf("%s#%d", file, i+1), func(t *testing.T) {
				res, err := Decode(orig, Options{})
				if err != nil {
					t.Fatal(err)
				}
				out := Encode(Export{Record: res.Record, Items: itemsOf(res.Holdings), Original: orig}, res.Flavor, Options{})
				for _, want := range fieldStrings(orig) {
					if !slices.Contains(fieldStrings(out), want) {
						t.Errorf("field lost: %s", want)
					}
				}
				if out.Leader != orig.Leader {
					t.Errorf("leader %q, want %q", out.Leader, orig.Leader)
				}
			})
		}
	}
}

func TestEncodeRewritesOnlyTheChangedParts(t *testing.T) {
	orig := readMARC(t, "dp2/dp2-cnmarc-10.mrc", marc.CharsetAuto)[0]
	res, err := Decode(orig, Options{})
	if err != nil {
		t.Fatal(err)
	}
	r := res.Record
	r.Title = "'94中国发展报告（修订）"
	r.UpdatedAt = time.Date(2024, 9, 2, 2, 0, 0, 0, time.UTC)
	out := Encode(Export{Record: r, Items: itemsOf(res.Holdings), Original: orig}, CNMARC, Options{})
	f200 := out.Get("200")
	if len(f200) != 1 || f200[0].Sub('a') != r.Title || f200[0].Sub('f') != "国家统计局编" {
		t.Fatalf("200 = %+v", f200)
	}
	if f200[0].Sub('A') != "" {
		t.Errorf("stale pinyin kept: %q", f200[0].Sub('A'))
	}
	if got := out.Get("005")[0].Value; got != "20240902020000.0" {
		t.Errorf("005 = %q, want the update time", got)
	}
	// Everything but 200 and 005 is untouched, in the same order.
	var before, after []string
	for _, f := range fieldStrings(orig) {
		if f[:3] != "200" && f[:3] != "005" {
			before = append(before, f)
		}
	}
	for _, f := range fieldStrings(out) {
		if f[:3] != "200" && f[:3] != "005" {
			after = append(after, f)
		}
	}
	if !slices.Equal(before, after) {
		t.Errorf("other fields changed:\n%v\n%v", before, after)
	}
}

func TestEncodeReplacesHoldingsWhenTheCopiesChanged(t *testing.T) {
	orig := readMARC(t, "dp2/dp2-cnmarc-10.mrc", marc.CharsetAuto)[0]
	res, _ := Decode(orig, Options{})
	items := append(itemsOf(res.Holdings), Holding{Barcode: "NEW1", CallNumber: "F124/26", Location: "阅览室", PriceFen: 6800, Copies: 1})
	out := Encode(Export{Record: res.Record, Items: items, Original: orig}, CNMARC, Options{})
	if n := len(out.Get("906")); n != 0 {
		t.Errorf("%d stale 906 fields kept", n)
	}
	f905 := out.Get("905")
	if len(f905) != 4 || f905[3].Sub('b') != "NEW1" || f905[3].Sub('s') != "F124/26" || f905[3].Sub('r') != "CNY68.00" || f905[3].Sub('c') != "阅览室" {
		t.Errorf("905 = %+v", f905)
	}
}

func TestEncodeFreshRecordDecodesToTheSameRecord(t *testing.T) {
	r := catalog.Record{ID: 7, Title: "中国共产党简史", OtherTitle: "学习读本", Responsibility: "本书编写组编著", Authors: []catalog.Author{{Name: "金冲及", Role: "主编"}, {Name: "中共中央党史研究室", Role: "编"}},
		Publisher: "人民出版社", Place: "北京", Year: 2021, Edition: "第2版", Pages: "531页", Size: "24cm", PriceFen: 4500, ISBN: "9787010234564",
		Series: "党史学习丛书 ; 3", Language: "chi", Summary: "简明党史。", Subjects: []string{"中国共产党-党史"}, CLC: "D23", Notes: "附大事记",
		UpdatedAt: time.Date(2024, 1, 2, 3, 4, 5, 0, time.UTC)}
	items := []Holding{{Barcode: "00000001", CallNumber: "D23/1", Location: "藏书室", PriceFen: 4500, Copies: 1}}
	for _, fl := range []Flavor{CNMARC, MARC21} {
		t.Run(string(fl), func(t *testing.T) {
			m := Encode(Export{Record: r, Items: items}, fl, Options{})
			if m.ControlNumber() != "SW0000000007" {
				t.Errorf("001 = %q", m.ControlNumber())
			}
			res, err := Decode(m, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if res.Flavor != fl {
				t.Errorf("flavor %s", res.Flavor)
			}
			got := res.Record
			got.ID, got.UpdatedAt = r.ID, r.UpdatedAt
			if !reflect.DeepEqual(got, r) {
				t.Errorf("round trip:\n got %+v\nwant %+v", got, r)
			}
			if !slices.Equal(res.Holdings, items) {
				t.Errorf("holdings %+v, want %+v", res.Holdings, items)
			}
		})
	}
}

// The volume is written where each flavour keeps it (245$n/$p with ISBD
// punctuation, 200$h/$i) and read back as the volume, not as title text.
func TestEncodeWritesTheVolumeBack(t *testing.T) {
	r := catalog.Record{ID: 3, Title: "习近平谈治国理政", PartNumber: "第二卷", PartName: "治国理政", OtherTitle: "学习本", Responsibility: "习近平著",
		Authors: []catalog.Author{{Name: "习近平", Role: "著"}}, Publisher: "外文出版社", Place: "北京", Year: 2017, Language: "chi", Subjects: []string{}}
	want := map[Flavor]string{
		MARC21: "[{97 习近平谈治国理政.} {110 第二卷,} {112 治国理政 :} {98 学习本 /} {99 习近平著}]",
		CNMARC: "[{97 习近平谈治国理政} {104 第二卷} {105 治国理政} {101 学习本} {102 习近平著}]",
	}
	tag := map[Flavor]string{MARC21: "245", CNMARC: "200"}
	for _, fl := range []Flavor{MARC21, CNMARC} {
		t.Run(string(fl), func(t *testing.T) {
			m := Encode(Export{Record: r}, fl, Options{})
			for _, f := range m.Fields {
				if f.Tag == tag[fl] {
					if got := fmt.Sprint(f.Subfields); got != want[fl] {
						t.Errorf("%s = %s, want %s", f.Tag, got, want[fl])
					}
				}
			}
			res, err := Decode(m, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := res.Record
			if got.Title != r.Title || got.PartNumber != r.PartNumber || got.PartName != r.PartName || got.OtherTitle != r.OtherTitle {
				t.Errorf("read back as title %q part %q name %q other %q", got.Title, got.PartNumber, got.PartName, got.OtherTitle)
			}
		})
	}
}
