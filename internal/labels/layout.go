// Package labels is what the room prints on label stock and card sheets:
// spine labels (书标) with the call number, barcode labels (Code 128) with
// the library's name, and reader cards (读者证) with the card number as a
// barcode and a QR code; laid out at exact millimetres on the A4 sheets
// label stock comes in, with the printer's offset, starting after the
// labels a half-used sheet has lost.
package labels

import "fmt"

// Sheet is a kind of A4 label stock: Cols × Rows labels of W × H mm, the
// first one Top mm from the top and Left mm from the left edge, GapX and
// GapY mm between neighbours.
type Sheet struct {
	Code       string  `json:"code"`
	Name       string  `json:"name"`
	Cols, Rows int     `json:"-"`
	W, H       float64 `json:"-"`
	Top, Left  float64 `json:"-"`
	GapX, GapY float64 `json:"-"`
}

// PageW and PageH are A4's size in mm.
const (
	PageW = 210.0
	PageH = 297.0
)

// Sheets are the common A4 stocks: 3×8 (70 × 37 mm), 4×10 (48.5 × 25.4),
// 5×13 (38.1 × 21.2), and 2×5 cards the size of a bank card (85.6 × 54).
var Sheets = []Sheet{
	{Code: "3x8", Name: "3×8（70×37 mm）", Cols: 3, Rows: 8, W: 70, H: 37, Top: 0.5, Left: 0},
	{Code: "4x10", Name: "4×10（48.5×25.4 mm）", Cols: 4, Rows: 10, W: 48.5, H: 25.4, Top: 21.5, Left: 8},
	{Code: "5x13", Name: "5×13（38.1×21.2 mm）", Cols: 5, Rows: 13, W: 38.1, H: 21.2, Top: 10.7, Left: 4.75, GapX: 2.5},
	{Code: "cards", Name: "2×5 读者证（85.6×54 mm）", Cols: 2, Rows: 5, W: 85.6, H: 54, Top: 13.5, Left: 14.4, GapX: 10},
}

// SheetByCode finds a stock by its code.
func SheetByCode(code string) (Sheet, bool) {
	for _, s := range Sheets {
		if s.Code == code {
			return s, true
		}
	}
	return Sheet{}, false
}

// PerPage is how many labels one sheet holds.
func (s Sheet) PerPage() int { return s.Cols * s.Rows }

// Check reports whether the stock fits on A4 (a mistake in Sheets).
func (s Sheet) Check() error {
	w := s.Left + float64(s.Cols)*s.W + float64(s.Cols-1)*s.GapX
	h := s.Top + float64(s.Rows)*s.H + float64(s.Rows-1)*s.GapY
	if w > PageW+0.01 || h > PageH+0.01 {
		return fmt.Errorf("labels: sheet %s is %.1f × %.1f mm, larger than A4", s.Code, w, h)
	}
	return nil
}

// Offset moves everything on the sheet by X mm to the right and Y mm down,
// for a printer that does not print where it is told.
type Offset struct {
	X float64 `json:"x"`
	Y float64 `json:"y"`
}

// MaxOffset bounds an offset, in mm either way.
const MaxOffset = 10.0

// Place is where one label goes: on which page (from 0) and its top-left
// corner in mm from the page's.
type Place struct {
	Page int
	X, Y float64
}

// Places lays n labels out on sheets of stock s, leaving the first skip
// positions of the first sheet empty (labels already peeled off).
func (s Sheet) Places(n, skip int, off Offset) []Place {
	out := make([]Place, 0, n)
	per := s.PerPage()
	for i := skip; i < skip+n; i++ {
		pos := i % per
		col, row := pos%s.Cols, pos/s.Cols
		out = append(out, Place{
			Page: i / per,
			X:    round(s.Left + off.X + float64(col)*(s.W+s.GapX)),
			Y:    round(s.Top + off.Y + float64(row)*(s.H+s.GapY)),
		})
	}
	return out
}

// round keeps a tenth of a millimetre's hundredth: what CSS gets.
func round(mm float64) float64 {
	return float64(int64(mm*100+0.5)) / 100
}
