package store

import (
	"context"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/readers"
	"shuwu/internal/settings"
)

// Seed gives an empty database what a library needs on day one: the eight
// categories, the shelf groups and rooms, the reader types, a catch-all
// loan policy and the default rules. It does nothing on a database that
// already has reader types.
func (db *DB) Seed(ctx context.Context) error {
	return db.Update(ctx, func(tx *Tx) error {
		n, err := tx.count(`SELECT COUNT(*) FROM reader_types`)
		if err != nil || n > 0 {
			return err
		}
		for _, c := range catalog.DefaultCategories() {
			if err := tx.SaveCategory(&c); err != nil {
				return err
			}
		}
		for _, l := range catalog.DefaultLocations() {
			if err := tx.SaveLocation(&l); err != nil {
				return err
			}
		}
		var visitor int64
		for _, t := range readers.DefaultTypes() {
			if err := tx.SaveType(&t); err != nil {
				return err
			}
			if t.Code == readers.TypeVisitor {
				visitor = t.ID
			}
		}
		def := circulation.DefaultPolicy()
		if err := tx.SavePolicy(&def); err != nil {
			return err
		}
		vp := circulation.Policy{ReaderTypeID: visitor, LoanDays: 14, MaxLoans: 2, Renewals: 0, RenewalDays: 0, HoldsAllowed: false, MaxHolds: 0}
		if err := tx.SavePolicy(&vp); err != nil {
			return err
		}
		return tx.SetSetting(settings.Key, settings.Defaults().Encode())
	})
}

// Counts are the totals `shuwu stats` prints.
type Counts struct {
	Records int `json:"records"`
	// Items counts the copies the library holds: lost and withdrawn
	// copies stay in the database for history but are not holdings.
	Items       int `json:"items"`
	Readers     int `json:"readers"`
	Classes     int `json:"classes"`
	ActiveLoans int `json:"active_loans"`
	Overdue     int `json:"overdue_loans"`
	Holds       int `json:"holds"`
}

// Counts returns the collection and circulation totals; today is the
// library's date, for overdue.
func (db *DB) Counts(ctx context.Context, today string) (Counts, error) {
	var c Counts
	err := db.View(ctx, func(tx *Tx) error {
		return tx.queryRow(nil, `SELECT (SELECT COUNT(*) FROM records), (SELECT COUNT(*) FROM items WHERE `+heldCondition+`), (SELECT COUNT(*) FROM readers),
			(SELECT COUNT(*) FROM classes), (SELECT COUNT(*) FROM loans), (SELECT COUNT(*) FROM loans WHERE due_date < ?), (SELECT COUNT(*) FROM holds)`,
			[]any{today}, &c.Records, &c.Items, &c.Readers, &c.Classes, &c.ActiveLoans, &c.Overdue, &c.Holds)
	})
	return c, err
}

// AuditLog lists audit entries, newest first.
func (db *DB) AuditLog(ctx context.Context, entity string, limit int, beforeID int64) ([]audit.Entry, error) {
	var out []audit.Entry
	err := db.View(ctx, func(tx *Tx) (err error) {
		out, err = tx.AuditLog(entity, limit, beforeID)
		return err
	})
	return out, err
}
