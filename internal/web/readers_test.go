package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
)

func TestReadersPages(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	me := e.f.Readers[0]
	duty.get("/readers").want(t, http.StatusOK, "张三", "李四", "共 2 人")
	duty.get("/readers?q="+url.QueryEscape("宣传部")).want(t, http.StatusOK, "李四", "共 1 人")
	duty.get("/readers?q=13800138000").want(t, http.StatusOK, "张三", "共 1 人")
	duty.get("/readers/"+me.Card).want(t, http.StatusOK, "张三", "学员", "2024年春季县干班", "重置读者密码")
	duty.get("/readers/"+me.Card+"/edit").want(t, http.StatusOK, `value="张三"`)
	duty.get("/readers/new").want(t, http.StatusOK, "登记读者")
	duty.get("/readers/R9999999").want(t, http.StatusNotFound)

	duty.post("/readers/new", url.Values{"name": {""}}).want(t, http.StatusUnprocessableEntity, "姓名不能为空")
	duty.post("/readers/new", url.Values{"name": {"王五"}, "phone": {"abc"}}).want(t, http.StatusUnprocessableEntity, "手机号格式不正确", `value="王五"`)
	res := duty.post("/readers/new", url.Values{"name": {"王五"}, "unit": {"校机关"}, "phone": {"13700137000"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("create reader: %d %s", res.status, clip(res.body))
	}
	duty.get(res.header.Get("Location")).want(t, http.StatusOK, "已登记读者 王五")

	form := url.Values{"name": {"张三"}, "unit": {"某县委办公室"}, "phone": {"13800138000"}, "type_id": {fmt.Sprint(me.TypeID)}, "expiry_date": {me.ExpiryDate}}
	if res := duty.post("/readers/"+me.Card+"/edit", form); res.status != http.StatusSeeOther {
		t.Fatalf("edit reader: %d %s", res.status, clip(res.body))
	}
	duty.get("/readers/"+me.Card).want(t, http.StatusOK, "某县委办公室")

	if res := duty.post("/readers/"+me.Card+"/status", url.Values{"status": {"lost"}}); res.status != http.StatusSeeOther {
		t.Fatalf("block: %d", res.status)
	}
	duty.get("/readers/"+me.Card).want(t, http.StatusOK, "证状态已改为“挂失”", "读者证状态：挂失")
	if res := duty.post("/readers/"+me.Card+"/status", url.Values{"status": {"active"}}); res.status != http.StatusSeeOther {
		t.Fatalf("unblock: %d", res.status)
	}
	duty.post("/readers/"+me.Card+"/password", url.Values{"password": {"short"}}).want(t, http.StatusUnprocessableEntity, "密码至少 8 位")
	if res := duty.post("/readers/"+me.Card+"/password", url.Values{"password": {"brand-new-pw"}}); res.status != http.StatusSeeOther {
		t.Fatalf("reset password: %d", res.status)
	}
	reader := e.browser(t)
	reader.post("/login", url.Values{"username": {me.Card}, "password": {"brand-new-pw"}}).want(t, http.StatusSeeOther)

	ctx := audit.WithActor(t.Context(), audit.System)
	if _, err := e.a.Circulation.Checkout(ctx, me.Card, e.f.Barcodes[2][0]); err != nil {
		t.Fatal(err)
	}
	duty.post("/readers/"+me.Card+"/status", url.Values{"status": {"cancelled"}}).want(t, http.StatusConflict, "未还，不能注销")
	duty.get("/readers/"+me.Card).want(t, http.StatusOK, "共产党宣言", "借出")
}

func TestClassesPages(t *testing.T) {
	e := newEnv(t)
	duty := e.as(t, "duty1")
	c := e.f.Class
	duty.get("/classes").want(t, http.StatusOK, "2024年春季县干班", "新建班次")
	duty.post("/classes", url.Values{"name": {"2024年秋季科干班"}, "start_date": {"2024-09-01"}, "end_date": {"2024-08-01"}}).
		want(t, http.StatusUnprocessableEntity, "结业日期不能早于开班日期", `value="2024年秋季科干班"`)
	res := duty.post("/classes", url.Values{"name": {"2024年秋季科干班"}, "kind": {"主体班"}, "start_date": {"2024-09-01"}, "end_date": {"2024-11-30"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("create class: %d %s", res.status, clip(res.body))
	}
	newClass := res.header.Get("Location")
	duty.get(newClass).want(t, http.StatusOK, "已新建班次", "本班还没有学员")
	res = duty.post(newClass+"/members", url.Values{"members": {e.f.Readers[0].Card + "\n李四\n无此人"}})
	if res.status != http.StatusSeeOther {
		t.Fatalf("add members: %d %s", res.status, clip(res.body))
	}
	duty.get(newClass).want(t, http.StatusOK, "已加入 2 人", "未找到：无此人", "张三", "李四")
	duty.post(newClass+"/members", url.Values{"members": {" "}}).want(t, http.StatusUnprocessableEntity, "请至少填写一个")
	if res := duty.post(newClass+"/members/"+e.f.Readers[1].Card+"/remove", nil); res.status != http.StatusSeeOther {
		t.Fatalf("remove: %d", res.status)
	}
	page := duty.get(newClass)
	if strings.Contains(page.body, ">李四<") {
		t.Error("removed member still listed")
	}

	ctx := audit.WithActor(t.Context(), audit.System)
	if _, err := e.a.Circulation.Checkout(ctx, e.f.Readers[0].Card, e.f.Barcodes[1][0]); err != nil {
		t.Fatal(err)
	}
	cls := fmt.Sprintf("/classes/%d", c.ID)
	duty.get(cls).want(t, http.StatusOK, "结业清还", "中国共产党简史", "办理清还")
	duty.post(cls+"/clear/"+e.f.Readers[0].Card, nil).want(t, http.StatusConflict, "不能办理清还")
	if res := duty.post(cls+"/clear/"+e.f.Readers[1].Card, nil); res.status != http.StatusSeeOther {
		t.Fatalf("clear: %d %s", res.status, clip(res.body))
	}
	duty.get(cls).want(t, http.StatusOK, "李四 已办理结业清还", "已清还", "打印全部清还证明")
	cert := duty.get(cls + "/certificates?card=" + e.f.Readers[1].Card)
	cert.want(t, http.StatusOK, "清还证明", "兹证明 李四 同志", "2024年春季县干班", `class="certificate"`, "data-print")
	duty.get(cls+"/certificates").want(t, http.StatusOK, "李四")
	duty.get(cls+"/certificates?card="+e.f.Readers[0].Card).want(t, http.StatusConflict, "尚未办理结业清还")
	if res := duty.post(cls+"/edit", url.Values{"name": {c.Name}, "kind": {"主体班"}, "start_date": {c.StartDate}, "end_date": {"2030-01-31"}}); res.status != http.StatusSeeOther {
		t.Fatalf("edit class: %d %s", res.status, clip(res.body))
	}
	duty.get(cls).want(t, http.StatusOK, "2030年1月31日")
}
