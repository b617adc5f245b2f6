package api_test

import (
	"strconv"
	"testing"
	"time"
)

func TestThemedDisplaysOverTheAPI(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")
	var rec struct{ ID int64 }
	if code := s.call("POST", "/api/v1/records", lib, map[string]any{"title": "中国式现代化", "clc": "D61"}, &rec); code != 201 {
		t.Fatalf("record: %d", code)
	}
	var items []struct{ Barcode string }
	if code := s.call("POST", "/api/v1/records/"+strconv.FormatInt(rec.ID, 10)+"/items", lib, map[string]any{"count": 2, "location_id": 1, "source": "purchase"}, &items); code != 201 || len(items) != 2 {
		t.Fatalf("items: %d %+v", code, items)
	}
	today := time.Now().In(s.app.Config.Location())
	d := map[string]any{"title": "十二月新书", "place": "阅览桌", "starts": today.Format(time.DateOnly), "ends": today.AddDate(0, 0, 30).Format(time.DateOnly)}
	var made struct{ ID int64 }
	if code := s.call("POST", "/api/v1/displays", lib, d, &made); code != 201 || made.ID == 0 {
		t.Fatalf("create: %d %+v", code, made)
	}
	s.expectError("POST", "/api/v1/displays", duty, d, 403, "FORBIDDEN")
	d["starts"] = "明天"
	s.expectError("POST", "/api/v1/displays", lib, d, 422, "DISPLAY_INVALID")
	path := "/api/v1/displays/" + strconv.FormatInt(made.ID, 10)
	var moved struct {
		On      bool
		Display struct{ Copies int }
	}
	if code := s.call("POST", path+"/scan", duty, map[string]string{"barcode": items[0].Barcode}, &moved); code != 200 || !moved.On || moved.Display.Copies != 1 {
		t.Fatalf("scan: %d %+v", code, moved)
	}
	s.expectError("POST", path+"/scan", duty, map[string]string{"barcode": ""}, 422, "DISPLAY_INVALID")
	var got struct {
		Display struct{ Title string }
		Copies  []struct{ Barcode string }
	}
	if code := s.call("GET", path, "", nil, &got); code != 200 || got.Display.Title != "十二月新书" || len(got.Copies) != 1 {
		t.Fatalf("get (public): %d %+v", code, got)
	}
	var cur []struct{ ID int64 }
	if code := s.call("GET", "/api/v1/displays?current=1", "", nil, &cur); code != 200 || len(cur) != 1 {
		t.Fatalf("current: %d %+v", code, cur)
	}
	var cleared map[string]int
	if code := s.call("POST", path+"/clear", duty, nil, &cleared); code != 200 || cleared["cleared"] != 1 {
		t.Fatalf("clear: %d %+v", code, cleared)
	}
	s.expectError("GET", "/api/v1/displays/999", "", nil, 404, "DISPLAY_NOT_FOUND")
}
