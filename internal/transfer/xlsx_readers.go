package transfer

import (
	"context"
	"fmt"
	"io"
	"strings"

	"shuwu/internal/readers"
)

var readerColumns = []column{
	{"读者证号", 11}, {"姓名", 10}, {"性别", 6}, {"单位", 24}, {"职务", 14}, {"手机号", 15},
	{"读者类型", 9}, {"状态", 7}, {"有效期至", 11}, {"班次", 30},
}

// ExportReadersXLSX writes the readers, or a class's members when classID
// is not 0, one row each with their classes, in card-issue order.
func (s *Service) ExportReadersXLSX(ctx context.Context, out io.Writer, classID int64) (SheetCounts, error) {
	if classID != 0 {
		if _, err := s.readers.Class(ctx, classID); err != nil {
			return nil, err
		}
	}
	types, err := s.readers.Types(ctx)
	if err != nil {
		return nil, err
	}
	typeNames := map[int64]string{}
	for _, t := range types {
		typeNames[t.ID] = t.Name
	}
	wb, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	sh, err := wb.sheet("读者", readerColumns)
	if err != nil {
		wb.close()
		return nil, err
	}
	counts := SheetCounts{}
	var after int64
	for {
		var page []readers.Reader
		var classes map[int64][]string
		err := s.store.View(ctx, func(tx Tx) error {
			var err error
			if page, err = tx.ReadersAfter(classID, after, 1000); err != nil || len(page) == 0 {
				return err
			}
			ids := make([]int64, len(page))
			for i, r := range page {
				ids[i] = r.ID
			}
			classes, err = tx.ClassNamesOfReaders(ids)
			return err
		})
		if err != nil {
			wb.close()
			return nil, err
		}
		if len(page) == 0 {
			break
		}
		for _, r := range page {
			counts["读者"]++
			err := sh.add(r.Card, r.Name, r.Gender, r.Unit, r.Position, r.Phone, typeNames[r.TypeID], r.Status.Label("zh"),
				r.ExpiryDate, strings.Join(classes[r.ID], "、"))
			if err != nil {
				wb.close()
				return nil, err
			}
		}
		after = page[len(page)-1].ID
	}
	if err := sh.Flush(); err != nil {
		wb.close()
		return nil, err
	}
	return counts, wb.write(out)
}

var memberColumns = []column{
	{"读者证号", 11}, {"姓名", 10}, {"性别", 6}, {"单位", 24}, {"职务", 14}, {"手机号", 15},
	{"在借册数", 9}, {"超期册数", 9}, {"清还状态", 18}, {"清还时间", 17}, {"在借图书", 60},
}

var classLoanColumns = []column{
	{"读者证号", 11}, {"姓名", 10}, {"条码", 11}, {"题名", 40}, {"索书号", 14},
	{"借出时间", 17}, {"应还日期", 11}, {"超期天数", 9},
}

// ExportClassXLSX writes a class's roster for end-of-class clearance
// (结业清还): sheet 学员 has one row per member with their loans and
// clearance state, sheet 在借图书 one row per book still out.
func (s *Service) ExportClassXLSX(ctx context.Context, out io.Writer, classID int64) (SheetCounts, error) {
	c, err := s.circ.Clearance(ctx, classID)
	if err != nil {
		return nil, err
	}
	wb, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	members, err := wb.sheet("学员", memberColumns)
	if err != nil {
		wb.close()
		return nil, err
	}
	counts := SheetCounts{}
	for _, row := range c.Rows {
		overdue := 0
		var titles []string
		for _, l := range row.Loans {
			if l.OverdueDays > 0 {
				overdue++
			}
			titles = append(titles, fmt.Sprintf("《%s》%s 应还 %s", l.Title, l.Barcode, l.DueDate))
		}
		state, at := "可办理清还", ""
		switch {
		case row.Cleared && row.ClearedAt != nil:
			state, at = "已清还", row.ClearedAt.In(s.tz).Format("2006-01-02 15:04")
		case row.Cleared:
			state = "已清还"
		case len(row.Loans) > 0:
			state = fmt.Sprintf("未清还（在借 %d 册）", len(row.Loans))
		}
		r := row.Reader
		counts["学员"]++
		if err := members.add(r.Card, r.Name, r.Gender, r.Unit, r.Position, r.Phone, len(row.Loans), overdue, state, at, strings.Join(titles, "；")); err != nil {
			wb.close()
			return nil, err
		}
	}
	if err := members.Flush(); err != nil {
		wb.close()
		return nil, err
	}
	loans, err := wb.sheet("在借图书", classLoanColumns)
	if err != nil {
		wb.close()
		return nil, err
	}
	for _, row := range c.Rows {
		for _, l := range row.Loans {
			counts["在借图书"]++
			var days any
			if l.OverdueDays > 0 {
				days = l.OverdueDays
			}
			err := loans.add(row.Reader.Card, row.Reader.Name, l.Barcode, l.Title, l.CallNumber, l.LoanedAt.In(s.tz).Format("2006-01-02 15:04"), l.DueDate, days)
			if err != nil {
				wb.close()
				return nil, err
			}
		}
	}
	if err := loans.Flush(); err != nil {
		wb.close()
		return nil, err
	}
	return counts, wb.write(out)
}
