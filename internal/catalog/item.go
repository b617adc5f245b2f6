package catalog

import "time"

// ItemStatus is where a copy stands.
type ItemStatus string

// The statuses of a copy.
const (
	StatusAvailable   ItemStatus = "available"     // 在架
	StatusOnLoan      ItemStatus = "on_loan"       // 借出
	StatusOnHoldShelf ItemStatus = "on_hold_shelf" // 预约保留
	StatusInTransit   ItemStatus = "in_transit"    // 在途
	StatusRepair      ItemStatus = "repair"        // 修补
	StatusLost        ItemStatus = "lost"          // 遗失
	StatusWithdrawn   ItemStatus = "withdrawn"     // 剔除
)

var statusLabels = map[ItemStatus][2]string{
	StatusAvailable:   {"在架", "on shelf"},
	StatusOnLoan:      {"借出", "on loan"},
	StatusOnHoldShelf: {"预约保留", "on hold shelf"},
	StatusInTransit:   {"在途", "in transit"},
	StatusRepair:      {"修补", "in repair"},
	StatusLost:        {"遗失", "lost"},
	StatusWithdrawn:   {"剔除", "withdrawn"},
}

// Label returns the status's name in lang ("en" or Chinese).
func (s ItemStatus) Label(lang string) string {
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
func (s ItemStatus) Valid() bool { _, ok := statusLabels[s]; return ok }

// Source is how a copy came to the library.
type Source string

// The four acquisition sources of the article.
const (
	SourceTransfer    Source = "transfer"    // 馆藏调拨 (图书馆藏书精选)
	SourcePurchase    Source = "purchase"    // 集中采购
	SourceInstitution Source = "institution" // 单位支持
	SourceDonation    Source = "donation"    // 个人捐赠
)

var sourceLabels = map[Source][2]string{
	SourceTransfer:    {"馆藏调拨", "library transfer"},
	SourcePurchase:    {"集中采购", "central purchase"},
	SourceInstitution: {"单位支持", "institutional support"},
	SourceDonation:    {"个人捐赠", "personal donation"},
}

// Label returns the source's name in lang.
func (s Source) Label(lang string) string {
	l, ok := sourceLabels[s]
	if !ok {
		return string(s)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Valid reports whether s is a known source.
func (s Source) Valid() bool { _, ok := sourceLabels[s]; return ok }

// Sources lists the sources in display order.
func Sources() []Source {
	return []Source{SourceTransfer, SourcePurchase, SourceInstitution, SourceDonation}
}

// Item is one physical copy (复本).
type Item struct {
	ID         int64      `json:"id"`
	RecordID   int64      `json:"record_id"`
	Barcode    string     `json:"barcode"`
	CallNumber string     `json:"call_number"`
	CallSort   string     `json:"-"`
	LocationID int64      `json:"location_id"`
	Status     ItemStatus `json:"status"`
	Source     Source     `json:"source"`
	Donor      string     `json:"donor,omitempty"`
	// DonorID is the donor in the register (捐赠人) whose name Donor
	// shows; 0 when the copy names nobody. The store keeps the two in step.
	DonorID int64 `json:"donor_id,omitempty"`
	// BatchID is the accession batch (a donation or a transfer) the copy
	// came in; 0 for copies catalogued one by one or imported.
	BatchID int64 `json:"batch_id,omitempty"`
	// OrderLineID is the order line (采访订单) the copy was received
	// against; 0 for copies that did not come by an order. Written once.
	OrderLineID int64     `json:"order_line_id,omitempty"`
	PriceFen    int64     `json:"price_fen"`
	AddedDate   string    `json:"added_date"` // YYYY-MM-DD
	Lendable    bool      `json:"lendable"`
	Notes       string    `json:"notes,omitempty"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

// NewItems asks for copies of a record. Barcodes may be given (one per
// copy) or left empty to be generated.
type NewItems struct {
	RecordID   int64    `json:"record_id"`
	Count      int      `json:"count"`
	Barcodes   []string `json:"barcodes"`
	LocationID int64    `json:"location_id"`
	Source     Source   `json:"source"`
	Donor      string   `json:"donor"`
	PriceFen   int64    `json:"price_fen"`
	AddedDate  string   `json:"added_date"`
	Lendable   *bool    `json:"lendable"`
	CallNumber string   `json:"call_number"` // override; normally generated
	// DonorID and BatchID link the copies to a donor and an accession
	// batch; set by the donations use case, not by the API's callers.
	DonorID int64 `json:"-"`
	BatchID int64 `json:"-"`
	// OrderLineID links the copies to the order line they were received
	// against; set by the acquisitions use case.
	OrderLineID int64 `json:"-"`
}

// ItemChange is the editable part of an item. Nil fields stay unchanged.
type ItemChange struct {
	LocationID *int64      `json:"location_id"`
	Status     *ItemStatus `json:"status"`
	Source     *Source     `json:"source"`
	Donor      *string     `json:"donor"`
	PriceFen   *int64      `json:"price_fen"`
	Lendable   *bool       `json:"lendable"`
	Notes      *string     `json:"notes"`
	CallNumber *string     `json:"call_number"`
}
