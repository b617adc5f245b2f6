package api_test

import (
	"strconv"
	"testing"
)

func TestTheEquipmentRegisterOverTheAPI(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")
	chairs := map[string]any{"name": "阅览椅", "category": "furniture", "quantity": 40, "value_fen": 1600000, "acquired": "2022-07-18", "location": "阅览室"}
	var made struct {
		ID    int64
		State string
	}
	if code := s.call("POST", "/api/v1/assets", lib, chairs, &made); code != 201 || made.ID == 0 || made.State != "in_use" {
		t.Fatalf("create: %d %+v", code, made)
	}
	s.expectError("POST", "/api/v1/assets", duty, chairs, 403, "FORBIDDEN")
	chairs["quantity"] = 0
	s.expectError("POST", "/api/v1/assets", lib, chairs, 422, "ASSET_INVALID")
	chairs["quantity"] = 42
	path := "/api/v1/assets/" + strconv.FormatInt(made.ID, 10)
	if code := s.call("PUT", path, lib, chairs, nil); code != 200 {
		t.Fatalf("update: %d", code)
	}
	var l struct {
		Equipment struct {
			Lines, Quantity int
			ValueFen        int64 `json:"value_fen"`
		}
		TotalFen int64 `json:"total_fen"`
	}
	if code := s.call("GET", "/api/v1/assets/ledger", lib, nil, &l); code != 200 || l.Equipment.Quantity != 42 || l.Equipment.ValueFen != 1600000 || l.TotalFen < 1600000 {
		t.Fatalf("ledger: %d %+v", code, l)
	}
	s.expectError("POST", path+"/retire", lib, map[string]string{"date": "2024-01-01"}, 422, "ASSET_INVALID")
	if code := s.call("POST", path+"/retire", lib, map[string]string{"date": "2024-01-01", "reason": "破损"}, &made); code != 200 || made.State != "retired" {
		t.Fatalf("retire: %d %+v", code, made)
	}
	s.expectError("PUT", path, lib, chairs, 409, "ASSET_RETIRED")
	var list []struct{ ID int64 }
	if code := s.call("GET", "/api/v1/assets", lib, nil, &list); code != 200 || len(list) != 1 {
		t.Fatalf("list: %d %+v", code, list)
	}
	s.expectError("GET", "/api/v1/assets", duty, nil, 403, "FORBIDDEN")
	s.expectError("GET", "/api/v1/assets/999", lib, nil, 404, "ASSET_NOT_FOUND")
}
