package e2e

import (
	"context"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"shuwu/internal/audit"
	"shuwu/internal/notices"
	"shuwu/internal/testkit"
)

// TestALibrarianConfiguresMailAndAReaderOptsOutOnAPhone: the librarian
// types a port that is no number and is told so in Chinese, nothing saved;
// then sets up the SMTP server (a local one the test started), saves and
// sends a test mail, which arrives. 张三's held book comes in, the
// scheduler mails him; on a 375 px phone he sees the reminder in the
// portal and switches mail off. The staff's log lists both mails.
func TestALibrarianConfiguresMailAndAReaderOptsOutOnAPhone(t *testing.T) {
	s := startSite(t)
	smtpd := testkit.StartSMTP(t)
	sys := audit.WithActor(context.Background(), audit.System)
	zhang := s.f.Readers[0]
	if _, err := s.a.Readers.SetEmail(sys, zhang.ID, "zhang@example.cn"); err != nil {
		t.Fatal(err)
	}
	// 张三 holds a book 李四 has; 李四 brings it back.
	held := s.f.Barcodes[0][0]
	if _, err := s.a.Circulation.Checkout(sys, s.f.Readers[1].Card, held); err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.Circulation.PlaceHold(sys, zhang.Card, s.f.Records[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.Circulation.Checkin(sys, held, false); err != nil {
		t.Fatal(err)
	}
	browser := newBrowser(t)

	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	do(t, lib, "the notice settings", chromedp.Navigate(s.url+"/settings/notices"), chromedp.WaitVisible(chromedp.CSS("#notice-settings")))
	keep(t, lib, "notice-settings-empty-desktop")
	do(t, lib, "a port that is no number",
		chromedp.Click(chromedp.CSS("#mail-enabled")),
		chromedp.SendKeys(chromedp.CSS("#mail-host"), smtpd.Host),
		chromedp.SetValue(chromedp.CSS("#mail-port"), "二十五"),
		chromedp.SendKeys(chromedp.CSS("#mail-from"), "shuwu@example.cn"),
		chromedp.SetValue(chromedp.CSS("#from-hour"), "0"), chromedp.SetValue(chromedp.CSS("#to-hour"), "24"),
		chromedp.Click(chromedp.CSS("#save-notice-settings")),
		chromedp.WaitVisible(chromedp.CSS("#mail-port[aria-invalid=true]")))
	wantText(t, lib, "#mail-settings", "SMTP 端口应是数字")
	keep(t, lib, "notice-settings-error-desktop")
	if st, _ := s.a.Notices.Settings(sys); st.Mail.Enabled || st.Mail.Host != "" {
		t.Fatalf("a refused form changed the settings: %+v", st.Mail)
	}
	do(t, lib, "the right port",
		chromedp.SetValue(chromedp.CSS("#mail-port"), itoa(int64(smtpd.Port))),
		chromedp.Click(chromedp.CSS("#save-notice-settings")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, lib, ".flash", "通知设置已保存")
	do(t, lib, "send a test mail",
		chromedp.SendKeys(chromedp.CSS("#test-to"), "me@example.cn"),
		chromedp.Click(chromedp.CSS("#send-test")),
		chromedp.WaitVisible(chromedp.CSS("#test-result")))
	wantText(t, lib, "#test-result", "测试消息已发送至 me@example.cn", "250")
	keep(t, lib, "notice-settings-tested-desktop")
	if ms := smtpd.Mails(); len(ms) != 1 || ms[0].To != "me@example.cn" || !strings.Contains(ms[0].Subject, "测试邮件") {
		t.Fatalf("the SMTP server got %+v", ms)
	}
	libPhone := person(t, browser)
	onPhone(t, libPhone)
	login(t, libPhone, s.url, "librarian")
	do(t, libPhone, "the settings on a phone", chromedp.Navigate(s.url+"/settings/notices"), chromedp.WaitVisible(chromedp.CSS("#notice-settings")))
	fitsScreen(t, libPhone, "notice settings")
	keep(t, libPhone, "notice-settings-phone")

	rep, err := s.a.Notices.Run(sys)
	if err != nil || rep.Sent != 1 {
		t.Fatalf("the scheduler's pass: %+v, %v; want the hold-ready mail", rep, err)
	}
	if ms := smtpd.Mails(); len(ms) != 2 || ms[1].To != "zhang@example.cn" || !strings.Contains(ms[1].Subject, "预约图书已到馆") {
		t.Fatalf("after the pass the server has %+v", ms)
	}

	reader := person(t, browser)
	onPhone(t, reader)
	login(t, reader, s.url, zhang.Card)
	do(t, reader, "the portal", chromedp.Navigate(s.url+"/my"), chromedp.WaitVisible(chromedp.CSS("#my-notices")))
	wantText(t, reader, "#my-notices", "预约到书", s.f.Records[0].Title)
	fitsScreen(t, reader, "portal with a notice")
	keep(t, reader, "my-with-notice-phone")
	do(t, reader, "my notices", chromedp.Click(chromedp.CSS("#my-notices a")), chromedp.WaitVisible(chromedp.CSS("#notice-prefs")))
	wantText(t, reader, "#my-sent-notices", "预约图书已到馆")
	fitsScreen(t, reader, "my notices")
	keep(t, reader, "my-notices-phone")
	do(t, reader, "switch mail off", chromedp.Click(chromedp.CSS("#mail-on")), chromedp.Click(chromedp.CSS("#save-notice-prefs")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, reader, ".flash", "通知设置已保存")
	on, err := chromedp.Run(reader, chromedp.Evaluate[bool](`document.querySelector('#mail-on').checked`))
	if err != nil || on {
		t.Fatalf("after saving, mail is still ticked (%v)", err)
	}
	keep(t, reader, "my-notices-opted-out-phone")
	var p notices.Prefs
	ctx := audit.WithActor(context.Background(), audit.Actor{ReaderID: zhang.ID, Role: audit.RoleReader})
	if p, err = s.a.Notices.Prefs(ctx); err != nil || !p.MailOff || p.SMSOff {
		t.Fatalf("stored choices %+v, %v; want mail off, SMS on", p, err)
	}

	do(t, lib, "the notice log", chromedp.Navigate(s.url+"/notices"), chromedp.WaitVisible(chromedp.CSS("#notice-log")))
	wantText(t, lib, "#notice-log", "测试", "me@example.cn", "预约到书", "zhang@example.cn", "已发送")
	keep(t, lib, "notice-log-desktop")
	do(t, libPhone, "the log on a phone", chromedp.Navigate(s.url+"/notices"), chromedp.WaitVisible(chromedp.CSS("#notice-log")))
	fitsScreen(t, libPhone, "notice log")
	keep(t, libPhone, "notice-log-phone")
}

// TestStaffSetAReadersEmailAndTheHeadTeachersContact: on the reader form a
// malformed address is refused in Chinese on its field; a good one shows
// on the reader's page. The class form takes the head teacher's mail and
// phone. The English settings page reads in English.
func TestStaffSetAReadersEmailAndTheHeadTeachersContact(t *testing.T) {
	s := startSite(t)
	browser := newBrowser(t)
	lib := person(t, browser)
	login(t, lib, s.url, "librarian")
	card := s.f.Readers[0].Card
	do(t, lib, "the reader form", chromedp.Navigate(s.url+"/readers/"+card+"/edit"), chromedp.WaitVisible(chromedp.CSS("#email")))
	do(t, lib, "a malformed address", chromedp.SendKeys(chromedp.CSS("#email"), "zhang at example"),
		chromedp.Submit(chromedp.CSS("#email")), chromedp.WaitVisible(chromedp.CSS("#email[aria-invalid=true]")))
	wantText(t, lib, "main", "电子邮箱格式不正确")
	keep(t, lib, "reader-form-email-error-desktop")
	do(t, lib, "a good address", chromedp.SetValue(chromedp.CSS("#email"), "zhang@example.cn"),
		chromedp.Submit(chromedp.CSS("#email")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	wantText(t, lib, "main", "zhang@example.cn")
	if r, err := s.a.Readers.ByCard(context.Background(), card); err != nil || r.Email != "zhang@example.cn" {
		t.Fatalf("stored email %q, %v", r.Email, err)
	}
	cls := itoa(s.f.Class.ID)
	do(t, lib, "the class form", chromedp.Navigate(s.url+"/classes/"+cls), chromedp.WaitVisible(chromedp.CSS("#head_teacher_email")))
	do(t, lib, "the head teacher's contact", chromedp.SetValue(chromedp.CSS("#head_teacher"), "王老师"),
		chromedp.SetValue(chromedp.CSS("#head_teacher_email"), "wang@school.cn"), chromedp.SetValue(chromedp.CSS("#head_teacher_phone"), "13900000009"),
		chromedp.Submit(chromedp.CSS("#head_teacher_email")), chromedp.WaitVisible(chromedp.CSS(".flash")))
	if c, err := s.a.Readers.Class(context.Background(), s.f.Class.ID); err != nil || c.HeadTeacherEmail != "wang@school.cn" || c.HeadTeacherPhone != "13900000009" {
		t.Fatalf("stored class %+v, %v", c, err)
	}
	// The class ends within the 30 days set; 张三 has a book out: the
	// scheduler mails the head teacher the list, and the class page says so.
	smtpd := testkit.StartSMTP(t)
	sys := audit.WithActor(context.Background(), audit.System)
	st := notices.Defaults()
	st.ClassEndDays, st.FromHour, st.ToHour = 30, 0, 24
	st.Mail = notices.MailSettings{Enabled: true, Host: smtpd.Host, Port: smtpd.Port, From: "shuwu@example.cn"}
	if _, err := s.a.Notices.SaveSettings(sys, st); err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.Circulation.Checkout(sys, card, s.f.Barcodes[1][0]); err != nil {
		t.Fatal(err)
	}
	if _, err := s.a.Notices.Run(sys); err != nil {
		t.Fatal(err)
	}
	var head []testkit.Mail
	for _, m := range smtpd.Mails() {
		if m.To == "wang@school.cn" {
			head = append(head, m)
		}
	}
	if len(head) != 1 || !strings.Contains(head[0].Body, s.f.Readers[0].Name) || !strings.Contains(head[0].Body, s.f.Records[1].Title) {
		t.Fatalf("the head teacher's mails: %+v", head)
	}
	do(t, lib, "the class page after the list went", chromedp.Navigate(s.url+"/classes/"+cls), chromedp.WaitVisible(chromedp.CSS("#head-teacher-notices .badge")))
	wantText(t, lib, "#head-teacher-notices", "已发送", "wang@school.cn")
	keep(t, lib, "class-head-teacher-desktop")
	phone := person(t, browser)
	onPhone(t, phone)
	login(t, phone, s.url, "librarian")
	do(t, phone, "the class on a phone", chromedp.Navigate(s.url+"/classes/"+cls), chromedp.WaitVisible(chromedp.CSS("#head_teacher_email")))
	fitsScreen(t, phone, "class form")
	keep(t, phone, "class-head-teacher-phone")
	do(t, phone, "the reader form on a phone", chromedp.Navigate(s.url+"/readers/"+card+"/edit"), chromedp.WaitVisible(chromedp.CSS("#email")))
	fitsScreen(t, phone, "reader form")
	keep(t, phone, "reader-form-email-phone")
	do(t, lib, "the settings in English", chromedp.Navigate(s.url+"/settings/notices?lang=en"), chromedp.WaitVisible(chromedp.CSS("#notice-settings")))
	wantText(t, lib, "main", "Reader notice settings", "Send a test message")
	keep(t, lib, "notice-settings-en-desktop")
	do(t, lib, "the log in English", chromedp.Navigate(s.url+"/notices?lang=en"), chromedp.WaitVisible(chromedp.CSS("#notice-log")))
	wantText(t, lib, "main", "Notice log", "Class teacher’s list", "wang@school.cn", "Sent")
	keep(t, lib, "notice-log-en-desktop")
}
