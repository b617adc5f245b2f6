package duty

import (
	"context"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
)

// Calendars gives the library's opening calendar (the room service does):
// the roster has shifts on open days only.
type Calendars interface {
	Calendar(ctx context.Context, from time.Time) (circulation.Calendar, error)
}

// Service is the staff's day.
type Service struct {
	store Store
	cal   Calendars
	tz    *time.Location
	now   func() time.Time
}

// NewService builds the duty service; now may be nil for the wall clock.
func NewService(store Store, cal Calendars, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, cal: cal, tz: tz, now: now}
}

// Now is the service's clock in the library's time zone.
func (s *Service) Now() time.Time { return s.now().In(s.tz) }

// Today is the library's date today, YYYY-MM-DD.
func (s *Service) Today() string { return s.Now().Format(time.DateOnly) }

// isLibrarian reports whether the actor runs the room's staff: librarians
// and administrators (audit.System, loading the demo, is one).
func isLibrarian(a audit.Actor) bool {
	return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian
}

// librarianOnly refuses the actor unless a librarian runs the room.
func librarianOnly(ctx context.Context, zh, en string) error {
	if isLibrarian(audit.ActorFrom(ctx)) {
		return nil
	}
	return errs.New(errs.KindForbidden, CodeLibrarianOnly, zh, en)
}

// lines splits a text area into its non-blank trimmed lines.
func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(strings.ReplaceAll(s, "\r\n", "\n"), "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// nameOf is how the actor is named in the log: their display name when
// they are on the staff list, else their account name.
func nameOf(tx Tx, a audit.Actor) string {
	staff, err := tx.DutyStaff()
	if err == nil {
		for _, st := range staff {
			if st.ID == a.UserID && a.UserID != 0 {
				return st.Name
			}
		}
	}
	return a.Name
}

// Staff lists who may be put on the roster.
func (s *Service) Staff(ctx context.Context) (out []Staffer, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.DutyStaff()
		return err
	})
	return out, err
}
