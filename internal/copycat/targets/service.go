package targets

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
)

// Service keeps the sources.
type Service struct {
	store Store
	now   func() time.Time
}

// NewService builds the service; now may be nil.
func NewService(store Store, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, now: now}
}

// Targets lists the sources by name.
func (s *Service) Targets(ctx context.Context) ([]Target, error) {
	var out []Target
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.CopyTargets()
		return err
	})
	return out, err
}

// Target returns one source.
func (s *Service) Target(ctx context.Context, id int64) (Target, error) {
	var t Target
	err := s.store.View(ctx, func(tx Tx) (err error) {
		t, err = tx.CopyTarget(id)
		return err
	})
	return t, err
}

func errExists(name string) error {
	return errs.Conflict(CodeTargetExists, "已有名为“"+name+"”的书目来源", "a source named “"+name+"” exists").WithField("name")
}

func (s *Service) nameTaken(tx Tx, t Target) (bool, error) {
	all, err := tx.CopyTargets()
	for _, o := range all {
		if o.ID != t.ID && strings.EqualFold(o.Name, t.Name) {
			return true, err
		}
	}
	return false, err
}

func summary(t Target) string {
	return fmt.Sprintf("%s（%s %s，%s）", t.Name, t.Kind.Label(), t.Address, strings.ToUpper(string(t.Flavor)))
}

// AddTarget stores a new source.
func (s *Service) AddTarget(ctx context.Context, t Target) (Target, error) {
	t.ID, t.CreatedAt = 0, s.now()
	if err := validate(&t); err != nil {
		return Target{}, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if taken, err := s.nameTaken(tx, t); err != nil || taken {
			if err == nil {
				err = errExists(t.Name)
			}
			return err
		}
		if err := tx.InsertCopyTarget(&t); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "copy_target", fmt.Sprint(t.ID), "新增书目来源 "+summary(t)))
	})
	return t, err
}

// UpdateTarget changes a source.
func (s *Service) UpdateTarget(ctx context.Context, t Target) (Target, error) {
	if err := validate(&t); err != nil {
		return Target{}, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		was, err := tx.CopyTarget(t.ID)
		if err != nil {
			return err
		}
		t.CreatedAt = was.CreatedAt
		if taken, err := s.nameTaken(tx, t); err != nil || taken {
			if err == nil {
				err = errExists(t.Name)
			}
			return err
		}
		if err := tx.UpdateCopyTarget(&t); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "copy_target", fmt.Sprint(t.ID), "修改书目来源 "+summary(was)+" → "+summary(t)))
	})
	return t, err
}

// DeleteTarget removes a source.
func (s *Service) DeleteTarget(ctx context.Context, id int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		t, err := tx.CopyTarget(id)
		if err != nil {
			return err
		}
		if err := tx.DeleteCopyTarget(id); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "copy_target", fmt.Sprint(id), "删除书目来源 "+summary(t)))
	})
}
