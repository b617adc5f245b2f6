package api_test

import (
	"testing"

	"shuwu/internal/audit"
)

// Every dashboard figure of a range over the API: leadership may read
// it, a mistyped date is refused naming it.
func TestTheDashboardFiguresOverTheAPI(t *testing.T) {
	s := startServer(t)
	if _, err := s.app.Auth.CreateUser(audit.WithActor(t.Context(), audit.System), "leader", "领导", audit.RoleLeadership, "password-123"); err != nil {
		t.Fatal(err)
	}
	leader := s.login("leader", "password-123")
	var d struct {
		Range      struct{ From, To string }
		Previous   struct{ From, To string }
		Collection struct{ Copies int64 }
		Use        struct {
			Loans  struct{ N, Prev int64 }
			Months []struct{ Label string }
		}
	}
	if code := s.call("GET", "/api/v1/stats/dashboard?from=2024-09-01&to=2024-09-30", leader, nil, &d); code != 200 {
		t.Fatalf("dashboard: %d", code)
	}
	if d.Range.From != "2024-09-01" || d.Previous.From != "2024-08-02" || d.Previous.To != "2024-08-31" || len(d.Use.Months) != 1 || d.Use.Months[0].Label != "2024-09" {
		t.Errorf("dashboard %+v", d)
	}
	s.expectError("GET", "/api/v1/stats/dashboard?from=2024-02-30", leader, nil, 422, "STATS_DATE_INVALID")
	s.expectError("GET", "/api/v1/stats/dashboard?from=2024-09-30&to=2024-09-01", leader, nil, 422, "STATS_RANGE_BACKWARDS")
}
