package periodicals

import (
	"context"

	"shuwu/internal/audit"
)

// Store is the periodicals' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what periodicals read and write inside one transaction.
type Tx interface {
	// InsertSubscription stores a subscription; a title already
	// subscribed that year is a conflict.
	InsertSubscription(s *Subscription) error
	InsertIssue(i *Issue) error
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
