package api_test

import (
	"strconv"
	"testing"
)

func TestSubscriptionsAreEditedEndedAndDeletedOverTheAPI(t *testing.T) {
	s := startServer(t)
	lib, duty := s.login("librarian", "password-123"), s.login("duty1", "password-123")
	year := s.app.Periodicals.ThisYear()
	body := map[string]any{"title": "求是", "frequency": "semimonthly", "copies": 1, "year": year + 1, "source": "邮局订阅"}
	var sub struct {
		ID              int64
		Total, Received int
		Frequency       string
		EndDate         string `json:"end_date"`
	}
	if code := s.call("POST", "/api/v1/subscriptions", lib, body, &sub); code != 201 || sub.Total != 24 {
		t.Fatalf("subscribe: %d %+v", code, sub)
	}
	path := "/api/v1/subscriptions/" + strconv.FormatInt(sub.ID, 10)
	body["frequency"] = "quarterly"
	if code := s.call("PUT", path, lib, body, &sub); code != 200 || sub.Total != 4 || sub.Frequency != "quarterly" {
		t.Fatalf("update: %d %+v", code, sub)
	}
	s.expectError("PUT", path, duty, body, 403, "FORBIDDEN")
	body["year"] = year
	s.expectError("PUT", path, lib, body, 422, "SUBSCRIPTION_FIXED")
	if code := s.call("DELETE", path, lib, nil, nil); code != 204 {
		t.Fatalf("delete: %d", code)
	}
	s.expectError("GET", path, lib, nil, 404, "SUBSCRIPTION_NOT_FOUND")

	if code := s.call("POST", "/api/v1/subscriptions", lib, body, &sub); code != 201 {
		t.Fatalf("subscribe this year: %d", code)
	}
	path = "/api/v1/subscriptions/" + strconv.FormatInt(sub.ID, 10)
	var got struct {
		Issues []struct{ ID int64 }
	}
	s.call("GET", path, lib, nil, &got)
	if code := s.call("POST", "/api/v1/issues/"+strconv.FormatInt(got.Issues[0].ID, 10)+"/checkin", duty, nil, nil); code != 200 {
		t.Fatalf("checkin: %d", code)
	}
	s.expectError("DELETE", path, lib, nil, 409, "SUBSCRIPTION_IN_USE")
	s.expectError("POST", path+"/end", lib, map[string]string{"date": "1999-01-01"}, 422, "SUBSCRIPTION_END_INVALID")
	if code := s.call("POST", path+"/end", lib, map[string]string{"date": strconv.Itoa(year) + "-01-01"}, &sub); code != 200 || sub.EndDate == "" || sub.Total != 1 {
		t.Fatalf("end: %d %+v", code, sub)
	}
}
