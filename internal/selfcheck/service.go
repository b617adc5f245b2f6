package selfcheck

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/auth"
	"shuwu/internal/errs"
)

// Service is the self-service machines' use cases.
type Service struct {
	store Store
	now   func() time.Time

	// fails counts recent wrong logins per terminal name, so a password
	// cannot be guessed at network speed.
	mu    sync.Mutex
	fails map[string][]time.Time
}

// Login attempts allowed per terminal name in loginWindow.
const (
	loginAttempts = 5
	loginWindow   = 5 * time.Minute
)

func (s *Service) blocked(name string, now time.Time) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	recent := s.fails[name][:0]
	for _, t := range s.fails[name] {
		if now.Sub(t) < loginWindow {
			recent = append(recent, t)
		}
	}
	s.fails[name] = recent
	return len(recent) >= loginAttempts
}

func (s *Service) failed(name string, now time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if len(s.fails) > 1000 {
		s.fails = map[string][]time.Time{} // bound memory against name spraying
	}
	s.fails[name] = append(s.fails[name], now)
}

// NewService builds the service; now may be nil.
func NewService(store Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, now: now, fails: map[string][]time.Time{}}
}

// A terminal's name and institution travel inside SIP2 fields, so they may
// not hold the field separator "|" nor control characters; names stay
// plain so that vendors' configuration screens can type them.
var (
	terminalNamePattern = regexp.MustCompile(`^[A-Za-z0-9_.\-]{2,32}$`)
	sipValuePattern     = regexp.MustCompile(`^[^|\x00-\x1f\x7f]*$`)
)

// ErrTerminalLogin is the one answer to a wrong name or password, so a
// caller cannot tell which was wrong.
func ErrTerminalLogin() *errs.Error {
	return errs.New(errs.KindUnauthorized, CodeTerminalLoginFailed, "自助机账号或密码错误", "wrong terminal name or password")
}

// NewTerminal is what a librarian types to add a machine.
type NewTerminal struct {
	Name        string
	Password    string
	Institution string
	Location    string
	Encoding    Encoding
}

func validateTerminal(t *Terminal) error {
	t.Name = strings.TrimSpace(t.Name)
	t.Institution = strings.TrimSpace(t.Institution)
	t.Location = strings.TrimSpace(t.Location)
	if !terminalNamePattern.MatchString(t.Name) {
		return errs.Invalid(CodeTerminalNameInvalid, "name", "自助机账号须为 2 到 32 个字母、数字或 _ . -", "the terminal name must be 2 to 32 letters, digits or _ . -")
	}
	if t.Institution == "" {
		return errs.Invalid(CodeTerminalInstitutionRequired, "institution", "机构代码（SIP2 AO）不能为空", "the institution id (SIP2 AO) is required")
	}
	if utf8.RuneCountInString(t.Institution) > 40 || !sipValuePattern.MatchString(t.Institution) {
		return errs.Invalid(CodeTerminalInstitutionInvalid, "institution", "机构代码不能超过 40 个字符，也不能含“|”", "the institution id must be at most 40 characters without “|”")
	}
	if utf8.RuneCountInString(t.Location) > 40 || !sipValuePattern.MatchString(t.Location) {
		return errs.Invalid(CodeTerminalLocationInvalid, "location", "位置代码不能超过 40 个字符，也不能含“|”", "the location code must be at most 40 characters without “|”")
	}
	if t.Encoding == "" {
		t.Encoding = UTF8
	}
	t.Encoding = Encoding(strings.ToLower(string(t.Encoding)))
	if !t.Encoding.Valid() {
		return errs.Invalid(CodeTerminalEncodingInvalid, "encoding", fmt.Sprintf("字符集只能是 utf-8 或 gbk，不能是 %q", t.Encoding), fmt.Sprintf("the encoding must be utf-8 or gbk, not %q", t.Encoding))
	}
	return nil
}

// AddTerminal creates a machine's account.
func (s *Service) AddTerminal(ctx context.Context, in NewTerminal) (Terminal, error) {
	t := Terminal{Name: in.Name, Institution: in.Institution, Location: in.Location, Encoding: in.Encoding, CreatedAt: s.now()}
	if err := validateTerminal(&t); err != nil {
		return Terminal{}, err
	}
	if err := auth.ValidatePassword(in.Password); err != nil {
		return Terminal{}, err
	}
	hash, err := auth.HashPassword(in.Password)
	if err != nil {
		return Terminal{}, errs.Internalf("hash terminal password: %w", err)
	}
	t.PasswordHash = hash
	err = s.store.Update(ctx, func(tx Tx) error {
		if _, err := tx.TerminalByName(t.Name); err == nil {
			return errs.Conflict(CodeTerminalExists, fmt.Sprintf("自助机账号 %s 已存在", t.Name), fmt.Sprintf("the terminal %s already exists", t.Name)).WithField("name")
		} else if !errs.Is(err, CodeTerminalNotFound) {
			return err
		}
		if err := tx.InsertTerminal(&t); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "sip_terminal", t.Name, fmt.Sprintf("新增自助机 %s（机构 %s，%s）", t.Name, t.Institution, t.Encoding.Label())))
	})
	if err != nil {
		return Terminal{}, err
	}
	return t, nil
}

// TerminalChange is an edit of a machine's settings; an empty Password
// keeps the current one.
type TerminalChange struct {
	Institution string
	Location    string
	Encoding    Encoding
	Disabled    bool
	Password    string
}

// UpdateTerminal changes a machine's settings.
func (s *Service) UpdateTerminal(ctx context.Context, name string, ch TerminalChange) (Terminal, error) {
	var hash string
	if ch.Password != "" {
		if err := auth.ValidatePassword(ch.Password); err != nil {
			return Terminal{}, err
		}
		h, err := auth.HashPassword(ch.Password)
		if err != nil {
			return Terminal{}, errs.Internalf("hash terminal password: %w", err)
		}
		hash = h
	}
	var t Terminal
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if t, err = tx.TerminalByName(strings.TrimSpace(name)); err != nil {
			return err
		}
		t.Institution, t.Location, t.Encoding, t.Disabled = ch.Institution, ch.Location, ch.Encoding, ch.Disabled
		if err := validateTerminal(&t); err != nil {
			return err
		}
		if hash != "" {
			t.PasswordHash = hash
		}
		if err := tx.UpdateTerminal(&t); err != nil {
			return err
		}
		summary := fmt.Sprintf("修改自助机 %s（机构 %s，%s）", t.Name, t.Institution, t.Encoding.Label())
		if t.Disabled {
			summary += "，已停用"
		}
		if hash != "" {
			summary += "，重设密码"
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "sip_terminal", t.Name, summary))
	})
	return t, err
}

// DeleteTerminal removes a machine's account.
func (s *Service) DeleteTerminal(ctx context.Context, name string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		t, err := tx.TerminalByName(strings.TrimSpace(name))
		if err != nil {
			return err
		}
		if err := tx.DeleteTerminal(t.ID); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "sip_terminal", t.Name, "删除自助机 "+t.Name))
	})
}

// Terminals lists the machines by name.
func (s *Service) Terminals(ctx context.Context) ([]Terminal, error) {
	var out []Terminal
	err := s.store.View(ctx, func(tx Tx) error {
		var err error
		out, err = tx.Terminals()
		return err
	})
	return out, err
}

// Login checks a machine's name and password (SIP2 93) and notes the time.
func (s *Service) Login(ctx context.Context, name, password string) (Terminal, error) {
	name = strings.TrimSpace(name)
	if s.blocked(name, s.now()) {
		return Terminal{}, errs.New(errs.KindRateLimited, CodeTerminalLoginRateLimited, "自助机登录失败次数过多，请 5 分钟后再试", "too many failed terminal logins; try again in 5 minutes")
	}
	var t Terminal
	err := s.store.View(ctx, func(tx Tx) error {
		var err error
		t, err = tx.TerminalByName(strings.TrimSpace(name))
		return err
	})
	if errs.Is(err, CodeTerminalNotFound) {
		s.failed(name, s.now())
		return Terminal{}, ErrTerminalLogin()
	}
	if err != nil {
		return Terminal{}, err
	}
	if t.Disabled || !auth.CheckPassword(t.PasswordHash, password) {
		s.failed(name, s.now())
		return Terminal{}, ErrTerminalLogin()
	}
	now := s.now()
	if err := s.store.Update(ctx, func(tx Tx) error { return tx.TouchTerminal(t.ID, now) }); err != nil {
		return Terminal{}, err
	}
	t.LastLoginAt = &now
	return t, nil
}

// ItemProperties returns what a machine stored about a copy ("" if nothing).
func (s *Service) ItemProperties(ctx context.Context, barcode string) (string, error) {
	var props string
	err := s.store.View(ctx, func(tx Tx) error {
		id, err := tx.ItemIDByBarcode(strings.TrimSpace(barcode))
		if err != nil {
			return err
		}
		props, err = tx.ItemProperties(id)
		return err
	})
	return props, err
}

// SetItemProperties keeps a machine's properties of a copy (SIP2 19).
func (s *Service) SetItemProperties(ctx context.Context, barcode, props string) error {
	if utf8.RuneCountInString(props) > 255 {
		return errs.Invalid(CodeItemPropertiesTooLong, "properties", "图书属性不能超过 255 个字符", "item properties must be at most 255 characters")
	}
	return s.store.Update(ctx, func(tx Tx) error {
		id, err := tx.ItemIDByBarcode(strings.TrimSpace(barcode))
		if err != nil {
			return err
		}
		return tx.SetItemProperties(id, props, s.now())
	})
}

// Actor is who a machine's lending is recorded as in the ledger and the
// audit log.
func Actor(t Terminal) audit.Actor {
	return audit.Actor{Name: "sip:" + t.Name, Role: audit.RoleDuty}
}

// SetPassword changes a machine's password, keeping its settings.
func (s *Service) SetPassword(ctx context.Context, name, password string) error {
	if err := auth.ValidatePassword(password); err != nil {
		return err
	}
	hash, err := auth.HashPassword(password)
	if err != nil {
		return errs.Internalf("hash terminal password: %w", err)
	}
	return s.store.Update(ctx, func(tx Tx) error {
		t, err := tx.TerminalByName(strings.TrimSpace(name))
		if err != nil {
			return err
		}
		t.PasswordHash = hash
		if err := tx.UpdateTerminal(&t); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "password", "sip_terminal", t.Name, "重设自助机密码 "+t.Name))
	})
}
