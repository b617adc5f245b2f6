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
