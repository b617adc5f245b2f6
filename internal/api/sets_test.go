package api_test

import (
	"strconv"
	"testing"
)

// A librarian groups two volumes into a set over the API, a duty
// librarian places an any-volume hold for a reader once every copy is out,
// and bad input is refused with the codes the web pages use.
func TestSetsAndAnyVolumeHoldsOverTheAPI(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")
	var ids []int64
	var barcodes []string
	for _, part := range []string{"第二卷", "第一卷"} {
		var rec struct{ ID int64 }
		if code := s.call("POST", "/api/v1/records", lib, map[string]any{"title": "毛泽东选集", "part_number": part, "clc": "A41"}, &rec); code != 201 {
			t.Fatalf("record: %d", code)
		}
		var items []struct{ Barcode string }
		if code := s.call("POST", "/api/v1/records/"+strconv.FormatInt(rec.ID, 10)+"/items", lib, map[string]any{"count": 1, "location_id": 1, "source": "purchase"}, &items); code != 201 {
			t.Fatalf("items: %d", code)
		}
		ids, barcodes = append(ids, rec.ID), append(barcodes, items[0].Barcode)
	}
	var prop struct {
		Title   string
		Records []struct{ ID int64 }
	}
	if code := s.call("GET", "/api/v1/records/"+strconv.FormatInt(ids[0], 10)+"/set-proposal", lib, nil, &prop); code != 200 || len(prop.Records) != 2 || prop.Records[0].ID != ids[1] {
		t.Fatalf("proposal: %d %+v; want 第一卷 first", code, prop)
	}
	s.expectError("POST", "/api/v1/sets", lib, map[string]any{"title": " ", "record_ids": ids}, 422, "SET_TITLE_REQUIRED")
	s.expectError("POST", "/api/v1/sets", lib, map[string]any{"title": "毛泽东选集", "record_ids": []int64{ids[0], ids[0]}}, 422, "SET_MEMBER_DUPLICATE")
	s.expectError("POST", "/api/v1/sets", duty, map[string]any{"title": "毛泽东选集"}, 403, "FORBIDDEN")
	var set struct {
		ID        int64
		RecordIDs []int64 `json:"record_ids"`
	}
	if code := s.call("POST", "/api/v1/sets", lib, map[string]any{"title": "毛泽东选集", "record_ids": []int64{ids[1]}}, &set); code != 201 || set.ID == 0 {
		t.Fatalf("create: %d %+v", code, set)
	}
	path := "/api/v1/sets/" + strconv.FormatInt(set.ID, 10)
	if code := s.call("POST", path+"/members", lib, map[string]any{"record": ids[0]}, &set); code != 200 || len(set.RecordIDs) != 2 || set.RecordIDs[1] != ids[0] {
		t.Fatalf("add: %d %+v", code, set)
	}
	s.expectError("POST", path+"/members", lib, map[string]any{"record": ids[0]}, 422, "SET_MEMBER_DUPLICATE")
	var detail struct {
		Title   string
		Volumes []struct {
			Available int
			Record    struct {
				PartNumber string `json:"part_number"`
			}
		}
	}
	if code := s.call("GET", path, "", nil, &detail); code != 200 || len(detail.Volumes) != 2 || detail.Volumes[0].Record.PartNumber != "第一卷" || detail.Volumes[0].Available != 1 {
		t.Fatalf("get (public): %d %+v", code, detail)
	}
	var found []struct{ ID int64 }
	if code := s.call("GET", "/api/v1/sets?q=选集", "", nil, &found); code != 200 || len(found) != 1 {
		t.Fatalf("list: %d %+v", code, found)
	}

	var borrower, reader struct{ Card string }
	s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "借书人"}, &borrower)
	s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "王学员"}, &reader)
	s.expectError("POST", "/api/v1/holds", duty, map[string]any{"reader": reader.Card, "set": set.ID}, 409, "HOLD_ITEM_AVAILABLE")
	for _, b := range barcodes {
		if code := s.call("POST", "/api/v1/checkout", duty, map[string]string{"reader": borrower.Card, "item": b}, nil); code != 201 {
			t.Fatalf("checkout: %d", code)
		}
	}
	s.expectError("POST", "/api/v1/holds", duty, map[string]any{"reader": reader.Card, "set": set.ID, "record": ids[0]}, 422, "FIELD_CONFLICT")
	var hold struct {
		SetID    int64 `json:"set_id"`
		Title    string
		Position int
	}
	if code := s.call("POST", "/api/v1/holds", duty, map[string]any{"reader": reader.Card, "set": set.ID}, &hold); code != 201 || hold.SetID != set.ID || hold.Title != "毛泽东选集" || hold.Position != 1 {
		t.Fatalf("any-volume hold: %d %+v", code, hold)
	}
	s.expectError("POST", "/api/v1/holds", duty, map[string]any{"reader": reader.Card, "record": ids[0]}, 409, "HOLD_DUPLICATE")
	s.expectError("DELETE", path, lib, nil, 409, "SET_HAS_HOLDS")
	s.expectError("GET", "/api/v1/sets/999", "", nil, 404, "SET_NOT_FOUND")
}
