package catalog_test

import (
	"slices"
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/testkit"
)

func wantCode(t *testing.T, err error, code errs.Code, text string) {
	t.Helper()
	if !errs.Is(err, code) {
		t.Fatalf("got %v, want %s", err, code)
	}
	if !strings.Contains(errs.As(err).Message, text) {
		t.Errorf("message %q does not say %q", errs.As(err).Message, text)
	}
}

// The librarian groups the four volumes of 《毛泽东选集》 into a set: the
// proposal finds them in volume order and leaves out a namesake without a
// volume and a record of another title; the set page lists them with
// their copies; the record knows its set and siblings.
func TestGroupingVolumesIntoASet(t *testing.T) {
	k := testkit.New(t)
	v3 := k.Volume("毛泽东选集", "第三卷")
	v1 := k.Volume("毛泽东选集", "第一卷")
	v10 := k.Volume("毛泽东选集", "第十卷")
	v2 := k.Volume("毛泽东选集", "第二卷")
	k.Record("毛泽东选集")
	k.Volume("邓小平文选", "第一卷")
	items := k.Items(v2, 2)
	k.Checkout(k.Reader("张三"), items[0])

	p, err := k.Catalog.ProposeSet(k.Ctx, v3.ID)
	if err != nil {
		t.Fatal(err)
	}
	var got []int64
	for _, r := range p.Records {
		got = append(got, r.ID)
	}
	if want := []int64{v1.ID, v2.ID, v3.ID, v10.ID}; !slices.Equal(got, want) || p.Title != "毛泽东选集" {
		t.Fatalf("proposal %q %v, want %v (第一、二、三、十卷)", p.Title, got, want)
	}
	set, err := k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: p.Title, ISBN: "7-01-000922-8", RecordIDs: got})
	if err != nil {
		t.Fatal(err)
	}
	if set.ISBN != "9787010009223" || set.Kind != catalog.SetMultiVolume {
		t.Fatalf("saved set %+v: want the ISBN as 13 digits and the kind 多卷书", set)
	}
	d, err := k.Catalog.Set(k.Ctx, set.ID)
	if err != nil || len(d.Volumes) != 4 {
		t.Fatalf("set page %+v, %v", d, err)
	}
	if vol := d.Volumes[1]; vol.Record.ID != v2.ID || vol.Copies != 2 || vol.Available != 1 || vol.OnLoan != 1 || vol.Position != 2 {
		t.Fatalf("second volume %+v: want 第二卷 with 2 copies, 1 on the shelf, 1 on loan", vol)
	}
	of, ok, err := k.Catalog.SetOf(k.Ctx, v3.ID)
	if err != nil || !ok || of.Position != 3 || len(of.Volumes) != 4 || of.Set.ID != set.ID {
		t.Fatalf("set of 第三卷 = %+v %v %v: want position 3 of 4", of, ok, err)
	}
	if _, ok, _ := k.Catalog.SetOf(k.Ctx, k.Record("乡土中国").ID); ok {
		t.Fatal("a record in no set has a set")
	}
	if _, err := k.Catalog.ProposeSet(k.Ctx, v1.ID); !errs.Is(err, catalog.CodeSetMemberElsewhere) {
		t.Fatalf("proposing again: %v, want SET_MEMBER_ELSEWHERE", err)
	}
	found, err := k.Catalog.Sets(k.Ctx, "选集")
	if err != nil || len(found) != 1 || found[0].ID != set.ID || len(found[0].RecordIDs) != 4 {
		t.Fatalf("sets matching 选集 = %+v, %v", found, err)
	}
}

// Bad input is refused in Chinese, naming the problem, and changes nothing.
func TestSetRefusalsChangeNothing(t *testing.T) {
	k := testkit.New(t)
	v1, v2 := k.Volume("习近平谈治国理政", "第一卷"), k.Volume("习近平谈治国理政", "第二卷")
	other := k.Volume("毛泽东选集", "第一卷")

	_, err := k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "  ", RecordIDs: []int64{v1.ID}})
	wantCode(t, err, catalog.CodeSetTitleRequired, "题名不能为空")
	_, err = k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "习近平谈治国理政", RecordIDs: []int64{v1.ID, v2.ID, v1.ID}})
	wantCode(t, err, catalog.CodeSetMemberDuplicate, "《习近平谈治国理政．第一卷》已在本套书中")
	_, err = k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "习近平谈治国理政", ISBN: "978-7-119-00000-0"})
	if !errs.Is(err, "ISBN_CHECKSUM") && !errs.Is(err, "ISBN_MALFORMED") {
		t.Fatalf("a wrong ISBN: %v", err)
	}
	_, err = k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "习近平谈治国理政", RecordIDs: []int64{v1.ID, 999999}})
	wantCode(t, err, catalog.CodeRecordNotFound, "书目 999999 不存在")
	_, err = k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "习近平谈治国理政", Kind: "box", RecordIDs: []int64{v1.ID}})
	wantCode(t, err, catalog.CodeSetKindUnknown, "多卷书或丛编")
	if sets, _ := k.Catalog.Sets(k.Ctx, ""); len(sets) != 0 {
		t.Fatalf("refusals made sets: %+v", sets)
	}

	set, err := k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "习近平谈治国理政", RecordIDs: []int64{v1.ID}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.Catalog.AddToSet(k.Ctx, set.ID, v1.ID)
	wantCode(t, err, catalog.CodeSetMemberDuplicate, "已在本套书中，不能重复加入")
	mao, err := k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "毛泽东选集", RecordIDs: []int64{other.ID}})
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.Catalog.AddToSet(k.Ctx, set.ID, other.ID)
	wantCode(t, err, catalog.CodeSetMemberElsewhere, "已属于《毛泽东选集》")
	_, err = k.Catalog.RemoveFromSet(k.Ctx, set.ID, v2.ID)
	wantCode(t, err, catalog.CodeSetMemberMissing, "不在《习近平谈治国理政》中")
	_, err = k.Catalog.SaveSet(k.Ctx, catalog.Set{ID: mao.ID, Title: ""})
	wantCode(t, err, catalog.CodeSetTitleRequired, "题名不能为空")
	if d, _ := k.Catalog.Set(k.Ctx, mao.ID); d.Title != "毛泽东选集" || len(d.RecordIDs) != 1 {
		t.Fatalf("a refused edit changed the set: %+v", d)
	}
	if _, err := k.Catalog.Set(k.Ctx, 424242); !errs.Is(err, catalog.CodeSetNotFound) {
		t.Fatalf("missing set: %v", err)
	}
	noVol := k.Record("实践论")
	_, err = k.Catalog.ProposeSet(k.Ctx, noVol.ID)
	wantCode(t, err, catalog.CodeSetNoVolumes, "没有卷次")
}

// Adding a volume to a set in volume order puts it in its place; moving
// a volume changes the order, and sorting puts it back; removing one
// keeps its record; deleting the set keeps all records.
func TestSetMembersAddMoveSortRemove(t *testing.T) {
	k := testkit.New(t)
	v1, v2, v3, v4 := k.Volume("习近平谈治国理政", "第一卷"), k.Volume("习近平谈治国理政", "第二卷"), k.Volume("习近平谈治国理政", "第三卷"), k.Volume("习近平谈治国理政", "第四卷")
	set, err := k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "习近平谈治国理政", RecordIDs: []int64{v1.ID, v2.ID, v4.ID}})
	if err != nil {
		t.Fatal(err)
	}
	set, err = k.Catalog.AddToSet(k.Ctx, set.ID, v3.ID)
	if want := []int64{v1.ID, v2.ID, v3.ID, v4.ID}; err != nil || !slices.Equal(set.RecordIDs, want) {
		t.Fatalf("after adding 第三卷: %v %v, want %v", set.RecordIDs, err, want)
	}
	set, err = k.Catalog.MoveInSet(k.Ctx, set.ID, v4.ID, -1)
	if want := []int64{v1.ID, v2.ID, v4.ID, v3.ID}; err != nil || !slices.Equal(set.RecordIDs, want) {
		t.Fatalf("after moving 第四卷 up: %v %v, want %v", set.RecordIDs, err, want)
	}
	set, _ = k.Catalog.MoveInSet(k.Ctx, set.ID, v1.ID, -1)
	if set.RecordIDs[0] != v1.ID {
		t.Fatalf("moving the first volume up moved it: %v", set.RecordIDs)
	}
	set, err = k.Catalog.SortSet(k.Ctx, set.ID)
	if want := []int64{v1.ID, v2.ID, v3.ID, v4.ID}; err != nil || !slices.Equal(set.RecordIDs, want) {
		t.Fatalf("after sorting: %v %v, want %v", set.RecordIDs, err, want)
	}
	set, err = k.Catalog.RemoveFromSet(k.Ctx, set.ID, v2.ID)
	if want := []int64{v1.ID, v3.ID, v4.ID}; err != nil || !slices.Equal(set.RecordIDs, want) {
		t.Fatalf("after removing 第二卷: %v %v, want %v", set.RecordIDs, err, want)
	}
	if _, err := k.Catalog.Record(k.Ctx, v2.ID); err != nil {
		t.Fatalf("the removed volume's record went: %v", err)
	}
	if err := k.Catalog.DeleteSet(k.Ctx, set.ID); err != nil {
		t.Fatal(err)
	}
	if _, ok, _ := k.Catalog.SetOf(k.Ctx, v1.ID); ok {
		t.Fatal("a volume still has its deleted set")
	}
	if _, err := k.Catalog.Record(k.Ctx, v1.ID); err != nil {
		t.Fatalf("deleting the set deleted a volume: %v", err)
	}
}
