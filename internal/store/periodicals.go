package store

import (
	"context"
	"database/sql"
	"fmt"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/periodicals"
)

// Periodicals returns the subscriptions' store.
func (db *DB) Periodicals() periodicals.Store { return periodicalsStore{db} }

type periodicalsStore struct{ db *DB }

func (s periodicalsStore) Update(ctx context.Context, fn func(periodicals.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s periodicalsStore) View(ctx context.Context, fn func(periodicals.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// InsertSubscription stores a subscription.
func (tx *Tx) InsertSubscription(s *periodicals.Subscription) error {
	id, err := tx.insert(`INSERT INTO subscriptions (title, issn, cn, frequency, copies, year, source, price_fen, clc, start_date, notes, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		s.Title, s.ISSN, s.CN, s.Frequency, s.Copies, s.Year, s.Source, s.PriceFen, s.CLC, s.StartDate, s.Notes, nowMillis(s.CreatedAt), nowMillis(s.UpdatedAt))
	if errs.Is(err, errs.CodeDuplicate) {
		return errs.Conflict(periodicals.CodeSubscriptionExists, fmt.Sprintf("《%s》%d 年已订阅", s.Title, s.Year), fmt.Sprintf("%s is already subscribed for %d", s.Title, s.Year))
	}
	s.ID = id
	return err
}

// UpdateSubscription saves a subscription's changes.
func (tx *Tx) UpdateSubscription(s *periodicals.Subscription) error {
	err := tx.mustAffect(errs.NotFound(periodicals.CodeSubscriptionNotFound, fmt.Sprintf("订阅 %d 不存在", s.ID), fmt.Sprintf("subscription %d does not exist", s.ID)),
		`UPDATE subscriptions SET title=?, issn=?, cn=?, frequency=?, copies=?, source=?, price_fen=?, clc=?, end_date=?, notes=?, updated_at=? WHERE id=?`,
		s.Title, s.ISSN, s.CN, s.Frequency, s.Copies, s.Source, s.PriceFen, s.CLC, s.EndDate, s.Notes, nowMillis(s.UpdatedAt), s.ID)
	if errs.Is(err, errs.CodeDuplicate) {
		return errs.Conflict(periodicals.CodeSubscriptionExists, fmt.Sprintf("《%s》%d 年已订阅", s.Title, s.Year), fmt.Sprintf("%s is already subscribed for %d", s.Title, s.Year))
	}
	return err
}

// DeleteSubscription removes a subscription and its issues.
func (tx *Tx) DeleteSubscription(id int64) error {
	if _, err := tx.exec(`DELETE FROM issues WHERE subscription_id = ?`, id); err != nil {
		return err
	}
	return tx.mustAffect(errs.NotFound(periodicals.CodeSubscriptionNotFound, fmt.Sprintf("订阅 %d 不存在", id), fmt.Sprintf("subscription %d does not exist", id)),
		`DELETE FROM subscriptions WHERE id = ?`, id)
}

// DeleteIssuesAfter removes the issues expected after day that are not
// checked in, claimed or bound.
func (tx *Tx) DeleteIssuesAfter(subscriptionID int64, day string) (int, error) {
	res, err := tx.exec(`DELETE FROM issues WHERE subscription_id = ? AND expected_date > ? AND received_date = '' AND claimed_date = '' AND bound_item_id IS NULL`, subscriptionID, day)
	if err != nil {
		return 0, err
	}
	n, err := res.RowsAffected()
	return int(n), mapErr(err)
}

// InsertIssue stores an expected issue.
func (tx *Tx) InsertIssue(i *periodicals.Issue) error {
	id, err := tx.insert(`INSERT INTO issues (subscription_id, seq, label, expected_date) VALUES (?,?,?,?)`, i.SubscriptionID, i.Seq, i.Label, i.ExpectedDate)
	i.ID = id
	return err
}

// lateCondition is true of an issue not yet in whose expected day is
// before today less the grace of its frequency (periodicals.Frequency.Grace);
// the cut-off of each frequency is bound, in periodicals.Frequencies order.
var lateCondition = func() string {
	q := `i.received_date = '' AND i.expected_date < CASE s.frequency`
	for range periodicals.Frequencies() {
		q += ` WHEN ? THEN ?`
	}
	return q + ` ELSE '' END`
}()

var subscriptionSelect = `SELECT s.id, s.title, s.issn, s.cn, s.frequency, s.copies, s.year, s.source, s.price_fen, s.clc, s.start_date, s.end_date, s.notes, s.created_at, s.updated_at,
	(SELECT COUNT(*) FROM issues i WHERE i.subscription_id = s.id AND i.expected_date <= ?),
	(SELECT COUNT(*) FROM issues i WHERE i.subscription_id = s.id AND i.received_date <> ''),
	(SELECT COUNT(*) FROM issues i WHERE i.subscription_id = s.id AND ` + lateCondition + `),
	(SELECT COUNT(*) FROM issues i WHERE i.subscription_id = s.id),
	COALESCE((SELECT MAX(i.seq) FROM issues i WHERE i.subscription_id = s.id AND i.received_date <> ''), 0)
	FROM subscriptions s`

// cutoffs are the late cut-offs for today, one per frequency.
func cutoffs(today string) []any {
	day, _ := time.Parse(time.DateOnly, today)
	out := []any{}
	for _, f := range periodicals.Frequencies() {
		out = append(out, string(f), day.AddDate(0, 0, -f.Grace()).Format(time.DateOnly))
	}
	return out
}

func (tx *Tx) subscriptions(where string, args []any, today string) ([]periodicals.Subscription, error) {
	all := append(append([]any{today}, cutoffs(today)...), args...)
	rows, err := tx.q.QueryContext(tx.ctx, subscriptionSelect+` WHERE `+where+` ORDER BY s.year DESC, s.title`, all...)
	type row struct {
		s      periodicals.Subscription
		latest int
	}
	got, err := collect(rows, mapErr(err), func(r *sql.Rows) (x row, err error) {
		var created, updated int64
		s := &x.s
		err = r.Scan(&s.ID, &s.Title, &s.ISSN, &s.CN, &s.Frequency, &s.Copies, &s.Year, &s.Source, &s.PriceFen, &s.CLC, &s.StartDate, &s.EndDate, &s.Notes, &created, &updated,
			&s.Expected, &s.Received, &s.Late, &s.Total, &x.latest)
		s.CreatedAt, s.UpdatedAt = fromMillis(created), fromMillis(updated)
		return x, err
	})
	if err != nil {
		return nil, err
	}
	out := make([]periodicals.Subscription, len(got))
	for i, x := range got {
		out[i] = x.s
		if x.latest > 0 {
			var is periodicals.Issue
			if err := tx.queryRow(nil, `SELECT `+issueColumns+` FROM issues WHERE subscription_id = ? AND seq = ?`, []any{x.s.ID, x.latest}, issueDest(&is)...); err != nil {
				return nil, err
			}
			out[i].Latest = &is
		}
	}
	return out, nil
}

// Subscription returns one subscription with its counts as of today.
func (tx *Tx) Subscription(id int64, today string) (periodicals.Subscription, error) {
	out, err := tx.subscriptions(`s.id = ?`, []any{id}, today)
	if err != nil {
		return periodicals.Subscription{}, err
	}
	if len(out) == 0 {
		return periodicals.Subscription{}, errs.NotFound(periodicals.CodeSubscriptionNotFound, fmt.Sprintf("订阅 %d 不存在", id), fmt.Sprintf("subscription %d does not exist", id))
	}
	return out[0], nil
}

// Subscriptions lists a year's subscriptions by title.
func (tx *Tx) Subscriptions(year int, today string) ([]periodicals.Subscription, error) {
	return tx.subscriptions(`s.year = ?`, []any{year}, today)
}

const issueColumns = `id, subscription_id, seq, label, expected_date, received_date, received_copies, claimed_date, COALESCE(bound_item_id, 0)`

func issueDest(i *periodicals.Issue) []any {
	return []any{&i.ID, &i.SubscriptionID, &i.Seq, &i.Label, &i.ExpectedDate, &i.ReceivedDate, &i.ReceivedCopies, &i.ClaimedDate, &i.BoundItemID}
}

// Issues lists a subscription's issues in order.
func (tx *Tx) Issues(subscriptionID int64) ([]periodicals.Issue, error) {
	rows, err := tx.query(`SELECT `+issueColumns+` FROM issues WHERE subscription_id = ? ORDER BY seq`, subscriptionID)
	return collect(rows, err, func(r *sql.Rows) (i periodicals.Issue, err error) { err = r.Scan(issueDest(&i)...); return i, err })
}

// Issue returns one issue.
func (tx *Tx) Issue(id int64) (periodicals.Issue, error) {
	var i periodicals.Issue
	err := tx.queryRow(errs.NotFound(periodicals.CodeIssueNotFound, "期次不存在", "no such issue"), `SELECT `+issueColumns+` FROM issues WHERE id = ?`, []any{id}, issueDest(&i)...)
	return i, err
}

// UpdateIssue saves an issue's check-in, claim and binding.
func (tx *Tx) UpdateIssue(i *periodicals.Issue) error {
	return tx.mustAffect(errs.NotFound(periodicals.CodeIssueNotFound, "期次不存在", "no such issue"),
		`UPDATE issues SET received_date = ?, received_copies = ?, claimed_date = ?, bound_item_id = ? WHERE id = ?`,
		i.ReceivedDate, i.ReceivedCopies, i.ClaimedDate, nullID(i.BoundItemID), i.ID)
}

// LateIssues lists the issues overdue for claiming, oldest first.
func (tx *Tx) LateIssues(today string) ([]periodicals.Issue, error) {
	cols := `i.id, i.subscription_id, i.seq, i.label, i.expected_date, i.received_date, i.received_copies, i.claimed_date, COALESCE(i.bound_item_id, 0), s.title`
	rows, err := tx.q.QueryContext(tx.ctx, `SELECT `+cols+` FROM issues i JOIN subscriptions s ON s.id = i.subscription_id WHERE `+lateCondition+
		` ORDER BY i.expected_date, s.title`, cutoffs(today)...)
	return collect(rows, mapErr(err), func(r *sql.Rows) (i periodicals.Issue, err error) {
		err = r.Scan(append(issueDest(&i), &i.Title)...)
		return i, err
	})
}
