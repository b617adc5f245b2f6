package labels

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// Store is the labels' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what printing reads and writes.
type Tx interface {
	// LabelCopies lists the copies sel picks, in call-number order (the
	// order they go on the shelf), at most limit.
	LabelCopies(sel Selection, limit int) ([]Copy, error)
	// CardReaders lists a class's members, or the readers with the given
	// cards, in card order, at most limit.
	CardReaders(classID int64, cards []string, limit int) ([]Reader, error)
	Setting(key string) (string, error)
	SetSetting(key, value string) error
	Audit(e audit.Entry) error
}

// Selection picks the copies to label: those added on a day, those of an
// accession batch or of a record, or barcodes typed or scanned. Fields
// left zero do not narrow.
type Selection struct {
	AddedOn  string   `json:"added_on"` // YYYY-MM-DD
	BatchID  int64    `json:"batch_id"`
	RecordID int64    `json:"record_id"`
	Barcodes []string `json:"barcodes"`
}

// Empty reports whether the selection names nothing.
func (s Selection) Empty() bool {
	return s.AddedOn == "" && s.BatchID == 0 && s.RecordID == 0 && len(s.Barcodes) == 0
}

// MaxLabels bounds one print run.
const MaxLabels = 2000

// OffsetsKey is the setting holding each stock's printer offset.
const OffsetsKey = "labels.offsets"

// Service prints labels and cards.
type Service struct {
	store Store
	now   func() time.Time
}

// NewService builds the labels service; now may be nil for the wall clock.
func NewService(store Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, now: now}
}

// Copies lists the copies a selection picks.
func (s *Service) Copies(ctx context.Context, sel Selection) (out []Copy, err error) {
	var codes []string
	for _, b := range sel.Barcodes {
		if b = strings.TrimSpace(b); b != "" {
			codes = append(codes, b)
		}
	}
	sel.Barcodes = codes
	if sel.Empty() {
		return nil, errs.Invalid(CodeNothingToPrint, "barcodes", "请选择要打印的图书：当天新书、一个批次，或扫入条码", "choose the copies: added on a day, a batch, or scanned barcodes")
	}
	if len(sel.Barcodes) > MaxLabels {
		return nil, tooMany()
	}
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.LabelCopies(sel, MaxLabels+1)
		return err
	})
	if err == nil && len(out) > MaxLabels {
		return nil, tooMany()
	}
	if err == nil && len(out) == 0 {
		return nil, errs.Invalid(CodeNothingToPrint, "barcodes", "没有符合条件的图书", "no copies match")
	}
	return out, err
}

func tooMany() error {
	return errs.Invalid(CodeTooMany, "barcodes", fmt.Sprintf("一次最多打印 %d 张，请分批打印", MaxLabels), fmt.Sprintf("at most %d labels at a time; print in parts", MaxLabels))
}

// Readers lists the readers to print cards for: a class's members or the
// cards typed.
func (s *Service) Readers(ctx context.Context, classID int64, cards []string) (out []Reader, err error) {
	var cs []string
	for _, c := range cards {
		if c = strings.TrimSpace(c); c != "" {
			cs = append(cs, strings.ToUpper(c))
		}
	}
	if classID == 0 && len(cs) == 0 {
		return nil, errs.Invalid(CodeNothingToPrint, "cards", "请选择班次或输入读者证号", "choose a class or type card numbers")
	}
	if len(cs) > MaxLabels {
		return nil, tooMany()
	}
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.CardReaders(classID, cs, MaxLabels+1)
		return err
	})
	if err == nil && len(out) == 0 {
		return nil, errs.Invalid(CodeNothingToPrint, "cards", "没有符合条件的读者", "no readers match")
	}
	if err == nil && len(out) > MaxLabels {
		return nil, tooMany()
	}
	return out, err
}

// Offsets is each stock's printer offset.
func (s *Service) Offsets(ctx context.Context) (m map[string]Offset, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		m, err = offsetsOf(tx)
		return err
	})
	return m, err
}

func offsetsOf(tx Tx) (map[string]Offset, error) {
	m := map[string]Offset{}
	raw, err := tx.Setting(OffsetsKey)
	if err != nil || raw == "" {
		return m, err
	}
	if err := json.Unmarshal([]byte(raw), &m); err != nil {
		return nil, fmt.Errorf("labels: parse offsets: %w", err)
	}
	return m, nil
}

// CheckOffset refuses an offset beyond MaxOffset.
func CheckOffset(off Offset) error {
	if math.IsNaN(off.X) || math.IsNaN(off.Y) || math.Abs(off.X) > MaxOffset || math.Abs(off.Y) > MaxOffset {
		return errs.Invalid(CodeOffsetInvalid, "offset", "打印偏移须在 ±10 毫米之内", "the printer offset is within ±10 mm")
	}
	return nil
}

// SaveOffset keeps a stock's printer offset for the next print runs.
func (s *Service) SaveOffset(ctx context.Context, code string, off Offset) error {
	if _, ok := SheetByCode(code); !ok {
		return errs.Invalid(CodeSheetUnknown, "sheet", "标签纸规格不存在", "no such label stock")
	}
	if err := CheckOffset(off); err != nil {
		return err
	}
	return s.store.Update(ctx, func(tx Tx) error {
		m, err := offsetsOf(tx)
		if err != nil {
			return err
		}
		m[code] = off
		raw, err := json.Marshal(m)
		if err != nil {
			return err
		}
		if err := tx.SetSetting(OffsetsKey, string(raw)); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "label_offset", code, fmt.Sprintf("%s 标签纸打印偏移 右 %.1f 毫米、下 %.1f 毫米", code, off.X, off.Y)))
	})
}
