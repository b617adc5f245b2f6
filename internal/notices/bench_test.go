package notices_test

import (
	"context"
	"fmt"
	"testing"

	"shuwu/internal/audit"
	"shuwu/internal/notices"
	"shuwu/internal/notify"
	"shuwu/internal/testkit"
)

// BenchmarkTheSteadyPass is the scheduler's pass every 5 minutes once
// everything due was sent: 300 readers with an overdue book, each mailed
// before, so the pass plans them all and sends nothing.
func BenchmarkTheSteadyPass(b *testing.B) {
	k := testkit.New(b)
	smtpd := testkit.StartSMTP(b)
	s := notices.NewService(k.DB.Notices(), notify.Senders{}, testkit.Shanghai, k.Clock.Now)
	start := k.Clock.Now()
	k.Clock.Set(start.AddDate(0, 0, -60))
	const readers = 300
	for i := range readers {
		r := k.Reader(fmt.Sprintf("读者%d", i))
		r.Email = fmt.Sprintf("r%d@example.cn", i)
		if _, err := k.Readers.Update(k.Ctx, r); err != nil {
			b.Fatal(err)
		}
		k.Checkout(r, k.Item(fmt.Sprintf("书%d", i)))
	}
	k.Clock.Set(start)
	st := notices.Defaults()
	st.FromHour, st.ToHour, st.OverdueMaxDays = 0, 24, 0
	st.Mail = notices.MailSettings{Enabled: true, Host: smtpd.Host, Port: smtpd.Port, From: "shuwu@example.cn"}
	sys := audit.WithActor(context.Background(), audit.System)
	if _, err := s.SaveSettings(sys, st); err != nil {
		b.Fatal(err)
	}
	if rep, err := s.Run(sys); err != nil || rep.Sent != readers {
		b.Fatalf("first pass: %+v, %v", rep, err)
	}
	b.ResetTimer()
	for b.Loop() {
		if rep, err := s.Run(sys); err != nil || rep.Sent != 0 {
			b.Fatalf("steady pass: %+v, %v", rep, err)
		}
	}
}
