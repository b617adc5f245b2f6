package api_test

import (
	"fmt"
	"testing"
	"time"

	"shuwu/internal/audit"
)

// The duty API: the month's roster, a handover written and acknowledged
// by someone else, the regulations in public.
func TestDutyOverTheAPI(t *testing.T) {
	s := startServer(t)
	sys := audit.WithActor(t.Context(), audit.System)
	if _, err := s.app.Auth.CreateUser(sys, "duty2", "值班员张华", audit.RoleDuty, "password-123"); err != nil {
		t.Fatal(err)
	}
	duty1, duty2 := s.login("duty1", "password-123"), s.login("duty2", "password-123")
	var regs []struct{ Title string }
	if code := s.call("GET", "/api/v1/regulations", "", nil, &regs); code != 200 || len(regs) != 3 || regs[1].Title != "图书借阅管理制度" {
		t.Fatalf("regulations: %d %+v", code, regs)
	}
	var roster struct {
		Month  string
		Shifts []struct{ Name string }
		Days   []struct{ Date string }
	}
	month := time.Now().In(s.app.Config.Location()).Format("2006-01")
	if code := s.call("GET", "/api/v1/duty/roster", duty1, nil, &roster); code != 200 || roster.Month != month || len(roster.Shifts) != 3 || len(roster.Days) < 28 {
		t.Fatalf("roster: %d %+v", code, roster)
	}
	s.expectError("GET", "/api/v1/duty/roster?month=2026/12", duty1, nil, 422, "ROSTER_INVALID")
	s.expectError("GET", "/api/v1/duty/roster", "", nil, 401, "NOT_LOGGED_IN")
	day := time.Now().In(s.app.Config.Location()).Format(time.DateOnly)
	s.expectError("POST", "/api/v1/duty/handovers", duty1, map[string]any{"day": day, "shift_id": 1, "happened": " "}, 422, "HANDOVER_INVALID")
	var h struct {
		ID      int64
		Cash    string
		AckedBy string `json:"acked_by"`
	}
	if code := s.call("POST", "/api/v1/duty/handovers", duty1, map[string]any{"day": day, "shift_id": 1, "happened": "借出 5 册"}, &h); code != 201 || h.Cash != "无" {
		t.Fatalf("write: %d %+v", code, h)
	}
	ack := fmt.Sprintf("/api/v1/duty/handovers/%d/ack", h.ID)
	s.expectError("POST", ack, duty1, nil, 409, "HANDOVER_OWN")
	if code := s.call("POST", ack, duty2, nil, &h); code != 200 || h.AckedBy != "值班员张华" {
		t.Fatalf("ack: %d %+v", code, h)
	}
	var list []struct{ ID int64 }
	if code := s.call("GET", "/api/v1/duty/handovers", duty2, nil, &list); code != 200 || len(list) != 1 {
		t.Fatalf("handovers: %d %+v", code, list)
	}
}
