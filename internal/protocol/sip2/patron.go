package sip2

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// chinese is SIP2 language 019.
const chinese = "019"

// patronFlags is the 14-character patron status of 24, 26 and 64: Y where
// a privilege is denied or a limit reached, space elsewhere.
func patronFlags(a circulation.Account, known bool) string {
	f := []byte("              ")
	if !known {
		// An unknown card may do nothing.
		for i := 0; i < 4; i++ {
			f[i] = 'Y'
		}
		return string(f)
	}
	if len(a.Blocks) > 0 {
		f[0] = 'Y' // charge privileges denied
	}
	if a.CardProblem != "" {
		f[1], f[2], f[3] = 'Y', 'Y', 'Y' // renewal, recall, hold denied
	}
	if a.CardProblem == circulation.CodeCardLost {
		f[4] = 'Y'
	}
	if a.Overdue > 0 {
		f[6] = 'Y' // too many items overdue
	}
	return string(f)
}

// account loads the reader named by AA and checks the PIN when sent. It
// returns known=false for an unknown card, and pinOK only when sent.
func (s *session) account(ctx context.Context, m Message) (a circulation.Account, known, pinSent, pinOK bool, err error) {
	a, err = s.srv.d.Circulation.Account(ctx, m.Get("AA"))
	if errs.Is(err, readers.CodeReaderNotFound) {
		return a, false, false, false, err
	}
	if err != nil {
		return a, false, false, false, err
	}
	pinSent, perr := s.checkPIN(ctx, m)
	return a, true, pinSent, pinSent && perr == nil, perr
}

// greeting is the screen line for a reader: their blocks, or a hello.
func greeting(a circulation.Account) string {
	if len(a.Blocks) > 0 {
		return strings.Join(a.Blocks, "；")
	}
	return fmt.Sprintf("%s，您好！当前借阅 %d 册", a.Reader.Name, len(a.Loans))
}

// patronStatus is 23 → 24.
func (s *session) patronStatus(ctx context.Context, m Message) Message {
	a, known, pinSent, pinOK, err := s.account(ctx, m)
	return s.statusResponse("24", m, a, known, pinSent, pinOK, err)
}

func (s *session) statusResponse(code string, m Message, a circulation.Account, known, pinSent, pinOK bool, err error) Message {
	b := resp(code, patronFlags(a, known), chinese, s.stamp()).add("AO", s.inst()).add("AA", m.Get("AA"))
	b.add("AE", a.Reader.Name)
	b.add("BL", yn(known))
	if pinSent {
		b.add("CQ", yn(pinOK))
	}
	b.add("BH", "CNY").add("BV", "0.00")
	switch {
	case !known:
		b.add("AF", s.screen(err))
	case pinSent && !pinOK:
		b.add("AF", s.screen(err))
	default:
		b.add("AF", greeting(a))
	}
	return b.done()
}

// patronInfo is 63 → 64: counts, then the item lists the summary asks for.
func (s *session) patronInfo(ctx context.Context, m Message) Message {
	a, known, pinSent, pinOK, err := s.account(ctx, m)
	var ready, waiting []circulation.HoldView
	var overdue []circulation.LoanView
	for _, h := range a.Holds {
		if h.Status == circulation.HoldTrapped {
			ready = append(ready, h)
		} else {
			waiting = append(waiting, h)
		}
	}
	for _, l := range a.Loans {
		if l.OverdueDays > 0 {
			overdue = append(overdue, l)
		}
	}
	counts := fmt.Sprintf("%04d%04d%04d%04d%04d%04d", min(len(ready), 9999), min(len(overdue), 9999), min(len(a.Loans), 9999), 0, 0, min(len(waiting), 9999))
	b := resp("64", patronFlags(a, known), chinese, s.stamp(), counts).add("AO", s.inst()).add("AA", m.Get("AA"))
	b.add("AE", a.Reader.Name)
	b.add("BL", yn(known))
	if pinSent {
		b.add("CQ", yn(pinOK))
	}
	b.add("BH", "CNY").add("BV", "0.00")
	if known && (!pinSent || pinOK) {
		from, to := itemRange(m)
		summary := m.FixedAt(21, 10)
		list := func(id string, n int, value func(int) string) {
			for i := from; i <= to && i <= n; i++ {
				b.add(id, value(i-1))
			}
		}
		switch strings.IndexByte(summary, 'Y') {
		case 0:
			list("AS", len(ready), func(i int) string { return ready[i].Barcode })
		case 1:
			list("AT", len(overdue), func(i int) string { return overdue[i].Barcode })
		case 2:
			list("AU", len(a.Loans), func(i int) string { return a.Loans[i].Barcode })
		case 5:
			list("CD", len(waiting), func(i int) string { return waiting[i].Title })
		}
		if a.Reader.Phone != "" {
			b.add("BF", a.Reader.Phone)
		}
		b.add("AF", greeting(a))
	} else {
		b.add("AF", s.screen(err))
	}
	return b.done()
}

// itemRange is BP..BQ, 1-based and inclusive; all items when absent.
func itemRange(m Message) (int, int) {
	from, to := 1, 9999
	if v, err := strconv.Atoi(strings.TrimSpace(m.Get("BP"))); err == nil && v > 0 {
		from = v
	}
	if v, err := strconv.Atoi(strings.TrimSpace(m.Get("BQ"))); err == nil && v >= from {
		to = v
	}
	return from, to
}

// endSession is 35 → 36: the machine is done with this reader.
func (s *session) endSession(_ context.Context, m Message) Message {
	delete(s.pins, strings.TrimSpace(m.Get("AA")))
	return resp("36", "Y", s.stamp()).add("AO", s.inst()).add("AA", m.Get("AA")).add("AF", "谢谢使用，再见").done()
}

// blockPatron is 01 → 24: a machine that found a card misused (a
// reported card, a card kept in the slot) suspends it; staff lift it.
func (s *session) blockPatron(ctx context.Context, m Message) Message {
	card := strings.TrimSpace(m.Get("AA"))
	_, err := s.srv.d.Readers.SetStatus(ctx, card, readers.StatusSuspended)
	if err == nil {
		s.srv.d.Log.Info("sip2: card blocked by a terminal", "terminal", s.name(), "card", card, "reason", m.Get("AL"), "retained", m.FixedAt(0, 1) == "Y")
	}
	a, aerr := s.srv.d.Circulation.Account(ctx, card)
	if err == nil {
		err = aerr
	}
	known := !errs.Is(err, readers.CodeReaderNotFound)
	if err != nil && known {
		return resp("24", patronFlags(a, known), chinese, s.stamp()).add("AO", s.inst()).add("AA", card).add("AE", a.Reader.Name).add("BL", "Y").add("AF", s.screen(err)).done()
	}
	out := s.statusResponse("24", m, a, known, false, false, err)
	if known {
		out.Fields[len(out.Fields)-1].Value = "读者证已暂停使用，请到服务台办理"
	}
	return out
}

// patronEnable is 25 → 26. Lifting a block is the desk's decision, so the
// machine is told the card's state and sent to the desk.
func (s *session) patronEnable(ctx context.Context, m Message) Message {
	a, known, pinSent, pinOK, err := s.account(ctx, m)
	out := s.statusResponse("26", m, a, known, pinSent, pinOK, err)
	if known && (!pinSent || pinOK) && a.CardProblem != "" {
		out.Fields[len(out.Fields)-1].Value = "恢复读者证请到服务台办理：" + strings.Join(a.Blocks, "；")
	}
	return out
}

// feePaid is 37 → 38: shuwu charges no fees (late returns suspend
// borrowing instead, 以停代金), so there is nothing to pay.
func (s *session) feePaid(m Message) Message {
	return resp("38", "N", s.stamp()).add("AO", s.inst()).add("AA", m.Get("AA")).add("AF", "本馆不收取费用，无需缴费").done()
}
