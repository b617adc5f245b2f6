package api_test

import (
	"testing"

	"shuwu/internal/audit"
)

// A leadership account reads the figures and the ledger through the API
// and is refused everything that lends, edits or lists readers.
func TestLeadershipIsReadOnlyOverTheAPI(t *testing.T) {
	s := startServer(t)
	if _, err := s.app.Auth.CreateUser(audit.WithActor(t.Context(), audit.System), "leader", "分管校领导", audit.RoleLeadership, "password-123"); err != nil {
		t.Fatal(err)
	}
	lead := s.login("leader", "password-123")
	for _, p := range []string{"/api/v1/stats", "/api/v1/ledger", "/api/v1/me"} {
		if code := s.call("GET", p, lead, nil, nil); code != 200 {
			t.Errorf("leadership GET %s: %d, want 200", p, code)
		}
	}
	s.expectError("GET", "/api/v1/readers", lead, nil, 403, "FORBIDDEN")
	s.expectError("POST", "/api/v1/checkout", lead, map[string]string{"card": "R1", "barcode": "B1"}, 403, "FORBIDDEN")
	s.expectError("POST", "/api/v1/renew", lead, map[string]string{"card": "R1", "barcode": "B1"}, 403, "FORBIDDEN")
	s.expectError("POST", "/api/v1/records", lead, map[string]any{"title": "共产党宣言"}, 403, "FORBIDDEN")
	s.expectError("GET", "/api/v1/audit", lead, nil, 403, "FORBIDDEN")
	if code := s.call("POST", "/api/v1/auth/logout", lead, nil, nil); code/100 != 2 {
		t.Errorf("leadership logout: %d", code)
	}
}
