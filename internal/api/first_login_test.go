package api_test

import (
	"testing"
)

// TestReadersLogInWithTheInitialPassword: readers from a roster or the
// registration form had no password, so a class could not use the portal.
// Now they log in with their card and the initial password the rule gives
// (last six digits of the phone by default), may do nothing but set their
// own, and then use that.
func TestReadersLogInWithTheInitialPassword(t *testing.T) {
	s := startServer(t)
	duty, lib := s.login("duty1", "password-123"), s.login("librarian", "password-123")
	var rd, nophone struct{ Card string }
	if code := s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "周学员", "phone": "138-0013-8123"}, &rd); code != 201 {
		t.Fatalf("create reader: %d", code)
	}
	s.call("POST", "/api/v1/readers", duty, map[string]any{"name": "吴学员"}, &nophone)

	s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": rd.Card, "password": "038123"}, 401, "WRONG_PASSWORD")
	s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": rd.Card, "password": ""}, 401, "WRONG_PASSWORD")
	var sess struct {
		Token string
		Actor struct{ MustChangePassword bool }
	}
	if code := s.call("POST", "/api/v1/auth/login", "", map[string]string{"username": rd.Card, "password": "138123"}, &sess); code != 200 || !sess.Actor.MustChangePassword {
		t.Fatalf("first login with the last six digits of the phone: %d %+v", code, sess)
	}
	s.expectError("GET", "/api/v1/readers/"+rd.Card, sess.Token, nil, 403, "PASSWORD_CHANGE_REQUIRED")
	if code := s.call("POST", "/api/v1/me/password", sess.Token, map[string]string{"old_password": "138123", "new_password": "my-own-pass-1"}, nil); code != 204 {
		t.Fatalf("set own password: %d", code)
	}
	s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": rd.Card, "password": "138123"}, 401, "WRONG_PASSWORD")
	tok := s.login(rd.Card, "my-own-pass-1")
	if code := s.call("GET", "/api/v1/readers/"+rd.Card, tok, nil, nil); code != 200 {
		t.Fatalf("own account after setting a password: %d", code)
	}

	// No phone number: no initial password under the default rule.
	s.expectError("POST", "/api/v1/auth/login", "", map[string]string{"username": nophone.Card, "password": ""}, 401, "WRONG_PASSWORD")
	// The librarian switches the rule to the card number.
	var rules map[string]any
	s.call("GET", "/api/v1/rules", lib, nil, &rules)
	rules["initial_password"] = "card"
	if code := s.call("PUT", "/api/v1/rules", lib, rules, nil); code != 200 && code != 204 {
		t.Fatalf("save rules: %d", code)
	}
	cardTok := s.login(nophone.Card, nophone.Card)
	s.expectError("POST", "/api/v1/me/password", cardTok, map[string]string{"old_password": nophone.Card, "new_password": nophone.Card}, 422, "PASSWORD_UNCHANGED")
	rules["initial_password"] = "birthday"
	s.expectError("PUT", "/api/v1/rules", lib, rules, 422, "RULE_INVALID")
}
