package api_test

import (
	"fmt"
	"testing"
)

// TestHugePageNumbersAreRefused: a page near 2^63 once panicked the search
// (makeslice) and overflowed the records' SQL offset; every paged route
// now answers 422 PAGE_OUT_OF_RANGE naming the last page it serves.
func TestHugePageNumbersAreRefused(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	huge := "9223372036854775807"
	for _, path := range []string{"/api/v1/search?q=x&page=" + huge, "/api/v1/search?page=501", "/api/v1/records?page=" + huge,
		"/api/v1/readers?page=" + huge, "/api/v1/records?page=0", "/api/v1/readers?page=-" + huge} {
		s.expectError("GET", path, lib, nil, 422, "PAGE_OUT_OF_RANGE")
	}
	if code := s.call("GET", "/api/v1/search?page=500", "", nil, nil); code != 200 {
		t.Fatalf("last reachable search page: %d", code)
	}
	if code := s.call("GET", "/api/v1/records?page=100000", lib, nil, nil); code != 200 {
		t.Fatalf("records page 100000: %d", code)
	}
}

// TestLimitsClampToTheirMaximum: ?limit=5000 once fell back to 100 lines
// without a word; it now gets the most a page holds (1000), and the rest
// is paged with before=.
func TestLimitsClampToTheirMaximum(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")
	var rec struct{ ID int64 }
	s.call("POST", "/api/v1/records", lib, map[string]any{"title": "共产党宣言", "clc": "A12"}, &rec)
	var items []struct{ Barcode string }
	s.call("POST", fmt.Sprintf("/api/v1/records/%d/items", rec.ID), lib, map[string]any{"count": 1, "location_id": 1}, &items)
	var rd struct{ Card string }
	s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "王学员"}, &rd)
	for range 60 {
		s.call("POST", "/api/v1/checkout", duty, map[string]string{"reader": rd.Card, "item": items[0].Barcode}, nil)
		s.call("POST", "/api/v1/checkin", duty, map[string]string{"item": items[0].Barcode}, nil)
	}
	var evs []struct{ ID int64 }
	if code := s.call("GET", "/api/v1/ledger?limit=5000", lib, nil, &evs); code != 200 || len(evs) != 120 {
		t.Fatalf("ledger?limit=5000: %d, %d lines; want all 120", code, len(evs))
	}
	var hist []struct{ Kind string }
	if code := s.call("GET", "/api/v1/readers/"+rd.Card+"/history?limit=5000", duty, nil, &hist); code != 200 || len(hist) != 120 {
		t.Fatalf("history?limit=5000: %d, %d lines; want all 120", code, len(hist))
	}
}
