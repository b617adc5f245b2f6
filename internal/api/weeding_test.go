package api_test

import (
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

func TestWeedingOverTheAPI(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")
	ctx := audit.WithActor(t.Context(), audit.System)
	var list struct {
		Total      int
		Candidates []struct {
			Barcode string
			Reasons []string
		}
	}
	// A damaged copy and a sound one.
	locs, _ := s.app.Catalog.Locations(ctx)
	r, its, err := s.app.Catalog.CreateRecordWithItems(ctx, catalog.Record{Title: "红岩", CLC: "I247.5", Authors: []catalog.Author{{Name: "罗广斌", Role: "著"}}},
		catalog.NewItems{Count: 2, LocationID: locs[0].ID, Source: catalog.SourcePurchase, PriceFen: 3200})
	if err != nil || r.ID == 0 {
		t.Fatal(err)
	}
	repair := catalog.StatusRepair
	if _, err := s.app.Catalog.UpdateItem(ctx, its[0].Barcode, catalog.ItemChange{Status: &repair}); err != nil {
		t.Fatal(err)
	}
	s.expectError("GET", "/api/v1/weeding/candidates", lib, nil, 422, "WEEDING_INVALID")
	s.expectError("GET", "/api/v1/weeding/candidates?idle_years=x", lib, nil, 422, "WEEDING_INVALID")
	if code := s.call("GET", "/api/v1/weeding/candidates?damaged=1", lib, nil, &list); code != 200 || list.Total != 1 || list.Candidates[0].Barcode != its[0].Barcode || list.Candidates[0].Reasons[0] != "damaged" {
		t.Fatalf("candidates: %d %+v", code, list)
	}
	var got struct{ Copies, Titles int }
	if code := s.call("POST", "/api/v1/weeding/withdraw", lib, map[string]any{"barcodes": []string{its[0].Barcode}, "reason": "破损无法修补"}, &got); code != 200 || got.Copies != 1 {
		t.Fatalf("withdraw: %d %+v", code, got)
	}
	if code := s.call("GET", "/api/v1/weeding/candidates?damaged=1", lib, nil, &list); code != 200 || list.Total != 0 {
		t.Fatalf("after: %d %+v", code, list)
	}
	s.expectError("GET", "/api/v1/weeding/candidates?damaged=1", duty, nil, 403, "FORBIDDEN")
	s.expectError("POST", "/api/v1/weeding/withdraw", lib, map[string]any{"barcodes": []string{"NOPE"}, "reason": "陈旧"}, 409, "WEEDING_COPY_REFUSED")
	s.expectError("POST", "/api/v1/weeding/withdraw", lib, map[string]any{"barcodes": []string{}, "reason": "陈旧"}, 422, "WEEDING_INVALID")
}
