package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// The librarian registers the room's shelves and chairs; a value typed
// wrong comes back on its field with the form as typed and nothing
// stored; the ledger adds the equipment to the collection's value; a
// line retired with its reason leaves the totals and stays listed; the
// ledger downloads as Excel. Duty staff and leadership do not reach it.
func TestTheLibrarianKeepsTheEquipmentRegisterAndItsLedger(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/acquisitions/assets").want(t, http.StatusOK, "设备资产登记", "资产台账", `id="no-assets"`, "设备 0 件（0 项）")
	form := url.Values{"name": {"钢制双面书架"}, "category": {"shelving"}, "model": {"2000×1800×450"}, "quantity": {"10"}, "value": {"四万八"},
		"acquired": {"2022-07-20"}, "location": {"藏书室"}, "state": {"in_use"}}
	lib.post("/acquisitions/assets", form).want(t, http.StatusUnprocessableEntity, "金额应写成 48000", `value="四万八"`, `value="2000×1800×450"`)
	form.Set("value", "48000")
	form.Set("acquired", "2099-01-01")
	lib.post("/acquisitions/assets", form).want(t, http.StatusUnprocessableEntity, "购置日期不能晚于今天")
	lib.get("/acquisitions/assets").want(t, http.StatusOK, `id="no-assets"`)
	form.Set("acquired", "2022-07-20")
	lib.post("/acquisitions/assets", form).want(t, http.StatusSeeOther)
	form = url.Values{"name": {"除湿机"}, "category": {"appliance"}, "quantity": {"1"}, "value": {"3,500.00"}, "acquired": {"2023-03-01"}, "location": {"藏书室"}, "state": {"in_use"}}
	res := lib.post("/acquisitions/assets", form)
	res.want(t, http.StatusSeeOther)
	_, id, _ := strings.Cut(res.header.Get("Location"), "#asset-")
	dehum := "/acquisitions/assets/" + id
	page := lib.get("/acquisitions/assets")
	page.want(t, http.StatusOK, "已保存设备“除湿机”", "钢制双面书架", "¥48000.00", "¥3500.00", "设备 11 件（2 项）", "¥51500.00", `id="cat-shelving"`, "书架报刊架")
	copies := e.f.Barcodes
	n := 0
	for _, bs := range copies {
		n += len(bs)
	}
	page.want(t, http.StatusOK, "馆藏 "+itoa(int64(n))+" 册")
	lib.get("/reports/annual").want(t, http.StatusOK, "设备 11 件，原值 51,500.00 元")
	lib.get(dehum).want(t, http.StatusOK, `value="除湿机"`, `id="retire-form"`)
	lib.post(dehum+"/retire", url.Values{"retired_on": {"2024-01-01"}, "retire_reason": {""}}).want(t, http.StatusUnprocessableEntity, "请写明报废原因", `value="除湿机"`)
	lib.post(dehum+"/retire", url.Values{"retired_on": {"2024-01-01"}, "retire_reason": {"压缩机损坏，无维修价值"}}).want(t, http.StatusSeeOther)
	lib.get("/acquisitions/assets").want(t, http.StatusOK, "“除湿机”已报废", `id="retired-assets"`, "压缩机损坏，无维修价值", "设备 10 件（1 项）")
	lib.get(dehum).want(t, http.StatusOK, "已报废", "不能再修改")
	lib.post(dehum, form).want(t, http.StatusUnprocessableEntity, "已于 2024-01-01 报废")

	res = lib.get("/acquisitions/assets/ledger.xlsx")
	if res.status != http.StatusOK || !strings.Contains(res.header.Get("Content-Disposition"), "xlsx") {
		t.Fatalf("export: %d %v", res.status, res.header)
	}
	f, err := excelize.OpenReader(strings.NewReader(res.body))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(f.GetSheetName(0))
	if err != nil || len(rows) < 7 || rows[0][1] != "设备名称" || rows[1][1] != "钢制双面书架" || rows[1][5] != "48000" || rows[2][8] != "已报废" {
		t.Fatalf("ledger rows %v %v", rows, err)
	}
	last := rows[len(rows)-1]
	if last[1] != "资产合计（设备＋藏书）" {
		t.Fatalf("last row %v; want the grand total", last)
	}
	for _, who := range []string{"duty1", "leader"} {
		if st := e.as(t, who).get("/acquisitions/assets").status; st != http.StatusForbidden {
			t.Errorf("%s GET the register: %d, want 403", who, st)
		}
	}
	lib.lang = "en"
	lib.get("/acquisitions/assets").want(t, http.StatusOK, "Equipment register", "Asset ledger", "retired")
}
