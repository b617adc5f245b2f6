package api_test

import (
	"strconv"
	"testing"
	"time"
)

func TestEntryRegistrationOverTheAPI(t *testing.T) {
	s := startServer(t)
	duty := s.login("duty1", "password-123")
	var reader struct{ Card string }
	if code := s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "张三", "type_id": 1}, &reader); code != 201 {
		t.Fatalf("register a reader: %d", code)
	}
	type occupancy struct {
		Inside, Capacity, Visits, Readers, Guests int
	}
	var res struct {
		Outcome   string
		Counted   bool
		Reader    struct{ Name string }
		Occupancy occupancy
	}
	if code := s.call("POST", "/api/v1/visits", duty, map[string]string{"card": "shuwu:card:" + reader.Card}, &res); code != 200 ||
		res.Outcome != "entered" || !res.Counted || res.Reader.Name != "张三" || res.Occupancy.Inside != 1 || res.Occupancy.Capacity != 50 {
		t.Fatalf("scan: %d %+v", code, res)
	}
	if code := s.call("POST", "/api/v1/visits", duty, map[string]string{"card": reader.Card}, &res); code != 200 || res.Counted || res.Occupancy.Visits != 1 {
		t.Fatalf("repeat scan: %d %+v; want nothing counted", code, res)
	}
	var o occupancy
	if code := s.call("POST", "/api/v1/visits/guests", duty, map[string]int{"count": 3}, &o); code != 200 || o.Inside != 4 || o.Guests != 3 {
		t.Fatalf("guests: %d %+v", code, o)
	}
	if code := s.call("POST", "/api/v1/visits/guests/leave", duty, nil, &o); code != 200 || o.Inside != 3 {
		t.Fatalf("a guest left: %d %+v", code, o)
	}
	s.expectError("POST", "/api/v1/visits", duty, map[string]string{"card": "R7654321"}, 404, "READER_NOT_FOUND")
	s.expectError("POST", "/api/v1/visits", duty, map[string]string{"card": ""}, 422, "VISIT_SCAN_INVALID")
	s.expectError("POST", "/api/v1/visits/guests", duty, map[string]int{"count": 51}, 422, "VISIT_GUESTS_INVALID")
	s.expectError("POST", "/api/v1/visits", "", map[string]string{"card": reader.Card}, 401, "NOT_LOGGED_IN")
	// The door display's figures need no login.
	if code := s.call("GET", "/api/v1/occupancy", "", nil, &o); code != 200 || o.Inside != 3 || o.Visits != 4 || o.Readers != 1 {
		t.Fatalf("occupancy: %d %+v", code, o)
	}
	var lines []struct {
		ReaderName string `json:"reader_name"`
		Via        string
	}
	if code := s.call("GET", "/api/v1/visits/today", duty, nil, &lines); code != 200 || len(lines) != 5 || lines[4].ReaderName != "张三" || lines[4].Via != "api" {
		t.Fatalf("today: %d %+v", code, lines)
	}
	var y struct{ Year, Visits, Readers, Guests int }
	year := time.Now().In(s.app.Config.Location()).Year()
	if code := s.call("GET", "/api/v1/visits/years/"+strconv.Itoa(year), duty, nil, &y); code != 200 || y.Visits != 4 || y.Readers != 1 || y.Guests != 3 {
		t.Fatalf("year: %d %+v", code, y)
	}
	s.expectError("GET", "/api/v1/visits/years/今年", duty, nil, 422, "VISIT_YEAR_INVALID")
}
