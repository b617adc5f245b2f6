package notices

import (
	"encoding/json"
	"fmt"
	"net/mail"
	"net/url"
	"strings"
	"unicode/utf8"

	"shuwu/internal/errs"
)

// SettingsKey is the settings-table key the notice settings live under.
const SettingsKey = "notices"

// SMS body formats.
const (
	FormatJSON = "json"
	FormatForm = "form"
)

// Settings are the channels and the rule's days and hours.
type Settings struct {
	Mail MailSettings `json:"mail"`
	SMS  SMSSettings  `json:"sms"`
	// DueSoonDays: a loan is "due soon" this many days before its due date.
	DueSoonDays int `json:"due_soon_days"`
	// ClassEndDays: trainees and the head teacher hear this many days
	// before the class ends.
	ClassEndDays int `json:"class_end_days"`
	// FromHour and ToHour (library time) bound when notices go out:
	// from FromHour:00 to before ToHour:00.
	FromHour int `json:"from_hour"`
	ToHour   int `json:"to_hour"`
	// Sign is the SMS signature in 【】 (短信签名), e.g. 书屋.
	Sign string `json:"sign"`
}

// MailSettings are a plain SMTP server's.
type MailSettings struct {
	Enabled  bool   `json:"enabled"`
	Host     string `json:"host"`
	Port     int    `json:"port"`
	User     string `json:"user,omitempty"`
	Password string `json:"password,omitempty"`
	From     string `json:"from"`
	// StartTLS asks the server to switch to TLS before logging in.
	StartTLS bool `json:"starttls"`
}

// SMSSettings are an SMS gateway's HTTP API: a POST of the template with
// {phone} and {text} filled in, as JSON or as a form.
type SMSSettings struct {
	Enabled    bool   `json:"enabled"`
	URL        string `json:"url"`
	Format     string `json:"format"`   // FormatJSON or FormatForm
	Template   string `json:"template"` // e.g. {"mobile":"{phone}","content":"{text}"}
	AuthHeader string `json:"auth_header,omitempty"`
	Token      string `json:"token,omitempty"`
}

// DefaultJSONTemplate and DefaultFormTemplate are the SMS bodies offered.
const (
	DefaultJSONTemplate = `{"mobile":"{phone}","content":"{text}"}`
	DefaultFormTemplate = `mobile={phone}&content={text}`
)

// Defaults are the settings of a new library: no channel, due-soon two
// days ahead, the class three days before its end, 8:00 to 20:00.
func Defaults() Settings {
	return Settings{DueSoonDays: 2, ClassEndDays: 3, FromHour: 8, ToHour: 20, Sign: "书屋",
		Mail: MailSettings{Port: 25}, SMS: SMSSettings{Format: FormatJSON, Template: DefaultJSONTemplate, AuthHeader: "Authorization"}}
}

// On reports whether any channel is switched on.
func (st Settings) On() bool { return st.Mail.Enabled || st.SMS.Enabled }

// Enabled reports whether ch is switched on.
func (st Settings) Enabled(ch Channel) bool {
	if ch == ChannelMail {
		return st.Mail.Enabled
	}
	return st.SMS.Enabled
}

// ParseSettings reads the stored settings; nothing stored is Defaults.
func ParseSettings(raw string) (Settings, error) {
	st := Defaults()
	if raw == "" {
		return st, nil
	}
	if err := json.Unmarshal([]byte(raw), &st); err != nil {
		return Defaults(), fmt.Errorf("parse notice settings: %w", err)
	}
	return st, nil
}

func invalid(field, zh, en string) error {
	return errs.Invalid(CodeNoticeSettingsInvalid, field, zh, en)
}

// Validate checks the settings a person typed and trims them. A channel
// switched off may stay half filled in.
func (st *Settings) Validate() error {
	m, s := &st.Mail, &st.SMS
	m.Host, m.User, m.From = strings.TrimSpace(m.Host), strings.TrimSpace(m.User), strings.TrimSpace(m.From)
	s.URL, s.Template, s.AuthHeader, s.Token = strings.TrimSpace(s.URL), strings.TrimSpace(s.Template), strings.TrimSpace(s.AuthHeader), strings.TrimSpace(s.Token)
	st.Sign = strings.Trim(strings.TrimSpace(st.Sign), "【】[]")
	switch {
	case st.DueSoonDays < 1 || st.DueSoonDays > 30:
		return invalid("due_soon_days", "到期提醒提前天数须在 1 到 30 之间", "remind 1–30 days before the due date")
	case st.ClassEndDays < 1 || st.ClassEndDays > 30:
		return invalid("class_end_days", "结业提醒提前天数须在 1 到 30 之间", "remind 1–30 days before the class ends")
	case st.FromHour < 0 || st.FromHour > 23:
		return invalid("from_hour", "发送时段的开始须在 0 到 23 点之间", "the sending window starts at 0–23")
	case st.ToHour < 1 || st.ToHour > 24 || st.ToHour <= st.FromHour:
		return invalid("to_hour", "发送时段的结束须晚于开始，且不晚于 24 点", "the sending window must end after it starts, by 24")
	case st.Sign == "" || utf8.RuneCountInString(st.Sign) > 12:
		return invalid("sign", "短信签名须为 1 到 12 个字，如 书屋", "the SMS signature has 1–12 characters")
	case m.Port < 1 || m.Port > 65535:
		return invalid("mail_port", "SMTP 端口须是 1 到 65535 之间的数字，如 25、587", "the SMTP port is a number 1–65535, e.g. 25 or 587")
	case strings.ContainsAny(m.Host, " /:"):
		return invalid("mail_host", "SMTP 服务器应只填主机名或 IP 地址，如 smtp.example.cn", "give the SMTP server's host name or IP only")
	case m.From != "" && !plainAddress(m.From):
		return invalid("mail_from", "发件人应是一个邮箱地址，如 shuwu@example.cn", "the sender is one mail address, e.g. shuwu@example.cn")
	case m.Enabled && m.Host == "":
		return invalid("mail_host", "开启邮件通知须填写 SMTP 服务器", "mail needs the SMTP server")
	case m.Enabled && m.From == "":
		return invalid("mail_from", "开启邮件通知须填写发件人邮箱", "mail needs the sender's address")
	case m.Password != "" && m.User == "":
		return invalid("mail_user", "填写了密码就须填写 SMTP 用户名", "a password needs the SMTP user name")
	}
	if s.Format == "" {
		s.Format = FormatJSON
	}
	if s.Format != FormatJSON && s.Format != FormatForm {
		return invalid("sms_format", "短信请求格式只能是 JSON 或表单", "the SMS body is JSON or a form")
	}
	if s.URL != "" {
		u, err := url.Parse(s.URL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return invalid("sms_url", "短信网关地址应是完整的网址，如 https://sms.example.cn/send", "the SMS gateway address is a full URL, e.g. https://sms.example.cn/send")
		}
	}
	if s.Template != "" {
		if !strings.Contains(s.Template, "{phone}") || !strings.Contains(s.Template, "{text}") {
			return invalid("sms_template", "短信请求模板须含有 {phone} 和 {text}", "the SMS template must contain {phone} and {text}")
		}
		if s.Format == FormatJSON {
			probe, _ := FillTemplate(s.Template, FormatJSON, "13800000000", "测试")
			if !json.Valid([]byte(probe)) {
				return invalid("sms_template", "JSON 格式的短信模板不是有效的 JSON，如 "+DefaultJSONTemplate, "the JSON template is not valid JSON, e.g. "+DefaultJSONTemplate)
			}
		}
	}
	if strings.ContainsAny(s.AuthHeader, " :\r\n") {
		return invalid("sms_auth_header", "认证头名称不能含空格或冒号，如 Authorization", "the header name has no spaces or colons, e.g. Authorization")
	}
	if strings.ContainsAny(s.Token, "\r\n") {
		return invalid("sms_token", "令牌不能换行", "the token is one line")
	}
	if s.Enabled && s.URL == "" {
		return invalid("sms_url", "开启短信通知须填写短信网关地址", "SMS needs the gateway's address")
	}
	if s.Enabled && s.Template == "" {
		return invalid("sms_template", "开启短信通知须填写请求模板", "SMS needs the body template")
	}
	return nil
}

// plainAddress reports whether s is a bare mail address.
func plainAddress(s string) bool {
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@")+1:], ".")
}

// FillTemplate puts phone and text into an SMS body template, escaped for
// its format (a JSON string's contents or a form value).
func FillTemplate(tmpl, format, phone, text string) (string, error) {
	esc := url.QueryEscape
	if format == FormatJSON {
		esc = func(v string) string {
			b, _ := json.Marshal(v)
			return string(b[1 : len(b)-1])
		}
	}
	out := strings.NewReplacer("{phone}", esc(phone), "{text}", esc(text)).Replace(tmpl)
	if format == FormatJSON && !json.Valid([]byte(out)) {
		return "", fmt.Errorf("the SMS template does not make valid JSON")
	}
	return out, nil
}
