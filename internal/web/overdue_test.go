package web_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/testkit/webtest"
)

// fourteenOverdue lends seven books to each fixture reader, all overdue:
// 张三's by 3 to 9 days, 李四's by 10 to 16, so the home page's ten
// oldest are not all of them.
func fourteenOverdue(t *testing.T, e *env) {
	t.Helper()
	ctx := audit.WithActor(t.Context(), audit.System)
	locs, err := e.a.Catalog.Locations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	codes := e.f.Barcodes
	for i := 0; i < 5; i++ {
		rec, err := e.a.Catalog.CreateRecord(ctx, catalog.Record{Title: fmt.Sprintf("党史学习读本（第%d册）", i+1), CLC: "D2"})
		if err != nil {
			t.Fatal(err)
		}
		items, err := e.a.Catalog.AddItems(ctx, catalog.NewItems{RecordID: rec.ID, Count: 1, LocationID: locs[0].ID})
		if err != nil {
			t.Fatal(err)
		}
		codes = append(codes, []string{items[0].Barcode})
	}
	zhang := []string{codes[0][0], codes[1][0], codes[2][0], codes[3][0], codes[4][0], codes[5][0], codes[6][0]}
	li := []string{codes[1][1], codes[2][1], codes[5][1], codes[7][0], codes[8][0], codes[9][0], codes[10][0]}
	for i, c := range zhang {
		webtest.LendOverdue(t, e.a, e.f.Readers[0].Card, c, 3+i)
	}
	for i, c := range li {
		webtest.LendOverdue(t, e.a, e.f.Readers[1].Card, c, 10+i)
	}
}

func TestOverdueListShowsEveryLoanWithPhonesAndTheHomeCounterLinksToIt(t *testing.T) {
	e := newEnv(t)
	fourteenOverdue(t, e)
	duty := e.as(t, "duty1")

	home := duty.get("/")
	home.want(t, http.StatusOK, `id="overdue-count" href="/overdue"`, `href="/overdue" id="overdue-all"`)
	if n := strings.Count(home.body, `class="overdue"`); n != 10 {
		t.Errorf("home lists %d overdue loans, want the oldest 10", n)
	}

	list := duty.get("/overdue")
	list.want(t, http.StatusOK, "共 14 册逾期未还", "13800138000", "13900139000", "2024年春季县干班", "超期 16 天", "超期 3 天", `href="tel:13800138000"`)
	if n := strings.Count(list.body, `class="overdue"`); n != 14 {
		t.Errorf("the full list shows %d loans, want 14", n)
	}
	// Oldest first: 李四's sixteen days come before 张三's three.
	if strings.Index(list.body, "超期 16 天") > strings.Index(list.body, "超期 3 天") {
		t.Error("the list is not oldest first")
	}

	// By class, within the class by reader.
	byClass := duty.get(fmt.Sprintf("/overdue?class=%d&order=class", e.f.Class.ID))
	byClass.want(t, http.StatusOK, "共 14 册逾期未还", fmt.Sprintf(`href="/overdue/slips?class=%d&amp;order=class"`, e.f.Class.ID))
	if strings.Index(byClass.body, "超期 3 天") < 0 {
		t.Fatal("class list lacks 张三's loan")
	}
	// A class with no overdue loan, a page past the end and a silly page
	// number are an empty list, not an error.
	other := e.as(t, "librarian").post("/classes", map[string][]string{"name": {"2024年秋季科干班"}, "kind": {"主体班"}, "start_date": {e.a.Catalog.Today()}, "end_date": {e.a.Catalog.Today()}})
	if other.status != http.StatusSeeOther {
		t.Fatalf("create class: %d %s", other.status, clip(other.body))
	}
	duty.get("/overdue?page=9223372036854775807").want(t, http.StatusOK, "共 14 册逾期未还")
	duty.get("/overdue?class=abc").want(t, http.StatusOK, "共 14 册逾期未还")
}

func TestOverdueSlipsAreOnePerReaderWithTheInstitutionName(t *testing.T) {
	e := newEnv(t)
	fourteenOverdue(t, e)
	lib := e.as(t, "librarian")
	lib.post("/settings/library", map[string][]string{"name": {"州委党校党建书屋"}}).want(t, http.StatusSeeOther)

	slips := lib.get("/overdue/slips")
	slips.want(t, http.StatusOK, "2 位读者，14 册", "州委党校党建书屋", "张三 同志", "李四 同志", "13800138000", "《党史学习读本（第1册）》", "<title>催还单 · 州委党校党建书屋</title>")
	if n := strings.Count(slips.body, `class="dun-slip"`); n != 2 {
		t.Errorf("%d slips, want one per reader (2)", n)
	}
}

func TestOverdueExportIsAWorkbookWithPhones(t *testing.T) {
	e := newEnv(t)
	fourteenOverdue(t, e)
	res := e.as(t, "duty1").get("/overdue/export")
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "xlsx") {
		t.Fatalf("export: %d %v", res.status, res.header)
	}
	f, err := excelize.OpenReader(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("逾期图书")
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 15 {
		t.Fatalf("%d rows, want a header and 14 loans", len(rows))
	}
	if got := strings.Join(rows[0], ","); !strings.HasPrefix(got, "班次,姓名,读者证号,单位,手机号,题名") {
		t.Errorf("header %q", got)
	}
	phones := map[string]bool{}
	for _, r := range rows[1:] {
		phones[r[4]] = true
		if r[0] != "2024年春季县干班" {
			t.Errorf("row %v: class %q", r, r[0])
		}
	}
	if !phones["13800138000"] || !phones["13900139000"] {
		t.Errorf("phones %v", phones)
	}
}
