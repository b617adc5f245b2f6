package api_test

import (
	"strconv"
	"testing"
	"time"

	"shuwu/internal/testkit/webtest"
)

// A reader reserves a seat over the API and checks in with its code; a
// second reader is refused the seat with a Chinese message; the desk sees
// it occupied on the board and frees it.
func TestSeatsOverTheAPI(t *testing.T) {
	s := startServer(t)
	duty := s.login("duty1", "password-123")
	var a, b struct{ Card string }
	s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "甲"}, &a)
	s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "乙"}, &b)
	for _, c := range []string{a.Card, b.Card} {
		if code := s.call("POST", "/api/v1/readers/"+c+"/password", duty, map[string]string{"password": "reader-pass-1"}, nil); code != 204 {
			t.Fatalf("set reader password: %d", code)
		}
	}
	ta, tb := s.login(a.Card, "reader-pass-1"), s.login(b.Card, "reader-pass-1")
	s.expectError("POST", "/api/v1/seats/reservations", ta, map[string]any{"seat_id": 1, "date": "2026-01-01", "from": "09:00", "to": "10:00"}, 409, "SEATS_OFF")
	tables := webtest.SeatsNow(t, s.app)
	now := time.Now().In(s.app.Config.Location())
	end := now.Add(time.Hour)
	if end.Day() != now.Day() {
		end = time.Date(now.Year(), now.Month(), now.Day(), 23, 59, 0, 0, now.Location())
	}
	if end.Sub(now) < 5*time.Minute {
		t.Skip("too close to midnight for a slot today")
	}
	seat := tables[0].Seats[0]
	req := map[string]any{"seat_id": seat.ID, "date": now.Format(time.DateOnly), "from": now.Format("15:04"), "to": end.Format("15:04")}
	var made struct {
		ID        int64
		SeatLabel string `json:"seat_label"`
		Status    string
	}
	if code := s.call("POST", "/api/v1/seats/reservations", ta, req, &made); code != 201 || made.SeatLabel != "A1" || made.Status != "reserved" {
		t.Fatalf("reserve: %d %+v", code, made)
	}
	s.expectError("POST", "/api/v1/seats/reservations", tb, req, 409, "SEAT_TAKEN")
	s.expectError("POST", "/api/v1/seats/reservations", duty, req, 403, "FORBIDDEN")
	s.expectError("POST", "/api/v1/seats/"+strconv.FormatInt(seat.ID, 10)+"/checkin", ta, map[string]string{"code": "nope"}, 422, "SEAT_CODE_INVALID")
	var in struct{ Status string }
	if code := s.call("POST", "/api/v1/seats/"+strconv.FormatInt(seat.ID, 10)+"/checkin", ta, map[string]string{"code": seat.Code}, &in); code != 200 || in.Status != "checked_in" {
		t.Fatalf("check in: %d %+v", code, in)
	}
	var board struct {
		Occupied int
		Free     int
	}
	if code := s.call("GET", "/api/v1/seats/board", ta, nil, &board); code != 200 || board.Occupied != 1 || board.Free != 13 {
		t.Fatalf("board: %d %+v", code, board)
	}
	// Another reader, or anyone, sees the seat in use but not who sits there.
	var other struct {
		Tables []struct {
			States []struct {
				State       string
				Reservation *struct{ ID int64 }
			}
		}
	}
	if code := s.call("GET", "/api/v1/seats/board", tb, nil, &other); code != 200 || other.Tables[0].States[0].State != "occupied" || other.Tables[0].States[0].Reservation != nil {
		t.Fatalf("board for another reader: %d %+v", code, other.Tables[0].States[0])
	}
	s.expectError("GET", "/api/v1/seats/board?date=2026-13-01&from=09:00&to=10:00", ta, nil, 422, "SEAT_INVALID")
	var today []struct{ ID int64 }
	if code := s.call("GET", "/api/v1/seats/reservations", duty, nil, &today); code != 200 || len(today) != 1 {
		t.Fatalf("today: %d %+v", code, today)
	}
	s.expectError("POST", "/api/v1/seats/reservations/"+strconv.FormatInt(made.ID, 10)+"/release", ta, nil, 403, "FORBIDDEN")
	if code := s.call("POST", "/api/v1/seats/reservations/"+strconv.FormatInt(made.ID, 10)+"/release", duty, nil, &in); code != 200 || in.Status != "finished" {
		t.Fatalf("release: %d %+v", code, in)
	}
}
