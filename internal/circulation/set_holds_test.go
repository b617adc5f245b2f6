package circulation_test

import (
	"strings"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
	"shuwu/internal/testkit"
)

// fourVolumeSet catalogues 《毛泽东选集》 1–4 with one copy each, groups
// them into a set and lends every copy out.
func fourVolumeSet(t *testing.T, k *testkit.Kit) (catalog.Set, []catalog.Record, []catalog.Item) {
	t.Helper()
	var vols []catalog.Record
	var items []catalog.Item
	for _, part := range []string{"第一卷", "第二卷", "第三卷", "第四卷"} {
		v := k.Volume("毛泽东选集", part)
		vols = append(vols, v)
		it := k.Items(v, 1)[0]
		items = append(items, it)
		k.Checkout(k.Reader("借书人"+part), it)
	}
	set, err := k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "毛泽东选集", RecordIDs: []int64{vols[0].ID, vols[1].ID, vols[2].ID, vols[3].ID}})
	if err != nil {
		t.Fatal(err)
	}
	return set, vols, items
}

func holdOf(t *testing.T, k *testkit.Kit, r readers.Reader) circulation.HoldView {
	t.Helper()
	acc, err := k.Circulation.Account(k.Ctx, r.Card)
	if err != nil || len(acc.Holds) != 1 {
		t.Fatalf("holds of %s = %+v, %v; want one", r.Name, acc.Holds, err)
	}
	return acc.Holds[0]
}

// One queue for both kinds: an any-volume hold waits with the holds on
// each volume in the order they were placed. A returned copy of any
// volume is trapped for the first of the holds on that volume and the
// any-volume holds; the any-volume hold then names the volume it got.
func TestAnyVolumeAndOneVolumeHoldsShareTheQueue(t *testing.T) {
	k := testkit.New(t)
	set, vols, items := fourVolumeSet(t, k)
	a, b, c := k.Reader("甲"), k.Reader("乙"), k.Reader("丙")

	ha, err := k.Circulation.PlaceHold(k.Ctx, a.Card, vols[1].ID) // 甲: 第二卷
	if err != nil || ha.Position != 1 {
		t.Fatalf("甲's hold on 第二卷 = %+v, %v", ha, err)
	}
	hb, err := k.Circulation.PlaceSetHold(k.Ctx, b.Card, set.ID) // 乙: 任一卷
	if err != nil || hb.Position != 1 || hb.SetID != set.ID || hb.Title != "毛泽东选集" || hb.Status != circulation.HoldWaiting {
		t.Fatalf("乙's any-volume hold = %+v, %v", hb, err)
	}
	hc, err := k.Circulation.PlaceHold(k.Ctx, c.Card, vols[1].ID) // 丙: 第二卷
	if err != nil || hc.Position != 3 {
		t.Fatalf("丙's hold on 第二卷 = %+v, %v; want third in line (甲, then 乙's any volume)", hc, err)
	}
	if got := holdOf(t, k, c); got.Position != 3 {
		t.Fatalf("丙 is %d in line for 第二卷, want 3 (甲, then 乙's any volume)", got.Position)
	}
	if got := holdOf(t, k, b); got.Title != "毛泽东选集" || !got.AnyVolume() {
		t.Fatalf("乙's waiting hold reads %+v, want the set's title", got)
	}
	// A renewal of any volume waits for the any-volume hold.
	_, err = k.Circulation.Renew(k.Ctx, items[3].Barcode, 0)
	wantCode(t, err, circulation.CodeRenewalOnHold)

	// 第三卷 comes back: nobody holds it, so 乙's any-volume hold gets it.
	res, err := k.Circulation.Checkin(k.Ctx, items[2].Barcode, false)
	if err != nil || res.Action != "hold_shelf" || res.Hold == nil || res.Hold.ReaderCard != b.Card {
		t.Fatalf("return of 第三卷 = %+v, %v; want it held for 乙", res, err)
	}
	got := holdOf(t, k, b)
	if got.Status != circulation.HoldTrapped || got.RecordID != vols[2].ID || got.Title != "毛泽东选集．第三卷" || got.Barcode != items[2].Barcode {
		t.Fatalf("乙's trapped hold %+v: want 第三卷 waiting to be picked up", got)
	}
	if got := holdOf(t, k, c); got.Position != 2 {
		t.Fatalf("丙 is %d in line, want 2 now that 乙 has a copy", got.Position)
	}
	// 第二卷 comes back: 甲 was first for it.
	res, err = k.Circulation.Checkin(k.Ctx, items[1].Barcode, false)
	if err != nil || res.Hold == nil || res.Hold.ReaderCard != a.Card {
		t.Fatalf("return of 第二卷 = %+v, %v; want it held for 甲", res, err)
	}
	// 乙 takes the copy held: the hold is fulfilled and gone.
	k.Checkout(b, items[2])
	if acc, _ := k.Circulation.Account(k.Ctx, b.Card); len(acc.Holds) != 0 {
		t.Fatalf("乙 still holds %+v after borrowing the volume", acc.Holds)
	}
}

// An any-volume hold's copy that is not picked up passes to the next in
// line, an any-volume hold too; cancelling a trapped any-volume hold
// passes the copy on as well; the set can lose neither its last volume nor
// itself while any-volume holds wait on it.
func TestAnyVolumeHoldExpiresAndCancels(t *testing.T) {
	k := testkit.New(t)
	set, vols, items := fourVolumeSet(t, k)
	a, b := k.Reader("甲"), k.Reader("乙")
	for _, r := range []readers.Reader{a, b} {
		if _, err := k.Circulation.PlaceSetHold(k.Ctx, r.Card, set.ID); err != nil {
			t.Fatal(err)
		}
	}
	if got := holdOf(t, k, b); got.Position != 2 {
		t.Fatalf("乙 is %d in line, want 2", got.Position)
	}
	if _, err := k.Circulation.Checkin(k.Ctx, items[0].Barcode, false); err != nil {
		t.Fatal(err)
	}
	if got := holdOf(t, k, a); got.Status != circulation.HoldTrapped || got.RecordID != vols[0].ID {
		t.Fatalf("甲's hold = %+v, want 第一卷 trapped", got)
	}
	err := k.Catalog.DeleteSet(k.Ctx, set.ID)
	wantCode(t, err, catalog.CodeSetHasHolds)
	for _, v := range vols[1:] {
		if _, err := k.Catalog.RemoveFromSet(k.Ctx, set.ID, v.ID); err != nil {
			t.Fatal(err)
		}
	}
	_, err = k.Catalog.RemoveFromSet(k.Ctx, set.ID, vols[0].ID)
	wantCode(t, err, catalog.CodeSetHasHolds)
	if _, err := k.Catalog.SaveSet(k.Ctx, catalog.Set{ID: set.ID, Title: "毛泽东选集", RecordIDs: []int64{vols[0].ID, vols[1].ID, vols[2].ID, vols[3].ID}}); err != nil {
		t.Fatal(err)
	}

	k.Clock.AddDays(20)
	n, err := k.Circulation.ExpireHolds(k.Ctx)
	if err != nil || n != 1 {
		t.Fatalf("expired %d, %v; want 1", n, err)
	}
	if acc, _ := k.Circulation.Account(k.Ctx, a.Card); len(acc.Holds) != 0 {
		t.Fatalf("甲's expired hold is still there: %+v", acc.Holds)
	}
	got := holdOf(t, k, b)
	if got.Status != circulation.HoldTrapped || got.ItemID != items[0].ID || got.Position != 1 {
		t.Fatalf("乙's hold after 甲's expired = %+v; want 第一卷's copy", got)
	}
	if err := k.Circulation.CancelHoldByStaff(k.Ctx, got.ID, "读者不需要了"); err != nil {
		t.Fatal(err)
	}
	it, err := k.Catalog.Item(k.Ctx, items[0].Barcode)
	if err != nil || it.Status != catalog.StatusAvailable {
		t.Fatalf("the cancelled hold's copy is %v, %v; want back on the shelf", it.Status, err)
	}
	if err := k.Catalog.DeleteSet(k.Ctx, set.ID); err != nil {
		t.Fatalf("deleting the set once no hold waits: %v", err)
	}
}

// Placing an any-volume hold is refused, naming the reason in Chinese and
// placing nothing, when the reader already holds the set or one of its
// volumes, has a volume on loan, or a copy is on the shelf; a hold on one
// volume is refused while the reader holds any volume of its set.
func TestAnyVolumeHoldRefusals(t *testing.T) {
	k := testkit.New(t)
	set, vols, items := fourVolumeSet(t, k)
	a, b := k.Reader("甲"), k.Reader("乙")
	if _, err := k.Circulation.PlaceSetHold(k.Ctx, a.Card, set.ID); err != nil {
		t.Fatal(err)
	}
	_, err := k.Circulation.PlaceSetHold(k.Ctx, a.Card, set.ID)
	wantMsg(t, err, circulation.CodeHoldDuplicate, "您已预约《毛泽东选集》任一卷")
	_, err = k.Circulation.PlaceHold(k.Ctx, a.Card, vols[2].ID)
	wantMsg(t, err, circulation.CodeHoldDuplicate, "其中包括本卷")
	if _, err := k.Circulation.PlaceHold(k.Ctx, b.Card, vols[1].ID); err != nil {
		t.Fatal(err)
	}
	_, err = k.Circulation.PlaceSetHold(k.Ctx, b.Card, set.ID)
	wantMsg(t, err, circulation.CodeHoldDuplicate, "您已预约本套书的《毛泽东选集．第二卷》")
	borrower, err := k.Circulation.ItemInfo(k.Ctx, items[0].Barcode)
	if err != nil || borrower.Loan == nil {
		t.Fatal(err)
	}
	rd, err := k.Readers.ByID(k.Ctx, borrower.Loan.ReaderID)
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.Circulation.PlaceSetHold(k.Ctx, rd.Card, set.ID)
	wantMsg(t, err, circulation.CodeHoldAlreadyBorrowed, "请预约具体的某一卷")
	_, err = k.Circulation.PlaceSetHold(k.Ctx, b.Card, 987654)
	wantMsg(t, err, catalog.CodeSetNotFound, "不存在")
	empty, err := k.Catalog.SaveSet(k.Ctx, catalog.Set{Title: "空套书"})
	if err != nil {
		t.Fatal(err)
	}
	_, err = k.Circulation.PlaceSetHold(k.Ctx, b.Card, empty.ID)
	wantMsg(t, err, circulation.CodeHoldNoCopies, "还没有任何一卷")

	// A copy on the shelf: borrow it instead.
	c := k.Reader("丙")
	if _, err := k.Circulation.Checkin(k.Ctx, items[3].Barcode, false); err != nil {
		t.Fatal(err)
	}
	// 第四卷 went to 甲's any-volume hold; the next returned goes to the shelf.
	if _, err := k.Circulation.Checkin(k.Ctx, items[2].Barcode, false); err != nil {
		t.Fatal(err)
	}
	_, err = k.Circulation.PlaceSetHold(k.Ctx, c.Card, set.ID)
	wantMsg(t, err, circulation.CodeHoldItemAvailable, "可直接到书架借阅")
	if err := k.Circulation.CanHoldSet(k.Ctx, c.Card, set.ID); !errs.Is(err, circulation.CodeHoldItemAvailable) {
		t.Fatalf("CanHoldSet = %v, want the same refusal", err)
	}
	if acc, _ := k.Circulation.Account(k.Ctx, c.Card); len(acc.Holds) != 0 {
		t.Fatalf("a refused hold was placed: %+v", acc.Holds)
	}
}

func wantMsg(t *testing.T, err error, code errs.Code, text string) {
	t.Helper()
	wantCode(t, err, code)
	if !strings.Contains(errs.As(err).Message, text) {
		t.Fatalf("message %q does not say %q", errs.As(err).Message, text)
	}
}
