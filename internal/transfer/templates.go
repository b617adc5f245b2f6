package transfer

import (
	"context"
	"fmt"
	"io"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/catalog"
)

// templateRows is how far down a template's drop-down lists reach.
const templateRows = 2000

// WriteBooksTemplate writes a book-list template: the headers, one
// example row, and drop-down lists for 来源 and 馆藏位置 drawn from a
// sheet 选项 that lists the accepted values.
func (s *Service) WriteBooksTemplate(ctx context.Context, out io.Writer) error {
	locs, err := s.catalog.Locations(ctx)
	if err != nil {
		return err
	}
	example := []any{"习近平谈治国理政", "第四卷", "", "", "习近平著", "外文出版社", 2022, "978-7-119-13099-6", "CNY80.00", "D2-0", 2, "集中采购", "", ""}
	if len(locs) > 0 {
		example[13] = locs[0].Name
	}
	var sources []string
	for _, src := range catalog.Sources() {
		sources = append(sources, src.Label("zh"))
	}
	var locNames []string
	for _, l := range locs {
		locNames = append(locNames, l.Name)
	}
	widths := []float64{30, 8, 14, 8, 18, 18, 8, 19, 10, 10, 6, 10, 10, 18}
	lists := map[string][]string{"来源": sources, "馆藏位置": locNames}
	return writeTemplate(out, "书目清单", BookColumns, widths, example, lists)
}

// WriteRosterTemplate writes a roster template with the headers, an
// example row and drop-down lists for 性别 and 班次 (the classes on file).
func (s *Service) WriteRosterTemplate(ctx context.Context, out io.Writer) error {
	classes, err := s.readers.Classes(ctx)
	if err != nil {
		return err
	}
	var names []string
	for _, c := range classes {
		names = append(names, c.Name)
	}
	example := []any{"张三", "男", "某某县委组织部", "科长", "13800138000", "2024年秋季科干班"}
	if len(names) > 0 {
		example[5] = names[0]
	}
	widths := []float64{10, 6, 26, 14, 15, 28}
	return writeTemplate(out, "学员名单", RosterColumns, widths, example, map[string][]string{"性别": {"男", "女"}, "班次": names})
}

// writeTemplate builds a template workbook. Each list goes in a column of
// sheet 选项 and the data validation refers to it, since a list typed
// into the validation itself is capped at 255 characters.
func writeTemplate(out io.Writer, sheet string, headers []string, widths []float64, example []any, lists map[string][]string) error {
	f := excelize.NewFile()
	defer f.Close()
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	head, err := f.NewStyle(&excelize.Style{
		Font: &excelize.Font{Bold: true},
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
	})
	if err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, "A1", &headers); err != nil {
		return err
	}
	last, _ := excelize.CoordinatesToCellName(len(headers), 1)
	if err := f.SetCellStyle(sheet, "A1", last, head); err != nil {
		return err
	}
	if err := f.SetSheetRow(sheet, "A2", &example); err != nil {
		return err
	}
	for i, w := range widths {
		col, _ := excelize.ColumnNumberToName(i + 1)
		if err := f.SetColWidth(sheet, col, col, w); err != nil {
			return err
		}
	}
	if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if _, err := f.NewSheet("选项"); err != nil {
		return err
	}
	optCol := 0
	for i, h := range headers {
		values := lists[h]
		if values == nil {
			continue
		}
		optCol++
		colName, _ := excelize.ColumnNumberToName(optCol)
		if err := f.SetCellValue("选项", colName+"1", h); err != nil {
			return err
		}
		for j, v := range values {
			if err := f.SetCellValue("选项", fmt.Sprintf("%s%d", colName, j+2), v); err != nil {
				return err
			}
		}
		if len(values) == 0 {
			continue
		}
		target, _ := excelize.ColumnNumberToName(i + 1)
		dv := excelize.NewDataValidation(true)
		dv.Sqref = fmt.Sprintf("%s2:%s%d", target, target, templateRows)
		dv.SetSqrefDropList(fmt.Sprintf("选项!$%s$2:$%s$%d", colName, colName, len(values)+1))
		dv.SetError(excelize.DataValidationErrorStyleWarning, h, "请从下拉列表中选择")
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	_, err = f.WriteTo(out)
	return err
}
