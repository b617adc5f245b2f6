package auth_test

import (
	"fmt"
	"testing"

	"shuwu/internal/testkit"
)

// BenchmarkWrongLogin measures a wrong password for an existing card and
// for a card that does not exist: they should cost the same (one argon2
// hash each), so the time does not tell which cards exist.
func BenchmarkWrongLogin(b *testing.B) {
	k := testkit.New(b)
	r := k.Reader("秦读者")
	if err := k.Auth.SetReaderPassword(k.Ctx, r.Card, "qin-reads-2026"); err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct{ name, card string }{{"known", r.Card}, {"unknown", "R9999999"}} {
		b.Run(c.name, func(b *testing.B) {
			i := 0
			for b.Loop() {
				i++ // a new address each time, so the limiter never refuses
				k.Auth.Login(k.Ctx, c.card, "wrong-guess-1", fmt.Sprintf("10.%d.%d.%d", i>>16&255, i>>8&255, i&255))
			}
		})
	}
}
