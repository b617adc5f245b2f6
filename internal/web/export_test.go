package web_test

import (
	"net/http"
	"strconv"
	"strings"
	"testing"
)

func TestExportPageDownloadsFilesAndShowsBadInputOnTheForm(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/export").want(t, http.StatusOK, "数据导出", `action="/export/marc"`, `action="/export/xlsx/records"`, `action="/export/xlsx/ledger"`, e.f.Class.Name)

	class := strconv.FormatInt(e.f.Class.ID, 10)
	for _, tc := range []struct{ path, name string }{
		{"/export/xlsx/records?clc=D", "馆藏书目.xlsx"},
		{"/export/xlsx/readers?class=" + class, "读者.xlsx"},
		{"/export/xlsx/class?class=" + class, "班次借阅.xlsx"},
		{"/export/xlsx/ledger?from=2024-01-01&to=2030-12-31", "借阅流水2024-01-01至2030-12-31.xlsx"},
	} {
		res := lib.get(tc.path)
		if res.status != http.StatusOK || !strings.HasPrefix(res.body, "PK") {
			t.Fatalf("%s: status %d, body %q", tc.path, res.status, clip(res.body))
		}
		if cd := res.header.Get("Content-Disposition"); !strings.HasPrefix(cd, "attachment;") || !strings.Contains(cd, "filename*=UTF-8''") {
			t.Errorf("%s: Content-Disposition %q", tc.path, cd)
		}
	}
	res := lib.get("/export/marc?format=marcxml&flavor=marc21")
	if res.status != http.StatusOK || !strings.Contains(res.body, "<record") || !strings.Contains(res.header.Get("Content-Disposition"), ".xml") {
		t.Fatalf("marcxml: status %d, %q", res.status, res.header.Get("Content-Disposition"))
	}

	lib.get("/export/xlsx/ledger?from=2024-13-01&to=2024-12-31").want(t, http.StatusUnprocessableEntity, "日期格式应为 2024-05-01", `value="2024-13-01" aria-invalid="true"`)
	lib.get("/export/xlsx/ledger?from=2024-05-01&to=2024-04-01").want(t, http.StatusUnprocessableEntity, "截止日期不能早于起始日期")
	lib.get("/export/marc?since=yesterday").want(t, http.StatusUnprocessableEntity, "日期格式应为 2024-05-01")
	lib.get("/export/xlsx/class").want(t, http.StatusUnprocessableEntity, "请选择班次")

	e.as(t, "duty1").get("/export").want(t, http.StatusForbidden)
}
