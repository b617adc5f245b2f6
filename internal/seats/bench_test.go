package seats_test

import (
	"fmt"
	"testing"
	"time"

	"shuwu/internal/readers"
	"shuwu/internal/seats"
	"shuwu/internal/testkit"
)

// BenchmarkExamMorning is the exam-season morning: 40 seats (4 tables ×
// 10, the article's room), readers reserving one slot each, then the
// board read for the slot; each iteration is one reservation (with all its
// checks: calendar, hours, the reader's others, bookings, the seat's
// others, the ledger line) followed by the board a phone shows after it.
func BenchmarkExamMorning(b *testing.B) {
	k := testkit.New(b)
	s := seats.NewService(k.DB.Seats(), testkit.Shanghai, k.Clock.Now)
	if _, err := s.SaveSettings(k.Ctx, seats.Settings{Enabled: true, NoShowMinutes: 15}); err != nil {
		b.Fatal(err)
	}
	var all []seats.Seat
	for i, name := range []string{"A", "B", "C", "D"} {
		t, err := s.SaveTable(k.Ctx, seats.TableDraft{Name: name, Row: i/2 + 1, Col: i%2 + 1, Seats: 10})
		if err != nil {
			b.Fatal(err)
		}
		all = append(all, t.Seats...)
	}
	var rs []readers.Reader
	for i := 0; i < b.N; i++ {
		rs = append(rs, k.Reader(fmt.Sprintf("读者%05d", i)))
	}
	day := time.Date(2024, 9, 3, 0, 0, 0, 0, testkit.Shanghai)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// 40 seats × 13 one-hour slots of a day, then the next open day.
		slot := i % (40 * 13)
		d := day.AddDate(0, 0, i/(40*13)%3)
		from := 8 + slot/40
		_, err := s.Reserve(readerCtx(rs[i]), seats.Request{SeatID: all[slot%40].ID, Date: d.Format(time.DateOnly),
			From: fmt.Sprintf("%02d:30", from), To: fmt.Sprintf("%02d:30", from+1)})
		if err != nil {
			b.Fatalf("reservation %d: %v", i, err)
		}
		st := d.Add(time.Duration(from)*time.Hour + 30*time.Minute)
		if _, err := s.Board(k.Ctx, st, st.Add(time.Hour)); err != nil {
			b.Fatal(err)
		}
	}
}
