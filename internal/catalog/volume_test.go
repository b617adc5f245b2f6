package catalog

import (
	"sort"
	"testing"
)

func TestPartSortKeyCountsVolumes(t *testing.T) {
	parts := []string{"第十卷", "第二卷", "第一卷", "第四卷", "第三卷", "第十二卷", "第二十卷"}
	sort.Slice(parts, func(i, j int) bool { return PartSortKey(parts[i], "") < PartSortKey(parts[j], "") })
	want := []string{"第一卷", "第二卷", "第三卷", "第四卷", "第十卷", "第十二卷", "第二十卷"}
	for i := range want {
		if parts[i] != want[i] {
			t.Fatalf("volumes sort as %v, want %v", parts, want)
		}
	}
	if !(PartSortKey("上册", "") < PartSortKey("中册", "") && PartSortKey("中册", "") < PartSortKey("下册", "")) {
		t.Error("上册, 中册, 下册 do not sort in that order")
	}
	if !(PartSortKey("Vol. 2", "") < PartSortKey("Vol. 10", "")) {
		t.Error("Vol. 2 sorts after Vol. 10")
	}
	if PartSortKey("", "") != "" {
		t.Error("a record without a volume has a volume sort key")
	}
}

func TestDisplayTitleShowsVolume(t *testing.T) {
	r := Record{Title: "习近平谈治国理政", PartNumber: "第二卷"}
	if got := r.DisplayTitle(); got != "习近平谈治国理政．第二卷" {
		t.Errorf("DisplayTitle = %q", got)
	}
	r = Record{Title: "中国共产党简史", PartNumber: "上册", PartName: "总论", OtherTitle: "学习读本"}
	if got := r.DisplayTitle(); got != "中国共产党简史．上册，总论：学习读本" {
		t.Errorf("DisplayTitle = %q", got)
	}
}

// FuzzPartSortKey: any part number gives a key without panicking, and a
// number written in Arabic or Chinese digits reads the same.
func FuzzPartSortKey(f *testing.F) {
	for _, s := range []string{"第一卷", "第十二卷", "上册", "Vol. 10", "二〇二一", "一百零五", "第9999999999卷", "十十十", ""} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		_ = PartSortKey(s, s)
		if n, ok := FirstNumber(s); ok && n < 0 {
			t.Fatalf("FirstNumber(%q) = %d", s, n)
		}
	})
}

func TestFirstNumberReadsChineseNumerals(t *testing.T) {
	for in, want := range map[string]int{"第一卷": 1, "第十卷": 10, "第十二卷": 12, "第二十卷": 20, "第一百零五卷": 105, "第2卷": 2, "卷二〇": 20, "两册": 2} {
		if got, ok := FirstNumber(in); !ok || got != want {
			t.Errorf("FirstNumber(%q) = %d, %v; want %d", in, got, ok, want)
		}
	}
}
