package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

func TestSettingsRoles(t *testing.T) {
	e := newEnv(t)
	duty, lib, admin := e.as(t, "duty1"), e.as(t, "librarian"), e.as(t, "admin")
	for _, p := range []string{"/settings", "/settings/users", "/settings/locations", "/audit"} {
		duty.get(p).want(t, http.StatusForbidden)
	}
	duty.post("/settings/users", url.Values{"username": {"x"}}).want(t, http.StatusForbidden)
	lib.get("/settings/users").want(t, http.StatusForbidden)
	lib.get("/settings").want(t, http.StatusOK, "借阅规则矩阵", "借阅总则")
	admin.get("/settings/users").want(t, http.StatusOK, "工作人员账号", "duty1")
	lib.get("/settings/nonsense").want(t, http.StatusNotFound)
}

func TestSettingsForms(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	okay := func(res answer) {
		t.Helper()
		if res.status != http.StatusSeeOther {
			t.Fatalf("status %d: %s", res.status, clip(res.body))
		}
	}
	okay(lib.post("/settings/rules", url.Values{"card_grace_days": {"10"}, "hold_pickup_days": {"5"}, "suspend_days_per_overdue_day": {"0"},
		"staff_expiry_years": {"3"}, "closed_weekdays": {"0", "6"}}))
	lib.get("/settings").want(t, http.StatusOK, "已保存", `value="10"`)
	lib.post("/settings/rules", url.Values{"card_grace_days": {"1"}, "hold_pickup_days": {"99"}, "suspend_days_per_overdue_day": {"0"}, "staff_expiry_years": {"3"}}).
		want(t, http.StatusUnprocessableEntity, "预约取书期限须在 1 到 60 天之间")

	lib.post("/settings/policies", url.Values{"reader_type_id": {"0"}, "category_id": {"0"}, "loan_days": {"0"}, "max_loans": {"5"}, "renewals": {"1"}, "renewal_days": {"10"}, "max_holds": {"1"}}).
		want(t, http.StatusUnprocessableEntity, "借期须在 1 到 365 天之间")
	okay(lib.post("/settings/policies", url.Values{"reader_type_id": {"1"}, "category_id": {"0"}, "loan_days": {"60"}, "max_loans": {"20"}, "renewals": {"2"}, "renewal_days": {"30"}, "holds_allowed": {"on"}, "max_holds": {"5"}}))
	lib.get("/settings").want(t, http.StatusOK, "借阅规则已保存", `value="60"`)

	okay(lib.post("/settings/closed-days", url.Values{"date": {"2099-10-01"}, "reason": {"国庆节"}}))
	lib.get("/settings").want(t, http.StatusOK, "2099年10月1日", "国庆节")
	lib.post("/settings/closed-days", url.Values{"date": {"十月一日"}}).want(t, http.StatusUnprocessableEntity, "闭馆日期格式")
	okay(lib.post("/settings/closed-days/2099-10-01/delete", nil))

	lib.get("/settings/locations").want(t, http.StatusOK, "藏书室书架第一组", "阅览室")
	lib.get("/settings/categories").want(t, http.StatusOK, "马列理论")
	lib.get("/settings/reader-types").want(t, http.StatusOK, "学员")
	okay(lib.post("/settings/locations", url.Values{"code": {"periodicals"}, "name": {"期刊架"}, "lendable": {"on"}, "sort": {"13"}}))
	lib.get("/settings/locations").want(t, http.StatusOK, "期刊架")
	lib.post("/settings/locations", url.Values{"name": {""}}).want(t, http.StatusUnprocessableEntity, "位置名称不能为空")
	lib.post("/settings/categories", url.Values{"name": {"新分类"}, "clc_ranges": {"QQ9"}}).want(t, http.StatusUnprocessableEntity, "不是有效的中图法分类号")
	okay(lib.post("/settings/reader-types", url.Values{"code": {"guest"}, "name": {"来宾"}}))
	lib.get("/settings/reader-types").want(t, http.StatusOK, "来宾")

	lib.get("/audit").want(t, http.StatusOK, "审计日志", "librarian", "期刊架")
	lib.get("/audit?entity=location").want(t, http.StatusOK, "期刊架")
}

func TestStaffAccounts(t *testing.T) {
	e := newEnv(t)
	admin := e.as(t, "admin")
	admin.post("/settings/users", url.Values{"username": {"x"}, "role": {"duty"}, "password": {"long-enough-1"}}).
		want(t, http.StatusUnprocessableEntity, "用户名须为 2–32 位")
	res := admin.post("/settings/users", url.Values{"username": {"duty3"}, "display_name": {"值班员王芳"}, "role": {"duty"}, "password": {"long-enough-1"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("create user: %d %s", res.status, clip(res.body))
	}
	admin.get("/settings/users").want(t, http.StatusOK, "已新建账号 duty3", "值班员王芳")
	res = admin.post("/settings/users/duty3", url.Values{"display_name": {"值班员王芳"}, "role": {"librarian"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("update user: %d %s", res.status, clip(res.body))
	}
	admin.post("/settings/users/admin", url.Values{"display_name": {"系统管理员"}, "role": {"duty"}}).want(t, http.StatusUnprocessableEntity, "最后一个系统管理员")
	b := e.browser(t)
	b.post("/login", url.Values{"username": {"duty3"}, "password": {"long-enough-1"}}).want(t, http.StatusSeeOther)
	b.get("/settings").want(t, http.StatusOK)
}

func TestSelfServiceTerminalsPage(t *testing.T) {
	e := newEnv(t)
	duty, lib := e.as(t, "duty1"), e.as(t, "librarian")
	duty.get("/settings/terminals").want(t, http.StatusForbidden)
	lib.get("/settings/terminals").want(t, http.StatusOK, "自助借还机", "还没有自助借还机账号", "SIP2 服务未开启", "--sip-addr")

	lib.post("/settings/terminals", url.Values{"name": {"自助机"}, "password": {"Kiosk-pass-1"}, "institution": {"SHUWU"}}).
		want(t, http.StatusUnprocessableEntity, "自助机账号须为 2 到 32 个字母")
	lib.post("/settings/terminals", url.Values{"name": {"kiosk1"}, "password": {"short"}, "institution": {"SHUWU"}}).
		want(t, http.StatusUnprocessableEntity, "密码至少 8 位", `value="kiosk1"`)
	lib.post("/settings/terminals", url.Values{"name": {"kiosk1"}, "password": {"Kiosk-pass-1"}, "institution": {"A|B"}}).
		want(t, http.StatusUnprocessableEntity, "不能含“|”")
	lib.post("/settings/terminals", url.Values{"name": {"kiosk1"}, "password": {"Kiosk-pass-1"}, "institution": {"SHUWU"}, "encoding": {"big5"}}).
		want(t, http.StatusUnprocessableEntity, "字符集只能是 utf-8 或 gbk")
	lib.get("/settings/terminals").want(t, http.StatusOK, "还没有自助借还机账号")

	if res := lib.post("/settings/terminals", url.Values{"name": {"kiosk1"}, "password": {"Kiosk-pass-1"}, "institution": {"SHUWU"}, "location": {"hall"}, "encoding": {"gbk"}}); res.status != http.StatusSeeOther {
		t.Fatalf("add terminal: %d %s", res.status, clip(res.body))
	}
	lib.get("/settings/terminals").want(t, http.StatusOK, "已添加自助借还机 kiosk1", `value="SHUWU"`, `value="gbk" selected`, "从未登录")
	lib.post("/settings/terminals", url.Values{"name": {"kiosk1"}, "password": {"Kiosk-pass-1"}, "institution": {"SHUWU"}}).
		want(t, http.StatusUnprocessableEntity, "自助机账号 kiosk1 已存在")

	if res := lib.post("/settings/terminals/kiosk1", url.Values{"institution": {"SHUWU2"}, "encoding": {"utf-8"}, "disabled": {"on"}}); res.status != http.StatusSeeOther {
		t.Fatalf("update terminal: %d %s", res.status, clip(res.body))
	}
	lib.get("/settings/terminals").want(t, http.StatusOK, "已保存自助借还机 kiosk1", `value="SHUWU2"`, "停用")
	lib.post("/settings/terminals/kiosk1", url.Values{"institution": {""}, "encoding": {"utf-8"}}).want(t, http.StatusUnprocessableEntity, "机构代码（SIP2 AO）不能为空")
	lib.get("/audit?entity=sip_terminal").want(t, http.StatusOK, "新增自助机 kiosk1", "修改自助机 kiosk1")
	if res := lib.post("/settings/terminals/kiosk1/delete", nil); res.status != http.StatusSeeOther {
		t.Fatalf("delete terminal: %d", res.status)
	}
	lib.get("/settings/terminals").want(t, http.StatusOK, "已删除自助借还机 kiosk1", "还没有自助借还机账号")
	lib.post("/settings/terminals/nobody/delete", nil).want(t, http.StatusUnprocessableEntity, "自助机账号 nobody 不存在")
}
