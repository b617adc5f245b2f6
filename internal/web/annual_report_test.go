package web_test

import (
	"bytes"
	"net/http"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/receptions"
	"shuwu/internal/testkit/webtest"
)

// The annual report is drafted from the data: the loans, the activity and
// the leader visit of the fixture are in its text and tables, with the
// figures linked to the statistics; the librarian rewrites a section and
// can go back to the draft; leadership reads it and changes nothing; the
// .docx opens in LibreOffice and carries the rewritten text.
func TestTheAnnualReportIsDraftedRewrittenAndExported(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	for i := 0; i < 3; i++ {
		if _, err := e.a.Circulation.Checkout(ctx, e.f.Readers[i%2].Card, e.f.Barcodes[i+1][0]); err != nil {
			t.Fatal(err)
		}
	}
	webtest.ActivityNow(t, e.a, "学习党的二十大精神读书分享会", 20)
	today := e.a.Catalog.Today()
	if _, err := e.a.Receptions.Create(ctx, receptions.Reception{Date: today, Level: receptions.Prefecture,
		Guests: []receptions.Guest{{Name: "李明", Title: "州委副书记"}}, Shown: "书屋"}); err != nil {
		t.Fatal(err)
	}
	year := today[:4]
	q := "from=" + year + "-01-01&to=" + year + "-12-31"
	lib := e.as(t, "librarian")
	page := lib.get("/reports/annual?" + q)
	page.want(t, http.StatusOK, year+"年工作报告", "外借图书 3 册次", "举办各类主题活动 1 场次", "接待领导和来宾参观 1 批次",
		"学习党的二十大精神读书分享会", `href="/stats/use?from=`+year+`-01-01&amp;to=`+year+`-12-31">3</a>`, "州级领导")

	lib.post("/reports/annual", url.Values{"from": {year + "-01-01"}, "to": {year + "-12-31"}, "section": {"next"}, "text": {"明年将新增藏书六百册。\n\n办好十场读书分享会。"}}).want(t, http.StatusSeeOther)
	page = lib.get("/reports/annual?" + q)
	page.want(t, http.StatusOK, "<p>明年将新增藏书六百册。</p>", "<p>办好十场读书分享会。</p>", "已改写")
	lib.post("/reports/annual", url.Values{"from": {year + "-01-01"}, "to": {year + "-12-31"}, "section": {"nope"}, "text": {"x"}}).want(t, http.StatusUnprocessableEntity, "报告中没有这一部分")
	lib.post("/reports/annual", url.Values{"from": {year + "-01-01"}, "to": {year + "-12-31"}, "section": {"next"}, "text": {strings.Repeat("长", 20001)}}).want(t, http.StatusUnprocessableEntity, "太长")

	lead := e.as(t, "leader")
	lead.get("/reports/annual?"+q).want(t, http.StatusOK, "明年将新增藏书六百册")
	if strings.Contains(lead.get("/reports/annual?"+q).body, `id="edit-next"`) {
		t.Error("leadership is offered to rewrite the report")
	}
	lead.post("/reports/annual", url.Values{"from": {year + "-01-01"}, "to": {year + "-12-31"}, "section": {"next"}, "text": {"改"}}).want(t, http.StatusForbidden)

	doc := lib.get("/reports/annual.docx?" + q)
	doc.want(t, http.StatusOK)
	dir := t.TempDir()
	in := filepath.Join(dir, "report.docx")
	os.WriteFile(in, []byte(doc.body), 0o600)
	conv := exec.Command("soffice", "-env:UserInstallation=file://"+filepath.Join(dir, "lo"), "--headless", "--convert-to", "pdf", "--outdir", dir, in)
	if out, err := conv.CombinedOutput(); err != nil {
		t.Fatalf("LibreOffice cannot convert the .docx: %v\n%s", err, out)
	}
	text, err := exec.Command("pdftotext", filepath.Join(dir, "report.pdf"), "-").Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	flat := strings.Join(strings.Fields(string(text)), "")
	for _, want := range []string{year + "年工作报告", "一、总体情况", "外借图书3册次", "明年将新增藏书六百册", "学习党的二十大精神读书分享会"} {
		if !strings.Contains(flat, want) {
			t.Errorf("the PDF from the .docx lacks %q:\n%s", want, bytes.TrimSpace(text))
		}
	}

	// Back to the draft.
	lib.post("/reports/annual", url.Values{"from": {year + "-01-01"}, "to": {year + "-12-31"}, "section": {"next"}, "reset": {"1"}}).want(t, http.StatusSeeOther)
	if strings.Contains(lib.get("/reports/annual?"+q).body, "六百册") {
		t.Error("going back to the draft kept the rewritten text")
	}
}
