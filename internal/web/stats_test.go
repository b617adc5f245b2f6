package web_test

import (
	"context"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/audit"
)

// lendTwo lends the first copies of two books to the fixture's two
// trainees, today.
func lendTwo(t *testing.T, e *env) {
	t.Helper()
	ctx := audit.WithActor(context.Background(), audit.System)
	for i, r := range e.f.Readers {
		if _, err := e.a.Circulation.Checkout(ctx, r.Card, e.f.Barcodes[i][0]); err != nil {
			t.Fatal(err)
		}
	}
}

// The librarian opens the statistics: this year's loans beside last
// year's, the month's chart and its table, every area's page; the
// download is a workbook with the headline figures and each table.
func TestTheLibrarianReadsTheDashboardsAndDownloadsThem(t *testing.T) {
	e := newEnv(t)
	lendTwo(t, e)
	lib := e.as(t, "librarian")
	page := lib.get("/stats")
	page.want(t, http.StatusOK, "借阅与服务", `id="kpi-loans"><span class="kpi-label">外借册次</span><b>2</b>`, `id="kpi-borrowers"><span class="kpi-label">借阅人数</span><b>2</b>`,
		`id="panel-months"`, `data-chart="`, "上月", "vendor/echarts/echarts.min.js", "2024年春季县干班", "读者排行不显示", `id="stats-export"`)
	lib.get("/stats/collection").want(t, http.StatusOK, `id="kpi-copies"><span class="kpi-label">藏书量（册）</span><b>10</b>`, `id="kpi-titles"><span class="kpi-label">藏书种数</span><b>6</b>`, "D 政治、法律", "I 文学")
	lib.get("/stats/classes").want(t, http.StatusOK, "2024年春季县干班", `id="kpi-class-loans"><span class="kpi-label">学员借阅册次</span><b>2</b>`, `id="kpi-per-trainee"><span class="kpi-label">人均借阅</span><b>1.0</b>`)
	lib.get("/stats/events").want(t, http.StatusOK, "举办活动场次", "州级领导")
	lib.get("/stats/acquisitions").want(t, http.StatusOK, "入藏目标进度", "10 / 500")

	res := lib.get("/stats/use/export?from=2024-01-01&to=2099-12-31")
	if res.status != http.StatusBadRequest && res.status != http.StatusUnprocessableEntity {
		t.Errorf("a 76-year range: %d, want refused", res.status)
	}
	year := page.body[strings.Index(page.body, `name="from" value="`)+len(`name="from" value="`):][:10]
	res = lib.get("/stats/use/export?from=" + year)
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "xlsx") {
		t.Fatalf("export: %d %v", res.status, res.header)
	}
	f, err := excelize.OpenReader(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheets := f.GetSheetList()
	if len(sheets) < 6 || sheets[0] != "主要指标" || sheets[1] != "按月统计" {
		t.Fatalf("sheets %v; want the headline figures, then by month …", sheets)
	}
	rows, err := f.GetRows("主要指标")
	if err != nil || len(rows) < 2 || rows[1][0] != "外借册次" || rows[1][1] != "2" || rows[1][2] != "0" {
		t.Fatalf("headline rows %v %v; want 外借册次 2, 0 before", rows, err)
	}
	rows, _ = f.GetRows("各班次借阅")
	if len(rows) != 2 || rows[1][0] != "2024年春季县干班" || rows[1][1] != "2" {
		t.Errorf("by class rows %v", rows)
	}

	// Mistyped dates come back on the form, in Chinese.
	lib.get("/stats?from=2024-02-30&to=2024-03-01").want(t, http.StatusUnprocessableEntity, "开始日期应写成 2026-01-01")
	lib.get("/stats?from=2024-03-02&to=2024-03-01").want(t, http.StatusUnprocessableEntity, "结束日期早于开始日期")

	// Top readers are private until the librarian shows them.
	lib.post("/stats/privacy", url.Values{"show": {"1"}}).want(t, http.StatusSeeOther)
	lib.get("/stats").want(t, http.StatusOK, "借阅排行（读者）", "张三", "不再显示读者排行")
	lib.lang = "en"
	lib.get("/stats").want(t, http.StatusOK, "Loans", "Top readers", "Busiest hours and weekdays")
}

// Leadership reads every dashboard and downloads them, and may not turn
// the readers' names on.
func TestLeadershipReadsTheDashboardsOnly(t *testing.T) {
	e := newEnv(t)
	lendTwo(t, e)
	leader := e.as(t, "leader")
	page := leader.get("/stats")
	page.want(t, http.StatusOK, `href="/stats"`, `id="kpi-loans"`)
	if strings.Contains(page.body, `action="/stats/privacy"`) {
		t.Error("leadership is offered the privacy switch")
	}
	if st := leader.get("/stats/collection/export").status; st != http.StatusOK {
		t.Errorf("leadership export: %d", st)
	}
	if st := leader.post("/stats/privacy", url.Values{"show": {"1"}}).status; st != http.StatusForbidden {
		t.Errorf("leadership POST privacy: %d, want 403", st)
	}
	if st := e.as(t, "branch1").get("/stats").status; st != http.StatusForbidden {
		t.Errorf("an organiser GET /stats: %d, want 403", st)
	}
}

// The standard reports open in one click, print and download; the class
// report names each trainee with phone and what they borrowed.
func TestTheStandardReportsOpenPrintAndDownload(t *testing.T) {
	e := newEnv(t)
	lendTwo(t, e)
	lib := e.as(t, "librarian")
	idx := lib.get("/reports")
	idx.want(t, http.StatusOK, "标准报表", `id="report-overdue"`, `href="/overdue?order=class"`, "月度服务统计", "班次阅读报告", "新书通报", "借阅排行", "从未借出图书清单", "捐赠清单", "报刊到刊统计")
	month := e.a.Catalog.Today()[:7]
	lib.get("/reports/monthly?month=2026-01").want(t, http.StatusOK, "<th scope=\"col\">2026-01</th><th scope=\"col\">2025-12</th>", "2026 年 1 月")
	lib.get("/reports/monthly?month="+month).want(t, http.StatusOK, "服务统计指标", "到馆人次", `id="kpi-loans"><span class="kpi-label">外借册次</span><b>2</b>`, "GB/T 13191", `data-print`)
	lib.get("/reports/monthly?month=2024-13").want(t, http.StatusUnprocessableEntity, "月份应写成 2026-03")
	cls := e.f.Class.ID
	page := lib.get("/reports/class?class=" + itoa(cls))
	page.want(t, http.StatusOK, "2024年春季县干班 阅读报告", "张三", "13800138000", "李四", "习近平谈治国理政（第四卷）", `id="kpi-class-loans"><span class="kpi-label">学员借阅册次</span><b>2</b>`)
	lib.get("/reports/class?class=99999").want(t, http.StatusNotFound, "班次不存在")
	lib.get("/reports/new-books").want(t, http.StatusOK, "新书通报", "共产党宣言", "人民出版社")
	lib.get("/reports/ranking").want(t, http.StatusOK, "借阅排行", "中国共产党简史")
	lib.get("/reports/never-lent").want(t, http.StatusOK, "从未借出图书清单", "红岩")
	lib.get("/reports/donations").want(t, http.StatusOK, "捐赠清单", "这段时间没有数据")
	lib.get("/reports/periodicals").want(t, http.StatusOK, "报刊到刊统计")
	lib.get("/reports/acquisitions").want(t, http.StatusOK, "入藏统计（按来源）", "集中采购")
	lib.get("/reports/nothing").want(t, http.StatusNotFound, "没有这份统计报表")

	res := lib.get("/reports/class/export?class=" + itoa(cls))
	if res.status != http.StatusOK {
		t.Fatalf("class export %d", res.status)
	}
	f, err := excelize.OpenReader(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows("学员借阅情况")
	if err != nil || len(rows) != 3 || rows[0][0] != "读者" || rows[1][3] == "" {
		t.Fatalf("members sheet %v %v; want a header and both trainees with phones", rows, err)
	}
	leader := e.as(t, "leader")
	leader.get("/reports/ranking").want(t, http.StatusOK, "借阅排行")
	if st := leader.get("/reports/new-books/export").status; st != http.StatusOK {
		t.Errorf("leadership export: %d", st)
	}
}
