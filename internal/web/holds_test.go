package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/store"
)

// trapFor puts the only copy of record i on the hold shelf for reader r,
// with its pickup deadline moved by days from today (negative: passed).
func trapFor(t *testing.T, e *env, i, r, days int) int64 {
	t.Helper()
	ctx := audit.WithActor(t.Context(), audit.System)
	code := e.f.Barcodes[i][0]
	other := e.f.Readers[1-r].Card
	if _, err := e.a.Circulation.Checkout(ctx, other, code); err != nil {
		t.Fatal(err)
	}
	h, err := e.a.Circulation.PlaceHold(ctx, e.f.Readers[r].Card, e.f.Records[i].ID)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Circulation.Checkin(ctx, code, false); err != nil {
		t.Fatal(err)
	}
	deadline := addDaysT(t, e.a.Catalog.Today(), days)
	err = e.a.DB.Update(ctx, func(tx *store.Tx) error {
		hold, err := tx.Hold(h.ID)
		if err != nil {
			return err
		}
		hold.PickupDeadline = deadline
		return tx.UpdateHold(&hold)
	})
	if err != nil {
		t.Fatal(err)
	}
	return h.ID
}

func TestHoldShelfMarksExpiredAndNearHoldsAndStaffCancelWithAReason(t *testing.T) {
	e := newEnv(t)
	past := trapFor(t, e, 3, 1, -2) // 平凡的世界 for 李四, two days past
	near := trapFor(t, e, 4, 0, 1)  // 红岩 for 张三, tomorrow
	later := trapFor(t, e, 0, 1, 5) // 习近平谈治国理政 for 李四
	duty := e.as(t, "duty1")

	duty.get("/").want(t, http.StatusOK, `href="/holds" id="holds-all"`)
	page := duty.get("/holds")
	page.want(t, http.StatusOK, "共 3 册待取，其中 1 册已过取书期限，1 册今明两天到期",
		fmt.Sprintf(`class="expired" id="hold-%d"`, past), fmt.Sprintf(`class="near" id="hold-%d"`, near), fmt.Sprintf(`class="" id="hold-%d"`, later))
	if strings.Index(page.body, fmt.Sprintf("hold-%d", past)) > strings.Index(page.body, fmt.Sprintf("hold-%d", later)) {
		t.Error("the soonest deadline is not first")
	}
	if strings.Contains(page.body, `id="expire-holds"`) {
		t.Error("duty staff are offered the librarian's expire-all")
	}

	// No reason, no cancel.
	duty.post(fmt.Sprintf("/holds/%d/cancel", near), url.Values{"reason": {" "}}).want(t, http.StatusUnprocessableEntity, "请填写原因")
	if n := len(holdsOnShelf(t, e)); n != 3 {
		t.Fatalf("%d on the shelf after a refused cancel, want 3", n)
	}
	duty.post(fmt.Sprintf("/holds/%d/cancel", near), url.Values{"reason": {"读者电话告知不再需要"}}).want(t, http.StatusSeeOther)
	duty.post(fmt.Sprintf("/holds/%d/cancel", near), url.Values{"reason": {"again"}}).want(t, http.StatusUnprocessableEntity, "预约不存在")
	it, err := e.a.Catalog.Item(t.Context(), e.f.Barcodes[4][0])
	if err != nil {
		t.Fatal(err)
	}
	if it.Status != catalog.StatusAvailable {
		t.Errorf("the copy of a cancelled hold is %s, want back on the shelf", it.Status)
	}
	lib := e.as(t, "librarian")
	lib.get("/audit").want(t, http.StatusOK, "取消读者 张三 "+e.f.Readers[0].Card+" 对《红岩》的预约：读者电话告知不再需要")

	lib.get("/holds").want(t, http.StatusOK, `id="expire-holds"`, "处理 1 册过期预约")
	lib.post("/holds/expire", nil).want(t, http.StatusSeeOther)
	lib.get("/holds").want(t, http.StatusOK, "已处理 1 个过期预约", "共 1 册待取，其中 0 册已过取书期限")
	duty.post("/holds/expire", nil).want(t, http.StatusForbidden)
}

func holdsOnShelf(t *testing.T, e *env) []int64 {
	t.Helper()
	shelf, err := e.a.Circulation.PickupShelf(t.Context())
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, h := range shelf {
		ids = append(ids, h.ID)
	}
	return ids
}

func addDaysT(t *testing.T, day string, n int) string {
	t.Helper()
	d, err := time.Parse(time.DateOnly, day)
	if err != nil {
		t.Fatal(err)
	}
	return d.AddDate(0, 0, n).Format(time.DateOnly)
}
