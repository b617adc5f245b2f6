package api_test

import (
	"fmt"
	"testing"
)

// TestOrderReceivedThroughTheAPI: a supplier, a fund, a draft order with
// one line; sent, its two copies are received one scan at a time; the
// order goes partly received, then received, and the fund shows the
// spending. Bad input is refused with its code.
func TestOrderReceivedThroughTheAPI(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	var sp struct{ ID int64 }
	if code := s.call("POST", "/api/v1/suppliers", lib, map[string]any{"name": "新华书店州分公司", "phone": "0743-8222156"}, &sp); code != 201 {
		t.Fatalf("supplier: %d", code)
	}
	s.expectError("POST", "/api/v1/suppliers", lib, map[string]any{"name": "新华书店州分公司"}, 422, "SUPPLIER_NAME_TAKEN")
	year := s.app.Acquisitions.ThisYear()
	var fund struct{ ID int64 }
	if code := s.call("POST", "/api/v1/funds", lib, map[string]any{"name": "购书经费", "year": year, "amount_fen": 5000000}, &fund); code != 201 {
		t.Fatalf("fund: %d", code)
	}
	var o struct {
		ID     int64
		Number string
	}
	if code := s.call("POST", "/api/v1/orders", lib, map[string]any{"supplier_id": sp.ID}, &o); code != 201 || o.Number == "" {
		t.Fatalf("order: %d %+v", code, o)
	}
	var line struct{ ID int64 }
	if code := s.call("POST", fmt.Sprintf("/api/v1/orders/%d/lines", o.ID), lib, map[string]any{"title": "中国共产党简史", "clc": "D23", "copies": 2, "list_price_fen": 4500, "discount": 800, "fund_id": fund.ID}, &line); code != 201 {
		t.Fatalf("line: %d", code)
	}
	s.expectError("POST", fmt.Sprintf("/api/v1/orders/%d/lines", o.ID), lib, map[string]any{"title": "某书", "copies": 0}, 422, "LINE_COPIES_INVALID")
	s.expectError("POST", fmt.Sprintf("/api/v1/order-lines/%d/receive", line.ID), lib, map[string]any{"barcode": "AP0001", "location_id": 1}, 409, "ORDER_STATUS_INVALID")
	if code := s.call("POST", fmt.Sprintf("/api/v1/orders/%d/send", o.ID), lib, nil, nil); code != 200 {
		t.Fatalf("send: %d", code)
	}
	var got struct {
		Item  struct{ Barcode, CallNumber, Source string }
		Order struct{ Status string }
	}
	if code := s.call("POST", fmt.Sprintf("/api/v1/order-lines/%d/receive", line.ID), lib, map[string]any{"barcode": "AP0001", "location_id": 1, "price_fen": -1}, &got); code != 201 ||
		got.Item.Barcode != "AP0001" || got.Item.Source != "purchase" || got.Order.Status != "partly" {
		t.Fatalf("receive: %d %+v", code, got)
	}
	s.call("POST", fmt.Sprintf("/api/v1/order-lines/%d/receive", line.ID), lib, map[string]any{"barcode": "AP0002", "location_id": 1, "price_fen": -1}, &got)
	if got.Order.Status != "received" {
		t.Fatalf("after the second copy: %+v", got)
	}
	var funds []struct {
		SpentFen int64 `json:"spent_fen"`
	}
	if code := s.call("GET", "/api/v1/funds", lib, nil, &funds); code != 200 || len(funds) != 1 || funds[0].SpentFen != 7200 {
		t.Fatalf("funds: %d %+v", code, funds)
	}
	s.expectError("GET", "/api/v1/orders?status=nonsense", lib, nil, 422, "PARAM_INVALID")
	duty := s.login("duty1", "password-123")
	s.expectError("GET", "/api/v1/orders", duty, nil, 403, "FORBIDDEN")
}
