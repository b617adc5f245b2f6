package api_test

import (
	"strconv"
	"testing"
	"time"

	"shuwu/internal/audit"
)

func TestReceptionsOverTheAPI(t *testing.T) {
	s := startServer(t)
	if _, err := s.app.Auth.CreateUser(audit.WithActor(t.Context(), audit.System), "leader", "领导", audit.RoleLeadership, "password-123"); err != nil {
		t.Fatal(err)
	}
	lib, duty, leader := s.login("librarian", "password-123"), s.login("duty1", "password-123"), s.login("leader", "password-123")
	today := time.Now().In(s.app.Config.Location())
	visit := map[string]any{"date": today.Format(time.DateOnly), "level": "prefecture",
		"guests": []map[string]string{{"name": "张明", "title": "州委常委、组织部部长"}}, "shown": "红色经典专架"}
	var made struct {
		ID     int64
		Guests []struct{ Name, Title string }
	}
	if code := s.call("POST", "/api/v1/receptions", lib, visit, &made); code != 201 || made.ID == 0 || made.Guests[0].Title != "州委常委、组织部部长" {
		t.Fatalf("create: %d %+v", code, made)
	}
	s.expectError("POST", "/api/v1/receptions", leader, visit, 403, "FORBIDDEN")
	visit["level"] = "mayor"
	s.expectError("POST", "/api/v1/receptions", lib, visit, 422, "RECEPTION_INVALID")
	visit["level"] = "province"
	path := "/api/v1/receptions/" + strconv.FormatInt(made.ID, 10)
	if code := s.call("PUT", path, lib, visit, nil); code != 200 {
		t.Fatalf("update: %d", code)
	}
	var y struct {
		Receptions int
		ByLevel    []struct {
			Level      string
			Receptions int
		} `json:"by_level"`
	}
	if code := s.call("GET", "/api/v1/receptions/years/"+today.Format("2006"), leader, nil, &y); code != 200 || y.Receptions != 1 || y.ByLevel[0].Level != "province" || y.ByLevel[0].Receptions != 1 {
		t.Fatalf("year: %d %+v", code, y)
	}
	var list []struct{ ID int64 }
	if code := s.call("GET", "/api/v1/receptions", leader, nil, &list); code != 200 || len(list) != 1 {
		t.Fatalf("list: %d %+v", code, list)
	}
	s.expectError("GET", "/api/v1/receptions", duty, nil, 403, "FORBIDDEN")
	s.expectError("GET", "/api/v1/receptions/999", lib, nil, 404, "RECEPTION_NOT_FOUND")
}
