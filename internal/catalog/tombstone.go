package catalog

import (
	"context"
	"time"
)

// Tombstone is what remains of a deleted record: its id, when it went,
// and the category (harvesting set) it was in.
type Tombstone struct {
	RecordID   int64     `json:"record_id"`
	DeletedAt  time.Time `json:"deleted_at"`
	CategoryID int64     `json:"category_id,omitempty"`
	Title      string    `json:"title"`
}

// HarvestFilter selects records and tombstones by datestamp for a
// harvester: From and Until inclusive (zero for open), in one category
// when CategoryID is set, after the key (datestamp, id) of the previous
// page.
type HarvestFilter struct {
	From, Until time.Time
	CategoryID  int64
	AfterStamp  time.Time
	AfterID     int64
	Limit       int
}

// HarvestEntry is a live record or a tombstone, in datestamp order.
type HarvestEntry struct {
	RecordID   int64
	Datestamp  time.Time
	CategoryID int64
	Deleted    bool
}

// Harvest lists records and tombstones changed in the filter's window,
// oldest first, and how many there are in the window in all.
func (s *Service) Harvest(ctx context.Context, f HarvestFilter) ([]HarvestEntry, int, error) {
	var out []HarvestEntry
	var total int
	err := s.store.View(ctx, func(tx Tx) error {
		var err error
		if out, err = tx.Harvest(f); err != nil {
			return err
		}
		total, err = tx.HarvestCount(f)
		return err
	})
	return out, total, err
}

// Tombstone returns the tombstone of a deleted record, or RECORD_NOT_FOUND
// when the id never existed (or still exists).
func (s *Service) Tombstone(ctx context.Context, id int64) (Tombstone, error) {
	var t Tombstone
	err := s.store.View(ctx, func(tx Tx) error {
		var err error
		t, err = tx.Tombstone(id)
		return err
	})
	return t, err
}

// EarliestDatestamp is the oldest datestamp a harvester can ask for.
func (s *Service) EarliestDatestamp(ctx context.Context) (time.Time, error) {
	var t time.Time
	err := s.store.View(ctx, func(tx Tx) error {
		var err error
		t, err = tx.EarliestDatestamp()
		return err
	})
	return t, err
}
