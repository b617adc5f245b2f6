package receptions

import (
	"context"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/photos"
	"shuwu/internal/plaintext"
)

// Service is the reception record's use cases.
type Service struct {
	store  Store
	tz     *time.Location
	now    func() time.Time
	photos photos.Dir // where the visits' photos are kept
}

// NewService builds the service; now may be nil for the wall clock.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

// ThisYear is the current year in the library's time zone.
func (s *Service) ThisYear() int { return s.now().In(s.tz).Year() }

// Today is today's date, YYYY-MM-DD.
func (s *Service) Today() string { return s.now().In(s.tz).Format(time.DateOnly) }

// mayWrite: librarians and administrators keep the record (and shuwu
// itself, loading the demo); leadership and the desk read it.
func mayWrite(a audit.Actor) bool { return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian }

// check tidies r and says what is wrong with it, naming the field.
func (s *Service) check(r *Reception) error {
	r.Date = strings.TrimSpace(r.Date)
	d, err := time.ParseInLocation(time.DateOnly, r.Date, s.tz)
	switch {
	case err != nil:
		return invalid("date", "接待日期应写成 2026-12-04", "the date must look like 2026-12-04")
	case r.Date > s.Today():
		return invalid("date", "接待日期不能晚于今天：接待记录记的是已经来过的来访", "the date cannot be after today: the record is of visits that took place")
	case d.Year() < 2000:
		return invalid("date", "接待日期不能早于 2000 年", "the date cannot be before 2000")
	case !r.Level.Valid():
		return invalid("level", "请选择来访人员的级别", "choose the visitors' level")
	case len(r.Guests) == 0:
		return invalid("guests", "请至少填写一位来访人员（姓名 职务）", "name at least one visitor (name and title)")
	case len(r.Guests) > MaxGuests:
		return invalid("guests", fmt.Sprintf("来访人员最多填写 %d 位", MaxGuests), fmt.Sprintf("at most %d visitors", MaxGuests))
	}
	for i := range r.Guests {
		g, err := checkGuest(r.Guests[i], 0)
		if err != nil {
			return err
		}
		r.Guests[i] = g
	}
	r.Accompanying, r.Shown, r.Remarks = plaintext.Text(r.Accompanying), plaintext.Text(r.Shown), plaintext.Text(r.Remarks)
	for _, f := range []struct {
		field, zh, en, v string
		max              int
	}{{"accompanying", "陪同人员", "the accompanying officials", r.Accompanying, MaxAccompanying},
		{"shown", "参观内容", "what was shown", r.Shown, MaxShown},
		{"remarks", "备注", "the remarks", r.Remarks, MaxRemarks}} {
		if utf8.RuneCountInString(f.v) > f.max {
			return invalid(f.field, fmt.Sprintf("%s不能超过 %d 个字", f.zh, f.max), fmt.Sprintf("%s is at most %d characters", f.en, f.max))
		}
	}
	return nil
}

func forbidden() error {
	return errs.New(errs.KindForbidden, CodeReceptionForbidden, "只有馆员可以填写或修改接待记录", "only a librarian keeps the reception record")
}

func summary(r Reception) string {
	g := r.Principal()
	return fmt.Sprintf("%s %s%s 等 %d 人来访（%s）", r.Date, g.Name, map[bool]string{true: "（" + g.Title + "）", false: ""}[g.Title != ""], len(r.Guests), r.Level.Label("zh"))
}

// Create records a reception.
func (s *Service) Create(ctx context.Context, r Reception) (Reception, error) {
	a := audit.ActorFrom(ctx)
	if !mayWrite(a) {
		return Reception{}, forbidden()
	}
	if err := s.check(&r); err != nil {
		return Reception{}, err
	}
	r.CreatedBy, r.CreatedAt, r.UpdatedAt = a.Name, s.now(), s.now()
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.InsertReception(&r); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "reception", fmt.Sprint(r.ID), "接待记录："+summary(r)))
	})
	return r, err
}

// Update changes a reception's record.
func (s *Service) Update(ctx context.Context, r Reception) (Reception, error) {
	if !mayWrite(audit.ActorFrom(ctx)) {
		return Reception{}, forbidden()
	}
	if err := s.check(&r); err != nil {
		return Reception{}, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Reception(r.ID)
		if err != nil {
			return err
		}
		r.CreatedBy, r.CreatedAt, r.UpdatedAt = old.CreatedBy, old.CreatedAt, s.now()
		if err := tx.UpdateReception(r); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "reception", fmt.Sprint(r.ID), "修改接待记录："+summary(r)))
	})
	return r, err
}

// Get returns one reception.
func (s *Service) Get(ctx context.Context, id int64) (r Reception, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		r, err = tx.Reception(id)
		return err
	})
	return r, err
}

// List returns a year's receptions, latest first.
func (s *Service) List(ctx context.Context, year int) (out []Reception, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Receptions(fmt.Sprintf("%04d-01-01", year), fmt.Sprintf("%04d-01-01", year+1))
		return err
	})
	return out, err
}

// Years lists the years with receptions, latest first, with this year
// always among them.
func (s *Service) Years(ctx context.Context) ([]int, error) {
	var ys []int
	err := s.store.View(ctx, func(tx Tx) (err error) {
		ys, err = tx.ReceptionYears()
		return err
	})
	if len(ys) == 0 || ys[0] < s.ThisYear() {
		ys = append([]int{s.ThisYear()}, ys...)
	}
	return ys, err
}

// Year counts a year's receptions by level: what the statistics report
// ("7 prefecture leaders visited" is Year(y).Of(Prefecture).Receptions).
func (s *Service) Year(ctx context.Context, year int) (YearCount, error) {
	rs, err := s.List(ctx, year)
	if err != nil {
		return YearCount{}, err
	}
	y := YearCount{Year: year, Receptions: len(rs)}
	by := map[Level]*LevelCount{}
	for _, l := range Levels {
		by[l] = &LevelCount{Level: l}
	}
	for _, r := range rs {
		y.Guests += len(r.Guests)
		if c, ok := by[r.Level]; ok {
			c.Receptions++
			c.Guests += len(r.Guests)
		}
	}
	for _, l := range Levels {
		y.ByLevel = append(y.ByLevel, *by[l])
	}
	return y, nil
}
