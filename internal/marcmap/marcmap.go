// Package marcmap maps MARC records to shuwu's catalogue and back: MARC21 and
// CNMARC/UNIMARC, both ways. Decoding is lenient (a record with a title is
// kept, and values shuwu cannot accept become notes and warnings); encoding
// starts from the record's original MARC when there is one and rewrites only
// the parts shuwu models and that have changed, so an export of an
// unchanged record gives back every field it came with.
//
// The functions here are pure: no I/O, no store, no clock.
package marcmap

import (
	"strings"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/errs"
	"shuwu/internal/marc"
)

// Flavor is a MARC dialect.
type Flavor string

// The dialects shuwu reads and writes.
const (
	MARC21 Flavor = "marc21"
	CNMARC Flavor = "cnmarc" // also UNIMARC, its parent
)

// ParseFlavor maps a user-supplied name to a Flavor.
func ParseFlavor(s string) (Flavor, error) {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "marc21", "usmarc":
		return MARC21, nil
	case "cnmarc", "unimarc":
		return CNMARC, nil
	}
	return "", errs.Invalid("MARC_FLAVOR_UNKNOWN", "flavor", "MARC 格式只能是 marc21 或 cnmarc："+s, "the MARC flavor must be marc21 or cnmarc: "+s)
}

// FlavorOf tells a CNMARC/UNIMARC record from a MARC21 one by its fields.
func FlavorOf(r *marc.Record) Flavor {
	if r.IsUNIMARC() {
		return CNMARC
	}
	return MARC21
}

// Holding is one copy, or a group of copies, described in a holdings field
// (CNMARC 905/906, MARC21 852, Koha 952). Empty parts are for the importer
// to fill in: a barcode from the barcode sequence, a call number from the
// class and the next 种次号.
type Holding struct {
	Barcode    string
	CallNumber string
	Location   string // location name or code as the field gives it
	PriceFen   int64  // 0: the record's price applies
	Copies     int    // copies this holding stands for; 1 when a barcode is given
}

// Warning is a value shuwu could not accept but that did not cost the
// record its place: the raw value is kept in the record's notes for a
// librarian to fix.
type Warning struct {
	Field     string    // MARC field and subfield, e.g. "010$a"
	Code      errs.Code // the validation code, e.g. ISBN_CHECKSUM
	Raw       string    // the value as found
	Message   string    // Chinese
	MessageEn string    // English
}

// Result is a decoded MARC record.
type Result struct {
	Flavor        Flavor
	ControlNumber string // 001
	Record        catalog.Record
	Holdings      []Holding
	Warnings      []Warning
}

// Options tune decoding.
type Options struct {
	// CLC checks class numbers; nil means the built-in tree.
	CLC *clc.Tree
	// MaxYear is the latest plausible publication year; 0 means next year.
	MaxYear int
}

func (o Options) tree() *clc.Tree {
	if o.CLC == nil {
		return clc.Builtin()
	}
	return o.CLC
}

func (o Options) maxYear() int {
	if o.MaxYear == 0 {
		return time.Now().Year() + 1
	}
	return o.MaxYear
}

// ErrNoTitle is the code of the one defect that rejects a whole record.
const ErrNoTitle errs.Code = "MARC_TITLE_MISSING"

// Decode maps a MARC record to a catalogue record and its holdings. The
// only error is a record without a title (MARC_TITLE_MISSING): everything
// else that is wrong becomes a Warning and a line in the record's notes.
func Decode(r *marc.Record, opts Options) (Result, error) {
	res := Result{Flavor: FlavorOf(r), ControlNumber: strings.TrimSpace(r.ControlNumber())}
	d := &decoder{opts: opts, res: &res}
	if res.Flavor == CNMARC {
		d.cnmarc(r)
	} else {
		d.marc21(r)
	}
	if strings.TrimSpace(res.Record.Title) == "" {
		tag := "245$a"
		if res.Flavor == CNMARC {
			tag = "200$a"
		}
		return res, errs.Invalid(ErrNoTitle, tag, "记录没有题名（"+tag+"）", "the record has no title ("+tag+")")
	}
	d.finish()
	return res, nil
}
