package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
)

// The librarian sets up a themed display; the desk scans copies onto it
// and one back; a copy on loan is refused; the portal and the door
// display show it; a loan from it is counted.
func TestAThemedDisplayIsFilledAtTheDeskAndShownInThePortal(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	today := time.Now().In(e.a.Config.Location())
	form := url.Values{"title": {"党的二十大读物专题书展"}, "place": {"展架"}, "starts": {today.AddDate(0, 0, -1).Format(time.DateOnly)},
		"ends": {today.AddDate(0, 0, 20).Format(time.DateOnly)}, "description": {"突出经典、紧跟形势"}}
	bad := url.Values{}
	for k, v := range form {
		bad[k] = v
	}
	bad.Set("ends", today.AddDate(0, 0, -5).Format(time.DateOnly))
	lib.post("/displays", bad).want(t, http.StatusUnprocessableEntity, "结束日期不能早于开始日期", `value="党的二十大读物专题书展"`)
	res := lib.post("/displays", form)
	res.want(t, http.StatusSeeOther)
	loc := res.header.Get("Location")
	lib.get(loc).want(t, http.StatusOK, "已新建书展「党的二十大读物专题书展」", "书展上还没有图书", `id="visit-code"`)

	duty := e.as(t, "duty1")
	a, b := e.f.Barcodes[0][0], e.f.Barcodes[1][0]
	scan := func(code string) answer {
		return duty.post(loc+"/scan", url.Values{"barcode": {code}}, "HX-Request", "true")
	}
	on := scan(a)
	on.want(t, http.StatusOK, "已上架：《"+e.f.Records[0].Title, `hx-swap-oob="innerHTML:#display-copies"`, `id="display-copy-count">1<`)
	scan(b).want(t, http.StatusOK, `id="display-copy-count">2<`)
	scan(b).want(t, http.StatusOK, "已撤回原架：《"+e.f.Records[1].Title, `id="display-copy-count">1<`)
	scan("NOPE-1").want(t, http.StatusOK, `class="visit-result error"`)
	// A reader borrows the copy from the display: counted for it.
	if _, err := e.a.Circulation.Checkout(audit.WithActor(context.Background(), audit.System), e.f.Readers[0].Card, a); err != nil {
		t.Fatal(err)
	}
	page := duty.get(loc)
	page.want(t, http.StatusOK, `id="display-loan-count">1<`, "借出")
	if strings.Contains(page.body, `id="edit-display"`) {
		t.Fatal("duty staff is offered the display's form")
	}
	// Two more copies go on; the lent one stays on the display's list.
	scan(b)
	c := e.f.Barcodes[2][0]
	scan(c)
	portal := e.browser(t)
	portal.get("/opac/displays").want(t, http.StatusOK, "党的二十大读物专题书展", e.f.Records[1].Title, "突出经典、紧跟形势")
	portal.get("/display").want(t, http.StatusOK, `id="display-shows"`, "党的二十大读物专题书展", "3 册")
	lib.get("/displays").want(t, http.StatusOK, "正在展出", "党的二十大读物专题书展")
	if st := e.as(t, "leader").get("/displays").status; st != http.StatusForbidden {
		t.Fatalf("leadership GET /displays: %d, want 403", st)
	}
	lib.post(loc+"/clear", nil).want(t, http.StatusSeeOther)
	lib.get(loc).want(t, http.StatusOK, "已撤展，3 册撤回原架", "书展上还没有图书", `id="display-loan-count">1<`)
	lib.get(loc+"?past=1").want(t, http.StatusOK, "撤回原架", e.f.Records[2].Title)
}
