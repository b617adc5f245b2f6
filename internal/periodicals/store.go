package periodicals

import (
	"context"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
)

// Store is the periodicals' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what periodicals read and write inside one transaction. It is a
// catalogue transaction too: binding catalogues the volume and links the
// issues to it in one.
type Tx interface {
	catalog.Tx
	// InsertSubscription stores a subscription; a title already
	// subscribed that year is a conflict.
	InsertSubscription(s *Subscription) error
	// UpdateSubscription saves a subscription's title, numbers,
	// frequency, copies, source, price, class, notes and end; a title
	// already subscribed that year is a conflict.
	UpdateSubscription(s *Subscription) error
	// DeleteSubscription removes a subscription and its issues.
	DeleteSubscription(id int64) error
	InsertIssue(i *Issue) error
	// DeleteIssuesAfter removes a subscription's issues expected after
	// day that are not checked in, claimed or bound, and counts them.
	DeleteIssuesAfter(subscriptionID int64, day string) (int, error)
	// Subscription returns one with its counts as of today.
	Subscription(id int64, today string) (Subscription, error)
	Subscriptions(year int, today string) ([]Subscription, error)
	Issues(subscriptionID int64) ([]Issue, error)
	Issue(id int64) (Issue, error)
	UpdateIssue(i *Issue) error
	// LateIssues lists unreceived issues whose day plus the grace of
	// their frequency is before today.
	LateIssues(today string) ([]Issue, error)
	Audit(e audit.Entry) error
}
