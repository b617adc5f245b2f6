package notices_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/notices"
	"shuwu/internal/notify"
	"shuwu/internal/readers"
	"shuwu/internal/testkit"
)

type fixture struct {
	k         *testkit.Kit
	s         *notices.Service
	smtp      *testkit.SMTPServer
	sms       *testkit.SMSGateway
	librarian context.Context
	li, zhang readers.Reader // li: staff with a book due soon; zhang: a trainee
	zhao      readers.Reader // a book long overdue
	wang      readers.Reader // a hold on the shelf
	class     readers.Class
}

func readerCtx(r readers.Reader) context.Context {
	return audit.WithActor(context.Background(), audit.Actor{ReaderID: r.ID, Name: r.Name, Role: audit.RoleReader})
}

func withContact(t *testing.T, k *testkit.Kit, r readers.Reader, email, phone string) readers.Reader {
	t.Helper()
	r.Email, r.Phone = email, phone
	r, err := k.Readers.Update(k.Ctx, r)
	if err != nil {
		t.Fatalf("set contact of %s: %v", r.Name, err)
	}
	return r
}

// setup lends books so that on the test's "now" (the day before 李四's due
// date, 10:00) there is one notice of each kind due: 李四's book due
// tomorrow, 赵六's book long overdue, 王五's hold on the shelf, and the
// class of 张三 ending in two days, with its head teacher's contact.
func setup(t *testing.T) fixture {
	t.Helper()
	k := testkit.New(t)
	f := fixture{k: k, smtp: testkit.StartSMTP(t), sms: testkit.StartSMSGateway(t)}
	f.s = notices.NewService(k.DB.Notices(), notify.Senders{}, testkit.Shanghai, k.Clock.Now)
	sys := audit.WithActor(context.Background(), audit.System)
	u, err := k.Auth.CreateUser(sys, "wang", "王馆员", audit.RoleLibrarian, "long-password-1")
	if err != nil {
		t.Fatal(err)
	}
	f.librarian = audit.WithActor(context.Background(), audit.Actor{UserID: u.ID, Name: u.Username, Role: audit.RoleLibrarian})

	start := k.Clock.Now()
	k.Clock.Set(start.AddDate(0, 0, -60))
	f.zhao = withContact(t, k, k.Reader("赵六"), "zhao@example.cn", "13800000003")
	k.Checkout(f.zhao, k.Item("党的建设史"))
	k.Clock.Set(start)
	f.li = withContact(t, k, k.Reader("李四"), "li@example.cn", "13800000002")
	due := k.Checkout(f.li, k.Item("习近平谈治国理政")).Loan.DueDate
	now, _ := time.ParseInLocation(time.DateOnly, due, testkit.Shanghai)
	now = now.AddDate(0, 0, -1).Add(10 * time.Hour)

	c, err := k.Readers.CreateClass(k.Ctx, readers.Class{Name: "2024年秋季县干班", Kind: "主体班", StartDate: start.Format(time.DateOnly),
		EndDate: now.AddDate(0, 0, 2).Format(time.DateOnly), HeadTeacher: "王老师", HeadTeacherEmail: "head@school.cn", HeadTeacherPhone: "13900000009"})
	if err != nil {
		t.Fatal(err)
	}
	f.class = c
	f.zhang = withContact(t, k, k.Trainee("张三", c), "zhang@example.cn", "13800000001")
	k.Checkout(f.zhang, k.Item("共产党宣言"))

	// 王五 holds a book 李四 has; 李四 returns it on the test day.
	f.wang = withContact(t, k, k.Reader("王五"), "wu@example.cn", "13800000005")
	held := k.Item("论持久战")
	k.Checkout(f.li, held)
	if _, err := k.Circulation.PlaceHold(k.Ctx, f.wang.Card, held.RecordID); err != nil {
		t.Fatalf("hold: %v", err)
	}
	k.Clock.Set(now)
	if _, err := k.Circulation.Checkin(k.Ctx, held.Barcode, false); err != nil {
		t.Fatalf("return the held book: %v", err)
	}
	return f
}

func (f fixture) configure(t *testing.T, mail, sms bool) {
	t.Helper()
	st := notices.Defaults()
	st.Mail = notices.MailSettings{Enabled: mail, Host: f.smtp.Host, Port: f.smtp.Port, From: "shuwu@example.cn", User: "shuwu", Password: "secret"}
	st.SMS = notices.SMSSettings{Enabled: sms, URL: f.sms.URL, Format: notices.FormatJSON, Template: notices.DefaultJSONTemplate, AuthHeader: "Authorization", Token: "Bearer t0k"}
	if _, err := f.s.SaveSettings(f.librarian, st); err != nil {
		t.Fatalf("save settings: %v", err)
	}
}

func (f fixture) run(t *testing.T) notices.Report {
	t.Helper()
	rep, err := f.s.Run(context.Background())
	if err != nil {
		t.Fatalf("run: %v", err)
	}
	return rep
}

func mailsTo(ms []testkit.Mail, to string) []testkit.Mail {
	var out []testkit.Mail
	for _, m := range ms {
		if m.To == to {
			out = append(out, m)
		}
	}
	return out
}

func TestEachKindIsSentOnceByMailAndSMSEvenWhenTheSchedulerRunsTwice(t *testing.T) {
	f := setup(t)
	f.configure(t, true, true)
	rep := f.run(t)
	// li: due soon (+ the held book was returned, so one loan); zhao:
	// overdue; wang: hold ready; zhang: class ending, and perhaps his own
	// loan; the head teacher: one list. Each by mail and by SMS.
	if rep.Failed != 0 || rep.Sent < 10 {
		t.Fatalf("first run: %+v, want ≥ 10 sent, none failed", rep)
	}
	mails := f.smtp.Mails()
	if len(mails) != rep.Sent/2 || len(f.sms.Requests()) != rep.Sent/2 {
		t.Fatalf("%d mails, %d SMS for %d sent", len(mails), len(f.sms.Requests()), rep.Sent)
	}
	want := map[string]string{"li@example.cn": "即将到期", "zhao@example.cn": "已超期", "wu@example.cn": "预约图书已到馆", "zhang@example.cn": "结业前请还书", "head@school.cn": "名学员尚有图书未还"}
	for to, subject := range want {
		ms := mailsTo(mails, to)
		found := false
		for _, m := range ms {
			found = found || strings.Contains(m.Subject, subject)
		}
		if !found {
			t.Errorf("no mail to %s with %q in its subject: %+v", to, subject, ms)
		}
	}
	if ms := mailsTo(mails, "head@school.cn"); len(ms) != 1 || !strings.Contains(ms[0].Body, "张三") || !strings.Contains(ms[0].Body, "共产党宣言") {
		t.Errorf("head teacher got %+v; want one list naming 张三 and his book", ms)
	}
	if ms := mailsTo(mails, "li@example.cn"); len(ms) != 1 || !strings.Contains(ms[0].Body, "习近平谈治国理政") || ms[0].User != "shuwu" {
		t.Errorf("li's mail: %+v", ms)
	}
	var liSMS string
	for _, r := range f.sms.Requests() {
		if r.Method != "POST" || r.Auth != "Bearer t0k" || !strings.HasPrefix(r.ContentType, "application/json") {
			t.Fatalf("gateway got %+v", r)
		}
		if strings.Contains(r.Body, "13800000002") {
			liSMS = r.Body
		}
	}
	if !strings.Contains(liSMS, "【书屋】李四您好") || !strings.Contains(liSMS, "《习近平谈治国理政》") || !strings.Contains(liSMS, "党建书屋") {
		t.Errorf("li's SMS body %q: want the signature, the title and the library's name", liSMS)
	}

	again := f.run(t)
	if again.Sent != 0 || again.Failed != 0 || len(f.smtp.Mails()) != len(mails) {
		t.Fatalf("second run sent again: %+v, %d mails", again, len(f.smtp.Mails()))
	}
	// A second service on the same database (another server process)
	// sends nothing either: the log's key decides.
	other := notices.NewService(f.k.DB.Notices(), notify.Senders{}, testkit.Shanghai, f.k.Clock.Now)
	if rep, err := other.Run(context.Background()); err != nil || rep.Sent != 0 {
		t.Fatalf("another process: %+v, %v", rep, err)
	}
	log, total, err := f.s.Log(f.librarian, notices.Filter{})
	if err != nil || total != rep.Sent || log[0].Answer == "" {
		t.Fatalf("log: %d rows (%v), want %d with the answers", total, err, rep.Sent)
	}
	// The next due date is a new notice: renewing would make one; the
	// overdue book the next day is not sent again.
	f.k.Clock.AddDays(1)
	if rep := f.run(t); rep.Sent != 0 {
		t.Errorf("next day: %+v; the same due dates must not be sent again", rep)
	}
}

func TestNothingGoesToAReaderWhoOptedOut(t *testing.T) {
	f := setup(t)
	f.configure(t, true, true)
	if _, err := f.s.SetPrefs(readerCtx(f.li), notices.Prefs{MailOff: true}); err != nil {
		t.Fatal(err)
	}
	if _, err := f.s.SetPrefs(readerCtx(f.zhao), notices.Prefs{MailOff: true, SMSOff: true}); err != nil {
		t.Fatal(err)
	}
	f.run(t)
	if ms := mailsTo(f.smtp.Mails(), "li@example.cn"); len(ms) != 0 {
		t.Errorf("li switched mail off but got %d mails", len(ms))
	}
	liSMS, zhaoSMS := 0, 0
	for _, r := range f.sms.Requests() {
		if strings.Contains(r.Body, "13800000002") {
			liSMS++
		}
		if strings.Contains(r.Body, "13800000003") {
			zhaoSMS++
		}
	}
	if liSMS != 1 || zhaoSMS != 0 || len(mailsTo(f.smtp.Mails(), "zhao@example.cn")) != 0 {
		t.Errorf("li got %d SMS (want 1: only mail is off), zhao %d SMS and %d mails (want none)", liSMS, zhaoSMS, len(mailsTo(f.smtp.Mails(), "zhao@example.cn")))
	}
	p, err := f.s.Prefs(readerCtx(f.li))
	if err != nil || !p.MailOff || p.SMSOff {
		t.Fatalf("li's prefs %+v, %v", p, err)
	}
}

func TestAFailureIsLoggedAndTriedAgainLater(t *testing.T) {
	f := setup(t)
	f.configure(t, true, false)
	f.smtp.Fail.Store(true)
	rep := f.run(t)
	if rep.Sent != 0 || rep.Failed == 0 {
		t.Fatalf("with the server refusing: %+v", rep)
	}
	failed, n, err := f.s.Log(f.librarian, notices.Filter{Status: notices.StatusFailed})
	if err != nil || n != rep.Failed || !strings.Contains(failed[0].Error, "550") {
		t.Fatalf("failed notices: %d (%v), first %+v", n, err, failed)
	}
	f.smtp.Fail.Store(false)
	if rep := f.run(t); rep.Sent != 0 {
		t.Fatalf("retried before its time: %+v", rep)
	}
	f.k.Clock.Set(f.k.Clock.Now().Add(notices.RetryAfter + time.Minute))
	rep2 := f.run(t)
	if rep2.Retried != rep.Failed || rep2.Sent != rep.Failed {
		t.Fatalf("after the wait: %+v, want all %d retried and sent", rep2, rep.Failed)
	}
	if _, n, _ := f.s.Log(f.librarian, notices.Filter{Status: notices.StatusFailed}); n != 0 {
		t.Errorf("%d still failed", n)
	}
	if len(f.smtp.Mails()) != rep.Failed {
		t.Errorf("%d mails arrived, want %d (each once)", len(f.smtp.Mails()), rep.Failed)
	}
}

func TestAFailedNoticeIsResentByHandAndASentOneIsNot(t *testing.T) {
	f := setup(t)
	f.configure(t, false, true)
	f.sms.Fail.Store(true)
	f.run(t)
	failed, _, _ := f.s.Log(f.librarian, notices.Filter{Status: notices.StatusFailed})
	if len(failed) == 0 || !strings.Contains(failed[0].Answer, "gateway busy") {
		t.Fatalf("failed: %+v; want the gateway's answer recorded", failed)
	}
	f.sms.Fail.Store(false)
	n, err := f.s.Resend(f.librarian, failed[0].ID)
	if err != nil || n.Status != notices.StatusSent || n.Attempts != 2 || !strings.Contains(n.Answer, `"code":0`) {
		t.Fatalf("resend: %+v, %v", n, err)
	}
	if _, err := f.s.Resend(f.librarian, n.ID); !errs.Is(err, notices.CodeNoticeNotResendable) {
		t.Fatalf("resending a sent notice: %v", err)
	}
	if _, err := f.s.Resend(readerCtx(f.li), failed[1].ID); !errs.Is(err, notices.CodeNoticeForbidden) {
		t.Fatalf("a reader resending: %v", err)
	}
}

func TestTheHeadTeacherGetsOneListPerClass(t *testing.T) {
	f := setup(t)
	// A second trainee with a book: still one list, naming both.
	li2 := withContact(t, f.k, f.k.Trainee("钱七", f.class), "", "13800000007")
	f.k.Checkout(li2, f.k.Item("实践论"))
	f.configure(t, true, true)
	f.run(t)
	f.k.Clock.AddDays(1)
	f.run(t)
	ms := mailsTo(f.smtp.Mails(), "head@school.cn")
	if len(ms) != 1 || !strings.Contains(ms[0].Body, "钱七") || !strings.Contains(ms[0].Body, "张三") || !strings.Contains(ms[0].Subject, "2 名学员") {
		t.Fatalf("head teacher's mails: %+v", ms)
	}
	sms := 0
	for _, r := range f.sms.Requests() {
		if strings.Contains(r.Body, "13900000009") {
			sms++
			if !strings.Contains(r.Body, "钱七(1)") {
				t.Errorf("head teacher's SMS %q does not name 钱七", r.Body)
			}
		}
	}
	if sms != 1 {
		t.Fatalf("head teacher got %d SMS, want 1", sms)
	}
	// A cleared trainee is not on the list, and nobody hears after the end.
	log, _, _ := f.s.Log(f.librarian, notices.Filter{Kind: notices.KindHeadTeacher})
	if len(log) != 2 {
		t.Errorf("%d head-teacher notices logged, want 2 (mail and SMS)", len(log))
	}
}

func TestNothingIsSentOutsideTheHoursOrWithNoChannel(t *testing.T) {
	f := setup(t)
	if rep := f.run(t); rep.Idle != "off" {
		t.Fatalf("no channel: %+v", rep)
	}
	f.configure(t, true, false)
	f.k.Clock.Set(f.k.Clock.Now().Add(11 * time.Hour)) // 21:00
	if rep := f.run(t); rep.Idle != "hours" || len(f.smtp.Mails()) != 0 {
		t.Fatalf("at 21:00: %+v", rep)
	}
}

func TestEnglishReadersGetEnglishMessages(t *testing.T) {
	f := setup(t)
	if _, err := f.s.SetPrefs(readerCtx(f.li), notices.Prefs{Lang: "en"}); err != nil {
		t.Fatal(err)
	}
	f.configure(t, true, false)
	f.run(t)
	ms := mailsTo(f.smtp.Mails(), "li@example.cn")
	if len(ms) != 1 || !strings.HasPrefix(ms[0].Subject, "Books due on") || !strings.Contains(ms[0].Body, "Dear 李四") {
		t.Fatalf("li's mail: %+v", ms)
	}
}

func TestBadSettingsAreRefusedInChineseAndChangeNothing(t *testing.T) {
	f := setup(t)
	f.configure(t, true, false)
	before, _ := f.s.Settings(context.Background())
	cases := []struct {
		name  string
		edit  func(*notices.Settings)
		field string
		zh    string
	}{
		{"port out of range", func(s *notices.Settings) { s.Mail.Port = 70000 }, "mail_port", "SMTP 端口"},
		{"gateway URL not a URL", func(s *notices.Settings) { s.SMS.URL = "sms.example.cn/send" }, "sms_url", "短信网关地址"},
		{"template without {text}", func(s *notices.Settings) { s.SMS.URL = "https://x.cn/s"; s.SMS.Template = `{"m":"{phone}"}` }, "sms_template", "{text}"},
		{"template not JSON", func(s *notices.Settings) {
			s.SMS.URL = "https://x.cn/s"
			s.SMS.Template = `{"m":"{phone}","c":"{text}"`
		}, "sms_template", "JSON"},
		{"window reversed", func(s *notices.Settings) { s.FromHour, s.ToHour = 20, 8 }, "to_hour", "发送时段"},
		{"sender not an address", func(s *notices.Settings) { s.Mail.From = "书屋" }, "mail_from", "发件人"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			st := before
			c.edit(&st)
			_, err := f.s.SaveSettings(f.librarian, st)
			e := errs.As(err)
			if err == nil || e.Field != c.field || !strings.Contains(e.Message, c.zh) {
				t.Fatalf("got %v, want an error on %s naming %q", err, c.field, c.zh)
			}
			after, _ := f.s.Settings(context.Background())
			if after != before {
				t.Fatalf("settings changed: %+v", after)
			}
		})
	}
	if _, err := f.s.SaveSettings(readerCtx(f.li), before); !errs.Is(err, notices.CodeNoticeForbidden) {
		t.Fatalf("a reader saving settings: %v", err)
	}
}

func TestATestMessageGoesOutAndIsLogged(t *testing.T) {
	f := setup(t)
	if _, err := f.s.SendTest(f.librarian, notices.ChannelMail, "me@example.cn"); !errs.Is(err, notices.CodeChannelOff) {
		t.Fatalf("test with mail off: %v", err)
	}
	f.configure(t, true, true)
	if _, err := f.s.SendTest(f.librarian, notices.ChannelMail, "not an address"); !errs.Is(err, notices.CodeTestRecipientInvalid) {
		t.Fatalf("bad address: %v", err)
	}
	n, err := f.s.SendTest(f.librarian, notices.ChannelMail, "me@example.cn")
	if err != nil || n.Status != notices.StatusSent {
		t.Fatalf("test mail: %+v, %v", n, err)
	}
	if ms := mailsTo(f.smtp.Mails(), "me@example.cn"); len(ms) != 1 || !strings.Contains(ms[0].Subject, "测试邮件") {
		t.Fatalf("test mail arrived as %+v", ms)
	}
	n, err = f.s.SendTest(f.librarian, notices.ChannelSMS, "13800000000")
	if err != nil || n.Status != notices.StatusSent || !strings.Contains(f.sms.Requests()[0].Body, "测试短信") {
		t.Fatalf("test SMS: %+v, %v", n, err)
	}
}

func TestThePortalListsTheReadersCurrentNotices(t *testing.T) {
	f := setup(t)
	cur, err := f.s.CurrentFor(context.Background(), f.zhang.ID)
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[notices.Kind]bool{}
	for _, c := range cur {
		kinds[c.Kind] = true
	}
	if !kinds[notices.KindClassEnding] {
		t.Fatalf("zhang's current notices %+v: want the class ending", cur)
	}
	cur, _ = f.s.CurrentFor(context.Background(), f.wang.ID)
	if len(cur) != 1 || cur[0].Kind != notices.KindHoldReady || cur[0].Titles[0] != "论持久战" {
		t.Fatalf("wang's: %+v", cur)
	}
}

func TestTwoServersRunningAtOnceSendEachNoticeOnce(t *testing.T) {
	f := setup(t)
	f.configure(t, true, false)
	other := notices.NewService(f.k.DB.Notices(), notify.Senders{}, testkit.Shanghai, f.k.Clock.Now)
	reps := make(chan notices.Report, 2)
	errc := make(chan error, 2)
	for _, s := range []*notices.Service{f.s, other} {
		go func() {
			rep, err := s.Run(context.Background())
			reps <- rep
			errc <- err
		}()
	}
	sent := 0
	for range 2 {
		if err := <-errc; err != nil {
			t.Fatal(err)
		}
		sent += (<-reps).Sent
	}
	_, total, _ := f.s.Log(f.librarian, notices.Filter{})
	if sent != total || len(f.smtp.Mails()) != total {
		t.Fatalf("two servers sent %d, %d mails arrived, %d logged: want each once", sent, len(f.smtp.Mails()), total)
	}
}
