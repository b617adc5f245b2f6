package api_test

import (
	"strconv"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/testkit/webtest"
)

func TestBookingTheRoomOverTheAPI(t *testing.T) {
	s := startServer(t)
	sys := audit.WithActor(t.Context(), audit.System)
	for _, u := range []struct{ name, display string }{{"branch1", "校机关一支部"}, {"youth", "青年理论学习小组"}} {
		if _, err := s.app.Auth.CreateUser(sys, u.name, u.display, audit.RoleOrganiser, "password-123"); err != nil {
			t.Fatal(err)
		}
	}
	branch, youth, lib := s.login("branch1", "password-123"), s.login("youth", "password-123"), s.login("librarian", "password-123")
	var spaces []struct {
		ID        int64
		Name      string
		Capacity  int
		WholeRoom bool `json:"whole_room"`
	}
	if code := s.call("GET", "/api/v1/spaces", "", nil, &spaces); code != 200 || len(spaces) != 7 || !spaces[0].WholeRoom || spaces[0].Capacity != 50 {
		t.Fatalf("spaces: %d %+v; want the whole room (50) and six areas", code, spaces)
	}
	day := webtest.NextOpenDay(s.app)
	book := map[string]any{"space_id": 1, "organiser": "校机关一支部", "date": day, "from": "14:00", "to": "16:00", "purpose": "主题党日", "expected": 40}
	var made struct {
		Bookings []struct {
			ID     int64
			Status string
		}
	}
	if code := s.call("POST", "/api/v1/bookings", branch, book, &made); code != 201 || len(made.Bookings) != 1 || made.Bookings[0].Status != "pending" {
		t.Fatalf("book: %d %+v", code, made)
	}
	clash := map[string]any{"space_id": 3, "organiser": "青年理论学习小组", "date": day, "from": "15:00", "to": "16:30", "purpose": "集中学习", "expected": 12}
	s.expectError("POST", "/api/v1/bookings", youth, clash, 409, "BOOKING_CONFLICT")
	clash["expected"] = 100
	s.expectError("POST", "/api/v1/bookings", youth, clash, 422, "BOOKING_INVALID")
	id := made.Bookings[0].ID
	path := "/api/v1/bookings/" + strconv.FormatInt(id, 10)
	s.expectError("POST", path+"/approve", youth, nil, 403, "FORBIDDEN")
	s.expectError("POST", path+"/cancel", youth, nil, 403, "BOOKING_NOT_YOURS")
	if code := s.call("POST", path+"/approve", lib, nil, nil); code != 200 {
		t.Fatalf("approve: %d", code)
	}
	var theirs []struct{ ID int64 }
	if code := s.call("GET", "/api/v1/bookings", youth, nil, &theirs); code != 200 || len(theirs) != 0 {
		t.Fatalf("the youth group lists %d bookings (%d); want none of the branch's", len(theirs), code)
	}
	var all []struct{ Status string }
	if code := s.call("GET", "/api/v1/bookings?status=approved", lib, nil, &all); code != 200 || len(all) != 1 {
		t.Fatalf("librarian lists %d approved (%d)", len(all), code)
	}
	s.expectError("GET", "/api/v1/bookings?from=明天", lib, nil, 422, "DATE_INVALID")
	s.expectError("POST", "/api/v1/checkout", branch, map[string]string{"reader": "R1", "item": "B1"}, 403, "FORBIDDEN")
}
