package transfer

import (
	"context"
	"io"

	"shuwu/internal/circulation"
)

var overdueColumns = []column{
	{"班次", 22}, {"姓名", 10}, {"读者证号", 11}, {"单位", 24}, {"手机号", 14},
	{"题名", 40}, {"条码", 11}, {"索书号", 14}, {"借出日期", 11}, {"应还日期", 11}, {"超期天数", 9},
}

// ExportOverdueXLSX writes every overdue loan (of one class when classID
// is not 0) to sheet 逾期图书, ordered by class and reader, with the
// reader's unit and phone for 催还 calls.
func (s *Service) ExportOverdueXLSX(ctx context.Context, out io.Writer, classID int64) (SheetCounts, error) {
	loans, _, err := s.circ.OverdueList(ctx, circulation.OverdueFilter{ClassID: classID, ByClass: true})
	if err != nil {
		return nil, err
	}
	wb, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	sh, err := wb.sheet("逾期图书", overdueColumns)
	if err != nil {
		wb.close()
		return nil, err
	}
	counts := SheetCounts{}
	for _, l := range loans {
		counts["逾期图书"]++
		if err := sh.add(l.ClassName, l.ReaderName, l.ReaderCard, l.ReaderUnit, l.ReaderPhone, l.Title, l.Barcode, l.CallNumber,
			l.LoanedAt.In(s.tz).Format("2006-01-02"), l.DueDate, l.OverdueDays); err != nil {
			wb.close()
			return nil, err
		}
	}
	if err := sh.Flush(); err != nil {
		wb.close()
		return nil, err
	}
	return counts, wb.write(out)
}
