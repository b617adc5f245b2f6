package transfer

import (
	"context"
	"errors"
	"fmt"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/catalog/callno"
	"shuwu/internal/errs"
	"shuwu/internal/marcmap"
)

// MatchMode says how an incoming record is matched with the catalogue.
type MatchMode string

// The match modes.
const (
	MatchISBNTitle     MatchMode = "isbn-title"     // the same book by ISBN or title, volume, edition, first author and year (see sameBook)
	MatchControlNumber MatchMode = "control-number" // same MARC 001 as an earlier import
	MatchNone          MatchMode = "none"           // every record is new
)

// OnMatch says what to do with a record that matches one in the catalogue.
type OnMatch string

// The choices for a matching record.
const (
	OnMatchSkip    OnMatch = "skip"    // keep the catalogue's record, import nothing
	OnMatchOverlay OnMatch = "overlay" // replace its data, keep its copies, add new copies
	OnMatchNew     OnMatch = "new"     // add the incoming record as another record
	// OnMatchAddCopies keeps the catalogue's record as it is and adds the
	// incoming copies to it: a book list that orders more of a title
	// the library has.
	OnMatchAddCopies OnMatch = "add-copies"
)

// ParseMatch checks the --match and --on-match values.
func ParseMatch(mode, on string) (MatchMode, OnMatch, error) {
	m, o := MatchMode(mode), OnMatch(on)
	if m == "" {
		m = MatchISBNTitle
	}
	if o == "" {
		o = OnMatchSkip
	}
	switch m {
	case MatchISBNTitle, MatchControlNumber, MatchNone:
	default:
		return "", "", errs.Invalid(CodeMatchModeUnknown, "match", "匹配方式只能是 isbn-title、control-number 或 none", "match must be isbn-title, control-number or none")
	}
	switch o {
	case OnMatchSkip, OnMatchOverlay, OnMatchNew, OnMatchAddCopies:
	default:
		return "", "", errs.Invalid(CodeOnMatchUnknown, "on-match", "重复记录处理只能是 skip、overlay、new 或 add-copies", "on-match must be skip, overlay, new or add-copies")
	}
	return m, o, nil
}

// Outcome is what happened to one incoming record.
type Outcome string

// The outcomes.
const (
	Added    Outcome = "added"
	Overlaid Outcome = "overlaid"
	Skipped  Outcome = "skipped"
	Rejected Outcome = "rejected"
	Matched  Outcome = "matched" // copies added to a record the catalogue had
	// Held is a good row of an all-or-nothing import that was not stored
	// because another row was rejected.
	Held Outcome = "held"
)

// entry is one record to store, with its copies.
type entry struct {
	pos      int // record number or spreadsheet row
	record   catalog.Record
	holdings []marcmap.Holding
	original *Original // nil for spreadsheet rows
	source   catalog.Source
	donor    string
	warnings []Problem

	// results, set by writeBatch
	outcome    Outcome
	id         int64
	items      int
	rejected   *Problem
	callNumber string   // of the copies added
	barcodes   []string // of the copies added
	itemIDs    []int64  // of the copies added
}

// place sets where a problem is: a record number for MARC, a row for a
// spreadsheet.
func (e *entry) place(p *Problem, rows bool) {
	if rows {
		p.Row, p.Record = e.pos, 0
		return
	}
	p.Record = e.pos
}

// batchOptions are the choices that apply to every entry of a batch.
type batchOptions struct {
	match      MatchMode
	onMatch    OnMatch
	locationID int64
	source     catalog.Source
	what       string // for the audit log: "MARC", "书目清单"
	rows       bool   // entries are spreadsheet rows, not MARC records
	// atomic stops at the first entry that fails: the transaction in
	// flight is rolled back, its entries marked Held, and writeBatch
	// reports errBatchAborted so the caller can take back what earlier
	// transactions stored.
	atomic bool
}

// errBatchAborted ends an atomic batch's transaction with a rollback.
var errBatchAborted = errs.Conflict(CodeImportAborted, "有行未通过，全部未导入", "a row failed, so nothing was imported")

// writeBudget is how long one import transaction may hold the database's
// single writer. The desk's checkouts queue behind it, so an import
// commits whenever it has written for this long, whatever the batch size.
const writeBudget = 50 * time.Millisecond

// writeBatch stores entries in as many transactions as writeBudget
// allows, each entry in its own savepoint: an entry that fails is rolled
// back alone and marked rejected. It tells the catalogue's listeners after
// each commit. With o.atomic it stops at the first failure and returns
// errBatchAborted, having committed the transactions before it.
func (s *Service) writeBatch(ctx context.Context, entries []*entry, o batchOptions) error {
	for from := 0; from < len(entries); {
		n, err := s.writeSome(ctx, entries[from:], o)
		from += n
		if err != nil {
			return err
		}
	}
	return nil
}

// writeSome stores entries from the first on in one transaction until
// writeBudget is spent, and returns how many it took (at least one).
func (s *Service) writeSome(ctx context.Context, entries []*entry, o batchOptions) (int, error) {
	var taken int
	err := s.store.Update(ctx, func(tx Tx) error {
		start := time.Now()
		taken = 0
		cats, err := tx.Categories()
		if err != nil {
			return err
		}
		list, err := tx.Locations()
		if err != nil {
			return err
		}
		locs, err := newLocationIndex(list, o.locationID)
		if err != nil {
			return err
		}
		added, overlaid := 0, 0
		for _, e := range entries {
			if taken > 0 && time.Since(start) >= writeBudget {
				break
			}
			taken++
			if e.rejected != nil {
				continue
			}
			if err := tx.Savepoint("rec"); err != nil {
				return err
			}
			if err := s.storeEntry(tx, e, cats, locs, o); err != nil {
				if rerr := tx.RollbackTo("rec"); rerr != nil {
					return rerr
				}
				p := problemOf(err)
				e.place(&p, o.rows)
				p.Title = e.record.Title
				e.outcome, e.rejected = Rejected, &p
				e.forget()
			}
			if err := tx.Release("rec"); err != nil {
				return err
			}
			switch e.outcome {
			case Added:
				added++
			case Overlaid, Matched:
				overlaid++
			case Rejected:
				if o.atomic {
					return errBatchAborted
				}
			}
		}
		if added+overlaid == 0 {
			return nil
		}
		return tx.Audit(audit.New(ctx, time.Now(), "import", "record", "", fmt.Sprintf("批量导入%s：新增 %d 条、覆盖或加复本 %d 条书目", o.what, added, overlaid)))
	})
	if errors.Is(err, errBatchAborted) {
		for _, e := range entries[:taken] {
			if e.outcome != Rejected {
				e.outcome = Held
				e.forget()
			}
		}
		return taken, err
	}
	if err != nil {
		return taken, err
	}
	var ids []int64
	for _, e := range entries[:taken] {
		if e.outcome == Added || e.outcome == Overlaid || e.outcome == Matched {
			ids = append(ids, e.id)
		}
	}
	s.catalog.Changed(ctx, ids...)
	return taken, nil
}

// forget clears what storing an entry had set, after a rollback.
func (e *entry) forget() {
	e.id, e.items, e.itemIDs, e.barcodes, e.callNumber = 0, 0, nil, nil, ""
}

// storeEntry matches, inserts or overlays one record and adds its copies.
func (s *Service) storeEntry(tx Tx, e *entry, cats []catalog.Category, locs locationIndex, o batchOptions) error {
	r := e.record
	r.CategoryID = catalog.CategoryFor(cats, r.CLC)
	now := s.now()
	r.CreatedAt, r.UpdatedAt = now, now
	matchID, err := s.match(tx, e, o.match)
	if err != nil {
		return err
	}
	var existing copiesOnFile
	switch {
	case matchID != 0 && o.onMatch == OnMatchSkip:
		e.outcome, e.id = Skipped, matchID
		return nil
	case matchID != 0 && o.onMatch == OnMatchAddCopies:
		if r, err = tx.Record(matchID); err != nil {
			return err
		}
		e.outcome = Matched
	case matchID != 0 && o.onMatch == OnMatchOverlay:
		old, err := tx.Record(matchID)
		if err != nil {
			return err
		}
		r.ID, r.CreatedAt = old.ID, old.CreatedAt
		if err := tx.UpdateRecord(&r); err != nil {
			return err
		}
		e.outcome = Overlaid
	default:
		if err := tx.InsertRecord(&r); err != nil {
			return err
		}
		e.outcome = Added
	}
	e.id = r.ID
	if e.outcome != Added {
		// Only the first copy's call number and the holdings' own
		// barcodes are asked about: loading every copy of the record
		// made a list repeating one title quadratic.
		if existing, err = s.copiesOnFile(tx, r.ID, e.holdings); err != nil {
			return err
		}
	}
	if e.original != nil {
		orig := *e.original
		orig.RecordID, orig.ImportedAt = r.ID, now
		if err := tx.SaveOriginal(orig); err != nil {
			return err
		}
	}
	return s.addCopies(tx, e, r, existing, locs, o)
}

// match finds the catalogue record an entry matches; 0 for none.
func (s *Service) match(tx Tx, e *entry, mode MatchMode) (int64, error) {
	switch mode {
	case MatchControlNumber:
		if e.original == nil || e.original.ControlNumber == "" {
			return 0, nil
		}
		return tx.RecordIDByControlNumber(e.original.ControlNumber)
	case MatchISBNTitle:
		var ids []int64
		var err error
		if e.record.ISBN != "" {
			ids, err = tx.RecordIDsByISBN(e.record.ISBN)
		} else {
			ids, err = tx.RecordIDsByTitle(e.record.Title)
		}
		if err != nil || len(ids) == 0 {
			return 0, err
		}
		recs, err := tx.RecordsByIDs(ids)
		if err != nil {
			return 0, err
		}
		for _, r := range recs {
			if sameBook(r, e.record) {
				return r.ID, nil
			}
		}
	}
	return 0, nil
}

// addCopies stores the copies an entry's holdings describe. On overlay,
// copies whose barcodes the record has already are left alone, and
// holdings without barcodes add nothing when the record has copies.
// copiesOnFile is what adding copies needs to know of a record's copies:
// whether it has any, the first one's call number, and which of the
// incoming barcodes it holds already.
type copiesOnFile struct {
	any        bool
	callNumber string
	barcodes   map[string]bool
}

func (s *Service) copiesOnFile(tx Tx, recordID int64, holdings []marcmap.Holding) (copiesOnFile, error) {
	var c copiesOnFile
	var err error
	if c.callNumber, c.any, err = tx.FirstCopyCallNumber(recordID); err != nil {
		return c, err
	}
	for _, h := range holdings {
		if h.Barcode == "" {
			continue
		}
		it, err := tx.ItemByBarcode(h.Barcode)
		if err != nil && errs.As(err).Kind == errs.KindNotFound {
			continue
		}
		if err != nil {
			return c, err
		}
		if it.RecordID == recordID {
			if c.barcodes == nil {
				c.barcodes = map[string]bool{}
			}
			c.barcodes[h.Barcode] = true
		}
	}
	return c, nil
}

func (s *Service) addCopies(tx Tx, e *entry, r catalog.Record, existing copiesOnFile, locs locationIndex, o batchOptions) error {
	has := existing.barcodes
	recordCN := existing.callNumber
	for _, h := range e.holdings {
		if recordCN == "" && h.CallNumber != "" {
			recordCN = h.CallNumber
		}
	}
	warnedLoc := false
	for _, h := range e.holdings {
		if h.Barcode == "" && existing.any && o.onMatch == OnMatchOverlay {
			continue
		}
		if h.Barcode != "" && has[h.Barcode] {
			continue
		}
		for range max(h.Copies, 1) {
			var notes string
			b, err := s.barcodeFor(tx, e, h.Barcode, &notes)
			if err != nil {
				return err
			}
			cn := h.CallNumber
			if cn == "" {
				if recordCN == "" && r.CLC != "" {
					seq, err := tx.NextSequence("zch:" + r.CLC)
					if err != nil {
						return err
					}
					recordCN = callno.Format(r.CLC, int(seq))
				}
				cn = recordCN
			}
			if cn == "" && e.items == 0 {
				e.warnings = append(e.warnings, Problem{Record: e.pos, Title: r.Title, Column: "clc", Code: CodeCallNumberMissing,
					Message: "没有分类号，复本未生成索书号，请补充", MessageEn: "no clc class, so the copies have no call number yet"})
			}
			loc, ok := locs.find(h.Location)
			if !ok && !warnedLoc {
				warnedLoc = true
				e.warnings = append(e.warnings, Problem{Record: e.pos, Title: r.Title, Column: "location", Code: catalog.CodeLocationUnknown,
					Message: fmt.Sprintf("馆藏位置“%s”不存在，已放入“%s”", h.Location, loc.Name), MessageEn: fmt.Sprintf("unknown location %q; copies put in %q", h.Location, loc.Name)})
			}
			price := h.PriceFen
			if price == 0 {
				price = r.PriceFen
			}
			source := e.source
			if source == "" {
				source = o.source
			}
			if source == "" {
				source = catalog.SourcePurchase
			}
			now := s.now()
			it := catalog.Item{RecordID: r.ID, Barcode: b, CallNumber: cn, CallSort: callno.SortKey(cn), LocationID: loc.ID,
				Status: catalog.StatusAvailable, Source: source, Donor: e.donor, PriceFen: price, AddedDate: s.today(),
				Lendable: loc.Lendable, Notes: notes, CreatedAt: now, UpdatedAt: now}
			if err := tx.InsertItem(&it); err != nil {
				return err
			}
			e.items++
			e.itemIDs = append(e.itemIDs, it.ID)
			e.barcodes = append(e.barcodes, b)
			e.callNumber = cn
		}
	}
	return nil
}

// barcodeFor accepts a holdings barcode or hands out a new one. A barcode
// that is malformed or already used by another copy does not reject the
// record: the copy gets a new barcode, and the old one is noted on it.
func (s *Service) barcodeFor(tx Tx, e *entry, want string, notes *string) (string, error) {
	if want != "" {
		b, err := catalog.ValidateBarcode(want)
		if err == nil {
			dup, derr := tx.BarcodeExists(b)
			if derr != nil {
				return "", derr
			}
			if !dup {
				return b, nil
			}
			err = errs.Invalid(catalog.CodeBarcodeDuplicate, "barcode", fmt.Sprintf("条码 %s 已被其他复本使用，已改发新条码", b), fmt.Sprintf("barcode %s is already in use; a new one was issued", b))
		}
		p := problemOf(err)
		p.Record, p.Title = e.pos, e.record.Title
		e.warnings = append(e.warnings, p)
		*notes = "导入时原条码：" + want
	}
	return catalog.NextBarcode(tx)
}
