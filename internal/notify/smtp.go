package notify

import (
	"bytes"
	"context"
	"crypto/tls"
	"encoding/base64"
	"fmt"
	"mime"
	"net"
	"net/mail"
	"net/smtp"
	"strconv"
	"strings"
	"time"

	"shuwu/internal/notices"
)

// Mail sends notices through a plain SMTP server.
type Mail struct {
	Settings notices.MailSettings
	// TLS overrides the STARTTLS client configuration (tests).
	TLS *tls.Config
}

// Send delivers one mail and returns the server's last answer.
func (m Mail) Send(ctx context.Context, msg notices.Message) (string, error) {
	st := m.Settings
	addr := net.JoinHostPort(st.Host, strconv.Itoa(st.Port))
	d := net.Dialer{Timeout: 15 * time.Second}
	conn, err := d.DialContext(ctx, "tcp", addr)
	if err != nil {
		return "", fmt.Errorf("连接 SMTP 服务器 %s 失败：%w", addr, err)
	}
	defer conn.Close()
	if dl, ok := ctx.Deadline(); ok {
		_ = conn.SetDeadline(dl)
	}
	c, err := smtp.NewClient(conn, st.Host)
	if err != nil {
		return "", fmt.Errorf("SMTP 服务器没有正常应答：%w", err)
	}
	defer c.Close()
	if err := c.Hello("shuwu"); err != nil {
		return "", fmt.Errorf("SMTP HELO：%w", err)
	}
	if st.StartTLS {
		cfg := m.TLS
		if cfg == nil {
			cfg = &tls.Config{ServerName: st.Host, MinVersion: tls.VersionTLS12}
		}
		if ok, _ := c.Extension("STARTTLS"); !ok {
			return "", fmt.Errorf("SMTP 服务器不支持 STARTTLS")
		}
		if err := c.StartTLS(cfg); err != nil {
			return "", fmt.Errorf("SMTP STARTTLS：%w", err)
		}
	}
	if st.User != "" {
		auth := smtp.PlainAuth("", st.User, st.Password, st.Host)
		if !st.StartTLS {
			auth = plainAnyway{auth, st.User, st.Password}
		}
		if err := c.Auth(auth); err != nil {
			return "", fmt.Errorf("SMTP 登录失败：%w", err)
		}
	}
	if err := c.Mail(st.From); err != nil {
		return "", fmt.Errorf("SMTP 发件人被拒绝：%w", err)
	}
	if err := c.Rcpt(msg.To); err != nil {
		return "", fmt.Errorf("SMTP 收件人 %s 被拒绝：%w", msg.To, err)
	}
	w, err := c.Data()
	if err != nil {
		return "", fmt.Errorf("SMTP DATA：%w", err)
	}
	if _, err := w.Write(compose(st.From, msg, time.Now())); err != nil {
		return "", fmt.Errorf("SMTP 写入邮件：%w", err)
	}
	if err := w.Close(); err != nil {
		return "", fmt.Errorf("SMTP 服务器拒收邮件：%w", err)
	}
	answer := "250 accepted"
	if err := c.Quit(); err != nil {
		answer += " (QUIT: " + err.Error() + ")"
	}
	return answer, nil
}

// plainAnyway is PLAIN login on a connection without TLS, which
// net/smtp's PlainAuth refuses except to localhost: a school's internal
// relay often has no TLS, and the librarian chose not to ask for it.
type plainAnyway struct {
	smtp.Auth
	user, password string
}

func (a plainAnyway) Start(server *smtp.ServerInfo) (string, []byte, error) {
	return "PLAIN", []byte("\x00" + a.user + "\x00" + a.password), nil
}

// compose writes the mail: UTF-8 headers encoded, the body in base64.
func compose(from string, msg notices.Message, at time.Time) []byte {
	var b bytes.Buffer
	to := (&mail.Address{Name: msg.Name, Address: msg.To}).String()
	fmt.Fprintf(&b, "From: %s\r\nTo: %s\r\nSubject: %s\r\nDate: %s\r\nMIME-Version: 1.0\r\n", from, to,
		mime.BEncoding.Encode("utf-8", msg.Subject), at.Format(time.RFC1123Z))
	b.WriteString("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: base64\r\n\r\n")
	body := base64.StdEncoding.EncodeToString([]byte(strings.ReplaceAll(msg.Body, "\n", "\r\n")))
	for len(body) > 76 {
		b.WriteString(body[:76] + "\r\n")
		body = body[76:]
	}
	b.WriteString(body + "\r\n")
	return b.Bytes()
}
