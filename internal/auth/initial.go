package auth

import (
	"context"
	"crypto/subtle"
	"fmt"
	"strings"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
	"shuwu/internal/settings"
)

// A reader made by a roster import or the registration form has no
// password of their own. Until they set one, they log in with their card
// number and the initial password the library's rule gives
// (settings.Rules.InitialPassword), and must then choose their own. The
// initial password is never stored: it follows the rule in force, so a
// librarian who changes the rule changes it for everyone who has not yet
// logged in.

func initialRule(tx Tx) (string, error) {
	raw, err := tx.Setting(settings.Key)
	if err != nil {
		return "", err
	}
	rules, err := settings.Parse(raw)
	if err != nil {
		return "", err
	}
	return rules.InitialRule(), nil
}

// InitialPassword is the initial password of r under rule, false when the
// rule gives r none (rule none, or phone6 for a reader without a phone
// number of at least six digits).
func InitialPassword(rule string, r readers.Reader) (string, bool) {
	switch rule {
	case settings.InitialCard:
		return r.Card, r.Card != ""
	case settings.InitialPhone6:
		digits := strings.Map(func(c rune) rune {
			if c >= '0' && c <= '9' {
				return c
			}
			return -1
		}, r.Phone)
		if len(digits) < 6 {
			return "", false
		}
		return digits[len(digits)-6:], true
	}
	return "", false
}

func matchesInitial(rule string, r readers.Reader, typed string) bool {
	want, ok := InitialPassword(rule, r)
	return ok && subtle.ConstantTimeCompare([]byte(want), []byte(strings.TrimSpace(typed))) == 1
}

// ResetToInitial puts the readers with the given cards back on the
// initial password (they must choose their own at the next login) and
// ends their sessions, in one transaction: for a class whose trainees
// forgot what they chose. It returns how many readers it reset.
func (s *Service) ResetToInitial(ctx context.Context, cards []string) (int, error) {
	n := 0
	err := s.store.Update(ctx, func(tx Tx) error {
		for _, card := range cards {
			r, err := tx.ReaderByCard(card)
			if err != nil {
				return err
			}
			r.PasswordHash = ""
			r.UpdatedAt = s.now()
			if err := tx.UpdateReader(&r); err != nil {
				return err
			}
			if err := tx.DeleteSessionsOf(0, r.ID); err != nil {
				return err
			}
			n++
		}
		if n == 0 {
			return nil
		}
		return tx.Audit(audit.New(ctx, s.now(), "password", "reader", strings.Join(first(cards, 20), ","), fmt.Sprintf("恢复 %d 名读者的初始密码", n)))
	})
	if err == nil {
		s.forgetAll()
	}
	return n, err
}

func first(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
