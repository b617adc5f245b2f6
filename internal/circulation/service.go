package circulation

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/settings"
)

// Service is circulation's use cases.
type Service struct {
	store Store
	tz    *time.Location
	now   func() time.Time
	// changed tells the catalogue (and so the search index) that a copy's
	// availability changed.
	changed func(ctx context.Context, recordIDs ...int64)
	cache   ruleCache
	library libraryCache
}

// NewService builds the circulation service. changed may be nil.
func NewService(store Store, tz *time.Location, now func() time.Time, changed func(ctx context.Context, recordIDs ...int64)) *Service {
	if now == nil {
		now = time.Now
	}
	if changed == nil {
		changed = func(context.Context, ...int64) {}
	}
	return &Service{store: store, tz: tz, now: now, changed: changed}
}

func (s *Service) localNow() time.Time { return s.now().In(s.tz) }

// today is the library's date as a midnight time in its zone.
func (s *Service) today() time.Time {
	n := s.localNow()
	return time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, s.tz)
}

func (s *Service) todayStr() string { return s.localNow().Format(time.DateOnly) }

func (s *Service) rulesOf(tx Tx) (settings.Rules, error) {
	_, cal, err := s.rules(tx)
	return cal.Rules, err
}

func (s *Service) calendar(tx Tx) (Calendar, error) {
	_, cal, err := s.rules(tx)
	return cal, err
}

func (s *Service) policies(tx Tx) ([]Policy, error) {
	p, _, err := s.rules(tx)
	return p, err
}

func (s *Service) event(tx Tx, ctx context.Context, kind ledger.Kind, readerID, classID int64, it catalog.Item, due string, detail map[string]any) error {
	e := ledger.Entry{Kind: kind, At: s.now(), ReaderID: readerID, ClassID: classID, ItemID: it.ID, RecordID: it.RecordID, StaffID: audit.ActorFrom(ctx).UserID, DueDate: due}
	if len(detail) > 0 {
		b, _ := json.Marshal(detail)
		e.Detail = string(b)
	}
	return tx.AppendLedger(&e)
}

// CheckoutResult is what the desk shows after lending a copy.
type CheckoutResult struct {
	Loan   LoanView       `json:"loan"`
	Reader readers.Reader `json:"reader"`
}

// errHoldQueue sends a checkout or return that touches the hold queue
// from the row-locked transaction to an isolated one.
var errHoldQueue = errors.New("circulation: the checkout touches holds")

// Checkout lends the copy with barcode to the reader with card.
func (s *Service) Checkout(ctx context.Context, card, barcode string) (CheckoutResult, error) {
	card, barcode = strings.TrimSpace(card), strings.TrimSpace(barcode)
	var res CheckoutResult
	var recordID int64
	// The common case, a copy off the open shelf for a reader with no
	// hold on its title, runs with row locks on the reader and the copy
	// (on PostgreSQL: READ COMMITTED); one that touches the hold queue
	// runs again isolated, since holds of other readers may move.
	locked := true
	lend := func(tx Tx) error {
		today := s.todayStr()
		if err := tx.LockForLending(card, barcode); err != nil {
			return err
		}
		li, itemErr := tx.LendingItem(barcode)
		if itemErr != nil && !errs.Is(itemErr, catalog.CodeItemNotFound) {
			return itemErr
		}
		// The desk scans the card first, so a bad card is reported first.
		r, st, err := tx.Borrower(card, li.RecordID, today)
		if err != nil {
			return err
		}
		if err := checkCard(r, today); err != nil {
			return err
		}
		if itemErr != nil {
			return itemErr
		}
		it := li.Item
		if locked && (st.HoldsOnRecord > 0 || it.Status == catalog.StatusOnHoldShelf) {
			return errHoldQueue
		}
		switch it.Status {
		case catalog.StatusAvailable:
		case catalog.StatusOnLoan:
			if l, err := tx.LoanOfItem(it.ID); err == nil && l.ReaderID == r.ID {
				return errs.Conflict(CodeItemOnLoan, fmt.Sprintf("该册（%s）已借给 %s，无需重复借出", barcode, r.Name), "this reader already has the item")
			}
			return errs.Conflict(CodeItemOnLoan, fmt.Sprintf("该册（%s）已借出，请先办理还书", barcode), "the item is already on loan")
		case catalog.StatusOnHoldShelf:
			h, err := tx.HoldOfItem(it.ID)
			if err != nil && !errs.Is(err, CodeHoldNotFound) {
				return err
			}
			if err == nil && h.ReaderID != r.ID {
				return errs.Conflict(CodeItemOnHoldForOther, fmt.Sprintf("该册（%s）已为其他读者预约保留", barcode), "the item is held for another reader")
			}
		default:
			return errItemUnavailable(it)
		}
		if !it.Lendable {
			return errs.Conflict(CodeItemNotLendable, fmt.Sprintf("该册（%s）仅供室内阅览，不外借", barcode), "the item is for in-room use only")
		}
		policies, err := s.policies(tx)
		if err != nil {
			return err
		}
		p := Resolve(policies, r.TypeID, li.CategoryID)
		if n := st.Loans; n >= p.MaxLoans {
			return errs.Conflict(CodeLoanLimitReached, fmt.Sprintf("%s 已借 %d 册，达到可借上限 %d 册", r.Name, n, p.MaxLoans), fmt.Sprintf("the loan limit of %d is reached", p.MaxLoans))
		}
		cal, err := s.calendar(tx)
		if err != nil {
			return err
		}
		due := cal.DueDate(s.today(), p.LoanDays, r.ExpiryDate).Format(time.DateOnly)
		loan := Loan{ItemID: it.ID, ReaderID: r.ID, ClassID: st.ClassID, LoanedAt: s.now(), DueDate: due, StaffID: audit.ActorFrom(ctx).UserID}
		if err := tx.InsertLoan(&loan); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Conflict(CodeItemOnLoan, fmt.Sprintf("该册（%s）已借出", barcode), "the item is already on loan")
			}
			return err
		}
		if err := tx.UpdateItemStatus(it.ID, catalog.StatusOnLoan, s.now()); err != nil {
			return err
		}
		if st.HoldsOnRecord > 0 {
			if err := s.fillHold(ctx, tx, r, it); err != nil {
				return err
			}
		}
		if err := s.event(tx, ctx, ledger.Loan, r.ID, loan.ClassID, it, due, nil); err != nil {
			return err
		}
		// Tell the index only when the record's shelf state changes (or a
		// hold moved another copy): lending one of five copies changes
		// nothing a search shows.
		if li.flipped(catalog.StatusOnLoan) || st.HoldsOnRecord > 0 {
			recordID = it.RecordID
		}
		res = CheckoutResult{Reader: r, Loan: LoanView{Loan: loan, Barcode: it.Barcode, RecordID: it.RecordID, Title: li.Title, CallNumber: it.CallNumber, ReaderCard: r.Card, ReaderName: r.Name}}
		return nil
	}
	err := s.store.UpdateLocked(ctx, lend)
	if errors.Is(err, errHoldQueue) {
		locked = false
		err = s.store.Update(ctx, lend)
	}
	if err != nil {
		return CheckoutResult{}, err
	}
	if recordID != 0 {
		s.changed(ctx, recordID) // the last copy left the shelf
	}
	return res, nil
}

// fillHold closes the reader's hold on the record a lent copy belongs to:
// whether the copy waited on the hold shelf for them or they took one from
// the shelf.
func (s *Service) fillHold(ctx context.Context, tx Tx, r readers.Reader, it catalog.Item) error {
	holds, err := tx.HoldsOfRecord(it.RecordID)
	if err != nil {
		return err
	}
	for _, h := range holds {
		if h.ReaderID != r.ID {
			continue
		}
		if err := tx.DeleteHold(h.ID); err != nil {
			return err
		}
		if h.Status == HoldTrapped && h.ItemID != it.ID {
			// They borrowed another copy; the trapped one serves the queue.
			other, err := tx.Item(h.ItemID)
			if err != nil {
				return err
			}
			if err := s.trapOrShelve(ctx, tx, other); err != nil {
				return err
			}
		}
		return s.event(tx, ctx, ledger.HoldFill, r.ID, 0, it, "", map[string]any{"hold_id": h.ID})
	}
	return nil
}

// HoldTrap tells the desk a returned copy is for a waiting reader.
type HoldTrap struct {
	HoldID         int64  `json:"hold_id"`
	ReaderCard     string `json:"reader_card"`
	ReaderName     string `json:"reader_name"`
	ReaderPhone    string `json:"reader_phone,omitempty"`
	PickupDeadline string `json:"pickup_deadline"`
}

// CheckinResult is what the desk is told after a return.
type CheckinResult struct {
	Item        catalog.Item    `json:"item"`
	Title       string          `json:"title"`
	WasOnLoan   bool            `json:"was_on_loan"`
	Reader      *readers.Reader `json:"reader,omitempty"`
	DueDate     string          `json:"due_date,omitempty"`
	OverdueDays int             `json:"overdue_days"`
	SuspendedTo string          `json:"suspended_until,omitempty"`
	Hold        *HoldTrap       `json:"hold,omitempty"`
	// Action is what to do with the copy: shelve, hold_shelf, repair.
	Action string `json:"action"`
	Found  bool   `json:"found,omitempty"` // it had been marked lost
}

// Checkin returns a copy. Returns are always accepted: a copy not on loan,
// lent to someone else than expected, or with incomplete data still comes
// back, and the result tells the desk what it found.
func (s *Service) Checkin(ctx context.Context, barcode string, damaged bool) (CheckinResult, error) {
	barcode = strings.TrimSpace(barcode)
	var res CheckinResult
	var flipped bool
	// As in Checkout: a return nobody waits for runs with row locks on
	// the copy and its reader; one that may trap the copy for a hold runs
	// again isolated. (A hold placed while such a return is committing
	// waits for the next copy back: the copy goes to the shelf.)
	locked := true
	back := func(tx Tx) error {
		if err := tx.LockForLending("", barcode); err != nil {
			return err
		}
		li, err := tx.LendingItem(barcode)
		if err != nil {
			return err
		}
		it := li.Item
		if locked && (li.WaitingHolds > 0 || it.Status == catalog.StatusOnHoldShelf) {
			return errHoldQueue
		}
		res = CheckinResult{Item: it, Title: li.Title}
		today := s.todayStr()
		loan, err := tx.LoanOfItem(it.ID)
		switch {
		case err == nil:
			res.WasOnLoan = true
			if err := tx.LockReaderRow(loan.ReaderID); err != nil {
				return err
			}
			r, err := tx.Reader(loan.ReaderID)
			if err != nil {
				return err
			}
			res.DueDate = loan.DueDate
			if overdue := daysBetween(loan.DueDate, today); overdue > 0 {
				res.OverdueDays = overdue
			}
			if err := tx.DeleteLoan(loan.ID); err != nil {
				return err
			}
			if res.OverdueDays > 0 {
				if err := s.suspend(tx, &r, res.OverdueDays); err != nil {
					return err
				}
				res.SuspendedTo = r.SuspendedUntil
			}
			res.Reader = &r
			if err := s.event(tx, ctx, ledger.Return, r.ID, loan.ClassID, it, loan.DueDate, map[string]any{"overdue_days": res.OverdueDays}); err != nil {
				return err
			}
		case errs.Is(err, CodeLoanNotFound):
			if it.Status == catalog.StatusLost {
				res.Found = true
				if err := s.event(tx, ctx, ledger.Found, 0, 0, it, "", nil); err != nil {
					return err
				}
			}
		default:
			return err
		}
		if damaged || it.Status == catalog.StatusRepair {
			res.Action = "repair"
			if err := tx.UpdateItemStatus(it.ID, catalog.StatusRepair, s.now()); err != nil {
				return err
			}
			if damaged {
				if err := s.event(tx, ctx, ledger.Damaged, 0, 0, it, "", nil); err != nil {
					return err
				}
			}
		} else if it.Status == catalog.StatusOnHoldShelf {
			// Scanned again while already waiting for someone: say so.
			h, err := tx.HoldOfItem(it.ID)
			if err != nil {
				return err
			}
			r, err := tx.Reader(h.ReaderID)
			if err != nil {
				return err
			}
			res.Action = "hold_shelf"
			res.Hold = &HoldTrap{HoldID: h.ID, ReaderCard: r.Card, ReaderName: r.Name, ReaderPhone: r.Phone, PickupDeadline: h.PickupDeadline}
		} else if li.WaitingHolds == 0 {
			// Nobody waits: straight back to the shelf.
			res.Action = "shelve"
			if err := tx.UpdateItemStatus(it.ID, catalog.StatusAvailable, s.now()); err != nil {
				return err
			}
		} else {
			trap, err := s.trap(ctx, tx, it)
			if err != nil {
				return err
			}
			res.Hold = trap
			res.Action = "shelve"
			if trap != nil {
				res.Action = "hold_shelf"
			}
		}
		res.Item = it
		switch res.Action {
		case "repair":
			res.Item.Status = catalog.StatusRepair
		case "hold_shelf":
			res.Item.Status = catalog.StatusOnHoldShelf
		default:
			res.Item.Status = catalog.StatusAvailable
		}
		flipped = li.flipped(res.Item.Status)
		return nil
	}
	err := s.store.UpdateLocked(ctx, back)
	if errors.Is(err, errHoldQueue) {
		locked = false
		err = s.store.Update(ctx, back)
	}
	if err != nil {
		return CheckinResult{}, err
	}
	if flipped {
		s.changed(ctx, res.Item.RecordID) // the record is back on the shelf, or gone from it
	}
	return res, nil
}

// suspend applies 以停代金 when the rules enable it.
func (s *Service) suspend(tx Tx, r *readers.Reader, overdueDays int) error {
	rules, err := s.rulesOf(tx)
	if err != nil || rules.SuspendDaysPerOverdueDay == 0 {
		return err
	}
	until := s.today().AddDate(0, 0, overdueDays*rules.SuspendDaysPerOverdueDay).Format(time.DateOnly)
	if until <= r.SuspendedUntil {
		return nil
	}
	r.SuspendedUntil = until
	r.UpdatedAt = s.now()
	return tx.UpdateReader(r)
}

// trap puts a copy on the hold shelf for the first waiting reader of its
// record, or back on the shelf when nobody waits.
func (s *Service) trap(ctx context.Context, tx Tx, it catalog.Item) (*HoldTrap, error) {
	if it.Lendable {
		holds, err := tx.HoldsOfRecord(it.RecordID)
		if err != nil {
			return nil, err
		}
		for _, h := range holds {
			if h.Status != HoldWaiting {
				continue
			}
			r, err := tx.Reader(h.ReaderID)
			if err != nil {
				return nil, err
			}
			cal, err := s.calendar(tx)
			if err != nil {
				return nil, err
			}
			now := s.now()
			h.Status, h.ItemID, h.TrappedAt = HoldTrapped, it.ID, &now
			if h.SetID != 0 {
				h.RecordID = it.RecordID // the volume the any-volume hold gets
			}
			h.PickupDeadline = cal.AddOpenDays(s.today(), cal.Rules.HoldPickupDays).Format(time.DateOnly)
			if err := tx.UpdateHold(&h); err != nil {
				return nil, err
			}
			if err := tx.UpdateItemStatus(it.ID, catalog.StatusOnHoldShelf, now); err != nil {
				return nil, err
			}
			if err := s.event(tx, ctx, ledger.HoldTrap, r.ID, 0, it, "", map[string]any{"hold_id": h.ID, "pickup_deadline": h.PickupDeadline}); err != nil {
				return nil, err
			}
			return &HoldTrap{HoldID: h.ID, ReaderCard: r.Card, ReaderName: r.Name, ReaderPhone: r.Phone, PickupDeadline: h.PickupDeadline}, nil
		}
	}
	return nil, tx.UpdateItemStatus(it.ID, catalog.StatusAvailable, s.now())
}

func (s *Service) trapOrShelve(ctx context.Context, tx Tx, it catalog.Item) error {
	_, err := s.trap(ctx, tx, it)
	return err
}

// RenewResult is one renewal's outcome.
type RenewResult struct {
	Barcode string   `json:"barcode"`
	Title   string   `json:"title"`
	DueDate string   `json:"due_date,omitempty"`
	Loan    LoanView `json:"loan"`
	Error   string   `json:"error,omitempty"`
	ErrorEn string   `json:"error_en,omitempty"`
	Code    string   `json:"code,omitempty"`
}

// Renew extends the loan of a copy. onlyReader, when not 0, restricts the
// renewal to that reader's own loans (the reader portal).
func (s *Service) Renew(ctx context.Context, barcode string, onlyReader int64) (LoanView, error) {
	var out LoanView
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		out, err = s.renewTx(ctx, tx, strings.TrimSpace(barcode), onlyReader)
		return err
	})
	return out, err
}

func (s *Service) renewTx(ctx context.Context, tx Tx, barcode string, onlyReader int64) (LoanView, error) {
	it, err := tx.ItemByBarcode(barcode)
	if err != nil {
		return LoanView{}, err
	}
	loan, err := tx.LoanOfItem(it.ID)
	if err != nil {
		if errs.Is(err, CodeLoanNotFound) {
			return LoanView{}, errs.Conflict(CodeItemNotOnLoan, fmt.Sprintf("该册（%s）未借出，无需续借", barcode), "the item is not on loan")
		}
		return LoanView{}, err
	}
	if onlyReader != 0 && loan.ReaderID != onlyReader {
		return LoanView{}, errs.New(errs.KindForbidden, CodeNotYourLoan, "只能续借自己借的书", "you can renew only your own loans")
	}
	r, err := tx.Reader(loan.ReaderID)
	if err != nil {
		return LoanView{}, err
	}
	rec, err := tx.RecordBrief(it.RecordID)
	if err != nil {
		return LoanView{}, err
	}
	due, err := s.renewal(tx, loan, r, rec)
	if err != nil {
		return LoanView{}, err
	}
	loan.DueDate = due
	loan.Renewals++
	if err := tx.UpdateLoan(&loan); err != nil {
		return LoanView{}, err
	}
	if err := s.event(tx, ctx, ledger.Renew, r.ID, loan.ClassID, it, due, map[string]any{"renewals": loan.Renewals}); err != nil {
		return LoanView{}, err
	}
	return LoanView{Loan: loan, Barcode: it.Barcode, RecordID: rec.ID, Title: rec.Title, CallNumber: it.CallNumber, ReaderCard: r.Card, ReaderName: r.Name}, nil
}

// RenewAll renews every loan of a reader, reporting each one. Loans that
// cannot be renewed are reported and left as they are.
func (s *Service) RenewAll(ctx context.Context, card string, onlyReader int64) ([]RenewResult, error) {
	var out []RenewResult
	err := s.store.Update(ctx, func(tx Tx) error {
		r, err := tx.ReaderByCard(strings.TrimSpace(card))
		if err != nil {
			return err
		}
		if onlyReader != 0 && r.ID != onlyReader {
			return errs.New(errs.KindForbidden, CodeNotYourLoan, "只能续借自己借的书", "you can renew only your own loans")
		}
		loans, err := tx.LoansOfReader(r.ID)
		if err != nil {
			return err
		}
		out = make([]RenewResult, 0, len(loans))
		for _, l := range loans {
			lv, err := s.renewTx(ctx, tx, l.Barcode, onlyReader)
			res := RenewResult{Barcode: l.Barcode, Title: l.Title}
			if err != nil {
				e := errs.As(err)
				if e.Kind == errs.KindInternal {
					return err
				}
				res.Error, res.ErrorEn, res.Code, res.Loan = e.Message, e.MessageEn, string(e.Code), l
			} else {
				res.DueDate, res.Loan = lv.DueDate, lv
			}
			out = append(out, res)
		}
		return nil
	})
	return out, err
}

// Location is the library's time zone.
func (s *Service) Location() *time.Location { return s.tz }
