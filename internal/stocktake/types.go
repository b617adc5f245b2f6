// Package stocktake is the 盘点: a session over part of the collection
// (all of it, one shelf group, a CLC range) in which staff scan the copies
// shelf by shelf, or load a scanner's barcode file; the result sorts every
// copy into found on its shelf, on the wrong shelf, out of call-number
// order, away as expected (on loan, on the hold shelf, in repair),
// missing, found again though marked lost, and barcodes no copy has, with
// the volumes and their value for the asset ledger; missing copies are
// marked 遗失 in one step.
package stocktake

import "time"

// Status is where a stocktake stands.
type Status string

// Statuses.
const (
	Open   Status = "open"   // 进行中
	Closed Status = "closed" // 已结束
)

// Stocktake is one 盘点 session.
type Stocktake struct {
	ID           int64     `json:"id"`
	Name         string    `json:"name"`
	LocationID   int64     `json:"location_id,omitempty"` // 0: every shelf group
	LocationName string    `json:"location_name,omitempty"`
	CLCFrom      string    `json:"clc_from,omitempty"` // a CLC range, inclusive, by prefix
	CLCTo        string    `json:"clc_to,omitempty"`
	Status       Status    `json:"status"`
	StartedBy    string    `json:"started_by"`
	StartedAt    time.Time `json:"started_at"`
	ClosedAt     time.Time `json:"closed_at,omitzero"`
	LostMarked   int       `json:"lost_marked"`
	Scanned      int       `json:"scanned"`
}

// Copy is a copy as the stocktake sees it.
type Copy struct {
	ID           int64  `json:"id"`
	RecordID     int64  `json:"record_id"`
	Barcode      string `json:"barcode"`
	Title        string `json:"title"`
	CallNumber   string `json:"call_number"`
	CallSort     string `json:"-"`
	CLC          string `json:"clc"`
	LocationID   int64  `json:"location_id"`
	LocationName string `json:"location_name"`
	Status       string `json:"status"`
	PriceFen     int64  `json:"price_fen"`
}

// Scan is one barcode seen on one shelf group.
type Scan struct {
	Barcode    string    `json:"barcode"`
	LocationID int64     `json:"location_id"`
	Seq        int64     `json:"seq"`
	ScannedAt  time.Time `json:"scanned_at"`
}

// Verdict is what the stocktake makes of a copy or a barcode.
type Verdict string

// The verdicts, in the order the result lists them.
const (
	Found      Verdict = "found"        // 在架
	WrongShelf Verdict = "wrong_shelf"  // 错架
	OutOfOrder Verdict = "out_of_order" // 顺序错误
	Away       Verdict = "away"         // 借出或在别处（预约架、修补、在途）
	Missing    Verdict = "missing"      // 未找到
	LoanedHere Verdict = "loaned_here"  // 记录为借出却在架
	FoundAgain Verdict = "found_again"  // 已注销（遗失、剔除）却在架
	OutOfScope Verdict = "out_of_scope" // 不在本次盘点范围
	Unknown    Verdict = "unknown"      // 未知条码
)

// Verdicts lists them in order.
func Verdicts() []Verdict {
	return []Verdict{Found, WrongShelf, OutOfOrder, Away, Missing, LoanedHere, FoundAgain, OutOfScope, Unknown}
}

// Line is one copy (or unknown barcode) in the result.
type Line struct {
	Copy
	Verdict    Verdict `json:"verdict"`
	ScannedLoc int64   `json:"scanned_location_id,omitempty"` // the shelf group it was scanned on
	ScannedIn  string  `json:"scanned_in,omitempty"`
}

// Total is a verdict's count and value.
type Total struct {
	Verdict  Verdict `json:"verdict"`
	Copies   int     `json:"copies"`
	ValueFen int64   `json:"value_fen"`
}

// Result is a stocktake's outcome.
type Result struct {
	Stocktake Stocktake `json:"stocktake"`
	Totals    []Total   `json:"totals"`
	Lines     []Line    `json:"lines"` // every verdict but Found
	InScope   int       `json:"in_scope"`
	ValueFen  int64     `json:"value_fen"` // of all the copies in scope
}

// Feedback is what a scan tells the person scanning.
type Feedback struct {
	Barcode string  `json:"barcode"`
	Title   string  `json:"title,omitempty"`
	Verdict Verdict `json:"verdict"`
	Shelf   string  `json:"shelf,omitempty"` // where the copy belongs, when elsewhere
	Again   bool    `json:"again"`           // scanned before in this stocktake
	Scanned int     `json:"scanned"`         // scans so far
}
