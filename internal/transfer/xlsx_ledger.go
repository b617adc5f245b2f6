package transfer

import (
	"context"
	"io"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/ledger"
)

// LedgerSheetOptions select the lines of a ledger export.
type LedgerSheetOptions struct {
	From, To string // YYYY-MM-DD in the library's time zone, both days included
	ClassID  int64  // only events of this class's members; 0 for all
}

var ledgerColumns = []column{
	{"时间", 17}, {"类型", 9}, {"读者", 10}, {"读者证号", 11}, {"班次", 24}, {"条码", 11},
	{"题名", 40}, {"索书号", 14}, {"应还日期", 11}, {"操作员", 10},
}

// ledgerPage is how many events one read transaction fetches.
const ledgerPage = 2000

// ExportLedgerXLSX writes the circulation ledger of a date range, oldest
// first. Events are read a page at a time and streamed to the sheet, so
// a year of a busy room's ledger stays in bounded memory.
func (s *Service) ExportLedgerXLSX(ctx context.Context, out io.Writer, o LedgerSheetOptions) (SheetCounts, error) {
	from, err := time.ParseInLocation(time.DateOnly, o.From, s.tz)
	if err != nil {
		return nil, errs.Invalid(errs.CodeDateInvalid, "from", "起始日期应写成 2024-05-01", "--from must be a date such as 2024-05-01")
	}
	to, err := time.ParseInLocation(time.DateOnly, o.To, s.tz)
	if err != nil {
		return nil, errs.Invalid(errs.CodeDateInvalid, "to", "截止日期应写成 2024-05-31", "--to must be a date such as 2024-05-31")
	}
	if to.Before(from) {
		return nil, errs.Invalid(CodeDateRangeReversed, "to", "截止日期不能早于起始日期", "--to is before --from")
	}
	wb, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	sh, err := wb.sheet("流通记录", ledgerColumns)
	if err != nil {
		wb.close()
		return nil, err
	}
	f := LedgerFilter{From: from, To: to.AddDate(0, 0, 1), ClassID: o.ClassID, Limit: ledgerPage}
	counts := SheetCounts{}
	for {
		if err := ctx.Err(); err != nil {
			wb.close()
			return nil, err
		}
		var page []LedgerRow
		err := s.store.View(ctx, func(tx Tx) (err error) {
			page, err = tx.Ledger(f)
			return err
		})
		if err != nil {
			wb.close()
			return nil, err
		}
		for _, l := range page {
			counts["流通记录"]++
			err := sh.add(l.At.In(s.tz).Format("2006-01-02 15:04:05"), ledger.Kind(l.Kind).Label(false), l.ReaderName, l.ReaderCard, l.ClassName,
				l.Barcode, l.Title, l.CallNumber, l.DueDate, l.Staff)
			if err != nil {
				wb.close()
				return nil, err
			}
		}
		if len(page) < f.Limit {
			break
		}
		f.AfterID = page[len(page)-1].ID
	}
	if err := sh.Flush(); err != nil {
		wb.close()
		return nil, err
	}
	return counts, wb.write(out)
}
