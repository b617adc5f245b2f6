package transfer

import (
	"fmt"
	"strings"
	"time"
)

// Updated is a roster row whose reader was on file and was updated.
const Updated Outcome = "updated"

// RowResult is what happened to one row of a book list or roster.
type RowResult struct {
	Row     int     `json:"row"` // as Excel numbers it, header included
	Outcome Outcome `json:"outcome"`
	// Books: the title, the record the copies went to, their call
	// number and barcodes.
	Title      string   `json:"title,omitempty"`
	RecordID   int64    `json:"record_id,omitempty"`
	Items      int      `json:"items,omitempty"`
	CallNumber string   `json:"call_number,omitempty"`
	Barcodes   []string `json:"barcodes,omitempty"`
	// Rosters: the person, their card and class.
	Name  string `json:"name,omitempty"`
	Card  string `json:"card,omitempty"`
	Class string `json:"class,omitempty"`

	Problems []Problem `json:"problems,omitempty"` // why it was rejected
	Warnings []Problem `json:"warnings,omitempty"` // stored, but look at this
}

// SheetReport is the outcome of a book list or roster import, row by row.
type SheetReport struct {
	Kind     string        `json:"kind"` // books | roster
	Rows     []RowResult   `json:"rows"`
	Read     int           `json:"read"`
	Added    int           `json:"added"`   // new records, or new readers
	Matched  int           `json:"matched"` // copies added to a record the catalogue had
	Updated  int           `json:"updated"` // readers that existed and were updated
	Rejected int           `json:"rejected"`
	Held     int           `json:"held"` // good rows not stored (--all-or-nothing)
	Items    int           `json:"items"`
	Elapsed  time.Duration `json:"elapsed_ns"`
}

// Problems lists every row's problems in row order.
func (r SheetReport) Problems() []Problem {
	var out []Problem
	for _, row := range r.Rows {
		out = append(out, row.Problems...)
	}
	return out
}

func (r *SheetReport) tally() {
	r.Added, r.Matched, r.Updated, r.Rejected, r.Held, r.Items = 0, 0, 0, 0, 0, 0
	for _, row := range r.Rows {
		switch row.Outcome {
		case Added:
			r.Added++
		case Matched:
			r.Matched++
		case Updated:
			r.Updated++
		case Rejected:
			r.Rejected++
		case Held:
			r.Held++
		}
		r.Items += row.Items
	}
}

// outcomeLabels are the outcomes as a report shows them.
var outcomeLabels = map[Outcome]string{
	Added:    "新增",
	Matched:  "已有书目，已加复本",
	Updated:  "已存在，已更新",
	Rejected: "未导入（有错误）",
	Held:     "未导入（其他行有错误）",
	Skipped:  "跳过",
	Overlaid: "已覆盖",
}

// Label is the outcome in Chinese.
func (o Outcome) Label() string {
	if l, ok := outcomeLabels[o]; ok {
		return l
	}
	return string(o)
}

// Detail is the row's result in words: call number and barcodes of the
// copies, or the card issued.
func (r RowResult) Detail() string {
	var parts []string
	if r.Items > 0 {
		parts = append(parts, fmt.Sprintf("%d 册", r.Items))
	}
	if r.CallNumber != "" {
		parts = append(parts, "索书号 "+r.CallNumber)
	}
	switch len(r.Barcodes) {
	case 0:
	case 1:
		parts = append(parts, "条码 "+r.Barcodes[0])
	default:
		parts = append(parts, "条码 "+r.Barcodes[0]+"–"+r.Barcodes[len(r.Barcodes)-1])
	}
	if r.Card != "" {
		parts = append(parts, "读者证号 "+r.Card)
	}
	if r.Class != "" {
		parts = append(parts, "班次 "+r.Class)
	}
	return strings.Join(parts, "，")
}

// problemText joins a row's problems (or warnings) for one report cell.
func problemText(ps []Problem) string {
	var parts []string
	for _, p := range ps {
		s := p.Message
		if p.Column != "" {
			s = "“" + p.Column + "”" + s
		}
		parts = append(parts, s)
	}
	return strings.Join(parts, "；")
}

// fieldColumns names the domain's field names as sheet headers, so a
// problem raised by a service names the column a librarian sees.
var fieldColumns = map[string]string{
	"title": "题名", "isbn": "ISBN", "clc": "分类号", "price": "价格", "year": "出版年",
	"location": "馆藏位置", "barcode": "条码", "source": "来源", "donor": "捐赠人",
	"name": "姓名", "gender": "性别", "unit": "单位", "position": "职务", "phone": "手机号",
	"class": "班次", "card": "读者证号",
}

// asColumn renames a problem's field to its sheet header.
func asColumn(p Problem) Problem {
	if c, ok := fieldColumns[p.Column]; ok {
		p.Column = c
	}
	return p
}
