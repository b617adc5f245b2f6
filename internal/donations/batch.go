package donations

import (
	"time"

	"shuwu/internal/catalog"
)

// BatchKind is how a batch came.
type BatchKind string

// The kinds of accession batch.
const (
	BatchGift     BatchKind = "gift"     // 捐赠 (a person's or an institution's)
	BatchTransfer BatchKind = "transfer" // 馆藏调拨 from the main library
)

var batchKindLabels = map[BatchKind][2]string{
	BatchGift:     {"捐赠", "donation"},
	BatchTransfer: {"馆藏调拨", "library transfer"},
}

// Label returns the kind's name in lang.
func (k BatchKind) Label(lang string) string {
	l, ok := batchKindLabels[k]
	if !ok {
		return string(k)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Valid reports whether k is a known kind.
func (k BatchKind) Valid() bool { _, ok := batchKindLabels[k]; return ok }

// numberPrefix starts a batch's number: 捐字〔2026〕第001号.
func (k BatchKind) numberPrefix() string {
	if k == BatchTransfer {
		return "调字"
	}
	return "捐字"
}

// Batch is one accession batch: a donation, or a transfer.
type Batch struct {
	ID     int64     `json:"id"`
	Kind   BatchKind `json:"kind"`
	Number string    `json:"number"`
	// DonorID is the giver of a donation; 0 for a transfer. DonorName and
	// DonorKind are read with it.
	DonorID   int64     `json:"donor_id,omitempty"`
	DonorName string    `json:"donor_name,omitempty"`
	DonorKind DonorKind `json:"donor_kind,omitempty"`
	// FromName is the library a transfer came from.
	FromName     string    `json:"from_name,omitempty"`
	ReceivedDate string    `json:"received_date"` // YYYY-MM-DD
	Notes        string    `json:"notes,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`

	// Titles, Copies and ValueFen total the batch's copies.
	Titles   int   `json:"titles"`
	Copies   int   `json:"copies"`
	ValueFen int64 `json:"value_fen"`
}

// Source is the acquisition source its copies get: a transfer's is
// 馆藏调拨, an institution's gift 单位支持, a person's 个人捐赠.
func (b Batch) Source() catalog.Source {
	switch {
	case b.Kind == BatchTransfer:
		return catalog.SourceTransfer
	case b.DonorKind == DonorInstitution:
		return catalog.SourceInstitution
	}
	return catalog.SourceDonation
}

// Giver names who gave the batch: the donor, or the sending library.
func (b Batch) Giver() string {
	if b.Kind == BatchTransfer {
		return b.FromName
	}
	return b.DonorName
}

// NewBatch is what a librarian types to open a batch.
type NewBatch struct {
	Kind         BatchKind `json:"kind"`
	DonorID      int64     `json:"donor_id"`
	FromName     string    `json:"from_name"`
	ReceivedDate string    `json:"received_date"`
	Notes        string    `json:"notes"`
}

// BatchFilter narrows the list of batches.
type BatchFilter struct {
	Kind    BatchKind
	DonorID int64
	Limit   int
}

// Line is one title of a batch with its copies, for the batch page and
// the certificate.
type Line struct {
	RecordID  int64    `json:"record_id"`
	Title     string   `json:"title"`
	Author    string   `json:"author,omitempty"`
	Publisher string   `json:"publisher,omitempty"`
	Year      int      `json:"year,omitempty"`
	ISBN      string   `json:"isbn,omitempty"`
	CallNo    string   `json:"call_number"`
	Barcodes  []string `json:"barcodes"`
	Copies    int      `json:"copies"`
	ValueFen  int64    `json:"value_fen"`
}

// Entry is one book added to a batch with the quick form: a record on
// file (RecordID, found by ISBN) or a new one with minimal fields.
type Entry struct {
	RecordID   int64          `json:"record_id"`
	Record     catalog.Record `json:"record"`
	Copies     int            `json:"copies"`
	Barcodes   []string       `json:"barcodes"`
	LocationID int64          `json:"location_id"`
	PriceFen   int64          `json:"price_fen"`
}
