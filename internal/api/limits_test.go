package api_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"shuwu/internal/marc"
)

// TestRecordLimitsAndALongRecordInTheExport: the API refuses a record of
// 1,000 authors with AUTHORS_TOO_MANY; a record too long for ISO 2709 (2,000
// copies) is left out of the MARC export, which still answers 200 and
// names it in X-Export-Skipped-Record.
func TestRecordLimitsAndALongRecordInTheExport(t *testing.T) {
	s := startServer(t)
	lib := s.login("librarian", "password-123")
	authors := make([]map[string]string, 1000)
	for i := range authors {
		authors[i] = map[string]string{"name": fmt.Sprintf("作者%d", i)}
	}
	s.expectError("POST", "/api/v1/records", lib, map[string]any{"title": "作者很多的书", "authors": authors}, 422, "AUTHORS_TOO_MANY")

	var short, long struct{ ID int64 }
	s.call("POST", "/api/v1/records", lib, map[string]any{"title": "乡土中国", "clc": "C912.82"}, &short)
	s.call("POST", "/api/v1/records", lib, map[string]any{"title": "党员教育培训教材", "clc": "D26"}, &long)
	for range 4 {
		if code := s.call("POST", fmt.Sprintf("/api/v1/records/%d/items", long.ID), lib, map[string]any{"count": 500, "location_id": 1}, nil); code != 201 {
			t.Fatalf("add copies: %d", code)
		}
	}
	code, h, body := s.download("/api/v1/exports/marc?flavor=cnmarc", lib)
	if code != 200 {
		t.Fatalf("marc export: %d %s", code, body)
	}
	if h.Get("X-Export-Written") != "1" || h.Get("X-Export-Skipped") != "1" {
		t.Errorf("headers written %q skipped %q, want 1 and 1", h.Get("X-Export-Written"), h.Get("X-Export-Skipped"))
	}
	if v := h.Get("X-Export-Skipped-Record"); !strings.HasPrefix(v, fmt.Sprintf("%d MARC_RECORD_TOO_LONG ", long.ID)) {
		t.Errorf("X-Export-Skipped-Record %q, want record %d MARC_RECORD_TOO_LONG", v, long.ID)
	}
	r, err := marc.NewReader(bytes.NewReader(body), marc.ReaderOptions{}).Read()
	if err != nil || !strings.Contains(r.Get("200")[0].Sub('a'), "乡土中国") {
		t.Fatalf("exported record = %+v, %v; want 乡土中国", r, err)
	}
}
