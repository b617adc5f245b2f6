package notices

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/readers"
)

// Store is the notices' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what notices read and write in one transaction.
type Tx interface {
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	Audit(e audit.Entry) error

	// NoticeLoans lists the open loans due on or before dueBy, of one
	// reader or (readerID 0) of everyone, by reader and due date.
	NoticeLoans(readerID int64, dueBy string) ([]Loan, error)
	// NoticeHolds lists the holds waiting on the hold shelf, of one reader
	// or of everyone.
	NoticeHolds(readerID int64) ([]Hold, error)
	// NoticeRecipients returns the readers with these ids.
	NoticeRecipients(ids []int64) (map[int64]Recipient, error)
	// ClassesEnding lists the classes whose end date is from..to.
	ClassesEnding(from, to string) ([]readers.Class, error)
	// ClassTraineesWithLoans lists a class's members not yet cleared
	// (结业清还) who have books out, with those loans, by card.
	ClassTraineesWithLoans(classID int64) ([]Trainee, error)

	// NoticePrefs returns the choices of these readers (absent: defaults).
	NoticePrefs(ids []int64) (map[int64]Prefs, error)
	SetNoticePrefs(p Prefs, at time.Time) error

	// ClaimNotice inserts n (status sending) unless a notice with its key
	// (kind, subject, due date, reader, channel) exists: false then, and
	// n is not stored. It sets n.ID.
	ClaimNotice(n *Notice) (bool, error)
	// ClaimRetry marks a failed notice (or, by hand, a stale one) as
	// sending again, one attempt more: false when another process took it
	// or it is no longer failed.
	ClaimRetry(id int64, at time.Time, stale bool) (Notice, bool, error)
	// SetNoticeResult stores a notice's status, error, answer and times.
	SetNoticeResult(n Notice) error
	// RetryableNotices lists failed notices with attempts left whose next
	// try is due at now.
	RetryableNotices(now time.Time, max int) ([]Notice, error)
	Notices(f Filter) ([]Notice, int, error)
	Notice(id int64) (Notice, error)
}
