// Package personaldata gathers the copy of everything shuwu holds about
// one reader (个人信息副本), which the reader may ask for: the registration,
// classes, loans, holds and loan history (circulation), purchase
// suggestions (acquisitions), activity registrations and sign-ins
// (activities), seat reservations (seats) and the notices sent to them with
// their notice choices (notices). It is a use case: it only
// reads the domains' services.
package personaldata

import (
	"context"
	"time"

	"shuwu/internal/acquisitions"
	"shuwu/internal/activities"
	"shuwu/internal/audit"
	"shuwu/internal/circulation"
	"shuwu/internal/notices"
	"shuwu/internal/seats"
)

// Copy is the whole copy.
type Copy struct {
	circulation.PersonalData
	Suggestions []acquisitions.Suggestion `json:"suggestions,omitempty"`
	Activities  []activities.Mine         `json:"activities,omitempty"`
	Seats       []seats.Reservation       `json:"seat_reservations,omitempty"`
	Notices     []notices.Notice          `json:"notices,omitempty"`
	NoticePrefs *notices.Prefs            `json:"notice_choices,omitempty"`
}

// Gatherer reads the domains; a nil service is left out of the copy.
type Gatherer struct {
	Circulation  *circulation.Service
	Acquisitions *acquisitions.Service
	Activities   *activities.Service
	Seats        *seats.Service
	Notices      *notices.Service
}

// Copy gathers the copy of the reader with card.
func (g Gatherer) Copy(ctx context.Context, card string) (Copy, error) {
	d, err := g.Circulation.PersonalData(ctx, card)
	if err != nil {
		return Copy{}, err
	}
	c := Copy{PersonalData: d}
	r := d.Account.Reader
	if g.Acquisitions != nil {
		if c.Suggestions, err = g.Acquisitions.Suggestions(ctx, acquisitions.SuggestionFilter{ReaderID: r.ID}); err != nil {
			return Copy{}, err
		}
	}
	// The activities' own view of a reader is "mine": read as the reader
	// (reading only), whoever asks for the copy.
	as := audit.WithActor(ctx, audit.Actor{ReaderID: r.ID, Name: r.Name, Role: audit.RoleReader})
	if g.Activities != nil {
		if c.Activities, err = g.Activities.My(as); err != nil {
			return Copy{}, err
		}
	}
	if g.Seats != nil {
		if c.Seats, err = g.Seats.Reservations(ctx, seats.Filter{ReaderID: r.ID, From: time.Unix(0, 0), To: time.Now().AddDate(10, 0, 0), Limit: 1000}); err != nil {
			return Copy{}, err
		}
	}
	if g.Notices != nil {
		if c.Notices, err = g.Notices.Mine(as, 1000); err != nil {
			return Copy{}, err
		}
		p, err := g.Notices.Prefs(as)
		if err != nil {
			return Copy{}, err
		}
		c.NoticePrefs = &p
	}
	return c, nil
}
