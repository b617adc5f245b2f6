package stocktake

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Service runs stocktakes.
type Service struct {
	store   Store
	now     func() time.Time
	changed func(ctx context.Context, recordIDs ...int64) // the catalogue's: copies' shelf state moved
}

// NewService builds the stocktake service. changed is told which records'
// copies were marked lost (the search index's on-shelf set); now may be
// nil for the wall clock.
func NewService(store Store, changed func(ctx context.Context, recordIDs ...int64), now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	if changed == nil {
		changed = func(context.Context, ...int64) {}
	}
	return &Service{store: store, now: now, changed: changed}
}

// Start opens a stocktake over all the collection, a shelf group, or a
// CLC range (by class-number prefix, inclusive at both ends).
func (s *Service) Start(ctx context.Context, in Stocktake) (Stocktake, error) {
	in.Name = plaintext.Line(in.Name)
	in.CLCFrom, in.CLCTo = strings.ToUpper(strings.TrimSpace(in.CLCFrom)), strings.ToUpper(strings.TrimSpace(in.CLCTo))
	switch {
	case in.Name == "" || utf8.RuneCountInString(in.Name) > 40:
		return in, errs.Invalid(CodeInvalid, "name", "盘点名称须为 1–40 个字", "a stocktake's name is 1–40 characters")
	case (in.CLCFrom == "") != (in.CLCTo == ""):
		return in, errs.Invalid(CodeInvalid, "clc_to", "分类范围须同时填写起止分类号，如 D0 至 D9", "give both ends of the CLC range, e.g. D0 to D9")
	case in.CLCFrom > in.CLCTo:
		return in, errs.Invalid(CodeInvalid, "clc_to", "分类范围的终点须不小于起点", "the range's end comes after its start")
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if in.LocationID != 0 {
			name, err := tx.LocationName(in.LocationID)
			if err != nil {
				return err
			}
			if name == "" {
				return errs.Invalid(CodeInvalid, "location_id", "书架（馆藏地点）不存在", "no such shelf group")
			}
			in.LocationName = name
		}
		in.Status, in.StartedBy, in.StartedAt = Open, audit.ActorFrom(ctx).Name, s.now()
		if err := tx.InsertStocktake(&in); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "start", "stocktake", fmt.Sprint(in.ID), "开始盘点："+in.Name))
	})
	return in, err
}

// Stocktakes lists the latest stocktakes, newest first.
func (s *Service) Stocktakes(ctx context.Context) (out []Stocktake, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Stocktakes(100)
		return err
	})
	return out, err
}

// Stocktake returns one stocktake with its scan count.
func (s *Service) Stocktake(ctx context.Context, id int64) (st Stocktake, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		if st, err = tx.Stocktake(id); err != nil {
			return err
		}
		st.Scanned, err = tx.ScanCount(id)
		return err
	})
	return st, err
}

// MaxBarcode bounds a scanned barcode.
const MaxBarcode = 64

// cleanBarcode is what a scanner typed, without the spaces and the
// control characters some scanners add.
func cleanBarcode(raw string) (string, error) {
	b := strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || r == ' ' || r == '\u3000' || r == '\ufeff' {
			return -1
		}
		return r
	}, raw)
	if b == "" || utf8.RuneCountInString(b) > MaxBarcode || !utf8.ValidString(b) {
		return "", errs.Invalid(CodeBarcodeInvalid, "barcode", "条码为空或超过 64 个字符", "the barcode is empty or longer than 64 characters")
	}
	return b, nil
}

// Scan records one barcode read on a shelf group and says what it is.
func (s *Service) Scan(ctx context.Context, id, shelf int64, raw string) (fb Feedback, err error) {
	code, err := cleanBarcode(raw)
	if err != nil {
		return fb, err
	}
	if shelf == 0 {
		return fb, errs.Invalid(CodeShelfRequired, "shelf", "请先选择正在盘点的书架", "choose the shelf group being scanned")
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		st, err := s.openStocktake(tx, id)
		if err != nil {
			return err
		}
		if name, err := tx.LocationName(shelf); err != nil || name == "" {
			if err != nil {
				return err
			}
			return errs.Invalid(CodeShelfRequired, "shelf", "书架（馆藏地点）不存在", "no such shelf group")
		}
		c, ok, err := tx.CopyByBarcode(code)
		if err != nil {
			return err
		}
		fb = Feedback{Barcode: code, Verdict: Unknown}
		if ok {
			fb.Title, fb.Verdict = c.Title, scanVerdict(st, c, shelf)
			if fb.Verdict == WrongShelf {
				fb.Shelf = c.LocationName
			}
		}
		if fb.Again, err = tx.SaveScan(id, Scan{Barcode: code, LocationID: shelf, ScannedAt: s.now()}); err != nil {
			return err
		}
		fb.Scanned, err = tx.ScanCount(id)
		return err
	})
	return fb, err
}

func (s *Service) openStocktake(tx Tx, id int64) (Stocktake, error) {
	st, err := tx.Stocktake(id)
	if err != nil {
		return st, err
	}
	if st.Status != Open {
		return st, errs.Conflict(CodeClosed, "盘点已结束，不能再扫描", "the stocktake is closed; no more scans")
	}
	return st, nil
}

// inScope reports whether a copy falls in a stocktake's range.
func inScope(st Stocktake, c Copy) bool {
	if st.LocationID != 0 && c.LocationID != st.LocationID {
		return false
	}
	if st.CLCFrom != "" {
		clc := strings.ToUpper(c.CLC)
		// A prefix range: D0 … D9 takes D0, D01, D9, D99.
		if clc < st.CLCFrom || (clc > st.CLCTo && !strings.HasPrefix(clc, st.CLCTo)) {
			return false
		}
	}
	return c.Status != "withdrawn"
}

// scanVerdict is what a scan of copy c on shelf says at once (the order on
// the shelf shows only in the result).
func scanVerdict(st Stocktake, c Copy, shelf int64) Verdict {
	switch {
	case c.Status == "lost" || c.Status == "withdrawn":
		return FoundAgain
	case c.Status == "on_loan":
		return LoanedHere
	case c.LocationID != shelf:
		return WrongShelf
	case !inScope(st, c):
		return OutOfScope
	}
	return Found
}

// Close ends a stocktake: no more scans; its result stays.
func (s *Service) Close(ctx context.Context, id int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		st, err := s.openStocktake(tx, id)
		if err != nil {
			return err
		}
		if err := tx.CloseStocktake(id, s.now().UnixMilli()); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "close", "stocktake", fmt.Sprint(id), "结束盘点："+st.Name))
	})
}
