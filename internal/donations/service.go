package donations

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Service is the donations' use cases. Copies are made by the catalogue,
// so they get barcodes and call numbers as every other copy does.
type Service struct {
	store Store
	cat   *catalog.Service
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the service; now may be nil.
func NewService(store Store, cat *catalog.Service, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, cat: cat, tz: tz, now: now}
}

func (s *Service) today() time.Time {
	n := s.now().In(s.tz)
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, s.tz)
}

func tooLong(v string, n int) bool { return utf8.RuneCountInString(v) > n }

// checkDonor normalises and checks what a librarian typed.
func checkDonor(d *Donor) error {
	d.Name, d.Unit, d.Phone, d.Notes = plaintext.Line(d.Name), plaintext.Line(d.Unit), plaintext.Line(d.Phone), plaintext.Text(d.Notes)
	if d.Name == "" {
		return errs.Invalid(CodeDonorNameRequired, "name", "捐赠人姓名或单位名称不能为空", "the donor's name is required")
	}
	if tooLong(d.Name, 100) {
		return errs.Invalid(CodeDonorNameTooLong, "name", "捐赠人名称过长（最多 100 字）", "the donor's name is too long (100 characters at most)")
	}
	if d.Kind == "" {
		d.Kind = DonorPerson
	}
	if !d.Kind.Valid() {
		return errs.Invalid(CodeDonorKindInvalid, "kind", "捐赠人类别只能是个人或单位", "a donor is a person or an institution")
	}
	if tooLong(d.Phone, 40) {
		return errs.Invalid(CodeDonorFieldTooLong, "phone", "联系电话过长（最多 40 字）", "the phone is too long (40 characters at most)")
	}
	if tooLong(d.Unit, 100) {
		return errs.Invalid(CodeDonorFieldTooLong, "unit", "单位过长（最多 100 字）", "the unit is too long (100 characters at most)")
	}
	if tooLong(d.Notes, 1000) {
		return errs.Invalid(CodeDonorFieldTooLong, "notes", "备注过长（最多 1000 字）", "the notes are too long (1000 characters at most)")
	}
	return nil
}

// SaveDonor adds a donor (ID 0) or changes one. card, when given, links a
// person to their reader record. A new name is written on their copies.
func (s *Service) SaveDonor(ctx context.Context, d Donor, card string) (Donor, error) {
	if err := checkDonor(&d); err != nil {
		return Donor{}, err
	}
	card = strings.TrimSpace(card)
	if card != "" && d.Kind != DonorPerson {
		return Donor{}, errs.Invalid(CodeDonorKindInvalid, "card", "只有个人捐赠人才能关联读者证", "only a person can be linked to a reader card")
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		d.ReaderID = 0
		if card != "" {
			id, err := tx.ReaderIDByCard(card)
			if err != nil {
				return errs.Invalid(CodeDonorNotFound, "card", fmt.Sprintf("读者证号 %s 不存在", card), fmt.Sprintf("no reader with card %s", card))
			}
			d.ReaderID, d.ReaderCard = id, card
		}
		d.UpdatedAt = s.now()
		if d.ID == 0 {
			d.CreatedAt = d.UpdatedAt
			if err := tx.InsertDonor(&d); err != nil {
				return err
			}
			return tx.Audit(audit.New(ctx, s.now(), "create", "donor", fmt.Sprint(d.ID), "登记捐赠人 "+d.Name))
		}
		old, err := tx.Donor(d.ID)
		if err != nil {
			return err
		}
		d.CreatedAt = old.CreatedAt
		if err := tx.UpdateDonor(&d); err != nil {
			return err
		}
		if old.Name != d.Name {
			if err := tx.RenameDonorCopies(d.ID, d.Name); err != nil {
				return err
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "donor", fmt.Sprint(d.ID), "修改捐赠人 "+d.Name))
	})
	if err != nil {
		return Donor{}, err
	}
	return s.Donor(ctx, d.ID)
}

// Donor returns one donor with their totals.
func (s *Service) Donor(ctx context.Context, id int64) (Donor, error) {
	var d Donor
	err := s.store.View(ctx, func(tx Tx) (err error) {
		d, err = tx.Donor(id)
		return err
	})
	return d, err
}

// Donors lists the register, most copies held first; Limit 0 is all.
func (s *Service) Donors(ctx context.Context, f DonorFilter) ([]Donor, error) {
	if f.Limit <= 0 {
		f.Limit = 1 << 30 // all: the honour list names everyone who agreed
	}
	f.Query = strings.TrimSpace(f.Query)
	var out []Donor
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Donors(f)
		return err
	})
	return out, err
}

// HonourList is the portal's 捐赠芳名录: donors who agreed to be named and
// whose gifts the library still holds.
func (s *Service) HonourList(ctx context.Context) ([]Donor, error) {
	ds, err := s.Donors(ctx, DonorFilter{Honour: true})
	if err != nil {
		return nil, err
	}
	out := ds[:0]
	for _, d := range ds {
		if d.Held > 0 {
			out = append(out, d)
		}
	}
	return out, nil
}

// CreateBatch opens a donation or transfer batch and gives it its number.
func (s *Service) CreateBatch(ctx context.Context, in NewBatch) (Batch, error) {
	b := Batch{Kind: in.Kind, DonorID: in.DonorID, FromName: plaintext.Line(in.FromName), ReceivedDate: strings.TrimSpace(in.ReceivedDate), Notes: plaintext.Text(in.Notes)}
	if !b.Kind.Valid() {
		return Batch{}, errs.Invalid(CodeBatchKindInvalid, "kind", "入藏批次类别只能是捐赠或调拨", "a batch is a donation or a transfer")
	}
	if b.ReceivedDate == "" {
		b.ReceivedDate = s.today().Format(time.DateOnly)
	}
	day, err := time.ParseInLocation(time.DateOnly, b.ReceivedDate, s.tz)
	if err != nil || day.After(s.today()) || day.Year() < 1949 {
		return Batch{}, errs.Invalid(CodeBatchDateInvalid, "received_date", "接收日期须为今天或以前的日期，如 2026-05-01", "the received date must be today or earlier, like 2026-05-01")
	}
	if tooLong(b.Notes, 1000) || tooLong(b.FromName, 100) {
		return Batch{}, errs.Invalid(CodeDonorFieldTooLong, "notes", "调出馆名称或备注过长", "the sending library's name or the notes are too long")
	}
	switch b.Kind {
	case BatchGift:
		b.FromName = ""
		if b.DonorID == 0 {
			return Batch{}, errs.Invalid(CodeBatchDonorRequired, "donor_id", "捐赠批次须选择捐赠人", "a donation batch needs a donor")
		}
	case BatchTransfer:
		b.DonorID = 0
		if b.FromName == "" {
			return Batch{}, errs.Invalid(CodeBatchFromRequired, "from_name", "调拨批次须填写调出馆（如州委党校图书馆）", "a transfer batch needs the sending library")
		}
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		if b.DonorID != 0 {
			d, err := tx.Donor(b.DonorID)
			if err != nil {
				return errs.Invalid(CodeDonorNotFound, "donor_id", "所选捐赠人不存在", "no such donor")
			}
			b.DonorName, b.DonorKind = d.Name, d.Kind
		}
		n, err := tx.NextSequence(fmt.Sprintf("batch:%s:%d", b.Kind, day.Year()))
		if err != nil {
			return err
		}
		b.Number = fmt.Sprintf("%s〔%d〕第%03d号", b.Kind.numberPrefix(), day.Year(), n)
		b.CreatedAt, b.UpdatedAt = s.now(), s.now()
		if err := tx.InsertBatch(&b); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "batch", fmt.Sprint(b.ID), fmt.Sprintf("登记%s批次 %s（%s）", b.Kind.Label("zh"), b.Number, b.Giver())))
	})
	if err != nil {
		return Batch{}, err
	}
	return b, nil
}

// Batch returns a batch with its titles, in the order they came.
func (s *Service) Batch(ctx context.Context, id int64) (Batch, []Line, error) {
	var b Batch
	var lines []Line
	err := s.store.View(ctx, func(tx Tx) (err error) {
		if b, err = tx.Batch(id); err != nil {
			return err
		}
		lines, err = tx.BatchLines(id)
		return err
	})
	return b, lines, err
}

// Batches lists batches, newest first.
func (s *Service) Batches(ctx context.Context, f BatchFilter) ([]Batch, error) {
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 500
	}
	var out []Batch
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Batches(f)
		return err
	})
	return out, err
}

// FindByISBN looks an ISBN up in the local catalogue for the quick form;
// found is false when no record has it. A malformed ISBN is an error.
func (s *Service) FindByISBN(ctx context.Context, code string) (catalog.Record, bool, error) {
	n, err := isbn.Normalize(code)
	if err != nil {
		return catalog.Record{}, false, err
	}
	recs, _, err := s.cat.Records(ctx, catalog.RecordFilter{Query: n, Page: catalog.Page{Number: 1, Size: 20}})
	if err != nil {
		return catalog.Record{}, false, err
	}
	for _, r := range recs {
		if r.ISBN == n {
			return r, true, nil
		}
	}
	return catalog.Record{ISBN: n}, false, nil
}

// Add puts copies of one book into a batch: of a record on file, or of a
// new record with the fields the quick form has. The copies get the
// batch's source, donor and received date.
func (s *Service) Add(ctx context.Context, batchID int64, e Entry) (catalog.Record, []catalog.Item, error) {
	b, _, err := s.Batch(ctx, batchID)
	if err != nil {
		return catalog.Record{}, nil, err
	}
	in := catalog.NewItems{RecordID: e.RecordID, Count: e.Copies, Barcodes: e.Barcodes, LocationID: e.LocationID, Source: b.Source(),
		PriceFen: e.PriceFen, AddedDate: b.ReceivedDate, DonorID: b.DonorID, BatchID: b.ID}
	if b.Kind == BatchGift {
		in.Donor = b.DonorName
	}
	if e.RecordID != 0 {
		items, err := s.cat.AddItems(ctx, in)
		if err != nil {
			return catalog.Record{}, nil, err
		}
		d, err := s.cat.Record(ctx, e.RecordID)
		return d.Record, items, err
	}
	return s.cat.CreateRecordWithItems(ctx, e.Record, in)
}
