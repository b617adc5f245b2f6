package acquisitions_test

import (
	"testing"

	"shuwu/internal/acquisitions"
	"shuwu/internal/testkit"
)

// A reader suggests two books; one is accepted onto a draft order (and
// the reader sees it arrive when its copy is received), the other is
// declined with a reason. Bad suggestions and decisions change nothing.
func TestSuggestionsAndDecisions(t *testing.T) {
	k := testkit.New(t)
	svc := newService(k)
	locs, _ := k.Catalog.Locations(k.Ctx)
	rd := k.Reader("王学员")

	_, err := svc.Suggest(k.Ctx, rd.ID, acquisitions.Suggestion{Title: "  "})
	wantCode(t, err, acquisitions.CodeSuggestionTitleRequired, "请填写想推荐的书名")
	a, err := svc.Suggest(k.Ctx, rd.ID, acquisitions.Suggestion{Title: "<b>乡村振兴</b>读本", Author: "本书编写组", ISBN: "978-7-01-024535-5", Reason: "县干班讨论要用"})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "<b>乡村振兴</b>读本" || a.Status != acquisitions.SuggestionPending {
		t.Fatalf("suggestion %+v", a)
	}
	_, err = svc.Suggest(k.Ctx, rd.ID, acquisitions.Suggestion{Title: "另一个名字", ISBN: "9787010245355"})
	wantCode(t, err, acquisitions.CodeSuggestionDuplicate, "您已推荐过")
	b, err := svc.Suggest(k.Ctx, rd.ID, acquisitions.Suggestion{Title: "某畅销小说"})
	if err != nil {
		t.Fatal(err)
	}

	_, err = svc.Reject(k.Ctx, b.ID, " ")
	wantCode(t, err, acquisitions.CodeSuggestionReasonRequired, "请写明不采纳的理由")
	b, err = svc.Reject(k.Ctx, b.ID, "不属于本馆收藏范围")
	if err != nil || b.Status != acquisitions.SuggestionRejected || b.Answer != "不属于本馆收藏范围" {
		t.Fatalf("reject: %+v %v", b, err)
	}
	_, err = svc.Reject(k.Ctx, b.ID, "再说一次")
	wantCode(t, err, acquisitions.CodeSuggestionDecided, "已经处理过")

	sp, _ := svc.SaveSupplier(k.Ctx, acquisitions.Supplier{Name: "新华书店"})
	o, _ := svc.CreateOrder(k.Ctx, acquisitions.NewOrder{SupplierID: sp.ID})
	sent, _ := svc.CreateOrder(k.Ctx, acquisitions.NewOrder{SupplierID: sp.ID})
	svc.AddLine(k.Ctx, sent.ID, acquisitions.NewLine{Title: "占位", Copies: 1})
	svc.Send(k.Ctx, sent.ID)
	_, _, err = svc.Accept(k.Ctx, a.ID, sent.ID, acquisitions.NewLine{Copies: 2, ListPriceFen: 3900}, "")
	wantCode(t, err, acquisitions.CodeOrderStatusInvalid, "请选择一张草稿订单")
	_, _, err = svc.Accept(k.Ctx, a.ID, o.ID, acquisitions.NewLine{Copies: 0, ListPriceFen: 3900}, "")
	wantCode(t, err, acquisitions.CodeLineCopiesInvalid, "订购册数")
	if got, _ := svc.Suggestion(k.Ctx, a.ID); got.Status != acquisitions.SuggestionPending {
		t.Fatalf("a refused acceptance changed the suggestion: %+v", got)
	}
	a, line, err := svc.Accept(k.Ctx, a.ID, o.ID, acquisitions.NewLine{Copies: 2, ListPriceFen: 3900, CLC: "F320"}, "已列入下批订单")
	if err != nil {
		t.Fatal(err)
	}
	if a.Status != acquisitions.SuggestionAccepted || a.OrderNumber != o.Number || line.Origin != acquisitions.OriginSuggestion || line.ISBN != "9787010245355" || a.Arrived() {
		t.Fatalf("accepted %+v line %+v", a, line)
	}
	svc.Send(k.Ctx, o.ID)
	if _, _, _, err := svc.Receive(k.Ctx, line.ID, acquisitions.Receipt{LocationID: locs[0].ID, PriceFen: -1}); err != nil {
		t.Fatal(err)
	}
	mine, _ := svc.Suggestions(k.Ctx, acquisitions.SuggestionFilter{ReaderID: rd.ID})
	if len(mine) != 2 || !mine[1].Arrived() || mine[1].RecordID == 0 || mine[0].Answer != "不属于本馆收藏范围" {
		t.Fatalf("the reader's suggestions %+v", mine)
	}
	if pend, _ := svc.Suggestions(k.Ctx, acquisitions.SuggestionFilter{Status: acquisitions.SuggestionPending}); len(pend) != 0 {
		t.Fatalf("pending: %+v", pend)
	}
}
