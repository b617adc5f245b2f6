package circulation

import (
	"context"
	"fmt"

	"shuwu/internal/audit"
	"shuwu/internal/settings"
)

// Retention is how many years of loan history keep the reader's name.
func (s *Service) Retention(ctx context.Context) (settings.Retention, error) {
	var r settings.Retention
	err := s.store.View(ctx, func(tx Tx) error {
		raw, err := tx.Setting(settings.RetentionKey)
		if err != nil {
			return err
		}
		r, err = settings.ParseRetention(raw)
		return err
	})
	return r, err
}

// SaveRetention stores the years of loan history kept. The lines it
// leaves behind are untied by ApplyRetention (the server's hourly sweep),
// not in this request: a room with years of history would hold the desk
// for that long.
func (s *Service) SaveRetention(ctx context.Context, r settings.Retention) error {
	if err := r.Validate(); err != nil {
		return err
	}
	kept := "永久保留借阅历史"
	if r.LoanHistoryYears > 0 {
		kept = fmt.Sprintf("借阅历史保留 %d 年（%d 年 1 月 1 日以前的记录匿名）", r.LoanHistoryYears, r.KeptFrom(s.now(), s.tz).Year())
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SetSetting(settings.RetentionKey, r.Encode()); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "retention", "", kept))
	})
}

// retentionBatch is how many readers' old lines one transaction unties:
// short enough not to hold the desk's writer for long.
const retentionBatch = 100

// ApplyRetention unties every ledger line older than the years kept from
// its reader, a batch of readers per transaction, and audits how many
// lines it changed. Nothing to do is cheap: one indexed probe.
func (s *Service) ApplyRetention(ctx context.Context) (int, error) {
	r, err := s.Retention(ctx)
	if err != nil || r.LoanHistoryYears == 0 {
		return 0, err
	}
	before := r.KeptFrom(s.now(), s.tz).UnixMilli()
	total := 0
	for {
		var n int
		err := s.store.Update(ctx, func(tx Tx) error {
			var err error
			if n, err = tx.PseudonymiseLedger(before, s.tz, retentionBatch); err != nil || n == 0 {
				return err
			}
			return tx.Audit(audit.New(ctx, s.now(), "anonymise", "retention", "",
				fmt.Sprintf("按借阅历史保留年限（%d 年）匿名 %d 条较早的借阅与到馆记录", r.LoanHistoryYears, n)))
		})
		if err != nil || n == 0 {
			return total, err
		}
		total += n
	}
}
