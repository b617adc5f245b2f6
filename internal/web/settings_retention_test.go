package web_test

import (
	"net/http"
	"net/url"
	"testing"
)

// The years of loan history kept are set on the settings page: a number
// out of range or not a number is refused by name, shortening asks for
// the confirmation tick, and the page then says what is kept.
func TestLoanHistoryRetentionIsSetOnTheSettingsPage(t *testing.T) {
	e := newEnv(t)
	lib := e.as(t, "librarian")
	lib.get("/settings").want(t, http.StatusOK, "借阅历史保留年限", "现永久保留全部借阅历史")
	lib.post("/settings/retention", url.Values{"loan_history_years": {"五"}}).want(t, http.StatusUnprocessableEntity, "借阅历史保留年限须是整数年")
	lib.post("/settings/retention", url.Values{"loan_history_years": {"51"}, "confirm": {"1"}}).want(t, http.StatusUnprocessableEntity, "须在 0 到 50 年之间")
	lib.post("/settings/retention", url.Values{"loan_history_years": {"3"}}).want(t, http.StatusUnprocessableEntity, "请勾选确认")
	lib.get("/settings").want(t, http.StatusOK, "现永久保留全部借阅历史")
	if res := lib.post("/settings/retention", url.Values{"loan_history_years": {"3"}, "confirm": {"1"}}); res.status != http.StatusSeeOther {
		t.Fatalf("save: %d %s", res.status, clip(res.body))
	}
	lib.get("/settings").want(t, http.StatusOK, "现保留 3 年")
	// Keeping more years takes nothing away: no tick needed.
	if res := lib.post("/settings/retention", url.Values{"loan_history_years": {"5"}}); res.status != http.StatusSeeOther {
		t.Fatalf("longer: %d %s", res.status, clip(res.body))
	}
	lib.get("/audit").want(t, http.StatusOK, "借阅历史保留 5 年")
	e.as(t, "duty1").post("/settings/retention", url.Values{"loan_history_years": {"1"}, "confirm": {"1"}}).want(t, http.StatusForbidden)
}
