// Package donations keeps where donated and transferred copies came from:
// the donor register (捐赠人: people, readers or not, and institutions),
// accession batches (入藏批次: a donation, or a transfer from the main
// library, 馆藏调拨) with the copies created from them, the
// acknowledgement certificate (捐赠证书) and the portal's honour list
// (捐赠芳名录) of donors who agreed to be named.
package donations

import "time"

// DonorKind tells a person from an institution.
type DonorKind string

// The kinds of donor.
const (
	DonorPerson      DonorKind = "person"      // 个人（学员、教职工或校外人士）
	DonorInstitution DonorKind = "institution" // 单位
)

var donorKindLabels = map[DonorKind][2]string{
	DonorPerson:      {"个人", "person"},
	DonorInstitution: {"单位", "institution"},
}

// Label returns the kind's name in lang ("en" or Chinese).
func (k DonorKind) Label(lang string) string {
	l, ok := donorKindLabels[k]
	if !ok {
		return string(k)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Valid reports whether k is a known kind.
func (k DonorKind) Valid() bool { _, ok := donorKindLabels[k]; return ok }

// Donor is one entry of the donor register.
type Donor struct {
	ID   int64     `json:"id"`
	Name string    `json:"name"`
	Kind DonorKind `json:"kind"`
	// ReaderID links a person to their reader record (a trainee or a
	// member of staff); 0 for someone from outside. ReaderCard is read
	// with it.
	ReaderID   int64  `json:"reader_id,omitempty"`
	ReaderCard string `json:"reader_card,omitempty"`
	Unit       string `json:"unit,omitempty"`
	Phone      string `json:"phone,omitempty"`
	// Honour is the donor's consent to be named in the portal's
	// 捐赠芳名录.
	Honour    bool      `json:"honour"`
	Notes     string    `json:"notes,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// Held is how many of the donor's copies the library still holds
	// (neither lost nor withdrawn); Batches how many batches they gave.
	Held    int `json:"held"`
	Batches int `json:"batches"`
}

// DonorFilter narrows the register.
type DonorFilter struct {
	Query  string // substring of the name or unit
	Honour bool   // only those who agreed to be named
	Limit  int    // 0: all
}
