package auth

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// User is a staff account.
type User struct {
	ID           int64      `json:"id"`
	Username     string     `json:"username"`
	DisplayName  string     `json:"display_name"`
	Role         audit.Role `json:"role"`
	Disabled     bool       `json:"disabled"`
	PasswordHash string     `json:"-"`
	CreatedAt    time.Time  `json:"created_at"`
	// TOTPSecret is set when the account logs in in two steps (两步验证);
	// TOTPPending while it is being set up.
	TOTPSecret  string `json:"-"`
	TOTPPending string `json:"-"`
	// TwoStep says, in listings, whether two-step login is on.
	TwoStep bool `json:"two_step"`
}

// SessionRow is a stored session: a staff user's or a reader's.
type SessionRow struct {
	UserID    int64
	ReaderID  int64
	ExpiresAt time.Time
}

// Store is the accounts' persistence.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what auth reads and writes in one transaction.
type Tx interface {
	InsertUser(u *User) error
	UpdateUser(u *User) error
	User(id int64) (User, error)
	UserByName(name string) (User, error)
	Users() ([]User, error)

	ReaderByCard(card string) (readers.Reader, error)
	Reader(id int64) (readers.Reader, error)
	UpdateReader(r *readers.Reader) error

	InsertSession(hash string, s SessionRow, created time.Time) error
	Session(hash string) (SessionRow, error)
	DeleteSession(hash string) error
	DeleteSessionsOf(userID, readerID int64) error
	DeleteExpiredSessions(now time.Time) error

	// Setting returns a stored setting ("" when unset): the rules hold
	// the initial-password rule.
	Setting(key string) (string, error)

	Audit(e audit.Entry) error
}
