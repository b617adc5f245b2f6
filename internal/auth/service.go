package auth

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"regexp"
	"strings"
	"sync"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
	"shuwu/internal/readers"
)

// SessionTTL is how long a login lasts.
const SessionTTL = 7 * 24 * time.Hour

// cacheTTL bounds how long a disabled account's session may still work.
const cacheTTL = time.Minute

// Service is accounts and access.
type Service struct {
	store Store
	now   func() time.Time
	fails *limiter // per name and address
	// addrFails counts failures per address whatever the name.
	addrFails *limiter

	mu    sync.Mutex
	cache map[string]cachedActor
	// totp holds two-step logins waiting for their code.
	totp *twoStep
}

type cachedActor struct {
	actor   audit.Actor
	expires time.Time
}

// NewService builds the accounts service.
func NewService(store Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, now: now, cache: map[string]cachedActor{}, totp: newTwoStep(),
		fails:     newLimiter(maxPerName, limitWindow, limitKeys),
		addrFails: newLimiter(maxPerAddress, limitWindow, limitKeys)}
}

var usernamePattern = regexp.MustCompile(`^[A-Za-z0-9_.\-]{2,32}$`)

func errWrongPassword() *errs.Error {
	return errs.New(errs.KindUnauthorized, CodeWrongPassword, "用户名或密码错误", "wrong user name or password")
}

// Session is a new login: the secret token (shown once) and who it is for.
type Session struct {
	Token     string      `json:"token"`
	Actor     audit.Actor `json:"actor"`
	ExpiresAt time.Time   `json:"expires_at"`
	// Challenge is set, with the error TOTP_REQUIRED and no token, when
	// the password was right and the account logs in in two steps:
	// CompleteLogin takes it with the code.
	Challenge string `json:"challenge,omitempty"`
}

func hashToken(tok string) string {
	sum := sha256.Sum256([]byte(tok))
	return hex.EncodeToString(sum[:])
}

func newToken() string {
	b := make([]byte, 32)
	if _, err := rand.Read(b); err != nil {
		panic(err) // crypto/rand never fails on supported platforms
	}
	return base64.RawURLEncoding.EncodeToString(b)
}

// Login limits: a name from one address may fail maxPerName times in
// limitWindow, an address maxPerAddress times whatever the names (a
// script trying every card from one machine). A school behind one NAT
// address still has room for a class's typos.
const (
	maxPerName    = 5
	maxPerAddress = 30
	limitWindow   = 5 * time.Minute
	limitKeys     = 100000 // keys each limiter holds at most (a few MB)
)

// Login checks a staff user name or a reader's card number and password.
// clientKey (the remote address) scopes the rate limit with the name, so
// one person's typos do not lock out the desk, and on its own, so one
// address cannot try every card. An unknown name costs the same password
// hash as a known one, so the answer's time does not tell whether a card
// exists. The hash runs outside the write transaction: a flood of wrong
// passwords must not hold up the desk.
func (s *Service) Login(ctx context.Context, name, password, clientKey string) (Session, error) {
	name = strings.TrimSpace(name)
	key := strings.ToLower(name) + "|" + clientKey
	now := s.now()
	if err := s.throttled(key, clientKey, now, "登录失败次数过多", "too many failed logins"); err != nil {
		return Session{}, err
	}
	var row SessionRow
	var actor audit.Actor
	var hash string // "" when the name is unknown or cannot log in
	var initial bool
	var initialOK bool
	var twoStep bool
	err := s.store.View(ctx, func(tx Tx) error {
		if u, err := tx.UserByName(name); err == nil {
			if !u.Disabled {
				hash, row.UserID = u.PasswordHash, u.ID
				actor = audit.Actor{UserID: u.ID, Name: u.Username, Role: u.Role}
				twoStep = u.TOTPSecret != ""
			}
			return nil
		} else if !errs.Is(err, CodeUserNotFound) {
			return err
		}
		r, err := tx.ReaderByCard(name)
		if err != nil {
			if errs.Is(err, readers.CodeReaderNotFound) {
				return nil
			}
			return err
		}
		if r.Status == readers.StatusCancelled {
			return nil
		}
		row.ReaderID = r.ID
		actor = audit.Actor{ReaderID: r.ID, Name: r.Name, Role: audit.RoleReader}
		if r.PasswordHash != "" {
			hash = r.PasswordHash
			return nil
		}
		rule, err := initialRule(tx)
		if err != nil {
			return err
		}
		initial, initialOK = true, matchesInitial(rule, r, password)
		actor.MustChangePassword = true
		return nil
	})
	if err != nil {
		return Session{}, err
	}
	ok := false
	switch {
	case hash != "":
		ok = CheckPassword(hash, password)
	case initial:
		checkDummy(password) // the initial password is no hash: spend the same time
		ok = initialOK
	default:
		checkDummy(password)
	}
	if !ok {
		s.failed(key, clientKey, now)
		// A failure is logged under the name tried, known or not; one
		// refused by the limit above is not (it cost nothing and proves
		// nothing new), so a flood cannot fill the log.
		if err := s.store.Update(ctx, func(tx Tx) error { return tx.Audit(loginEntry(ctx, now, actor, name, false)) }); err != nil {
			return Session{}, err
		}
		return Session{}, errWrongPassword()
	}
	s.fails.Reset(key)
	if twoStep {
		return Session{Challenge: s.newChallenge(row.UserID, actor, name)}, errTOTPRequired()
	}
	return s.startSession(ctx, row, actor, name, now)
}

// startSession stores a new session for a login that passed every step.
func (s *Service) startSession(ctx context.Context, row SessionRow, actor audit.Actor, name string, now time.Time) (Session, error) {
	row.ExpiresAt = now.Add(SessionTTL)
	sess := Session{Token: newToken(), Actor: actor, ExpiresAt: row.ExpiresAt}
	if err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.InsertSession(hashToken(sess.Token), row, now); err != nil {
			return err
		}
		return tx.Audit(loginEntry(ctx, now, actor, name, true))
	}); err != nil {
		return Session{}, err
	}
	return sess, nil
}

// loginEntry is the audit line of a login: who (the account when the
// name is one, else just the name tried), from where, and the outcome.
func loginEntry(ctx context.Context, at time.Time, a audit.Actor, name string, ok bool) audit.Entry {
	e := audit.Entry{At: at, UserID: a.UserID, Username: name, Action: "login", Entity: "login", EntityID: name, Address: audit.AddressFrom(ctx)}
	if a.Name != "" && a.ReaderID == 0 {
		e.Username = a.Name
	}
	switch {
	case ok && a.ReaderID != 0:
		e.Summary = "读者 " + a.Name + " 登录"
	case ok:
		e.Summary = "登录成功"
	default:
		e.Action, e.Summary = "login_failed", "登录失败：用户名或密码错误"
	}
	return e
}

// throttled refuses an attempt when the name from this address, or the
// address itself, has used up its failures; what names the wait.
func (s *Service) throttled(key, clientKey string, now time.Time, zh, en string) error {
	until := s.fails.Until(key, now)
	scope, scopeEn := "", ""
	if clientKey != "" {
		if u := s.addrFails.Until(clientKey, now); u.After(until) {
			until, scope, scopeEn = u, "（来自此地址的尝试过多）", " from this address"
		}
	}
	if until.IsZero() {
		return nil
	}
	mins := int((until.Sub(now) + time.Minute - 1) / time.Minute)
	return errs.New(errs.KindRateLimited, CodeLoginRateLimited,
		fmt.Sprintf("%s%s，请 %d 分钟后再试", zh, scope, mins), fmt.Sprintf("%s%s; try again in %d minutes", en, scopeEn, mins))
}

// failed records a wrong password for the name and the address.
func (s *Service) failed(key, clientKey string, now time.Time) {
	s.fails.Fail(key, now)
	if clientKey != "" {
		s.addrFails.Fail(clientKey, now)
	}
}

func errNotLoggedIn() *errs.Error {
	return errs.New(errs.KindUnauthorized, CodeNotLoggedIn, "请先登录", "please log in")
}

// Authenticate returns the actor of a session token.
func (s *Service) Authenticate(ctx context.Context, token string) (audit.Actor, error) {
	if token == "" {
		return audit.Actor{}, errNotLoggedIn()
	}
	h := hashToken(token)
	now := s.now()
	s.mu.Lock()
	c, ok := s.cache[h]
	s.mu.Unlock()
	if ok && now.Before(c.expires) {
		return c.actor, nil
	}
	var a audit.Actor
	var expires time.Time
	err := s.store.View(ctx, func(tx Tx) error {
		row, err := tx.Session(h)
		if err != nil {
			return err
		}
		if !now.Before(row.ExpiresAt) {
			return errs.New(errs.KindUnauthorized, CodeSessionExpired, "登录已过期，请重新登录", "the session has expired; log in again")
		}
		expires = row.ExpiresAt
		if row.UserID != 0 {
			u, err := tx.User(row.UserID)
			if err != nil {
				return err
			}
			if u.Disabled {
				return errNotLoggedIn()
			}
			a = audit.Actor{UserID: u.ID, Name: u.Username, Role: u.Role}
			return nil
		}
		r, err := tx.Reader(row.ReaderID)
		if err != nil {
			return err
		}
		if r.Status == readers.StatusCancelled {
			return errNotLoggedIn()
		}
		a = audit.Actor{ReaderID: r.ID, Name: r.Name, Role: audit.RoleReader, MustChangePassword: r.PasswordHash == ""}
		return nil
	})
	if err != nil {
		if e := errs.As(err); e.Kind == errs.KindNotFound {
			return audit.Actor{}, errNotLoggedIn()
		}
		return audit.Actor{}, err
	}
	s.mu.Lock()
	if len(s.cache) > 10000 {
		s.cache = map[string]cachedActor{}
	}
	s.cache[h] = cachedActor{actor: a, expires: minTime(now.Add(cacheTTL), expires)}
	s.mu.Unlock()
	return a, nil
}

func minTime(a, b time.Time) time.Time {
	if a.Before(b) {
		return a
	}
	return b
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, token string) error {
	h := hashToken(token)
	s.mu.Lock()
	delete(s.cache, h)
	s.mu.Unlock()
	return s.store.Update(ctx, func(tx Tx) error {
		err := tx.DeleteSession(h)
		if errs.Is(err, CodeSessionNotFound) {
			return nil
		}
		return err
	})
}

// ForgetCached drops every cached login, so that the next request of each
// session is checked against the database: after another service ended
// sessions (a cancelled reader card).
func (s *Service) ForgetCached() { s.forgetAll() }

func (s *Service) forgetAll() {
	s.mu.Lock()
	s.cache = map[string]cachedActor{}
	s.mu.Unlock()
}

// accountRole reports whether a staff account may have role r.
func accountRole(r audit.Role) bool {
	switch r {
	case audit.RoleAdmin, audit.RoleLibrarian, audit.RoleDuty, audit.RoleOrganiser, audit.RoleLeadership:
		return true
	}
	return false
}

// CreateUser adds a staff account.
func (s *Service) CreateUser(ctx context.Context, username, displayName string, role audit.Role, password string) (User, error) {
	username = strings.TrimSpace(username)
	if !usernamePattern.MatchString(username) {
		return User{}, errs.Invalid(CodeUsernameMalformed, "username", "用户名须为 2–32 位字母、数字、点、下划线或连字符", "a user name is 2–32 letters, digits, dots, underscores or hyphens")
	}
	if !accountRole(role) {
		return User{}, errs.Invalid(CodeRoleUnknown, "role", "角色必须是系统管理员、馆员、值班员、组织者或领导", "the role must be admin, librarian, duty, organiser or leadership")
	}
	if err := validatePasswordFor(username, password); err != nil {
		return User{}, err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return User{}, err
	}
	u := User{Username: username, DisplayName: plaintext.Line(displayName), Role: role, PasswordHash: hash, CreatedAt: s.now()}
	err = s.store.Update(ctx, func(tx Tx) error {
		if _, err := tx.ReaderByCard(username); err == nil {
			return errs.Invalid(CodeUsernameTaken, "username", "用户名与某读者证号相同，请换一个", "the user name equals a reader's card number")
		}
		if err := tx.InsertUser(&u); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeUsernameTaken, "username", fmt.Sprintf("用户名 %s 已存在", username), "the user name is taken")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "user", u.Username, fmt.Sprintf("新建账号 %s（%s）", u.Username, role.Label())))
	})
	return u, err
}

// UpdateUser changes a staff account's name, role or disabled flag.
func (s *Service) UpdateUser(ctx context.Context, username, displayName string, role audit.Role, disabled bool) (User, error) {
	if !accountRole(role) {
		return User{}, errs.Invalid(CodeRoleUnknown, "role", "角色必须是系统管理员、馆员、值班员、组织者或领导", "the role must be admin, librarian, duty, organiser or leadership")
	}
	var u User
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if u, err = tx.UserByName(username); err != nil {
			return err
		}
		if u.Role == audit.RoleAdmin && (role != audit.RoleAdmin || disabled) {
			users, err := tx.Users()
			if err != nil {
				return err
			}
			admins := 0
			for _, o := range users {
				if o.Role == audit.RoleAdmin && !o.Disabled {
					admins++
				}
			}
			if admins <= 1 {
				return errs.Conflict(CodeLastAdmin, "这是最后一个系统管理员账号，不能降级或停用", "this is the last admin account")
			}
		}
		u.DisplayName, u.Role, u.Disabled = plaintext.Line(displayName), role, disabled
		if err := tx.UpdateUser(&u); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "user", u.Username, fmt.Sprintf("修改账号 %s（%s）", u.Username, role.Label())))
	})
	if err == nil {
		s.forgetAll()
	}
	return u, err
}

// SetPassword sets a staff account's password and ends its sessions.
func (s *Service) SetPassword(ctx context.Context, username, password string) error {
	if err := validatePasswordFor(username, password); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		u, err := tx.UserByName(username)
		if err != nil {
			return err
		}
		u.PasswordHash = hash
		if err := tx.UpdateUser(&u); err != nil {
			return err
		}
		if err := tx.DeleteSessionsOf(u.ID, 0); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "password", "user", u.Username, "重置账号密码 "+u.Username))
	})
	if err == nil {
		s.forgetAll()
	}
	return err
}

// SetReaderPassword sets a reader's portal password and ends their sessions.
func (s *Service) SetReaderPassword(ctx context.Context, card, password string) error {
	if err := validatePasswordFor(card, password); err != nil {
		return err
	}
	hash, err := HashPassword(password)
	if err != nil {
		return err
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		r, err := tx.ReaderByCard(card)
		if err != nil {
			return err
		}
		r.PasswordHash = hash
		r.UpdatedAt = s.now()
		if err := tx.UpdateReader(&r); err != nil {
			return err
		}
		if err := tx.DeleteSessionsOf(0, r.ID); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "password", "reader", r.Card, "设置读者密码 "+r.Name))
	})
	if err == nil {
		s.forgetAll()
	}
	return err
}

// ChangeOwnPassword lets the actor change their password, checking the old.
func (s *Service) ChangeOwnPassword(ctx context.Context, a audit.Actor, oldPW, newPW string) error {
	if err := ValidatePassword(newPW); err != nil {
		return err
	}
	var name string
	var oldOK bool
	err := s.store.View(ctx, func(tx Tx) error {
		if a.UserID != 0 {
			u, err := tx.User(a.UserID)
			name, oldOK = u.Username, err == nil && CheckPassword(u.PasswordHash, oldPW)
			return err
		}
		r, err := tx.Reader(a.ReaderID)
		if err != nil {
			return err
		}
		name = r.Card
		if r.PasswordHash != "" {
			oldOK = CheckPassword(r.PasswordHash, oldPW)
			return nil
		}
		// A reader on the initial password proves it once more.
		rule, err := initialRule(tx)
		if err != nil {
			return err
		}
		oldOK = matchesInitial(rule, r, oldPW)
		if oldOK && oldPW == newPW {
			return errs.Invalid(CodePasswordUnchanged, "new_password", "新密码不能与初始密码相同", "the new password must differ from the initial one")
		}
		return nil
	})
	if err != nil {
		return err
	}
	if !oldOK {
		return errs.Invalid(CodeWrongPassword, "old_password", "原密码不正确", "the current password is wrong")
	}
	if a.UserID != 0 {
		return s.SetPassword(ctx, name, newPW)
	}
	return s.SetReaderPassword(ctx, name, newPW)
}

// Users lists the staff accounts.
func (s *Service) Users(ctx context.Context) ([]User, error) {
	var out []User
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Users()
		return err
	})
	return out, err
}

// HasAdmin reports whether any enabled admin account exists.
func (s *Service) HasAdmin(ctx context.Context) (bool, error) {
	users, err := s.Users(ctx)
	for _, u := range users {
		if u.Role == audit.RoleAdmin && !u.Disabled {
			return true, err
		}
	}
	return false, err
}

// PruneSessions deletes expired sessions.
func (s *Service) PruneSessions(ctx context.Context) error {
	return s.store.Update(ctx, func(tx Tx) error { return tx.DeleteExpiredSessions(s.now()) })
}

// User returns one staff account.
func (s *Service) User(ctx context.Context, id int64) (User, error) {
	var u User
	err := s.store.View(ctx, func(tx Tx) (err error) {
		u, err = tx.User(id)
		return err
	})
	return u, err
}
