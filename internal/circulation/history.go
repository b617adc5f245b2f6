package circulation

import (
	"context"

	"shuwu/internal/ledger"
)

// HistoryKinds are the events a reader's loan history lists.
var HistoryKinds = []ledger.Kind{ledger.Loan, ledger.Return, ledger.Renew, ledger.Lost}

// HistoryLine is one loan, return, renewal or loss with its book.
type HistoryLine struct {
	ledger.Entry
	Title   string `json:"title"`
	Barcode string `json:"barcode"`
}

// History lists a reader's loans, returns, renewals and losses, newest
// first, at most limit of them before the event beforeID (0: the latest),
// each with its book's title and the copy's barcode. A limit past the
// most a page holds (1000) gets that many, not a silent fallback.
func (s *Service) History(ctx context.Context, readerID int64, limit int, beforeID int64) ([]HistoryLine, error) {
	switch {
	case limit < 1:
		limit = 100
	case limit > 1000:
		limit = 1000
	}
	var out []HistoryLine
	err := s.store.View(ctx, func(tx Tx) error {
		evs, err := tx.LedgerEntries(ledger.Filter{ReaderID: readerID, Kinds: HistoryKinds, Limit: limit, BeforeID: beforeID})
		if err != nil {
			return err
		}
		var ids []int64
		for _, e := range evs {
			if e.RecordID != 0 {
				ids = append(ids, e.RecordID)
			}
		}
		titles, barcodes := map[int64]string{}, map[int64]string{}
		if len(ids) > 0 {
			recs, err := tx.RecordsByIDs(ids)
			if err != nil {
				return err
			}
			items, err := tx.ItemsOfRecords(ids)
			if err != nil {
				return err
			}
			for _, rec := range recs {
				titles[rec.ID] = rec.DisplayTitle()
			}
			for _, its := range items {
				for _, it := range its {
					barcodes[it.ID] = it.Barcode
				}
			}
		}
		out = make([]HistoryLine, 0, len(evs))
		for _, e := range evs {
			out = append(out, HistoryLine{Entry: e, Title: titles[e.RecordID], Barcode: barcodes[e.ItemID]})
		}
		return nil
	})
	return out, err
}
