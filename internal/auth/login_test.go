package auth_test

import (
	"fmt"
	"strings"
	"testing"

	"shuwu/internal/auth"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
	"shuwu/internal/testkit"
)

// TestOneAddressTryingEveryCardIsRefused: 300 wrong logins on different
// cards from one address were all answered, none refused. The address is
// now refused after its failures with a message that says so; another
// address still logs in.
func TestOneAddressTryingEveryCardIsRefused(t *testing.T) {
	k := testkit.New(t)
	r := k.Reader("冯读者")
	if err := k.Auth.SetReaderPassword(k.Ctx, r.Card, "feng-reads-26"); err != nil {
		t.Fatal(err)
	}
	refused, wrong := 0, 0
	for i := range 300 {
		_, err := k.Auth.Login(k.Ctx, fmt.Sprintf("R%07d", 1000+i), "guess-123456", "203.0.113.7")
		switch {
		case errs.Is(err, auth.CodeLoginRateLimited):
			refused++
			if !strings.Contains(errs.As(err).Message, "此地址") {
				t.Fatalf("refusal %q does not name the address", errs.As(err).Message)
			}
		case errs.Is(err, auth.CodeWrongPassword):
			wrong++
		default:
			t.Fatalf("login %d: %v", i, err)
		}
	}
	t.Logf("300 wrong logins on different cards from one address: %d answered, %d refused", wrong, refused)
	if wrong > 30 || refused < 270 {
		t.Errorf("%d answered and %d refused, want at most 30 answered", wrong, refused)
	}
	if _, err := k.Auth.Login(k.Ctx, r.Card, "feng-reads-26", "198.51.100.2"); err != nil {
		t.Errorf("a reader at another address: %v", err)
	}
}

// TestAnUnknownNameCostsTheSameHash: an existing account answered in
// 25 ms and an unknown one in 0.6 ms, so the time told which cards exist.
// Every wrong login now runs exactly one password hash.
func TestAnUnknownNameCostsTheSameHash(t *testing.T) {
	k := testkit.New(t)
	own := k.Reader("卫读者")
	if err := k.Auth.SetReaderPassword(k.Ctx, own.Card, "wei-reads-2026"); err != nil {
		t.Fatal(err)
	}
	initial := k.Reader("蒋学员") // no password of its own: the initial rule
	cancelled := k.Reader("沈读者")
	if err := k.Auth.SetReaderPassword(k.Ctx, cancelled.Card, "shen-reads-26"); err != nil {
		t.Fatal(err)
	}
	if _, err := k.Readers.SetStatus(k.Ctx, cancelled.Card, readers.StatusCancelled); err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{own.Card, "R9999999", "nobody-here", initial.Card, cancelled.Card} {
		before := auth.HashChecks()
		_, err := k.Auth.Login(k.Ctx, name, "wrong-guess-1", fmt.Sprintf("192.0.2.%d", i))
		if !errs.Is(err, auth.CodeWrongPassword) {
			t.Fatalf("%s: %v", name, err)
		}
		if n := auth.HashChecks() - before; n != 1 {
			t.Errorf("a wrong login as %s ran %d password hashes, want 1", name, n)
		}
		before = auth.HashChecks()
		if err := k.Auth.CheckReaderPassword(k.Ctx, name, "wrong-guess-1", fmt.Sprintf("sip:t%d", i)); !errs.Is(err, auth.CodeWrongPassword) {
			t.Fatalf("SIP2 check of %s: %v", name, err)
		}
		if n := auth.HashChecks() - before; n != 1 {
			t.Errorf("a wrong PIN for %s ran %d password hashes, want 1", name, n)
		}
	}
}
