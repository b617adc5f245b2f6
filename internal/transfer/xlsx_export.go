package transfer

import (
	"io"

	"github.com/xuri/excelize/v2"
)

// column is one column of an exported sheet: its header and width in
// Excel's character units, chosen so typical Chinese content fits.
type column struct {
	name  string
	width float64
}

// workbook is an .xlsx being written sheet by sheet, each through a
// StreamWriter so the rows never sit in memory all at once (excelize
// spills them to a temporary file past 16 MB).
type workbook struct {
	f      *excelize.File
	header int // style of header cells
	money  int // style of amounts in yuan
	sheets int
}

func newWorkbook() (*workbook, error) {
	f := excelize.NewFile()
	wb := &workbook{f: f}
	var err error
	wb.header, err = f.NewStyle(&excelize.Style{
		Font:      &excelize.Font{Bold: true},
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"DDEBF7"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"},
		Border:    []excelize.Border{{Type: "bottom", Color: "8EA9DB", Style: 1}},
	})
	if err != nil {
		f.Close()
		return nil, err
	}
	wb.money, err = f.NewStyle(&excelize.Style{NumFmt: 2}) // 0.00
	if err != nil {
		f.Close()
		return nil, err
	}
	return wb, nil
}

// sheet starts a worksheet with a frozen header row. Finish it with
// Flush before starting the next.
func (wb *workbook) sheet(name string, cols []column) (*sheetWriter, error) {
	if wb.sheets == 0 {
		if err := wb.f.SetSheetName("Sheet1", name); err != nil {
			return nil, err
		}
	} else if _, err := wb.f.NewSheet(name); err != nil {
		return nil, err
	}
	wb.sheets++
	sw, err := wb.f.NewStreamWriter(name)
	if err != nil {
		return nil, err
	}
	for i, c := range cols {
		if err := sw.SetColWidth(i+1, i+1, c.width); err != nil {
			return nil, err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: 1, TopLeftCell: "A2", ActivePane: "bottomLeft"}); err != nil {
		return nil, err
	}
	w := &sheetWriter{sw: sw, wb: wb}
	head := make([]any, len(cols))
	for i, c := range cols {
		head[i] = excelize.Cell{StyleID: wb.header, Value: c.name}
	}
	return w, w.add(head...)
}

// write saves the workbook to out and releases it.
func (wb *workbook) write(out io.Writer) error {
	defer wb.f.Close()
	wb.f.SetActiveSheet(0)
	_, err := wb.f.WriteTo(out)
	return err
}

// close releases the workbook without writing it.
func (wb *workbook) close() { wb.f.Close() }

// sheetWriter appends rows to one worksheet.
type sheetWriter struct {
	sw   *excelize.StreamWriter
	wb   *workbook
	rows int // rows written, header included
}

// add appends a row.
func (w *sheetWriter) add(values ...any) error {
	w.rows++
	cell, err := excelize.CoordinatesToCellName(1, w.rows)
	if err != nil {
		return err
	}
	return w.sw.SetRow(cell, values)
}

// yuan is an amount in fen as a number cell showing two decimals; no
// price is an empty cell, not 0.00.
func (w *sheetWriter) yuan(fen int64) any {
	if fen == 0 {
		return nil
	}
	return excelize.Cell{StyleID: w.wb.money, Value: float64(fen) / 100}
}

// Flush ends the sheet.
func (w *sheetWriter) Flush() error { return w.sw.Flush() }
