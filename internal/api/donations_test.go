package api_test

import (
	"fmt"
	"testing"
)

// TestDonationBatchThroughTheAPI: a donor, a donation batch, a book
// catalogued into it; the copies carry the donation as their source, the
// honour list names the donor who agreed, and bad input is refused in
// Chinese.
func TestDonationBatchThroughTheAPI(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	var donor struct{ ID int64 }
	if code := s.call("POST", "/api/v1/donors", lib, map[string]any{"name": "州委组织部", "kind": "institution", "honour": true}, &donor); code != 201 {
		t.Fatalf("create donor: %d", code)
	}
	var batch struct {
		ID     int64
		Number string
	}
	if code := s.call("POST", "/api/v1/batches", lib, map[string]any{"kind": "gift", "donor_id": donor.ID}, &batch); code != 201 || batch.Number == "" {
		t.Fatalf("create batch: %d %+v", code, batch)
	}
	var locs []struct{ ID int64 }
	s.call("GET", "/api/v1/locations", lib, nil, &locs)
	var added struct {
		Items []struct{ Source, Donor string }
	}
	path := fmt.Sprintf("/api/v1/batches/%d/items", batch.ID)
	if code := s.call("POST", path, lib, map[string]any{"record": map[string]any{"title": "党支部工作手册", "clc": "D267"}, "copies": 3, "location_id": locs[0].ID}, &added); code != 201 || len(added.Items) != 3 {
		t.Fatalf("add to batch: %d %+v", code, added)
	}
	if added.Items[0].Source != "institution" || added.Items[0].Donor != "州委组织部" {
		t.Errorf("copies from an institution's gift: %+v, want 单位支持 from 州委组织部", added.Items[0])
	}
	var got struct {
		Batch struct{ Copies int }
		Lines []struct{ Title string }
	}
	if code := s.call("GET", fmt.Sprintf("/api/v1/batches/%d", batch.ID), lib, nil, &got); code != 200 || got.Batch.Copies != 3 || len(got.Lines) != 1 {
		t.Fatalf("GET batch: %d %+v", code, got)
	}
	var honour []struct {
		Name  string
		Held  int
		Phone string
	}
	if code := s.call("GET", "/api/v1/honour-list", "", nil, &honour); code != 200 || len(honour) != 1 || honour[0].Held != 3 {
		t.Fatalf("honour list: %d %+v", code, honour)
	}
	s.expectError("POST", "/api/v1/batches", lib, map[string]any{"kind": "gift"}, 422, "BATCH_DONOR_REQUIRED")
	s.expectError("POST", "/api/v1/donors", lib, map[string]any{"name": " "}, 422, "DONOR_NAME_REQUIRED")
	s.expectError("GET", "/api/v1/batches?kind=bought", lib, nil, 422, "BATCH_KIND_INVALID")
	s.expectError("POST", path, lib, map[string]any{"record": map[string]any{"title": ""}, "copies": 1, "location_id": locs[0].ID}, 422, "TITLE_REQUIRED")
	s.expectError("GET", "/api/v1/donors", "", nil, 401, "NOT_LOGGED_IN")
}

// TestYearlyTargetThroughTheAPI: a year's target is set and its progress
// counts the year's new copies by source.
func TestYearlyTargetThroughTheAPI(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	year := s.app.Acquisitions.ThisYear()
	path := fmt.Sprintf("/api/v1/targets/%d", year)
	var p struct {
		Target struct {
			Volumes int
			Set     bool
		}
		Copies  int
		Sources []struct {
			Source string
			Copies int
		}
	}
	if code := s.call("GET", path, lib, nil, &p); code != 200 || p.Target.Volumes != 500 || p.Target.Set {
		t.Fatalf("default target: %d %+v", code, p)
	}
	var rec struct{ ID int64 }
	s.call("POST", "/api/v1/records", lib, map[string]any{"title": "中国共产党章程", "clc": "D231"}, &rec)
	s.call("POST", fmt.Sprintf("/api/v1/records/%d/items", rec.ID), lib, map[string]any{"count": 3, "location_id": 1, "source": "transfer"}, nil)
	if code := s.call("PUT", path, lib, map[string]any{"volumes": 600}, nil); code != 200 {
		t.Fatalf("set target: %d", code)
	}
	if code := s.call("GET", path, lib, nil, &p); code != 200 || p.Target.Volumes != 600 || p.Copies != 3 || p.Sources[0].Source != "transfer" || p.Sources[0].Copies != 3 {
		t.Fatalf("progress: %d %+v", code, p)
	}
	s.expectError("PUT", path, lib, map[string]any{"volumes": -1}, 422, "TARGET_VOLUMES_INVALID")
	s.expectError("GET", "/api/v1/targets/1990", lib, nil, 422, "TARGET_YEAR_INVALID")
}
