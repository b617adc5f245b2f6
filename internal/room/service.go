package room

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
)

// Service is the room's use cases.
type Service struct {
	store Store
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the room service; now may be nil for the wall clock.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

// Location is the library's time zone, in which hours and dates are read.
func (s *Service) Location() *time.Location { return s.tz }

// Now is the service's clock in the library's time zone.
func (s *Service) Now() time.Time { return s.now().In(s.tz) }

// calendar is circulation's: the same closed weekdays and closed days.
func calendar(tx Tx, from time.Time) (circulation.Calendar, error) {
	return circulation.ReadCalendar(tx, from)
}

func rulesOf(tx Tx) (Rules, error) {
	raw, err := tx.Setting(RulesKey)
	if err != nil || raw == "" {
		return Rules{ApprovalRequired: true}, err
	}
	var r Rules
	if err := json.Unmarshal([]byte(raw), &r); err != nil {
		return r, fmt.Errorf("parse room rules: %w", err)
	}
	return r, nil
}

// Rules returns the room's settings (approval on when never set).
func (s *Service) Rules(ctx context.Context) (r Rules, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		r, err = rulesOf(tx)
		return err
	})
	return r, err
}

// SaveRules stores the room's settings.
func (s *Service) SaveRules(ctx context.Context, r Rules) error {
	raw, err := json.Marshal(r)
	if err != nil {
		return err
	}
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SetSetting(RulesKey, string(raw)); err != nil {
			return err
		}
		sum := "书屋预约无需审批"
		if r.ApprovalRequired {
			sum = "书屋预约需馆员审批"
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "room_rules", "", sum))
	})
}

// isLibrarian reports whether the actor runs the room: librarians and
// administrators (and shuwu itself, loading the demo) approve, refuse and
// cancel any booking.
func isLibrarian(a audit.Actor) bool {
	return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian
}

// Calendar is the library's opening calendar from day from on: the closed
// weekdays and closed days circulation lends by.
func (s *Service) Calendar(ctx context.Context, from time.Time) (cal circulation.Calendar, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		cal, err = calendar(tx, from)
		return err
	})
	return cal, err
}
