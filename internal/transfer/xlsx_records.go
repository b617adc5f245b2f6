package transfer

import (
	"context"
	"io"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/isbn"
)

// RecordsSheetOptions select the records an Excel export holds.
type RecordsSheetOptions struct {
	CLCPrefix string // only records whose class starts with it, e.g. D26
}

// SheetCounts says how many rows each sheet of an export got, header
// excluded.
type SheetCounts map[string]int

var recordColumns = []column{
	{"题名", 40}, {"卷次", 8}, {"分册名", 14}, {"版次", 8}, {"作者", 22}, {"出版社", 20}, {"出版年", 8}, {"ISBN", 19}, {"分类号", 10},
	{"索书号", 14}, {"价格（元）", 10}, {"复本数", 8}, {"在架", 6}, {"分类", 10},
}

var copyColumns = []column{
	{"条码", 11}, {"索书号", 14}, {"题名", 40}, {"卷次", 8}, {"分册名", 14}, {"版次", 8}, {"作者", 22}, {"出版社", 20}, {"出版年", 8}, {"ISBN", 19},
	{"分类号", 10}, {"馆藏位置", 18}, {"状态", 8}, {"来源", 10}, {"捐赠人", 10}, {"价格（元）", 10}, {"入藏日期", 11},
}

// ExportRecordsXLSX writes the catalogue as a workbook of two sheets:
// 书目, one row per record with its copy counts, for an overview; and 复本,
// one row per copy with the record's columns repeated, so a librarian can
// filter and count volumes by location, status or source without lookups.
func (s *Service) ExportRecordsXLSX(ctx context.Context, out io.Writer, o RecordsSheetOptions) (SheetCounts, error) {
	wb, err := newWorkbook()
	if err != nil {
		return nil, err
	}
	counts := SheetCounts{}
	keep := func(r catalog.Record) bool {
		return o.CLCPrefix == "" || strings.HasPrefix(r.CLC, strings.ToUpper(strings.TrimSpace(o.CLCPrefix)))
	}
	var cats map[int64]string
	if cats, err = s.categoryNames(ctx); err != nil {
		wb.close()
		return nil, err
	}
	recs, err := wb.sheet("书目", recordColumns)
	if err != nil {
		wb.close()
		return nil, err
	}
	err = s.eachRecord(ctx, func(r catalog.Record, items []catalog.Item, _ *Original, _ locationIndex) error {
		if !keep(r) {
			return nil
		}
		shelf := 0
		for _, it := range items {
			if it.Status == catalog.StatusAvailable {
				shelf++
			}
		}
		counts["书目"]++
		return recs.add(r.Title, r.PartNumber, r.PartName, r.Edition, r.AuthorLine(), r.Publisher, yearCell(r.Year), isbnText(r.ISBN), r.CLC,
			callNumberOf(items), recs.yuan(r.PriceFen), len(items), shelf, cats[r.CategoryID])
	})
	if err == nil {
		err = recs.Flush()
	}
	if err != nil {
		wb.close()
		return nil, err
	}
	copies, err := wb.sheet("复本", copyColumns)
	if err != nil {
		wb.close()
		return nil, err
	}
	err = s.eachRecord(ctx, func(r catalog.Record, items []catalog.Item, _ *Original, locs locationIndex) error {
		if !keep(r) {
			return nil
		}
		for _, it := range items {
			counts["复本"]++
			err := copies.add(it.Barcode, it.CallNumber, r.Title, r.PartNumber, r.PartName, r.Edition, r.AuthorLine(), r.Publisher, yearCell(r.Year), isbnText(r.ISBN),
				r.CLC, locs.name(it.LocationID), it.Status.Label("zh"), it.Source.Label("zh"), it.Donor, copies.yuan(it.PriceFen), it.AddedDate)
			if err != nil {
				return err
			}
		}
		return nil
	})
	if err == nil {
		err = copies.Flush()
	}
	if err != nil {
		wb.close()
		return nil, err
	}
	return counts, wb.write(out)
}

func (s *Service) categoryNames(ctx context.Context) (map[int64]string, error) {
	out := map[int64]string{}
	err := s.store.View(ctx, func(tx Tx) error {
		cats, err := tx.Categories()
		for _, c := range cats {
			out[c.ID] = c.Name
		}
		return err
	})
	return out, err
}

// callNumberOf is the call number a record's copies share (the first
// one found).
func callNumberOf(items []catalog.Item) string {
	for _, it := range items {
		if it.CallNumber != "" {
			return it.CallNumber
		}
	}
	return ""
}

// isbnText shows an ISBN hyphenated, as a text cell so Excel does not
// turn it into 9.78701E+12.
func isbnText(s string) string {
	if s == "" {
		return ""
	}
	return isbn.Hyphenate(s)
}

func yearCell(y int) any {
	if y == 0 {
		return nil
	}
	return y
}
