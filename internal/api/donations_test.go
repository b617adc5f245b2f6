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

// TestPeriodicalCheckInThroughTheAPI: a subscription lists its issues; a
// scan checks the earliest in; the rack shows it; bad input is refused.
func TestPeriodicalCheckInThroughTheAPI(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	year := s.app.Periodicals.ThisYear()
	var sub struct {
		ID    int64
		Total int
	}
	if code := s.call("POST", "/api/v1/subscriptions", lib, map[string]any{"title": "党建", "frequency": "monthly", "copies": 2, "year": year, "source": "邮局订阅", "cn": "CN11-2728/D"}, &sub); code != 201 || sub.Total != 12 {
		t.Fatalf("subscribe: %d %+v", code, sub)
	}
	var in struct {
		Issue struct {
			Label          string
			ReceivedCopies int `json:"received_copies"`
		}
	}
	if code := s.call("POST", "/api/v1/periodicals/scan", lib, map[string]any{"code": "CN11-2728"}, &in); code != 200 || in.Issue.Label != "第1期" || in.Issue.ReceivedCopies != 2 {
		t.Fatalf("scan: %d %+v", code, in)
	}
	var rack []struct{ Title string }
	if code := s.call("GET", "/api/v1/reading-rack", "", nil, &rack); code != 200 || len(rack) != 1 || rack[0].Title != "党建" {
		t.Fatalf("rack: %d %+v", code, rack)
	}
	s.expectError("POST", "/api/v1/subscriptions", lib, map[string]any{"title": "党建", "frequency": "monthly", "copies": 2, "year": year, "source": "邮局订阅"}, 409, "SUBSCRIPTION_EXISTS")
	s.expectError("POST", "/api/v1/subscriptions", lib, map[string]any{"title": "x", "frequency": "monthly", "copies": 0, "year": year, "source": "邮局订阅"}, 422, "SUBSCRIPTION_COPIES_INVALID")
	s.expectError("POST", "/api/v1/periodicals/scan", lib, map[string]any{"code": "hello"}, 422, "PERIODICAL_SCAN_UNKNOWN")
}
