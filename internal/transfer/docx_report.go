package transfer

import (
	"io"

	"github.com/gomutex/godocx"

	"shuwu/internal/annualreport"
)

// WriteReportDOCX writes the annual report as a Word document: the title,
// each section's heading, paragraphs and table of figures.
func WriteReportDOCX(out io.Writer, rep annualreport.Report) error {
	doc, err := godocx.NewDocument()
	if err != nil {
		return err
	}
	if _, err := doc.AddHeading(rep.Title, 0); err != nil {
		return err
	}
	doc.AddParagraph("统计期间：" + rep.Range.From + " 至 " + rep.Range.To)
	for _, s := range rep.Sections {
		if _, err := doc.AddHeading(s.Heading, 1); err != nil {
			return err
		}
		for _, p := range s.Paragraphs() {
			doc.AddParagraph(p)
		}
		if s.Table == nil || len(s.Table.Rows) == 0 {
			continue
		}
		t := doc.AddTable()
		t.Style("LightList-Accent1")
		head := t.AddRow()
		for _, c := range s.Table.Columns {
			head.AddCell().AddParagraph(c)
		}
		for _, row := range s.Table.Rows {
			r := t.AddRow()
			for _, c := range row {
				r.AddCell().AddParagraph(c.Text)
			}
		}
		doc.AddParagraph("")
	}
	return doc.Write(out)
}
