package acquisitions

import (
	"fmt"
	"strings"
	"time"
)

// Supplier is a bookseller the library orders from (书商).
type Supplier struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Contact   string    `json:"contact"`
	Phone     string    `json:"phone"`
	Address   string    `json:"address"`
	Notes     string    `json:"notes"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`
	// Orders counts the supplier's orders (read with it).
	Orders int `json:"orders"`
}

// Fund is one year's budget line (经费), e.g. 2026 年购书经费.
type Fund struct {
	ID        int64     `json:"id"`
	Name      string    `json:"name"`
	Year      int       `json:"year"`
	AmountFen int64     `json:"amount_fen"`
	Notes     string    `json:"notes"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// SpentFen is the actual price of the copies received against the
	// fund's lines; CommittedFen is what the copies still awaited on sent
	// orders will cost (net price); DraftFen what draft orders would add.
	SpentFen     int64 `json:"spent_fen"`
	CommittedFen int64 `json:"committed_fen"`
	DraftFen     int64 `json:"draft_fen"`
}

// RemainingFen is what is left to order with: the budget less what is
// spent and committed. Negative when the fund is overcommitted.
func (f Fund) RemainingFen() int64 { return f.AmountFen - f.SpentFen - f.CommittedFen }

// UsedPercent is how much of the budget is spent or committed, capped at
// 100 (for the bar).
func (f Fund) UsedPercent() int {
	if f.AmountFen <= 0 {
		return 100
	}
	return int(min(100, (f.SpentFen+f.CommittedFen)*100/f.AmountFen))
}

// Label is how a fund is named in a list: 2026 年购书经费.
func (f Fund) Label() string { return fmt.Sprintf("%d · %s", f.Year, f.Name) }

// Status is where an order stands. Draft, sent and cancelled are stored;
// partly received and received are what a sent order becomes as its
// copies come in.
type Status string

// The order statuses.
const (
	StatusDraft     Status = "draft"     // 草稿
	StatusSent      Status = "sent"      // 已发订
	StatusPartly    Status = "partly"    // 部分到货
	StatusReceived  Status = "received"  // 已到齐
	StatusCancelled Status = "cancelled" // 已取消
)

var statusLabels = map[Status][2]string{
	StatusDraft:     {"草稿", "draft"},
	StatusSent:      {"已发订", "sent"},
	StatusPartly:    {"部分到货", "partly received"},
	StatusReceived:  {"已到齐", "received"},
	StatusCancelled: {"已取消", "cancelled"},
}

// Statuses lists the statuses in the order an order goes through them.
func Statuses() []Status {
	return []Status{StatusDraft, StatusSent, StatusPartly, StatusReceived, StatusCancelled}
}

// Label returns the status's name in lang.
func (s Status) Label(lang string) string {
	l, ok := statusLabels[s]
	if !ok {
		return string(s)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Valid reports whether s is a known status.
func (s Status) Valid() bool { _, ok := statusLabels[s]; return ok }

// Order is one order to one supplier.
type Order struct {
	ID           int64  `json:"id"`
	Number       string `json:"number"`
	SupplierID   int64  `json:"supplier_id"`
	SupplierName string `json:"supplier_name"`
	// Stored is draft, sent or cancelled; Status is what the order shows,
	// counted from its lines.
	Stored    Status    `json:"-"`
	Status    Status    `json:"status"`
	OrderDate string    `json:"order_date"`
	DueDate   string    `json:"due_date,omitempty"`
	SentDate  string    `json:"sent_date,omitempty"`
	Notes     string    `json:"notes,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// Lines, Copies, Received, ValueFen (net) and SpentFen total the lines.
	Lines    int   `json:"lines"`
	Copies   int   `json:"copies"`
	Received int   `json:"received"`
	ValueFen int64 `json:"value_fen"`
	SpentFen int64 `json:"spent_fen"`
}

// settle sets the shown status from the stored one and the totals.
func (o *Order) settle() {
	o.Status = o.Stored
	if o.Stored == StatusSent && o.Received > 0 {
		if o.Received >= o.Copies {
			o.Status = StatusReceived
		} else {
			o.Status = StatusPartly
		}
	}
}

// Editable reports whether the order's lines may still be changed: only
// a draft's.
func (o Order) Editable() bool { return o.Status == StatusDraft }

// Receivable reports whether copies may be received against the order.
func (o Order) Receivable() bool { return o.Status == StatusSent || o.Status == StatusPartly }

// Origin says where a line came from.
type Origin string

// The origins of a line.
const (
	OriginNone       Origin = ""
	OriginList       Origin = "list"       // a required-reading list (必读书目)
	OriginSuggestion Origin = "suggestion" // a reader's suggestion (荐购)
)

// Line is one title of an order.
type Line struct {
	ID        int64  `json:"id"`
	OrderID   int64  `json:"order_id"`
	RecordID  int64  `json:"record_id,omitempty"`
	ISBN      string `json:"isbn,omitempty"`
	Title     string `json:"title"`
	Author    string `json:"author,omitempty"`
	Publisher string `json:"publisher,omitempty"`
	CLC       string `json:"clc,omitempty"`
	// Copies is how many are ordered; 0 when the supplier said it cannot
	// supply the title (缺货).
	Copies       int      `json:"copies"`
	ListPriceFen int64    `json:"list_price_fen"`
	Discount     Discount `json:"discount"`
	FundID       int64    `json:"fund_id,omitempty"`
	FundName     string   `json:"fund_name,omitempty"`
	Origin       Origin   `json:"origin,omitempty"`
	OriginID     int64    `json:"origin_id,omitempty"`
	SupplierNote string   `json:"supplier_note,omitempty"`
	Claims       int      `json:"claims"`
	ClaimedDate  string   `json:"claimed_date,omitempty"`
	// UpdatedAt is set by the service on every write.
	UpdatedAt time.Time `json:"updated_at"`

	// Received counts the copies received against the line, SpentFen
	// their actual price; Barcodes are theirs (read with the line).
	Received int      `json:"received"`
	SpentFen int64    `json:"spent_fen"`
	Barcodes []string `json:"barcodes,omitempty"`
	// ReceivedRecordID is the record the received copies belong to (the
	// line's record, or the one made at the first receipt).
	ReceivedRecordID int64 `json:"received_record_id,omitempty"`
}

// NetPriceFen is one copy's price after the discount, rounded to the fen.
func (l Line) NetPriceFen() int64 { return NetPrice(l.ListPriceFen, int(l.Discount)) }

// NetPrice is a list price after a discount in per mille, rounded half up.
func NetPrice(listFen int64, discount int) int64 { return (listFen*int64(discount) + 500) / 1000 }

// ValueFen is the line's net value as ordered.
func (l Line) ValueFen() int64 { return l.NetPriceFen() * int64(l.Copies) }

// Outstanding is how many copies are still awaited.
func (l Line) Outstanding() int { return max(0, l.Copies-l.Received) }

// Discount is a discount in per mille of the list price: 780 is 7.8 折,
// 1000 (FullPrice) none.
type Discount int

// Label shows the discount as a bookseller writes it.
func (d Discount) Label(lang string) string { return DiscountText(int(d), lang) }

// DiscountText shows a discount the way a bookseller writes it: 7.8 折
// (78% in English), or 无折扣 at full price.
func DiscountText(d int, lang string) string {
	if d >= 1000 {
		if lang == "en" {
			return "full price"
		}
		return "无折扣"
	}
	if lang == "en" {
		return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%d.%d", d/10, d%10), "0"), ".") + "%"
	}
	return strings.TrimSuffix(strings.TrimRight(fmt.Sprintf("%d.%02d", d/100, d%100), "0"), ".") + " 折"
}

// RecordLink is the record to link the line's title to: its own, or the
// one its received copies belong to.
func (l Line) RecordLink() int64 {
	if l.RecordID != 0 {
		return l.RecordID
	}
	return l.ReceivedRecordID
}

// NewOrder is what a librarian types to open an order.
type NewOrder struct {
	SupplierID int64  `json:"supplier_id"`
	OrderDate  string `json:"order_date"`
	DueDate    string `json:"due_date"`
	Notes      string `json:"notes"`
}

// OrderFilter narrows the list of orders.
type OrderFilter struct {
	Status     Status
	SupplierID int64
	Year       int
	Limit      int
}

// LateLine is a line of a sent order past its due date with copies still
// awaited: what to claim from the supplier (催缺).
type LateLine struct {
	Line
	OrderNumber  string `json:"order_number"`
	SupplierID   int64  `json:"supplier_id"`
	SupplierName string `json:"supplier_name"`
	DueDate      string `json:"due_date"`
	DaysLate     int    `json:"days_late"`
}

// SheetRow is one row of a supplier's confirmation sheet: the line it
// answers and what the supplier changed. Copies is -1, ListPriceFen -1
// and Discount 0 where the supplier left the cell empty (the line keeps
// what it has).
type SheetRow struct {
	Sheet        int      `json:"row"` // the row number Excel shows
	LineID       int64    `json:"line_id"`
	Copies       int      `json:"copies"`
	ListPriceFen int64    `json:"list_price_fen"`
	Discount     Discount `json:"discount"`
	Note         string   `json:"note"`
}
