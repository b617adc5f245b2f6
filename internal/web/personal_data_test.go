package web_test

import (
	"encoding/json"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/notices"
	"shuwu/internal/testkit/webtest"
)

// A reader's personal data: the reader downloads their copy from the
// portal, the librarian exports it from the reader's page; once the card
// is cancelled the librarian deletes the data after confirming, and the
// loans stay in the figures under an anonymous name.
func TestPersonalDataIsExportedAndDeleted(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	rd := e.f.Readers[1]
	if _, err := e.a.Circulation.Checkout(ctx, rd.Card, e.f.Barcodes[2][0]); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Circulation.Checkin(ctx, e.f.Barcodes[2][0], false); err != nil {
		t.Fatal(err)
	}

	act := webtest.ActivityNow(t, e.a, "党史学习读书分享会", 20)
	if _, err := e.a.Activities.Register(audit.WithActor(t.Context(), audit.Actor{ReaderID: rd.ID, Name: rd.Name, Role: audit.RoleReader}), act.ID); err != nil {
		t.Fatal(err)
	}
	if _, err := e.a.Notices.SetPrefs(audit.WithActor(t.Context(), audit.Actor{ReaderID: rd.ID, Name: rd.Name, Role: audit.RoleReader}), notices.Prefs{SMSOff: true}); err != nil {
		t.Fatal(err)
	}
	me := e.as(t, rd.Card)
	mine := me.get("/my/personal-data")
	mine.want(t, http.StatusOK, `"notice_choices"`, `"sms_off": true`)
	mine.want(t, http.StatusOK)
	var d circulation.PersonalData
	if err := json.Unmarshal([]byte(mine.body), &d); err != nil {
		t.Fatalf("the copy is not JSON: %v", err)
	}
	if d.Account.Reader.Name != "李四" || d.Account.Reader.Phone != "13900139000" || len(d.History) != 2 || len(d.Account.Classes) != 1 {
		t.Fatalf("the reader's copy: %+v, %d history lines; want their name, phone, class and the loan and return", d.Account.Reader, len(d.History))
	}
	if !strings.Contains(mine.header.Get("Content-Disposition"), rd.Card) {
		t.Errorf("download name %q lacks the card", mine.header.Get("Content-Disposition"))
	}

	lib := e.as(t, "librarian")
	lib.get("/readers/"+rd.Card+"/personal-data").want(t, http.StatusOK, `"name": "李四"`, `"kind": "return"`, "党史学习读书分享会")
	lib.get("/readers/"+rd.Card).want(t, http.StatusOK, `id="personal-export"`, "读者证注销后，可在此删除其个人信息")
	lib.post("/readers/"+rd.Card+"/anonymise", url.Values{"confirm": {"yes"}}).want(t, http.StatusConflict, "先注销读者证")
	lib.post("/readers/"+rd.Card+"/status", url.Values{"status": {"cancelled"}}).want(t, http.StatusSeeOther)
	lib.post("/readers/"+rd.Card+"/anonymise", nil).want(t, http.StatusUnprocessableEntity, "请勾选“确认删除”")
	res := lib.post("/readers/"+rd.Card+"/anonymise", url.Values{"confirm": {"yes"}})
	res.want(t, http.StatusSeeOther)
	after := lib.get(res.header.Get("Location"))
	after.want(t, http.StatusOK, "已删除的读者", "DEL-")
	if strings.Contains(after.body, "李四") || strings.Contains(after.body, "13900139000") || strings.Contains(after.body, "某县委宣传部") {
		t.Error("the anonymised reader's page still shows the name, phone or unit")
	}
	if _, err := e.a.Readers.ByCard(ctx, rd.Card); err == nil {
		t.Error("the old card number still finds the reader")
	}
	// The loan still counts, for the class, under the anonymous reader.
	anon, err := e.a.Readers.ByID(ctx, rd.ID)
	if err != nil {
		t.Fatal(err)
	}
	h, err := e.a.Circulation.History(ctx, anon.ID, 10, 0)
	if err != nil || len(h) != 2 {
		t.Fatalf("history after deletion: %d lines (%v), want the loan and return kept", len(h), err)
	}
	lib.get("/audit?entity=reader").want(t, http.StatusOK, "删除读者 "+rd.Card+" 的个人信息")
}
