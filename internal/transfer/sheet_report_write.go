package transfer

import (
	"fmt"
	"io"
	"strings"
)

// WriteReportXLSX writes an import report as a workbook a librarian can
// sort and filter: one row per input row, with its outcome, what was
// issued (call number and barcodes, or card) and what was wrong.
func WriteReportXLSX(out io.Writer, rep SheetReport) error {
	wb, err := newWorkbook()
	if err != nil {
		return err
	}
	what := "题名"
	if rep.Kind == "roster" {
		what = "姓名"
	}
	sh, err := wb.sheet("导入结果", []column{{"行号", 6}, {what, 36}, {"结果", 22}, {"详情", 50}, {"问题", 60}, {"提示", 40}})
	if err != nil {
		wb.close()
		return err
	}
	for _, r := range rep.Rows {
		name := r.Title
		if rep.Kind == "roster" {
			name = r.Name
		}
		if err := sh.add(r.Row, name, r.Outcome.Label(), r.Detail(), problemText(r.Problems), problemText(r.Warnings)); err != nil {
			wb.close()
			return err
		}
	}
	if err := sh.Flush(); err != nil {
		wb.close()
		return err
	}
	return wb.write(out)
}

// WriteReportText writes an import report as lines of text: one per row,
// then the totals.
func WriteReportText(out io.Writer, rep SheetReport) error {
	var b strings.Builder
	for _, r := range rep.Rows {
		name := r.Title
		if rep.Kind == "roster" {
			name = r.Name
		}
		fmt.Fprintf(&b, "第 %d 行 %s：%s", r.Row, name, r.Outcome.Label())
		if d := r.Detail(); d != "" {
			fmt.Fprintf(&b, "（%s）", d)
		}
		if len(r.Problems) > 0 {
			fmt.Fprintf(&b, " —— %s", problemText(r.Problems))
		}
		if len(r.Warnings) > 0 {
			fmt.Fprintf(&b, " —— 提示：%s", problemText(r.Warnings))
		}
		b.WriteByte('\n')
	}
	b.WriteString(rep.Summary())
	_, err := io.WriteString(out, b.String())
	return err
}

// Summary is the report's totals in Chinese and English, two lines.
func (r SheetReport) Summary() string {
	if r.Kind == "roster" {
		return fmt.Sprintf("读入 %d 行：新增读者 %d，已存在并更新 %d，未导入 %d；用时 %s\nread %d rows: %d readers added, %d updated, %d rejected\n",
			r.Read, r.Added, r.Updated, r.Rejected, r.Elapsed.Round(1e6), r.Read, r.Added, r.Updated, r.Rejected)
	}
	return fmt.Sprintf("读入 %d 行：新增书目 %d，已有书目加复本 %d，未导入 %d（其中因其他行有错误而未导入 %d）；新增复本 %d 册；用时 %s\nread %d rows: %d records added, %d matched, %d rejected, %d held back; %d copies added\n",
		r.Read, r.Added, r.Matched, r.Rejected+r.Held, r.Held, r.Items, r.Elapsed.Round(1e6), r.Read, r.Added, r.Matched, r.Rejected, r.Held, r.Items)
}
