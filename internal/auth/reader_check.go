package auth

import (
	"context"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// CheckReaderPassword checks a reader's portal password without starting
// a session: what a self-service machine does when the reader types a PIN
// (SIP2 AD). It shares the login's rate limit, keyed by card and clientKey.
func (s *Service) CheckReaderPassword(ctx context.Context, card, password, clientKey string) error {
	card = strings.TrimSpace(card)
	key := strings.ToLower(card) + "|" + clientKey
	now := s.now()
	if s.fails.Blocked(key, now) {
		return errs.New(errs.KindRateLimited, CodeLoginRateLimited, "密码错误次数过多，请 5 分钟后再试", "too many wrong passwords; try again in 5 minutes")
	}
	var r readers.Reader
	err := s.store.View(ctx, func(tx Tx) error {
		var err error
		r, err = tx.ReaderByCard(card)
		return err
	})
	if err != nil && !errs.Is(err, readers.CodeReaderNotFound) {
		return err
	}
	if err != nil || r.PasswordHash == "" || r.Status == readers.StatusCancelled || !CheckPassword(r.PasswordHash, password) {
		s.fails.Fail(key, now)
		return errs.New(errs.KindUnauthorized, CodeWrongPassword, "读者证号或密码错误", "wrong card number or password")
	}
	s.fails.Reset(key)
	return nil
}
