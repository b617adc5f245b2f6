package sip2

import (
	"context"

	"shuwu/internal/errs"
)

// supported is the BX field of 98: which messages shuwu answers, in the
// specification's order: patron status, checkout, checkin, block patron,
// SC/ACS status, resend, login, patron information, end patron session,
// fee paid, item information, item status update, patron enable, hold,
// renew, renew all. Fees are never charged (以停代金) and only staff lift
// a block, so fee paid and patron enable are answered with a refusal.
const supported = "YYYYYYYYYNYYNYYY"

// login is 93 → 94: the machine's account name (CN) and password (CO).
func (s *session) login(ctx context.Context, m Message) Message {
	t, err := s.srv.d.Terminals.Login(ctx, m.Get("CN"), m.Get("CO"))
	if err != nil {
		if errs.As(err).Kind == errs.KindInternal {
			s.srv.d.Log.Error("sip2: terminal login", "err", err)
		} else {
			s.srv.d.Log.Info("sip2: terminal login refused", "name", m.Get("CN"), "remote", s.remote)
		}
		return resp("94", "0").done()
	}
	if t.Location == "" {
		t.Location = m.Get("CP")
	}
	s.term, s.codec, s.pins = &t, codec{enc: t.Encoding}, nil
	s.srv.d.Log.Info("sip2: terminal logged in", "name", t.Name, "remote", s.remote, "encoding", t.Encoding)
	return resp("94", "1").done()
}

// status is 99 → 98. Before login the machine learns that shuwu is there
// but will not lend yet.
func (s *session) status(m Message) Message {
	on := s.term != nil
	b := resp("98", yn(on), yn(on), yn(on), yn(on), yn(on), "N", "030", "003", s.stamp(), "2.00").
		add("AO", s.inst()).
		opt("AM", "书屋").
		add("BX", supported)
	if on {
		b.opt("AN", s.term.Location)
		b.add("AF", "系统正常")
	} else {
		b.add("AF", "自助机尚未登录")
	}
	return b.done()
}
