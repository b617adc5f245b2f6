package transfer

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// DataSheet is a figure's table as a page shows it, for an Excel export:
// one worksheet named Name with a header row of Columns. A cell is a
// string, an integer, a float64 or Yuan.
type DataSheet struct {
	Name    string
	Columns []string
	Rows    [][]any
}

// Yuan is an amount in fen, written as a number of yuan with two
// decimals.
type Yuan int64

// sheetName makes name a valid, unused worksheet name: at most 31
// characters, none of []:*?/\.
func sheetName(name string, used map[string]bool) string {
	name = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '-'
		}
		return r
	}, strings.TrimSpace(name))
	if name == "" {
		name = "Sheet"
	}
	for utf8.RuneCountInString(name) > 28 {
		_, n := utf8.DecodeLastRuneInString(name)
		name = name[:len(name)-n]
	}
	base := name
	for i := 2; used[name]; i++ {
		name = fmt.Sprintf("%s (%d)", base, i)
	}
	used[name] = true
	return name
}

// WriteTablesXLSX writes tables to out as one workbook, a worksheet each.
func WriteTablesXLSX(out io.Writer, tables []DataSheet) error {
	wb, err := newWorkbook()
	if err != nil {
		return err
	}
	used := map[string]bool{}
	for _, t := range tables {
		cols := make([]column, len(t.Columns))
		for i, c := range t.Columns {
			cols[i] = column{name: c, width: max(10, min(50, float64(utf8.RuneCountInString(c))*2.2+2))}
		}
		if len(t.Rows) > 0 {
			for i := range cols {
				if i < len(t.Rows[0]) {
					if s, ok := t.Rows[0][i].(string); ok {
						cols[i].width = max(cols[i].width, min(50, float64(utf8.RuneCountInString(s))*2+2))
					}
				}
			}
		}
		sw, err := wb.sheet(sheetName(t.Name, used), cols)
		if err != nil {
			wb.close()
			return err
		}
		for _, row := range t.Rows {
			vals := make([]any, len(row))
			for i, v := range row {
				if y, ok := v.(Yuan); ok {
					vals[i] = sw.yuan(int64(y))
					continue
				}
				vals[i] = v
			}
			if err := sw.add(vals...); err != nil {
				wb.close()
				return err
			}
		}
		if err := sw.Flush(); err != nil {
			wb.close()
			return err
		}
	}
	if len(tables) == 0 {
		if _, err := wb.sheet("Sheet1", nil); err != nil {
			wb.close()
			return err
		}
	}
	return wb.write(out)
}
