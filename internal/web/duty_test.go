package web_test

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
)

// userIDs maps the demo accounts' names to their ids.
func userIDs(t *testing.T, e *env) map[string]string {
	t.Helper()
	users, err := e.a.Auth.Users(audit.WithActor(context.Background(), audit.System))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, u := range users {
		out[u.Username] = fmt.Sprint(u.ID)
	}
	return out
}

// The librarian generates next month's roster (herself in charge, the two
// duty staff in turn); a duty staff member asks to swap a shift and the
// librarian approves it; the printed roster has everyone.
func TestLibrarianGeneratesRosterAndApprovesASwap(t *testing.T) {
	e := newEnv(t)
	id := userIDs(t, e)
	next := time.Now().In(e.a.Config.Location()).AddDate(0, 1, 0).Format("2006-01")
	lib := e.as(t, "librarian")
	lib.get("/duty").want(t, http.StatusOK, `id="generate"`, "值班员李明", "值班员张华")
	lib.post("/duty/generate", url.Values{"month": {next}, "librarian": {id["librarian"]}, "per_shift": {"1"}}).
		want(t, http.StatusUnprocessableEntity, "请至少选择一名值班人员")
	lib.post("/duty/generate", url.Values{"month": {next}, "librarian": {id["duty1"]}, "staff": {id["duty2"]}, "per_shift": {"1"}}).
		want(t, http.StatusUnprocessableEntity, "负责馆员须为馆员账号")
	lib.post("/duty/generate", url.Values{"month": {next}, "librarian": {id["librarian"]}, "staff": {id["duty1"], id["duty2"]}, "per_shift": {"1"}}).
		want(t, http.StatusSeeOther)
	roster := lib.get("/duty?month=" + next)
	roster.want(t, http.StatusOK, "已生成 "+next+" 值班表", `class="lead`, "王馆员", "值班员李明", "值班员张华", "上午班", "晚班")

	duty1 := e.as(t, "duty1")
	mine := duty1.get("/duty?month=" + next)
	mine.want(t, http.StatusOK, `id="swap-form"`, "申请换班")
	if strings.Contains(mine.body, `id="generate"`) {
		t.Fatal("duty staff see the generate form")
	}
	duty1.post("/duty/generate", url.Values{"month": {next}}).want(t, http.StatusForbidden)
	slot := between(between(mine.body, `id="slot_id"`, "</select>"), `<option value="`, `"`)
	duty1.post("/duty/swaps?month="+next, url.Values{"slot_id": {slot}, "to_user": {id["duty1"]}}).
		want(t, http.StatusUnprocessableEntity, "接替人不能是本人")
	duty1.post("/duty/swaps?month="+next, url.Values{"slot_id": {slot}, "to_user": {id["duty2"]}, "reason": {"参加县干班教学"}}).want(t, http.StatusSeeOther)
	waiting := lib.get("/duty?month=" + next)
	waiting.want(t, http.StatusOK, "待审批的换班申请（1）", "参加县干班教学", "值班员李明")
	swap := between(waiting.body, `id="approve-swap-`, `"`)
	lib.post("/duty/swaps/"+swap+"/approve?month="+next, nil).want(t, http.StatusSeeOther)
	lib.get("/duty?month="+next).want(t, http.StatusOK, "已批准：值班员李明")
	lib.post("/duty/swaps/"+swap+"/refuse?month="+next, nil).want(t, http.StatusConflict, "换班申请已处理")
	lib.get("/duty/print?month="+next).want(t, http.StatusOK, `id="roster-sheet"`, "党建书屋值班表（"+next+"）", "值班员张华")
	lib.get("/audit?entity=duty_swap").want(t, http.StatusOK, "换班")
}

// The morning shift ticks its tasks and writes the handover; its writer
// cannot acknowledge it, the next shift does; the home page shows who is
// on today and what is waiting.
func TestShiftWritesHandoverNextShiftAcknowledges(t *testing.T) {
	e := newEnv(t)
	duty1 := e.as(t, "duty1")
	today := duty1.get("/duty/today?shift=1")
	today.want(t, http.StatusOK, "上午班工作清单", "已完成 0/4", "报刊更新（记到、上架）")
	day := between(today.body, `name="day" value="`, `"`)
	duty1.post("/duty/checklist", url.Values{"day": {day}, "shift_id": {"1"}, "task": {"报刊更新（记到、上架）"}, "done": {"1"}}).want(t, http.StatusSeeOther)
	duty1.post("/duty/checklist", url.Values{"day": {day}, "shift_id": {"1"}, "task": {"打扫卫生"}, "done": {"1"}}).
		want(t, http.StatusUnprocessableEntity, "该班次没有这项工作")
	duty1.get("/duty/today?shift=1").want(t, http.StatusOK, "已完成 1/4", `aria-pressed="true"`)

	duty1.post("/duty/handovers", url.Values{"day": {day}, "shift_id": {"1"}, "happened": {"  "}}).
		want(t, http.StatusUnprocessableEntity, "请填写当班情况")
	duty1.post("/duty/handovers", url.Values{"day": {day}, "shift_id": {"1"}, "happened": {"借出 23 册，还回 18 册；主体班学员咨询必读书目"},
		"follow_up": {"《求是》第 23 期未到，请催问邮局"}, "periodicals": {"人民日报、学习时报"}}).want(t, http.StatusSeeOther)
	written := duty1.get("/duty/today?shift=1")
	written.want(t, http.StatusOK, "值班员李明 填写于", "《求是》第 23 期未到", "现金", "无")
	h := between(written.body, `class="handover card unacked" id="handover-`, `"`)
	if strings.Contains(written.body, `/duty/handovers/`+h+`/ack`) {
		t.Fatal("the writer is offered to acknowledge their own handover")
	}
	duty1.post("/duty/handovers", url.Values{"day": {day}, "shift_id": {"1"}, "happened": {"再写一次"}}).
		want(t, http.StatusUnprocessableEntity, "已有交接班记录")
	duty1.post("/duty/handovers/"+h+"/ack", nil).want(t, http.StatusConflict, "须由接班人确认")

	duty2 := e.as(t, "duty2")
	duty2.get("/").want(t, http.StatusOK, `id="home-duty"`, `id="home-unacked"`, "1 条待接班确认")
	duty2.post("/duty/handovers/"+h+"/ack", url.Values{"back": {"log"}}).want(t, http.StatusSeeOther)
	duty2.get("/duty/handovers").want(t, http.StatusOK, "值班员张华 于", "接班确认")
	if strings.Contains(duty2.get("/").body, `id="home-unacked"`) {
		t.Fatal("the home page still asks to acknowledge")
	}
	// Readers and the public see none of it.
	for _, p := range []string{"/duty", "/duty/today", "/duty/handovers"} {
		if st := e.browser(t).get(p).status; st != http.StatusSeeOther && st != http.StatusUnauthorized && st != http.StatusForbidden {
			t.Errorf("anonymous GET %s: %d", p, st)
		}
	}
}

// The three rules are in the portal for everyone and print for the wall;
// only the librarian edits them, and a bad edit changes nothing.
func TestRegulationsInPortalPrintAndEdit(t *testing.T) {
	e := newEnv(t)
	anon := e.browser(t)
	anon.get("/regulations").want(t, http.StatusOK, "集中学习交流讨论制度", "图书借阅管理制度", "图书管理员工作制度", "结业清还")
	anon.get("/regulations/3/print").want(t, http.StatusOK, `id="wall-sheet"`, "图书管理员工作制度", "2名轮流值班")
	e.as(t, "duty1").get("/regulations/1/edit").want(t, http.StatusForbidden)
	lib := e.as(t, "librarian")
	lib.get("/regulations/1/edit").want(t, http.StatusOK, `id="save-regulation"`, "集中学习应提前")
	lib.post("/regulations/1/edit", url.Values{"title": {""}, "body": {"一、改了"}}).want(t, http.StatusUnprocessableEntity, "制度名称须为 1–30 个字", "一、改了")
	anon.get("/regulations").want(t, http.StatusOK, "集中学习应提前")
	lib.post("/regulations/1/edit", url.Values{"title": {"集中学习交流讨论制度"}, "body": {"一、每周三下午集中学习。\r\n\r\n二、学习后交流讨论。"}}).want(t, http.StatusSeeOther)
	anon.get("/regulations").want(t, http.StatusOK, "一、每周三下午集中学习。", "修订")
	if strings.Contains(anon.get("/regulations").body, "集中学习应提前") {
		t.Fatal("the old text is still shown")
	}
}

func TestDutyShiftsSettings(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/settings/duty").want(t, http.StatusOK, "上午班", "下午班", "晚班", "关闭电脑、空调、除湿机")
	lib.post("/settings/duty/2", url.Values{"name": {"下午班"}, "starts": {"17:30"}, "ends": {"14:00"}, "tasks": {"整理"}}).
		want(t, http.StatusUnprocessableEntity, "下班时间须晚于上班时间", `value="17:30"`)
	lib.post("/settings/duty/2", url.Values{"name": {"下午班"}, "starts": {"14:30"}, "ends": {"18:00"}, "tasks": {"整理归档\r\n借阅登记\r\n\r\n擦拭桌椅"}}).want(t, http.StatusSeeOther)
	lib.get("/duty/today?shift=2").want(t, http.StatusOK, "14:30–18:00", "擦拭桌椅", "已完成 0/3")
}
