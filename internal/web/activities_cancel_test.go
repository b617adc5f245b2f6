package web_test

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"
	"time"

	"shuwu/internal/testkit/webtest"
)

// The duty officer registers 张三 on his behalf at the desk; the librarian
// cancels the whole activity with a reason; 张三 sees it cancelled, with
// the reason, in his activities and on its portal page.
func TestTheDeskRegistersOnBehalfAndTheActivityIsCancelled(t *testing.T) {
	e := newEnv(t)
	act := webtest.ActivityNow(t, e.a, "“清廉湘西”建设主题党日活动", 20)
	if !act.Start.After(time.Now()) {
		t.Skip("late in the evening the activity has already begun: no registration")
	}
	id := strconv.FormatInt(act.ID, 10)
	duty := e.as(t, "duty1")
	duty.get("/activities/"+id).want(t, http.StatusOK, `id="desk-register-form"`, "代为报名")
	duty.post("/activities/"+id+"/register", url.Values{"reg_card": {"R9999999"}}).want(t, http.StatusUnprocessableEntity, "R9999999", `id="reg-card"`)
	res := duty.post("/activities/"+id+"/register", url.Values{"reg_card": {e.f.Readers[0].Card}})
	res.want(t, http.StatusSeeOther)
	duty.get("/activities/"+id).want(t, http.StatusOK, "已代 "+e.f.Readers[0].Name+" 报名", e.f.Readers[0].Name)
	duty.post("/activities/"+id+"/register", url.Values{"reg_card": {e.f.Readers[0].Card}}).want(t, http.StatusUnprocessableEntity, e.f.Readers[0].Name+"已报名这项活动")
	if st := duty.post("/activities/"+id+"/cancel", url.Values{"cancel_note": {"不办了"}}).status; st != http.StatusForbidden {
		t.Errorf("duty staff cancel an activity: %d", st)
	}

	lib := e.as(t, "librarian")
	lib.get("/activities/"+id).want(t, http.StatusOK, `id="cancel-form"`)
	lib.post("/activities/"+id+"/cancel", url.Values{"cancel_note": {" "}}).want(t, http.StatusUnprocessableEntity, "请写明取消的原因")
	lib.post("/activities/"+id+"/cancel", url.Values{"cancel_note": {"主讲人临时出差，活动改期另行通知"}}).want(t, http.StatusSeeOther)
	page := lib.get("/activities/" + id)
	page.want(t, http.StatusOK, "已取消活动", "取消了这项活动：主讲人临时出差，活动改期另行通知", "统计不受影响")
	for _, gone := range []string{`id="cancel-form"`, `id="desk-register-form"`, `id="edit-activity"`} {
		if strings.Contains(page.body, gone) {
			t.Errorf("a cancelled activity's page still offers %s", gone)
		}
	}
	zhang := e.as(t, e.f.Readers[0].Card)
	zhang.get("/my/activities").want(t, http.StatusOK, "活动已取消", "取消原因：主讲人临时出差，活动改期另行通知")
	zhang.get("/opac/activities/"+id).want(t, http.StatusOK, `id="activity-cancelled"`, "这项活动已取消。", "主讲人临时出差")
	zhang.post("/opac/activities/"+id+"/unregister", nil).want(t, http.StatusUnprocessableEntity, "活动已取消")
}
