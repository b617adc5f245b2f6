package notify_test

import (
	"context"
	"crypto/tls"
	"crypto/x509"
	"net/url"
	"strings"
	"testing"

	"shuwu/internal/notices"
	"shuwu/internal/notify"
	"shuwu/internal/testkit"
)

func TestTheGatewayGetsAFormWithTheTokenAndAFailureIsAnError(t *testing.T) {
	g := testkit.StartSMSGateway(t)
	s := notify.SMS{Settings: notices.SMSSettings{URL: g.URL, Format: notices.FormatForm, Template: "to={phone}&msg={text}&sign=shuwu", AuthHeader: "X-Token", Token: "abc"}}
	text := "【书屋】张三您好，您借的《论持久战》将于2024-09-10到期&请按时归还。"
	answer, err := s.Send(context.Background(), notices.Message{Channel: notices.ChannelSMS, To: "13800000001", Body: text})
	if err != nil || !strings.HasPrefix(answer, "200 ") {
		t.Fatalf("send: %q, %v", answer, err)
	}
	r := g.Requests()[0]
	v, _ := url.ParseQuery(r.Body)
	if r.ContentType != "application/x-www-form-urlencoded" || r.Header.Get("X-Token") != "abc" || v.Get("to") != "13800000001" || v.Get("msg") != text || v.Get("sign") != "shuwu" {
		t.Fatalf("the gateway got %+v (form %v)", r, v)
	}
	g.Fail.Store(true)
	answer, err = s.Send(context.Background(), notices.Message{To: "13800000001", Body: "x"})
	if err == nil || !strings.Contains(err.Error(), "HTTP 500") || !strings.Contains(answer, "gateway busy") {
		t.Fatalf("a 500: %q, %v; want an error and the answer kept", answer, err)
	}
}

func TestMailIsRefusedWhenTheServerOffersNoSTARTTLSOrTheLoginIsWrong(t *testing.T) {
	srv := testkit.StartSMTP(t)
	base := notices.MailSettings{Host: srv.Host, Port: srv.Port, From: "shuwu@example.cn"}
	msg := notices.Message{To: "zhang@example.cn", Name: "张三", Subject: "图书即将到期：《论持久战》", Body: "张三您好：\n请按时还书。\n"}
	tls := base
	tls.StartTLS = true
	if _, err := (notify.Mail{Settings: tls}).Send(context.Background(), msg); err == nil || !strings.Contains(err.Error(), "STARTTLS") {
		t.Fatalf("STARTTLS asked of a server without it: %v", err)
	}
	bad := base
	bad.User, bad.Password = "shuwu", "wrong"
	if _, err := (notify.Mail{Settings: bad}).Send(context.Background(), msg); err == nil || !strings.Contains(err.Error(), "登录失败") {
		t.Fatalf("a wrong password: %v", err)
	}
	if len(srv.Mails()) != 0 {
		t.Fatalf("mail delivered after a refusal: %+v", srv.Mails())
	}
	if _, err := (notify.Mail{Settings: base}).Send(context.Background(), msg); err != nil {
		t.Fatal(err)
	}
	m := srv.Mails()[0]
	if m.Subject != msg.Subject || m.Body != strings.ReplaceAll(msg.Body, "\r\n", "\n") || !strings.Contains(m.Raw, "charset=utf-8") {
		t.Fatalf("the mail arrived as %+v", m)
	}
}

func TestMailGoesOverSTARTTLSWithALogin(t *testing.T) {
	cert, _, _ := testkit.SelfSigned(t)
	srv := testkit.StartSMTP(t)
	srv.TLS = &tls.Config{Certificates: []tls.Certificate{cert}}
	leaf, err := x509.ParseCertificate(cert.Certificate[0])
	if err != nil {
		t.Fatal(err)
	}
	pool := x509.NewCertPool()
	pool.AddCert(leaf)
	st := notices.MailSettings{Host: srv.Host, Port: srv.Port, From: "shuwu@example.cn", User: "shuwu", Password: "secret", StartTLS: true}
	m := notify.Mail{Settings: st, TLS: &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}}
	if _, err := m.Send(context.Background(), notices.Message{To: "zhang@example.cn", Subject: "测试", Body: "测试\n"}); err != nil {
		t.Fatal(err)
	}
	if ms := srv.Mails(); len(ms) != 1 || !ms[0].TLS || ms[0].User != "shuwu" {
		t.Fatalf("the server got %+v; want one mail after STARTTLS and login", ms)
	}
}
