package readers

import (
	"context"
	"time"

	"shuwu/internal/audit"
)

// Store is the readers' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what the readers area reads and writes in one transaction.
type Tx interface {
	InsertReader(r *Reader) error
	UpdateReader(r *Reader) error
	Reader(id int64) (Reader, error)
	ReaderByCard(card string) (Reader, error)
	Readers(f Filter) ([]Reader, int, error)
	CardExists(card string) (bool, error)

	Types() ([]Type, error)
	SaveType(t *Type) error
	DeleteType(id int64) error

	InsertClass(c *Class) error
	UpdateClass(c *Class) error
	DeleteClass(id int64) error
	Class(id int64) (Class, error)
	ClassByName(name string) (Class, error)
	Classes() ([]Class, error)
	AddMember(classID, readerID int64, at time.Time) error
	RemoveMember(classID, readerID int64) error
	Members(classID int64) ([]Member, error)
	ClassesOfReader(readerID int64) ([]Class, error)
	SetCleared(classID, readerID int64, at *time.Time) error

	ActiveLoanCount(readerID int64) (int, error)
	NextSequence(name string) (int64, error)
	Setting(key string) (string, error)
	// DeleteSessionsOf ends the logins of a reader (userID 0): a cancelled
	// card logs out at once.
	DeleteSessionsOf(userID, readerID int64) error
	// ForgetNotices blanks the addresses and words of the notices sent to
	// a reader and drops their notice choices (personal data deletion).
	ForgetNotices(readerID int64) error

	Audit(e audit.Entry) error
}
