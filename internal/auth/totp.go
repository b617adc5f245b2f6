package auth

import (
	"context"
	"strings"
	"sync"
	"time"

	"github.com/pquerna/otp"
	"github.com/pquerna/otp/totp"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// Two-step login (两步验证) for staff: after the password, a six-digit code
// from an authenticator app (TOTP, RFC 6238: 30-second steps). Readers log
// in with their card as before.
const (
	totpIssuer      = "shuwu 书屋"
	totpStep        = 30 * time.Second
	challengeTTL    = 5 * time.Minute
	challengeTries  = 5
	maxChallenges   = 10000 // pending second steps held at most
	totpSkewSteps   = 1     // one step either side: a phone's clock a little off
	totpDigits      = otp.DigitsSix
	totpAlgorithmID = otp.AlgorithmSHA1 // what every authenticator app reads
)

// challenge is a login whose password was right, waiting for its code.
type challenge struct {
	userID  int64
	actor   audit.Actor
	name    string
	expires time.Time
	tries   int
}

// twoStep holds the pending challenges and, per account, the last time
// step a code was used in, so a code seen over a shoulder cannot be used
// again.
type twoStep struct {
	mu         sync.Mutex
	challenges map[string]*challenge
	lastStep   map[int64]int64
}

func newTwoStep() *twoStep {
	return &twoStep{challenges: map[string]*challenge{}, lastStep: map[int64]int64{}}
}

// TOTPSetup is what the account's page shows to set two-step login up.
type TOTPSetup struct {
	Secret string // for typing into the app
	URL    string // otpauth://, shown as a QR code
}

func errTOTPRequired() *errs.Error {
	return errs.New(errs.KindUnauthorized, CodeTOTPRequired, "请输入验证器中的 6 位验证码", "enter the 6-digit code from your authenticator app")
}

func errTOTPWrong() *errs.Error {
	return errs.Invalid(CodeTOTPWrong, "code", "验证码不正确或已过期，请输入验证器中当前的 6 位数字", "the code is wrong or has expired: enter the current 6 digits from your authenticator app")
}

// BeginTOTP makes a new secret for the account and keeps it pending until
// ConfirmTOTP sees a code made from it.
func (s *Service) BeginTOTP(ctx context.Context, userID int64) (TOTPSetup, error) {
	var out TOTPSetup
	err := s.store.Update(ctx, func(tx Tx) error {
		u, err := tx.User(userID)
		if err != nil {
			return err
		}
		key, err := totp.Generate(totp.GenerateOpts{Issuer: totpIssuer, AccountName: u.Username, Period: uint(totpStep / time.Second), Digits: totpDigits, Algorithm: totpAlgorithmID})
		if err != nil {
			return err
		}
		u.TOTPPending = key.Secret()
		out = TOTPSetup{Secret: key.Secret(), URL: key.URL()}
		return tx.UpdateUser(&u)
	})
	return out, err
}

// ConfirmTOTP turns two-step login on once code matches the pending secret.
func (s *Service) ConfirmTOTP(ctx context.Context, userID int64, code string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		u, err := tx.User(userID)
		if err != nil {
			return err
		}
		if u.TOTPPending == "" {
			return errs.Conflict(CodeTOTPNotPending, "请先点击“开启两步验证”，用验证器扫描二维码", "start the setup first and scan the QR code")
		}
		if !s.codeValid(u.ID, u.TOTPPending, code) {
			return errTOTPWrong()
		}
		u.TOTPSecret, u.TOTPPending = u.TOTPPending, ""
		if err := tx.UpdateUser(&u); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "totp_on", "user", u.Username, "账号 "+u.Username+" 开启两步验证"))
	})
}

// DisableTOTP turns two-step login off; the account's own current code
// proves it is its owner.
func (s *Service) DisableTOTP(ctx context.Context, userID int64, code string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		u, err := tx.User(userID)
		if err != nil {
			return err
		}
		if u.TOTPSecret == "" {
			return nil
		}
		if !s.codeValid(u.ID, u.TOTPSecret, code) {
			return errTOTPWrong()
		}
		u.TOTPSecret, u.TOTPPending = "", ""
		if err := tx.UpdateUser(&u); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "totp_off", "user", u.Username, "账号 "+u.Username+" 关闭两步验证"))
	})
}

// ResetTOTP is the administrator's remedy for a lost phone: two-step
// login is off until the person sets it up again.
func (s *Service) ResetTOTP(ctx context.Context, username string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		u, err := tx.UserByName(username)
		if err != nil {
			return err
		}
		u.TOTPSecret, u.TOTPPending = "", ""
		if err := tx.UpdateUser(&u); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "totp_reset", "user", u.Username, "重置账号 "+u.Username+" 的两步验证"))
	})
}

// codeValid checks a code against secret within one step either side, and
// refuses a step already used for the account.
func (s *Service) codeValid(userID int64, secret, code string) bool {
	code = strings.TrimSpace(code)
	if len(code) != 6 {
		return false
	}
	now := s.now()
	s.totp.mu.Lock()
	defer s.totp.mu.Unlock()
	for skew := -totpSkewSteps; skew <= totpSkewSteps; skew++ {
		t := now.Add(time.Duration(skew) * totpStep)
		want, err := totp.GenerateCodeCustom(secret, t, totp.ValidateOpts{Period: uint(totpStep / time.Second), Digits: totpDigits, Algorithm: totpAlgorithmID})
		if err != nil || want != code {
			continue
		}
		step := t.Unix() / int64(totpStep/time.Second)
		if step <= s.totp.lastStep[userID] {
			return false
		}
		s.totp.lastStep[userID] = step
		return true
	}
	return false
}

// newChallenge holds a login whose password was right until its code
// comes, and returns the token that names it.
func (s *Service) newChallenge(userID int64, actor audit.Actor, name string) string {
	now := s.now()
	s.totp.mu.Lock()
	defer s.totp.mu.Unlock()
	if len(s.totp.challenges) >= maxChallenges {
		for k, c := range s.totp.challenges {
			if now.After(c.expires) {
				delete(s.totp.challenges, k)
			}
		}
		if len(s.totp.challenges) >= maxChallenges {
			for k := range s.totp.challenges { // full of live ones: drop any
				delete(s.totp.challenges, k)
				break
			}
		}
	}
	tok := newToken()
	s.totp.challenges[hashToken(tok)] = &challenge{userID: userID, actor: actor, name: name, expires: now.Add(challengeTTL)}
	return tok
}

// CompleteLogin ends a two-step login: the code for the challenge Login
// gave. A challenge allows five tries in five minutes.
func (s *Service) CompleteLogin(ctx context.Context, token, code string) (Session, error) {
	now := s.now()
	s.totp.mu.Lock()
	c, ok := s.totp.challenges[hashToken(token)]
	if ok && (now.After(c.expires) || c.tries >= challengeTries) {
		delete(s.totp.challenges, hashToken(token))
		ok = false
	}
	if ok {
		c.tries++
	}
	s.totp.mu.Unlock()
	if !ok {
		return Session{}, errs.New(errs.KindUnauthorized, CodeTOTPChallengeGone, "登录已超时或验证码错误次数过多，请重新输入用户名和密码", "the login timed out or had too many wrong codes: log in again")
	}
	var secret string
	if err := s.store.View(ctx, func(tx Tx) error {
		u, err := tx.User(c.userID)
		secret = u.TOTPSecret
		return err
	}); err != nil {
		return Session{}, err
	}
	if !s.codeValid(c.userID, secret, code) {
		if err := s.store.Update(ctx, func(tx Tx) error {
			e := loginEntry(ctx, now, c.actor, c.name, false)
			e.Summary = "登录失败：两步验证码错误"
			return tx.Audit(e)
		}); err != nil {
			return Session{}, err
		}
		return Session{}, errTOTPWrong()
	}
	s.totp.mu.Lock()
	delete(s.totp.challenges, hashToken(token))
	s.totp.mu.Unlock()
	return s.startSession(ctx, SessionRow{UserID: c.userID}, c.actor, c.name, now)
}
