package catalog

import (
	"context"
	"fmt"
	"regexp"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog/callno"
	"shuwu/internal/errs"
)

// MaxBatchItems bounds one batch-add of copies.
const MaxBatchItems = 500

var barcodePattern = regexp.MustCompile(`^[A-Za-z0-9\-]{1,32}$`)

// ValidateBarcode checks the form of a typed or scanned barcode.
func ValidateBarcode(b string) (string, error) {
	b = strings.TrimSpace(b)
	if !barcodePattern.MatchString(b) {
		return "", errs.Invalid(CodeBarcodeMalformed, "barcode", fmt.Sprintf("条码“%s”格式不正确：只能是 1–32 位字母、数字或连字符", b), "a barcode is 1–32 letters, digits or hyphens")
	}
	return b, nil
}

// ErrBarcodeDuplicate is returned when a barcode is already in use.
func errBarcodeDuplicate(b string) error {
	return errs.Invalid(CodeBarcodeDuplicate, "barcode", fmt.Sprintf("条码 %s 已被其他复本使用", b), fmt.Sprintf("barcode %s is already in use", b))
}

// AddItems adds copies to a record: generated barcodes where none are
// given, and the record's call number (a new 种次号 for its first copy).
func (s *Service) AddItems(ctx context.Context, in NewItems) ([]Item, error) {
	if err := s.checkNewItems(&in); err != nil {
		return nil, err
	}
	var out []Item
	err := s.store.Update(ctx, func(tx Tx) error {
		r, err := tx.Record(in.RecordID)
		if err != nil {
			return err
		}
		out, err = s.addItemsTx(ctx, tx, r, in)
		return err
	})
	if err != nil {
		return nil, err
	}
	s.Changed(ctx, in.RecordID)
	return out, nil
}

// CreateRecordWithItems stores a new record and its first copies in one
// transaction, so a refused copy (a barcode in use) leaves no record
// behind: the quick form of a donation or transfer batch.
func (s *Service) CreateRecordWithItems(ctx context.Context, r Record, in NewItems) (Record, []Item, error) {
	in.RecordID = 0
	if err := s.checkNewItems(&in); err != nil {
		return Record{}, nil, err
	}
	var out []Item
	err := s.store.Update(ctx, func(tx Tx) (err error) {
		r, out, err = s.createWithItemsTx(ctx, tx, r, in)
		return err
	})
	if err != nil {
		return Record{}, nil, err
	}
	s.Changed(ctx, r.ID)
	return r, out, nil
}

// CreateRecordWithItemsIn is CreateRecordWithItems inside the caller's
// transaction, for a use case whose other rows must be written with the
// record or not at all (binding periodicals into a volume). The caller
// tells Changed once its transaction has committed.
func (s *Service) CreateRecordWithItemsIn(ctx context.Context, tx Tx, r Record, in NewItems) (Record, []Item, error) {
	in.RecordID = 0
	if err := s.checkNewItems(&in); err != nil {
		return Record{}, nil, err
	}
	return s.createWithItemsTx(ctx, tx, r, in)
}

func (s *Service) createWithItemsTx(ctx context.Context, tx Tx, r Record, in NewItems) (Record, []Item, error) {
	cats, err := tx.Categories()
	if err != nil {
		return Record{}, nil, err
	}
	if err := s.validateRecord(&r, cats); err != nil {
		return Record{}, nil, err
	}
	r.CreatedAt, r.UpdatedAt = s.now(), s.now()
	if err := tx.InsertRecord(&r); err != nil {
		return Record{}, nil, err
	}
	if err := tx.Audit(audit.New(ctx, s.now(), "create", "record", fmt.Sprint(r.ID), "新建书目《"+r.Title+"》")); err != nil {
		return Record{}, nil, err
	}
	out, err := s.addItemsTx(ctx, tx, r, in)
	return r, out, err
}

// checkNewItems normalises and checks a request for copies before any
// transaction.
func (s *Service) checkNewItems(in *NewItems) error {
	if len(in.Barcodes) > 0 && in.Count == 0 {
		in.Count = len(in.Barcodes)
	}
	if in.Count < 1 || in.Count > MaxBatchItems {
		return errs.Invalid(CodeItemCountInvalid, "count", fmt.Sprintf("册数须在 1 到 %d 之间", MaxBatchItems), fmt.Sprintf("count must be between 1 and %d", MaxBatchItems))
	}
	if len(in.Barcodes) > 0 && len(in.Barcodes) != in.Count {
		return errs.Invalid(CodeBarcodeCountMismatch, "barcodes", "条码个数与册数不一致", "the number of barcodes does not match the count")
	}
	if in.Source == "" {
		in.Source = SourcePurchase
	}
	if !in.Source.Valid() {
		return errs.Invalid(CodeSourceUnknown, "source", "来源必须是馆藏调拨、集中采购、单位支持或个人捐赠之一", "unknown acquisition source")
	}
	if in.PriceFen < 0 {
		return errs.Invalid(CodePriceNegative, "price", "价格不能为负数", "price cannot be negative")
	}
	if in.AddedDate == "" {
		in.AddedDate = s.Today()
	} else if _, err := time.Parse(time.DateOnly, in.AddedDate); err != nil {
		return errs.Invalid(errs.CodeDateInvalid, "added_date", "入藏日期格式应为 2024-05-01", "added date must look like 2024-05-01")
	}
	seen := map[string]bool{}
	for i, b := range in.Barcodes {
		nb, err := ValidateBarcode(b)
		if err != nil {
			return err
		}
		if seen[nb] {
			return errBarcodeDuplicate(nb)
		}
		seen[nb] = true
		in.Barcodes[i] = nb
	}
	return nil
}

// addItemsTx adds checked copies to r inside tx.
func (s *Service) addItemsTx(ctx context.Context, tx Tx, r Record, in NewItems) ([]Item, error) {
	loc, err := tx.Location(in.LocationID)
	if err != nil {
		return nil, errs.Invalid(CodeLocationUnknown, "location_id", "馆藏位置不存在", "unknown location")
	}
	existing, err := tx.ItemsOfRecord(r.ID)
	if err != nil {
		return nil, err
	}
	cn := strings.TrimSpace(in.CallNumber)
	if cn == "" {
		if cn, err = callNumberFor(tx, r, existing); err != nil {
			return nil, err
		}
	}
	lendable := loc.Lendable
	if in.Lendable != nil {
		lendable = *in.Lendable
	}
	price := in.PriceFen
	if price == 0 {
		price = r.PriceFen
	}
	now := s.now()
	var out []Item
	for i := 0; i < in.Count; i++ {
		var b string
		if len(in.Barcodes) > 0 {
			b = in.Barcodes[i]
			if dup, err := tx.BarcodeExists(b); err != nil {
				return nil, err
			} else if dup {
				return nil, errBarcodeDuplicate(b)
			}
		} else if b, err = NextBarcode(tx); err != nil {
			return nil, err
		}
		it := Item{RecordID: r.ID, Barcode: b, CallNumber: cn, CallSort: callno.SortKey(cn), LocationID: loc.ID,
			Status: StatusAvailable, Source: in.Source, Donor: strings.TrimSpace(in.Donor), DonorID: in.DonorID, BatchID: in.BatchID, OrderLineID: in.OrderLineID,
			PriceFen: price, AddedDate: in.AddedDate, Lendable: lendable, CreatedAt: now, UpdatedAt: now}
		if err := tx.InsertItem(&it); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return nil, errBarcodeDuplicate(b)
			}
			return nil, err
		}
		out = append(out, it)
	}
	return out, tx.Audit(audit.New(ctx, s.now(), "create", "item", fmt.Sprint(r.ID), fmt.Sprintf("为《%s》新增 %d 册复本（%s）", r.Title, len(out), cn)))
}

// BarcodeSource is what generating a barcode needs of a transaction.
type BarcodeSource interface {
	NextSequence(name string) (int64, error)
	BarcodeExists(barcode string) (bool, error)
}

// NextBarcode hands out the next free generated barcode: eight digits from
// the "barcode" sequence, skipping any a person already used. Imports use
// it too, so generated barcodes never collide.
func NextBarcode(tx BarcodeSource) (string, error) {
	for {
		n, err := tx.NextSequence("barcode")
		if err != nil {
			return "", err
		}
		b := fmt.Sprintf("%08d", n)
		exists, err := tx.BarcodeExists(b)
		if err != nil {
			return "", err
		}
		if !exists {
			return b, nil
		}
	}
}

// Item returns a copy by barcode.
func (s *Service) Item(ctx context.Context, barcode string) (Item, error) {
	var it Item
	err := s.store.View(ctx, func(tx Tx) (err error) {
		it, err = tx.ItemByBarcode(strings.TrimSpace(barcode))
		return err
	})
	return it, err
}

// UpdateItem applies a change to a copy. Circulation statuses (on loan, on
// the hold shelf) are circulation's to set, not an editor's.
func (s *Service) UpdateItem(ctx context.Context, barcode string, ch ItemChange) (Item, error) {
	var it Item
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if it, err = tx.ItemByBarcode(barcode); err != nil {
			return err
		}
		if ch.LocationID != nil {
			if _, err := tx.Location(*ch.LocationID); err != nil {
				return errs.Invalid(CodeLocationUnknown, "location_id", "馆藏位置不存在", "unknown location")
			}
			it.LocationID = *ch.LocationID
		}
		if ch.Status != nil && *ch.Status != it.Status {
			st := *ch.Status
			if !st.Valid() {
				return errs.Invalid(CodeStatusUnknown, "status", "未知的复本状态", "unknown item status")
			}
			if st == StatusOnLoan || st == StatusOnHoldShelf || it.Status == StatusOnLoan || it.Status == StatusOnHoldShelf {
				return errs.Conflict(CodeStatusByCirculation, "借出和预约保留状态只能由借还操作改变", "loan and hold-shelf statuses change only through circulation")
			}
			it.Status = st
		}
		if ch.Source != nil {
			if !ch.Source.Valid() {
				return errs.Invalid(CodeSourceUnknown, "source", "来源必须是馆藏调拨、集中采购、单位支持或个人捐赠之一", "unknown acquisition source")
			}
			it.Source = *ch.Source
		}
		if ch.Donor != nil {
			it.Donor = strings.TrimSpace(*ch.Donor)
		}
		if ch.PriceFen != nil {
			if *ch.PriceFen < 0 {
				return errs.Invalid(CodePriceNegative, "price", "价格不能为负数", "price cannot be negative")
			}
			it.PriceFen = *ch.PriceFen
		}
		if ch.Lendable != nil {
			it.Lendable = *ch.Lendable
		}
		if ch.Notes != nil {
			it.Notes = *ch.Notes
		}
		if ch.CallNumber != nil {
			cn := strings.TrimSpace(*ch.CallNumber)
			if cn == "" {
				return errs.Invalid(CodeCallNumberRequired, "call_number", "索书号不能为空", "call number is required")
			}
			it.CallNumber, it.CallSort = cn, callno.SortKey(cn)
		}
		it.UpdatedAt = s.now()
		if err := tx.UpdateItem(&it); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "item", it.Barcode, "修改复本 "+it.Barcode))
	})
	if err != nil {
		return Item{}, err
	}
	s.Changed(ctx, it.RecordID)
	return it, nil
}
