package demo

import (
	"shuwu/internal/seats"
)

// loadSeats lays out the reading room's four tables of ten chairs (the
// article's 4 tables / 40 chairs) as the seat map, A1–A10 … D1–D10, with
// seat reservations switched on, as in an exam season.
func (l *loader) loadSeats() error {
	svc := seats.NewService(l.db.Seats(), l.tz, l.clk.now)
	if _, err := svc.SaveSettings(l.ctx, seats.Settings{Enabled: true, NoShowMinutes: seats.DefaultNoShow, SpaceID: seats.DefaultSpaceID}); err != nil {
		return err
	}
	for i, name := range []string{"A", "B", "C", "D"} {
		if _, err := svc.SaveTable(l.ctx, seats.TableDraft{Name: name, Row: i/2 + 1, Col: i%2 + 1, Seats: 10}); err != nil {
			return err
		}
	}
	return nil
}
