package transfer

import "io"

// Table is a plain one-sheet workbook: a header row, then rows of values
// (strings, numbers, times), for lists the pages offer "as Excel".
type Table struct {
	Sheet   string
	Columns []string
	Widths  []float64 // in Excel's character units; missing ones are 14
}

// WriteTable writes t to out as .xlsx; rows calls add once per row and
// may stop early by returning an error, which WriteTable returns.
func WriteTable(out io.Writer, t Table, rows func(add func(values ...any) error) error) error {
	cols := make([]column, len(t.Columns))
	for i, name := range t.Columns {
		cols[i] = column{name: name, width: 14}
		if i < len(t.Widths) && t.Widths[i] > 0 {
			cols[i].width = t.Widths[i]
		}
	}
	wb, err := newWorkbook()
	if err != nil {
		return err
	}
	sh, err := wb.sheet(t.Sheet, cols)
	if err == nil {
		err = rows(sh.add)
	}
	if err == nil {
		err = sh.Flush()
	}
	if err != nil {
		wb.close()
		return err
	}
	return wb.write(out)
}
