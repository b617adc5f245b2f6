package assets

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Service is the equipment register's use cases.
type Service struct {
	store Store
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the service; now may be nil for the wall clock.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

// Today is today's date in the library's zone, YYYY-MM-DD.
func (s *Service) Today() string { return s.now().In(s.tz).Format(time.DateOnly) }

// mayWrite: librarians and administrators keep the register.
func mayWrite(a audit.Actor) bool { return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian }

// checkDate reads a day that cannot be in the future nor before 1949.
func (s *Service) checkDate(field, what, whatEn, v string) error {
	d, err := time.ParseInLocation(time.DateOnly, v, s.tz)
	switch {
	case v == "":
		return invalid(field, "请填写"+what, whatEn+" is missing")
	case err != nil:
		return invalid(field, what+"应写成 2022-08-01", whatEn+" must look like 2022-08-01")
	case v > s.Today():
		return invalid(field, what+"不能晚于今天", whatEn+" cannot be after today")
	case d.Year() < 1949:
		return invalid(field, what+"不能早于 1949 年", whatEn+" cannot be before 1949")
	}
	return nil
}

// check tidies a and says what is wrong with it, naming the field.
func (s *Service) check(a *Asset) error {
	a.Name, a.Model, a.Location = plaintext.Line(a.Name), plaintext.Line(a.Model), plaintext.Line(a.Location)
	a.Notes = plaintext.Text(a.Notes)
	a.Acquired = strings.TrimSpace(a.Acquired)
	switch {
	case a.Name == "":
		return invalid("name", "请填写设备名称，如“钢制双面书架”", "name the equipment, e.g. steel double-sided shelving")
	case utf8.RuneCountInString(a.Name) > MaxName:
		return invalid("name", fmt.Sprintf("设备名称不能超过 %d 个字", MaxName), fmt.Sprintf("the name is at most %d characters", MaxName))
	case !a.Category.Valid():
		return invalid("category", "请选择设备类别", "choose the category")
	case utf8.RuneCountInString(a.Model) > MaxModel:
		return invalid("model", fmt.Sprintf("规格型号不能超过 %d 个字", MaxModel), fmt.Sprintf("the model is at most %d characters", MaxModel))
	case a.Quantity < 1:
		return invalid("quantity", "数量至少为 1", "the quantity is at least 1")
	case a.Quantity > MaxQuantity:
		return invalid("quantity", fmt.Sprintf("数量不能超过 %d", MaxQuantity), fmt.Sprintf("the quantity is at most %d", MaxQuantity))
	case a.ValueFen < 0:
		return invalid("value", "金额不能为负数", "the value cannot be negative")
	case a.ValueFen > MaxValueFen:
		return invalid("value", "金额超过 1 亿元，请检查是否多输了位数", "the value is over 100 million yuan: check the digits")
	case utf8.RuneCountInString(a.Location) > MaxLocation:
		return invalid("location", fmt.Sprintf("存放地点不能超过 %d 个字", MaxLocation), fmt.Sprintf("the place is at most %d characters", MaxLocation))
	case utf8.RuneCountInString(a.Notes) > MaxNotes:
		return invalid("notes", fmt.Sprintf("备注不能超过 %d 个字", MaxNotes), fmt.Sprintf("the notes are at most %d characters", MaxNotes))
	}
	if a.State == "" {
		a.State = InUse
	}
	if a.State == Retired {
		return invalid("state", "报废请用“报废”按钮，写明日期和原因", "retire a line with the Retire button, giving the day and reason")
	}
	if !a.State.Valid() {
		return invalid("state", "请选择设备状态：在用、维修中或闲置", "choose the state: in use, under repair or idle")
	}
	return s.checkDate("acquired", "购置日期", "the purchase day", a.Acquired)
}

func summary(a Asset) string {
	return fmt.Sprintf("%s × %d（%d.%02d 元，%s）", a.Name, a.Quantity, a.ValueFen/100, a.ValueFen%100, a.Category.Label("zh"))
}

// Create enters a line into the register.
func (s *Service) Create(ctx context.Context, a Asset) (Asset, error) {
	actor := audit.ActorFrom(ctx)
	if !mayWrite(actor) {
		return Asset{}, forbidden()
	}
	a.ID, a.RetiredOn, a.RetireReason = 0, "", ""
	if err := s.check(&a); err != nil {
		return Asset{}, err
	}
	a.CreatedBy, a.CreatedAt, a.UpdatedAt = actor.Name, s.now(), s.now()
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.InsertAsset(&a); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "asset", fmt.Sprint(a.ID), "登记设备："+summary(a)))
	})
	return a, err
}

// Update corrects a line. A retired line is not changed any more.
func (s *Service) Update(ctx context.Context, a Asset) (Asset, error) {
	if !mayWrite(audit.ActorFrom(ctx)) {
		return Asset{}, forbidden()
	}
	if err := s.check(&a); err != nil {
		return Asset{}, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Asset(a.ID)
		if err != nil {
			return err
		}
		if old.State == Retired {
			return errRetired(old)
		}
		a.CreatedBy, a.CreatedAt, a.UpdatedAt = old.CreatedBy, old.CreatedAt, s.now()
		if err := tx.UpdateAsset(a); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "asset", fmt.Sprint(a.ID), "修改设备登记："+summary(a)))
	})
	return a, err
}

func errRetired(a Asset) error {
	return errs.Conflict(CodeAssetRetired, fmt.Sprintf("“%s”已于 %s 报废，不能再修改", a.Name, a.RetiredOn),
		fmt.Sprintf("%q was retired on %s and is not changed any more", a.Name, a.RetiredOn))
}

// Retire takes a line out of service (报废) on a day, for a reason; it
// stays in the register and leaves the ledger's totals.
func (s *Service) Retire(ctx context.Context, id int64, r Retirement) (Asset, error) {
	if !mayWrite(audit.ActorFrom(ctx)) {
		return Asset{}, forbidden()
	}
	r.Date, r.Reason = strings.TrimSpace(r.Date), plaintext.Line(r.Reason)
	if err := s.checkDate("retired_on", "报废日期", "the day of retirement", r.Date); err != nil {
		return Asset{}, err
	}
	switch {
	case r.Reason == "":
		return Asset{}, invalid("retire_reason", "请写明报废原因，如“损坏无法维修”", "give the reason, e.g. broken beyond repair")
	case utf8.RuneCountInString(r.Reason) > MaxReason:
		return Asset{}, invalid("retire_reason", fmt.Sprintf("报废原因不能超过 %d 个字", MaxReason), fmt.Sprintf("the reason is at most %d characters", MaxReason))
	}
	var a Asset
	err := s.store.Update(ctx, func(tx Tx) (err error) {
		if a, err = tx.Asset(id); err != nil {
			return err
		}
		if a.State == Retired {
			return errRetired(a)
		}
		if r.Date < a.Acquired {
			return invalid("retired_on", fmt.Sprintf("报废日期不能早于购置日期 %s", a.Acquired), fmt.Sprintf("the day of retirement cannot be before the purchase on %s", a.Acquired))
		}
		a.State, a.RetiredOn, a.RetireReason, a.UpdatedAt = Retired, r.Date, r.Reason, s.now()
		if err := tx.UpdateAsset(a); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "retire", "asset", fmt.Sprint(a.ID), fmt.Sprintf("设备报废：%s，%s，原因：%s", summary(a), r.Date, r.Reason)))
	})
	return a, err
}

// Get returns one line.
func (s *Service) Get(ctx context.Context, id int64) (a Asset, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		a, err = tx.Asset(id)
		return err
	})
	return a, err
}

// List returns the register: the lines held in category order, each
// category by purchase day, then the retired ones, latest retired first.
func (s *Service) List(ctx context.Context) (out []Asset, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Assets()
		return err
	})
	sortAssets(out)
	return out, err
}

func sortAssets(as []Asset) {
	rank := func(c Category) int {
		if i := slices.Index(Categories, c); i >= 0 {
			return i
		}
		return len(Categories)
	}
	slices.SortStableFunc(as, func(a, b Asset) int {
		ar, br := a.State == Retired, b.State == Retired
		switch {
		case ar != br:
			if ar {
				return 1
			}
			return -1
		case ar:
			return strings.Compare(b.RetiredOn, a.RetiredOn)
		case a.Category != b.Category:
			return rank(a.Category) - rank(b.Category)
		}
		return strings.Compare(a.Acquired, b.Acquired)
	})
}

// Ledger counts the register beside the collection, in one transaction.
func (s *Service) Ledger(ctx context.Context) (l Ledger, err error) {
	var as []Asset
	err = s.store.View(ctx, func(tx Tx) error {
		if as, err = tx.Assets(); err != nil {
			return err
		}
		l.Copies, l.Titles, l.CollectionFen, err = tx.CollectionHeld()
		return err
	})
	if err != nil {
		return Ledger{}, err
	}
	return tally(as, l), nil
}

// tally adds the lines to the ledger's equipment figures.
func tally(as []Asset, l Ledger) Ledger {
	by := map[Category]*CategoryTotal{}
	for _, c := range Categories {
		by[c] = &CategoryTotal{Category: c}
	}
	for _, a := range as {
		if a.State == Retired {
			l.Retired.add(a)
			continue
		}
		l.Equipment.add(a)
		if c, ok := by[a.Category]; ok {
			c.add(a)
		}
	}
	for _, c := range Categories {
		l.ByCategory = append(l.ByCategory, *by[c])
	}
	l.TotalFen = l.Equipment.ValueFen + l.CollectionFen
	return l
}
