package acquisitions

import (
	"context"
	"fmt"
	"sync"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/paging"
)

// Service is the yearly targets' use cases.
type Service struct {
	store Store
	cat   *catalog.Service
	// receiving makes one receipt at a time, so two scans at the same
	// instant cannot receive more copies than a line has.
	receiving sync.Mutex
	tz        *time.Location
	now       func() time.Time
}

// NewService builds the service; now may be nil.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

// ThisYear is the library's current year.
func (s *Service) ThisYear() int { return s.now().In(s.tz).Year() }

func (s *Service) checkYear(y int) error {
	if y < 2000 || y > s.ThisYear()+1 {
		return errs.Invalid(CodeTargetYearInvalid, "year", fmt.Sprintf("年份须在 2000 到 %d 之间", s.ThisYear()+1), fmt.Sprintf("the year must be between 2000 and %d", s.ThisYear()+1))
	}
	return nil
}

func withDefault(t Target, year int) Target {
	t.Year = year
	if !t.Set {
		t.Volumes = DefaultVolumes
	}
	if t.Categories == nil {
		t.Categories = map[int64]int{}
	}
	return t
}

// Target returns a year's target, the default when none was set.
func (s *Service) Target(ctx context.Context, year int) (Target, error) {
	if err := s.checkYear(year); err != nil {
		return Target{}, err
	}
	var t Target
	err := s.store.View(ctx, func(tx Tx) (err error) {
		t, err = tx.Target(year)
		return err
	})
	return withDefault(t, year), err
}

func volumesInvalid(field string) error {
	return errs.Invalid(CodeTargetVolumesInvalid, field, fmt.Sprintf("目标册数须为 0 到 %d 之间的整数", MaxVolumes), fmt.Sprintf("a target is a whole number from 0 to %d", MaxVolumes))
}

// SaveTarget sets a year's target and its category targets (a category
// target of 0 removes it).
func (s *Service) SaveTarget(ctx context.Context, t Target) (Target, error) {
	if err := s.checkYear(t.Year); err != nil {
		return Target{}, err
	}
	if t.Volumes < 0 || t.Volumes > MaxVolumes {
		return Target{}, volumesInvalid("volumes")
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		cats, err := tx.Categories()
		if err != nil {
			return err
		}
		known := map[int64]bool{}
		for _, c := range cats {
			known[c.ID] = true
		}
		clean := map[int64]int{}
		for id, n := range t.Categories {
			if !known[id] {
				return errs.Invalid(CodeTargetCategoryUnknown, "categories", "所选分类不存在", "no such category")
			}
			if n < 0 || n > MaxVolumes {
				return volumesInvalid(fmt.Sprintf("category_%d", id))
			}
			if n > 0 {
				clean[id] = n
			}
		}
		t.Categories, t.Set, t.UpdatedAt = clean, true, s.now()
		if err := tx.SaveTarget(t); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "target", fmt.Sprint(t.Year), fmt.Sprintf("设定 %d 年入藏目标 %d 册", t.Year, t.Volumes)))
	})
	if err != nil {
		return Target{}, err
	}
	return t, nil
}

func yearSpan(y int) (string, string) {
	return fmt.Sprintf("%04d-01-01", y), fmt.Sprintf("%04d-12-31", y)
}

// Progress counts a year's new copies (every copy added that year, lost
// or not: it came in) by source and by category, against the targets.
func (s *Service) Progress(ctx context.Context, year int) (Progress, error) {
	if err := s.checkYear(year); err != nil {
		return Progress{}, err
	}
	var p Progress
	err := s.store.View(ctx, func(tx Tx) error {
		t, err := tx.Target(year)
		if err != nil {
			return err
		}
		p.Target = withDefault(t, year)
		from, to := yearSpan(year)
		c, err := tx.YearCounts(from, to)
		if err != nil {
			return err
		}
		p.Copies, p.Titles, p.ValueFen = c.Copies, c.Titles, c.ValueFen
		for _, src := range catalog.Sources() {
			p.Sources = append(p.Sources, SourceCount{Source: src, Copies: c.BySource[src]})
		}
		cats, err := tx.Categories()
		if err != nil {
			return err
		}
		for _, cat := range cats {
			target := p.Target.Categories[cat.ID]
			if n := c.ByCategory[cat.ID]; n > 0 || target > 0 {
				p.Categories = append(p.Categories, CategoryCount{Category: cat, Copies: n, Target: target})
			}
		}
		if n := c.ByCategory[0]; n > 0 {
			p.Categories = append(p.Categories, CategoryCount{Category: catalog.Category{Name: "未分类", NameEn: "No category"}, Copies: n})
		}
		return nil
	})
	return p, err
}

// Arrivals pages what came in during a year, newest first.
func (s *Service) Arrivals(ctx context.Context, f ArrivalFilter) ([]Arrival, int, error) {
	if err := s.checkYear(f.Year); err != nil {
		return nil, 0, err
	}
	if f.Source != "" && !f.Source.Valid() {
		f.Source = ""
	}
	if f.Size <= 0 || f.Size > 200 {
		f.Size = 50
	}
	f.Number = paging.Clamp(f.Number)
	var out []Arrival
	var total int
	err := s.store.View(ctx, func(tx Tx) (err error) {
		from, to := yearSpan(f.Year)
		out, total, err = tx.Arrivals(from, to, f)
		return err
	})
	return out, total, err
}
