package api_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/acquisitions"
	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// TestSuggestionsAndTheOrderSheetOverTheAPI: a reader's suggestion is
// accepted onto a draft order and another rejected with its reason; the
// order sheet comes out as Excel, and the supplier's confirmation goes
// back in — all rows or none.
func TestSuggestionsAndTheOrderSheetOverTheAPI(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")
	ctx := audit.WithActor(t.Context(), audit.System)
	types, _ := s.app.Readers.Types(ctx)
	rd, err := s.app.Readers.Create(ctx, readers.Reader{Name: "李学员", TypeID: types[0].ID})
	if err != nil {
		t.Fatal(err)
	}
	want, _ := s.app.Acquisitions.Suggest(ctx, rd.ID, acquisitions.Suggestion{Title: "乡村振兴读本", Author: "本书编写组"})
	other, _ := s.app.Acquisitions.Suggest(ctx, rd.ID, acquisitions.Suggestion{Title: "某小说"})
	var sp, o struct{ ID int64 }
	s.call("POST", "/api/v1/suppliers", lib, map[string]any{"name": "新华书店州分公司"}, &sp)
	if code := s.call("POST", "/api/v1/orders", lib, map[string]any{"supplier_id": sp.ID}, &o); code != 201 {
		t.Fatalf("order: %d", code)
	}
	accept := fmt.Sprintf("/api/v1/suggestions/%d/accept", want.ID)
	s.expectError("POST", accept, lib, map[string]any{"order_id": o.ID, "copies": 0, "list_price_fen": 3800}, 422, "LINE_COPIES_INVALID")
	s.expectError("POST", accept, duty, map[string]any{"order_id": o.ID, "copies": 2}, 403, "FORBIDDEN")
	var got struct {
		Suggestion struct{ Status, Answer string }
		Line       struct {
			ID     int64
			Title  string
			Copies int
		}
	}
	if code := s.call("POST", accept, lib, map[string]any{"order_id": o.ID, "copies": 2, "list_price_fen": 3800, "clc": "F32", "answer": "已列入采购"}, &got); code != 200 ||
		got.Suggestion.Status != "accepted" || got.Line.Title != "乡村振兴读本" || got.Line.Copies != 2 {
		t.Fatalf("accept: %d %+v", code, got)
	}
	s.expectError("POST", accept, lib, map[string]any{"order_id": o.ID, "copies": 1}, 409, "SUGGESTION_DECIDED")
	reject := fmt.Sprintf("/api/v1/suggestions/%d/reject", other.ID)
	s.expectError("POST", reject, lib, map[string]any{"answer": " "}, 422, "SUGGESTION_REASON_REQUIRED")
	var sg struct{ Status, Answer string }
	if code := s.call("POST", reject, lib, map[string]any{"answer": "与书屋馆藏方向不符"}, &sg); code != 200 || sg.Status != "rejected" || sg.Answer != "与书屋馆藏方向不符" {
		t.Fatalf("reject: %d %+v", code, sg)
	}

	if code := s.call("POST", fmt.Sprintf("/api/v1/orders/%d/send", o.ID), lib, nil, nil); code != 200 {
		t.Fatalf("send: %d", code)
	}
	code, h, raw := s.download(fmt.Sprintf("/api/v1/orders/%d/sheet.xlsx", o.ID), lib)
	if code != 200 || !strings.Contains(h.Get("Content-Disposition"), "xlsx") {
		t.Fatalf("sheet: %d %v", code, h)
	}
	f, err := excelize.OpenReader(bytes.NewReader(raw))
	if err != nil {
		t.Fatal(err)
	}
	if v, _ := f.GetCellValue("订书单", "D4"); v != "乡村振兴读本" {
		t.Fatalf("the sheet's first line is %q", v)
	}
	sheet := func(confirmed int) []byte {
		f.SetCellValue("订书单", "K4", confirmed)
		var buf bytes.Buffer
		f.WriteTo(&buf)
		return buf.Bytes()
	}
	path := fmt.Sprintf("/api/v1/orders/%d/sheet", o.ID)
	if code, body := s.upload(path, lib, "confirm.xlsx", sheet(5)); code != 422 || !strings.Contains(string(body), "ORDER_SHEET_INVALID") || !strings.Contains(string(body), "第 4 行") {
		t.Fatalf("more than ordered: %d %s", code, body)
	}
	if code, body := s.upload(path, lib, "confirm.xlsx", []byte("行号,确认册数\n1,1\n")); code != 422 || !strings.Contains(string(body), "不是 Excel 文件") {
		t.Fatalf("a CSV: %d %s", code, body)
	}
	var order struct {
		Lines []struct{ Copies int }
	}
	s.call("GET", fmt.Sprintf("/api/v1/orders/%d", o.ID), lib, nil, &order)
	if len(order.Lines) != 1 || order.Lines[0].Copies != 2 {
		t.Fatalf("a refused sheet changed the order: %+v", order)
	}
	code, body := s.upload(path, lib, "confirm.xlsx", sheet(1))
	if code != 200 || !strings.Contains(string(body), `"changed":1`) {
		t.Fatalf("confirm 1 of 2: %d %s", code, body)
	}
	s.call("GET", fmt.Sprintf("/api/v1/orders/%d", o.ID), lib, nil, &order)
	if order.Lines[0].Copies != 1 {
		t.Fatalf("after the confirmation: %+v", order)
	}
	if code, _ := s.upload(path, duty, "confirm.xlsx", sheet(1)); code != 403 {
		t.Fatalf("duty staff upload: %d", code)
	}
}
