package store

import (
	"context"

	"shuwu/internal/annualreport"
)

// AnnualReports is the annual report's store: the librarian's texts, kept
// as settings.
func (db *DB) AnnualReports() annualreport.Store { return annualReportStore{db} }

type annualReportStore struct{ db *DB }

func (s annualReportStore) Update(ctx context.Context, fn func(annualreport.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s annualReportStore) View(ctx context.Context, fn func(annualreport.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}
