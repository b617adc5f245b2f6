package api_test

import "testing"

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
