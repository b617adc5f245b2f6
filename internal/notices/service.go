package notices

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
	"shuwu/internal/settings"
)

// Service is the notices' use cases.
type Service struct {
	store   Store
	senders Senders
	tz      *time.Location
	now     func() time.Time
}

// NewService builds the service; now may be nil for the wall clock.
func NewService(store Store, senders Senders, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, senders: senders, tz: tz, now: now}
}

// Now is the service's clock in the library's time zone.
func (s *Service) Now() time.Time { return s.now().In(s.tz) }

func (s *Service) today() string { return s.Now().Format(time.DateOnly) }

func (s *Service) dayPlus(n int) string { return s.Now().AddDate(0, 0, n).Format(time.DateOnly) }

func isLibrarian(a audit.Actor) bool {
	return a.Role == audit.RoleAdmin || a.Role == audit.RoleLibrarian
}

func settingsOf(tx Tx) (Settings, error) {
	raw, err := tx.Setting(SettingsKey)
	if err != nil {
		return Defaults(), err
	}
	return ParseSettings(raw)
}

func libraryOf(tx Tx) (settings.Library, error) {
	raw, err := tx.Setting(settings.LibraryKey)
	if err != nil {
		return settings.Library{}, err
	}
	return settings.ParseLibrary(raw)
}

// Settings returns the notice settings.
func (s *Service) Settings(ctx context.Context) (st Settings, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		st, err = settingsOf(tx)
		return err
	})
	return st, err
}

// SaveSettings stores the channels and the rule's days: librarians only.
// An empty password or token keeps the one stored.
func (s *Service) SaveSettings(ctx context.Context, in Settings) (Settings, error) {
	if !isLibrarian(audit.ActorFrom(ctx)) {
		return Settings{}, errs.New(errs.KindForbidden, CodeNoticeForbidden, "只有馆员可以修改通知设置", "only a librarian changes the notice settings")
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := settingsOf(tx)
		if err != nil {
			return err
		}
		if in.Mail.Password == "" && in.Mail.User != "" {
			in.Mail.Password = old.Mail.Password
		}
		if in.SMS.Token == "" {
			in.SMS.Token = old.SMS.Token
		}
		if err := in.Validate(); err != nil {
			return err
		}
		raw, _ := json.Marshal(in)
		if err := tx.SetSetting(SettingsKey, string(raw)); err != nil {
			return err
		}
		onOff := map[bool]string{true: "开启", false: "关闭"}
		sum := fmt.Sprintf("读者通知：邮件%s（%s:%d），短信%s（%s），到期前 %d 天、结业前 %d 天，%d–%d 点发送",
			onOff[in.Mail.Enabled], in.Mail.Host, in.Mail.Port, onOff[in.SMS.Enabled], in.SMS.URL, in.DueSoonDays, in.ClassEndDays, in.FromHour, in.ToHour)
		return tx.Audit(audit.New(ctx, s.now(), "update", "settings", SettingsKey, sum))
	})
	return in, err
}

// sender is the channel's sender under st.
func (s *Service) sender(st Settings, ch Channel) Sender {
	if ch == ChannelMail {
		return s.senders.Mail(st.Mail)
	}
	return s.senders.SMS(st.SMS)
}

// SendTest sends a test message by ch to to (an address or a phone
// number) with the stored settings, and logs it: librarians only. The
// notice comes back with the server's or gateway's answer; a failure is
// the notice with its error, not an error.
func (s *Service) SendTest(ctx context.Context, ch Channel, to string) (Notice, error) {
	if !isLibrarian(audit.ActorFrom(ctx)) {
		return Notice{}, errs.New(errs.KindForbidden, CodeNoticeForbidden, "只有馆员可以发送测试消息", "only a librarian sends test messages")
	}
	to = strings.TrimSpace(to)
	var st Settings
	var n Notice
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if st, err = settingsOf(tx); err != nil {
			return err
		}
		lib, err := libraryOf(tx)
		if err != nil {
			return err
		}
		switch {
		case ch != ChannelMail && ch != ChannelSMS:
			return errs.Invalid(CodeChannelOff, "channel", "未知的发送渠道", "unknown channel")
		case !st.Enabled(ch):
			return errs.Invalid(CodeChannelOff, "channel", "该渠道尚未开启：请先填写并保存设置", "switch the channel on and save the settings first")
		case ch == ChannelMail && !readers.ValidEmail(to):
			return errs.Invalid(CodeTestRecipientInvalid, "to", "请填写收件邮箱，如 zhang@example.cn", "give the address to send to, e.g. zhang@example.cn")
		case ch == ChannelSMS && !validPhone(to):
			return errs.Invalid(CodeTestRecipientInvalid, "to", "请填写接收短信的手机号，如 13800000000", "give the phone number to send to")
		}
		d := text{lang: "", library: lib.Name, sign: st.Sign}.test()
		now := s.now()
		n = Notice{Kind: KindTest, SubjectID: now.UnixMilli(), DueDate: s.today(), Channel: ch, Recipient: to, Name: audit.ActorFrom(ctx).Name,
			Title: d.Title, Body: pick(ch, d), Status: StatusSending, Attempts: 1, CreatedAt: now, NextTry: now}
		if _, err := tx.ClaimNotice(&n); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, now, "send", "notice", fmt.Sprint(n.ID), "发送测试"+channelName(ch)+"至 "+to))
	})
	if err != nil {
		return Notice{}, err
	}
	return s.deliver(ctx, st, n)
}

func channelName(ch Channel) string {
	if ch == ChannelMail {
		return "邮件"
	}
	return "短信"
}

func validPhone(p string) bool {
	if len(p) < 5 || len(p) > 20 {
		return false
	}
	for _, c := range p {
		if (c < '0' || c > '9') && c != '+' && c != '-' && c != ' ' {
			return false
		}
	}
	return true
}

func pick(ch Channel, d draft) string {
	if ch == ChannelSMS {
		return clip(d.SMS)
	}
	return d.Mail
}

// deliver sends a claimed notice and stores the outcome.
func (s *Service) deliver(ctx context.Context, st Settings, n Notice) (Notice, error) {
	sctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	answer, err := s.sender(st, n.Channel).Send(sctx, Message{Channel: n.Channel, To: n.Recipient, Name: n.Name, Subject: n.Title, Body: n.Body})
	cancel()
	n.Answer = clipAnswer(answer)
	now := s.now()
	if err != nil {
		n.Status, n.Error = StatusFailed, clipAnswer(err.Error())
		n.NextTry = now.Add(RetryAfter * time.Duration(n.Attempts))
	} else {
		n.Status, n.Error, n.SentAt = StatusSent, "", now
	}
	if err := s.store.Update(context.WithoutCancel(ctx), func(tx Tx) error { return tx.SetNoticeResult(n) }); err != nil {
		return n, err
	}
	return n, nil
}

func clipAnswer(s string) string {
	s = strings.TrimSpace(s)
	if len(s) > 500 {
		s = s[:500]
		for len(s) > 0 && s[len(s)-1]&0xC0 == 0x80 {
			s = s[:len(s)-1]
		}
		s += "…"
	}
	return s
}

// Report is what one pass of the scheduler did.
type Report struct {
	Sent, Failed, Retried int
	// Idle says why nothing was tried: no channel, or outside the hours.
	Idle string
}

// Run is one pass of the scheduler: outside the sending hours or with no
// channel on it does nothing; else it sends every notice due that was not
// sent before, then tries again the failed ones whose time has come.
func (s *Service) Run(ctx context.Context) (Report, error) {
	var rep Report
	var st Settings
	var plan []Notice
	err := s.store.View(ctx, func(tx Tx) error {
		var err error
		if st, err = settingsOf(tx); err != nil {
			return err
		}
		if !st.On() {
			rep.Idle = "off"
			return nil
		}
		if h := s.Now().Hour(); h < st.FromHour || h >= st.ToHour {
			rep.Idle = "hours"
			return nil
		}
		plan, err = s.plan(tx, st)
		return err
	})
	if err != nil || rep.Idle != "" {
		return rep, err
	}
	for _, n := range plan {
		if ctx.Err() != nil {
			return rep, ctx.Err()
		}
		var claimed bool
		if err := s.store.Update(ctx, func(tx Tx) error {
			var err error
			claimed, err = tx.ClaimNotice(&n)
			return err
		}); err != nil {
			return rep, err
		}
		if !claimed {
			continue
		}
		out, err := s.deliver(ctx, st, n)
		if err != nil {
			return rep, err
		}
		rep.count(out)
	}
	return rep, s.retry(ctx, st, &rep)
}

func (r *Report) count(n Notice) {
	if n.Status == StatusSent {
		r.Sent++
	} else {
		r.Failed++
	}
}

// retry sends again the failed notices whose next try is due.
func (s *Service) retry(ctx context.Context, st Settings, rep *Report) error {
	var due []Notice
	if err := s.store.View(ctx, func(tx Tx) (err error) {
		due, err = tx.RetryableNotices(s.now(), MaxAttempts)
		return err
	}); err != nil {
		return err
	}
	for _, old := range due {
		if !st.Enabled(old.Channel) {
			continue
		}
		var n Notice
		var ok bool
		if err := s.store.Update(ctx, func(tx Tx) error {
			if old.ReaderID != 0 {
				prefs, err := tx.NoticePrefs([]int64{old.ReaderID})
				if err != nil {
					return err
				}
				if prefs[old.ReaderID].Off(old.Channel) {
					old.Attempts, old.Error = MaxAttempts, "读者已关闭此渠道的通知，不再重试"
					return tx.SetNoticeResult(old)
				}
			}
			var err error
			n, ok, err = tx.ClaimRetry(old.ID, s.now(), false)
			return err
		}); err != nil {
			return err
		}
		if !ok {
			continue
		}
		out, err := s.deliver(ctx, st, n)
		if err != nil {
			return err
		}
		rep.Retried++
		rep.count(out)
	}
	return nil
}

// Resend sends a failed notice (or one cut off while sending) again now,
// by hand: librarians and duty staff.
func (s *Service) Resend(ctx context.Context, id int64) (Notice, error) {
	a := audit.ActorFrom(ctx)
	if !isLibrarian(a) && a.Role != audit.RoleDuty {
		return Notice{}, errs.New(errs.KindForbidden, CodeNoticeForbidden, "只有馆员和值班员可以重发通知", "only staff resend notices")
	}
	var st Settings
	var n Notice
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if st, err = settingsOf(tx); err != nil {
			return err
		}
		old, err := tx.Notice(id)
		if err != nil {
			return err
		}
		stale := old.Stale(s.now())
		if old.Status != StatusFailed && !stale {
			return errs.Invalid(CodeNoticeNotResendable, "", "这条通知已发送或正在发送，不能重发", "the notice was sent or is being sent")
		}
		if !st.Enabled(old.Channel) {
			return errs.Invalid(CodeChannelOff, "", "该渠道已关闭，请先在通知设置中开启", "the channel is off: switch it on in the settings first")
		}
		if old.ReaderID != 0 {
			prefs, err := tx.NoticePrefs([]int64{old.ReaderID})
			if err != nil {
				return err
			}
			if prefs[old.ReaderID].Off(old.Channel) {
				return errs.Invalid(CodeNoticeNotResendable, "", "读者已关闭此渠道的通知，不能重发", "the reader switched this channel off")
			}
		}
		var ok bool
		if n, ok, err = tx.ClaimRetry(id, s.now(), stale); err != nil {
			return err
		}
		if !ok {
			return errs.Invalid(CodeNoticeNotResendable, "", "这条通知刚被另一处重发", "the notice was just resent elsewhere")
		}
		return tx.Audit(audit.New(ctx, s.now(), "send", "notice", fmt.Sprint(id), "重发通知："+n.Title+" → "+n.Recipient))
	})
	if err != nil {
		return Notice{}, err
	}
	return s.deliver(ctx, st, n)
}

// Log lists the notice log, newest first: staff only.
func (s *Service) Log(ctx context.Context, f Filter) (ns []Notice, total int, err error) {
	if audit.ActorFrom(ctx).ReaderID != 0 {
		return nil, 0, errs.New(errs.KindForbidden, CodeNoticeForbidden, "读者不能查看通知记录", "readers do not see the notice log")
	}
	err = s.store.View(ctx, func(tx Tx) error {
		ns, total, err = tx.Notices(f)
		return err
	})
	return ns, total, err
}

// Notice returns one logged notice: staff only.
func (s *Service) Notice(ctx context.Context, id int64) (n Notice, err error) {
	if audit.ActorFrom(ctx).ReaderID != 0 {
		return n, errs.New(errs.KindForbidden, CodeNoticeForbidden, "读者不能查看通知记录", "readers do not see the notice log")
	}
	err = s.store.View(ctx, func(tx Tx) error {
		n, err = tx.Notice(id)
		return err
	})
	return n, err
}

func readerOf(ctx context.Context) (int64, error) {
	id := audit.ActorFrom(ctx).ReaderID
	if id == 0 {
		return 0, errs.New(errs.KindForbidden, CodeNoticeNotForReader, "请用读者账号登录", "log in as a reader")
	}
	return id, nil
}

// Prefs returns the logged-in reader's choices.
func (s *Service) Prefs(ctx context.Context) (Prefs, error) {
	id, err := readerOf(ctx)
	if err != nil {
		return Prefs{}, err
	}
	var p Prefs
	err = s.store.View(ctx, func(tx Tx) error {
		m, err := tx.NoticePrefs([]int64{id})
		p = m[id]
		p.ReaderID = id
		return err
	})
	return p, err
}

// SetPrefs stores the logged-in reader's choices.
func (s *Service) SetPrefs(ctx context.Context, p Prefs) (Prefs, error) {
	id, err := readerOf(ctx)
	if err != nil {
		return Prefs{}, err
	}
	p.ReaderID = id
	if p.Lang != "en" {
		p.Lang = ""
	}
	err = s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SetNoticePrefs(p, s.now()); err != nil {
			return err
		}
		var off []string
		if p.MailOff {
			off = append(off, "邮件")
		}
		if p.SMSOff {
			off = append(off, "短信")
		}
		sum := "读者通知：全部接收"
		if len(off) > 0 {
			sum = "读者通知：关闭" + strings.Join(off, "、")
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "notice_prefs", fmt.Sprint(id), sum))
	})
	return p, err
}

// Mine lists the notices sent to the logged-in reader, newest first.
func (s *Service) Mine(ctx context.Context, size int) ([]Notice, error) {
	id, err := readerOf(ctx)
	if err != nil {
		return nil, err
	}
	var ns []Notice
	err = s.store.View(ctx, func(tx Tx) (err error) {
		ns, _, err = tx.Notices(Filter{ReaderID: id, Number: 1, Size: size})
		return err
	})
	return ns, err
}

// CurrentFor lists what the reader should hear about now, the way the
// scheduler decides it (whatever the channels): the portal shows it.
func (s *Service) CurrentFor(ctx context.Context, readerID int64) ([]Current, error) {
	var out []Current
	err := s.store.View(ctx, func(tx Tx) error {
		st, err := settingsOf(tx)
		if err != nil {
			return err
		}
		loans, err := tx.NoticeLoans(readerID, s.dayPlus(st.DueSoonDays))
		if err != nil {
			return err
		}
		today := s.today()
		for _, g := range groupLoans(loans) {
			k := KindDueSoon
			if g.due < today {
				k = KindOverdue
			}
			out = append(out, Current{Kind: k, DueDate: g.due, Titles: titlesOf(g.loans)})
		}
		holds, err := tx.NoticeHolds(readerID)
		if err != nil {
			return err
		}
		for _, h := range holds {
			out = append(out, Current{Kind: KindHoldReady, DueDate: h.PickupBy, Titles: []string{h.Title}})
		}
		classes, err := tx.ClassesEnding(today, s.dayPlus(st.ClassEndDays))
		if err != nil {
			return err
		}
		for _, c := range classes {
			ts, err := tx.ClassTraineesWithLoans(c.ID)
			if err != nil {
				return err
			}
			for _, t := range ts {
				if t.ReaderID == readerID {
					out = append(out, Current{Kind: KindClassEnding, DueDate: c.EndDate, Class: c.Name, Titles: titlesOf(t.Loans)})
				}
			}
		}
		return nil
	})
	return out, err
}

func titlesOf(ls []Loan) []string {
	out := make([]string, len(ls))
	for i, l := range ls {
		out[i] = l.Title
	}
	return out
}

type loanGroup struct {
	reader int64
	due    string
	loans  []Loan
}

// groupLoans puts loans together by reader and due date: one notice names
// all the books a reader has due on one day.
func groupLoans(ls []Loan) []loanGroup {
	idx := map[[2]string]int{}
	var out []loanGroup
	for _, l := range ls {
		k := [2]string{fmt.Sprint(l.ReaderID), l.DueDate}
		i, ok := idx[k]
		if !ok {
			i = len(out)
			idx[k] = i
			out = append(out, loanGroup{reader: l.ReaderID, due: l.DueDate})
		}
		out[i].loans = append(out[i].loans, l)
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].reader != out[j].reader {
			return out[i].reader < out[j].reader
		}
		return out[i].due < out[j].due
	})
	return out
}
