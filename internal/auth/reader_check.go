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
	if err := s.throttled(key, clientKey, now, "密码错误次数过多", "too many wrong passwords"); err != nil {
		return err
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
	ok := false
	if err == nil && r.PasswordHash != "" && r.Status != readers.StatusCancelled {
		ok = CheckPassword(r.PasswordHash, password)
	} else {
		checkDummy(password) // an unknown card costs the same time
	}
	if !ok {
		s.failed(key, clientKey, now)
		return errs.New(errs.KindUnauthorized, CodeWrongPassword, "读者证号或密码错误", "wrong card number or password")
	}
	s.fails.Reset(key)
	return nil
}
