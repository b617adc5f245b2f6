package web_test

import (
	"net/http"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
)

// TestRenewIsOfferedOnlyWhereItWorks: 续借 was a button on every loan, so a
// reader pressed it on a book borrowed yesterday and got a refusal. Now a
// loan that cannot be renewed says why instead, on the portal and at the
// desk, and a loan that can keeps its button.
func TestRenewIsOfferedOnlyWhereItWorks(t *testing.T) {
	e := newEnv(t)
	ctx := audit.WithActor(t.Context(), audit.System)
	cats, err := e.a.Catalog.Categories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range cats {
		if c.Code == "wxys" { // literature: three days, so renewing extends it
			if _, err := e.a.Circulation.SavePolicy(ctx, circulation.Policy{CategoryID: c.ID, LoanDays: 3, MaxLoans: 10, Renewals: 1, RenewalDays: 15, HoldsAllowed: true, MaxHolds: 5}); err != nil {
				t.Fatal(err)
			}
		}
	}
	me := e.f.Readers[0]
	fresh, short := e.f.Barcodes[0][0], e.f.Barcodes[3][0] // 习近平谈治国理政 (30 days), 平凡的世界 (3 days)
	for _, code := range []string{fresh, short} {
		if _, err := e.a.Circulation.Checkout(ctx, me.Card, code); err != nil {
			t.Fatal(err)
		}
	}
	portal := e.as(t, me.Card).get("/my")
	portal.want(t, http.StatusOK, `data-renew="`+short+`"`, "暂不能续借", `id="renew-all"`)
	if strings.Contains(portal.body, `data-renew="`+fresh+`"`) {
		t.Error("the portal offers 续借 on a loan that cannot be renewed today")
	}
	desk := e.as(t, "duty1").get("/desk?card=" + url.QueryEscape(me.Card))
	desk.want(t, http.StatusOK, "暂不能续借", `value="`+short+`"> <button type="submit" class="small secondary">续借`)
	if strings.Contains(desk.body, `value="`+fresh+`"> <button type="submit" class="small secondary">续借`) {
		t.Error("the desk offers 续借 on a loan that cannot be renewed today")
	}
}
