package web_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
)

func TestInstitutionNameIsASettingShownInTitlesPortalAndCertificates(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	// Until it is set, the generic name.
	e.browser(t).get("/opac").want(t, http.StatusOK, "· 党建书屋</title>")

	lib.post("/settings/library", url.Values{"name": {"  "}}).want(t, http.StatusUnprocessableEntity, "请填写本馆名称")
	lib.post("/settings/library", url.Values{"name": {strings.Repeat("书", 41)}}).want(t, http.StatusUnprocessableEntity, "本馆名称不能超过 40 个字")
	e.browser(t).get("/opac").want(t, http.StatusOK, "· 党建书屋</title>")

	if res := lib.post("/settings/library", url.Values{"name": {"州委党校党建书屋"}, "name_en": {"Prefecture Party School Reading Room"}}); res.status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", res.status, clip(res.body))
	}
	lib.get("/settings").want(t, http.StatusOK, `value="州委党校党建书屋"`, "<title>设置 · 州委党校党建书屋</title>")
	e.browser(t).get("/opac").want(t, http.StatusOK, "· 州委党校党建书屋</title>", `<span class="brand-name">州委党校党建书屋`)
	en := e.browser(t)
	en.lang = "en"
	en.get("/opac").want(t, http.StatusOK, "· Prefecture Party School Reading Room</title>")

	ctx := audit.WithActor(t.Context(), audit.System)
	if _, err := e.a.Circulation.MarkCleared(ctx, e.f.Class.ID, e.f.Readers[1].Card); err != nil {
		t.Fatal(err)
	}
	lib.get(fmt.Sprintf("/classes/%d/certificates?card=%s", e.f.Class.ID, e.f.Readers[1].Card)).
		want(t, http.StatusOK, "所借州委党校党建书屋图书已全部归还", "州委党校党建书屋（盖章）")
	lib.get("/audit").want(t, http.StatusOK, "修改本馆名称为“州委党校党建书屋”")
}
