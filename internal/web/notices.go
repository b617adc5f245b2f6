package web

import (
	"net/http"
	"net/url"
	"strconv"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/notices"
)

// HasNotices reports whether the readers' notices pages exist.
func (v *view) HasNotices() bool { return v.s.d.Notices != nil }

// noticeSettingsPage is the librarian's page of the notice channels.
type noticeSettingsPage struct {
	Settings    notices.Settings
	HasPassword bool
	HasToken    bool
	// Tested is the test message just sent, with the other side's answer.
	Tested *notices.Notice
}

var noticeSettingFields = []string{"mail_host", "mail_port", "mail_user", "mail_password", "mail_from", "sms_url", "sms_format", "sms_template",
	"sms_auth_header", "sms_token", "due_soon_days", "class_end_days", "from_hour", "to_hour", "sign"}

func noticeSettingsValues(st notices.Settings) url.Values {
	b := func(on bool) string {
		if on {
			return "1"
		}
		return ""
	}
	return url.Values{"mail_enabled": {b(st.Mail.Enabled)}, "mail_host": {st.Mail.Host}, "mail_port": {strconv.Itoa(st.Mail.Port)}, "mail_user": {st.Mail.User},
		"mail_from": {st.Mail.From}, "mail_starttls": {b(st.Mail.StartTLS)}, "sms_enabled": {b(st.SMS.Enabled)}, "sms_url": {st.SMS.URL},
		"sms_format": {st.SMS.Format}, "sms_template": {st.SMS.Template}, "sms_auth_header": {st.SMS.AuthHeader},
		"due_soon_days": {strconv.Itoa(st.DueSoonDays)}, "class_end_days": {strconv.Itoa(st.ClassEndDays)},
		"from_hour": {strconv.Itoa(st.FromHour)}, "to_hour": {strconv.Itoa(st.ToHour)}, "sign": {st.Sign}}
}

func (s *Server) showNoticeSettings(w http.ResponseWriter, r *http.Request, v *view) error {
	st, err := s.d.Notices.Settings(r.Context())
	if err != nil {
		return err
	}
	v.Form = noticeSettingsValues(st)
	return s.renderNoticeSettings(w, r, v, http.StatusOK, nil)
}

func (s *Server) renderNoticeSettings(w http.ResponseWriter, r *http.Request, v *view, status int, tested *notices.Notice) error {
	st, err := s.d.Notices.Settings(r.Context())
	if err != nil {
		return err
	}
	v.Path, v.Query = "/settings/notices", ""
	v.Title, v.Nav = v.T("notice.settings_title"), "settings"
	v.Data = noticeSettingsPage{Settings: st, HasPassword: st.Mail.Password != "", HasToken: st.SMS.Token != "", Tested: tested}
	s.render(w, r, status, "notice_settings", v)
	return nil
}

// parseNoticeSettings reads the form; a number that is no number is an
// error on its field.
func parseNoticeSettings(f url.Values) (notices.Settings, error) {
	num := func(field, zh, en string) (int, error) {
		n, err := strconv.Atoi(strings.TrimSpace(f.Get(field)))
		if err != nil {
			return 0, errs.Invalid(notices.CodeNoticeSettingsInvalid, field, zh, en)
		}
		return n, nil
	}
	st := notices.Settings{
		Mail: notices.MailSettings{Enabled: f.Get("mail_enabled") == "1", Host: f.Get("mail_host"), User: f.Get("mail_user"), Password: f.Get("mail_password"),
			From: f.Get("mail_from"), StartTLS: f.Get("mail_starttls") == "1"},
		SMS: notices.SMSSettings{Enabled: f.Get("sms_enabled") == "1", URL: f.Get("sms_url"), Format: f.Get("sms_format"), Template: f.Get("sms_template"),
			AuthHeader: f.Get("sms_auth_header"), Token: f.Get("sms_token")},
		Sign: f.Get("sign"),
	}
	var err error
	if st.Mail.Port, err = num("mail_port", "SMTP 端口应是数字，如 25 或 587", "the SMTP port is a number, e.g. 25 or 587"); err != nil {
		return st, err
	}
	if st.DueSoonDays, err = num("due_soon_days", "到期提醒提前天数应是数字，如 2", "days before the due date: a number, e.g. 2"); err != nil {
		return st, err
	}
	if st.ClassEndDays, err = num("class_end_days", "结业提醒提前天数应是数字，如 3", "days before the class ends: a number, e.g. 3"); err != nil {
		return st, err
	}
	if st.FromHour, err = num("from_hour", "发送时段的开始应是 0 到 23 的数字", "the window's start is an hour 0–23"); err != nil {
		return st, err
	}
	if st.ToHour, err = num("to_hour", "发送时段的结束应是 1 到 24 的数字", "the window's end is an hour 1–24"); err != nil {
		return st, err
	}
	return st, nil
}

func (s *Server) saveNoticeSettings(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	st, err := parseNoticeSettings(r.PostForm)
	if err == nil {
		_, err = s.d.Notices.SaveSettings(r.Context(), st)
	}
	if err != nil {
		if !v.fieldError(err, noticeSettingFields...) {
			return err
		}
		return s.renderNoticeSettings(w, r, v, http.StatusUnprocessableEntity, nil)
	}
	return s.redirect(w, r, "/settings/notices", v.T("notice.settings_saved"))
}

func (s *Server) sendTestNotice(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	st, err := s.d.Notices.Settings(r.Context())
	if err != nil {
		return err
	}
	v.Form = noticeSettingsValues(st)
	v.Form.Set("test_channel", r.PostForm.Get("test_channel"))
	v.Form.Set("test_to", r.PostForm.Get("test_to"))
	n, err := s.d.Notices.SendTest(r.Context(), notices.Channel(r.PostForm.Get("test_channel")), r.PostForm.Get("test_to"))
	if err != nil {
		if !v.fieldError(err, "to") {
			return err
		}
		if v.Errors[""] != "" {
			v.Errors["to"], v.Errors[""] = v.Errors[""], ""
		}
		return s.renderNoticeSettings(w, r, v, http.StatusUnprocessableEntity, nil)
	}
	return s.renderNoticeSettings(w, r, v, http.StatusOK, &n)
}

// noticeLogPage is the staff's list of notices sent and failed.
type noticeLogPage struct {
	Notices []notices.Notice
	Pager   pager
	Status  string
	Kind    string
	Failed  int
	Stale   map[int64]bool
	On      bool
}

const noticeLogPageSize = 50

func (s *Server) showNoticeLog(w http.ResponseWriter, r *http.Request, v *view) error {
	ctx := r.Context()
	q := r.URL.Query()
	page, _ := strconv.Atoi(q.Get("page"))
	if page < 1 {
		page = 1
	}
	f := notices.Filter{Status: notices.Status(q.Get("status")), Kind: notices.Kind(q.Get("kind")), Number: page, Size: noticeLogPageSize}
	ns, total, err := s.d.Notices.Log(ctx, f)
	if err != nil {
		return err
	}
	_, failed, err := s.d.Notices.Log(ctx, notices.Filter{Status: notices.StatusFailed, Number: 1, Size: 1})
	if err != nil {
		return err
	}
	st, err := s.d.Notices.Settings(ctx)
	if err != nil {
		return err
	}
	d := noticeLogPage{Notices: ns, Pager: newPager(q, "/notices", page, noticeLogPageSize, total), Status: q.Get("status"), Kind: q.Get("kind"),
		Failed: failed, Stale: map[int64]bool{}, On: st.On()}
	now := s.d.Notices.Now()
	for _, n := range ns {
		if n.Stale(now) {
			d.Stale[n.ID] = true
		}
	}
	v.Title, v.Nav, v.Data = v.T("notice.log_title"), "notices", d
	s.render(w, r, http.StatusOK, "notice_log", v)
	return nil
}

func (s *Server) resendNotice(w http.ResponseWriter, r *http.Request, v *view) error {
	id, err := pathID(r, "id")
	if err != nil {
		return err
	}
	n, err := s.d.Notices.Resend(r.Context(), id)
	if err != nil {
		if !v.fieldError(err) {
			return err
		}
		return s.redirect(w, r, "/notices", v.Errors[""])
	}
	if n.Status == notices.StatusSent {
		return s.redirect(w, r, "/notices", v.T("notice.resent", n.Recipient))
	}
	return s.redirect(w, r, "/notices?status=failed", v.T("notice.resend_failed", n.Recipient, n.Error))
}

// myNoticesPage is the reader's notices and choices in the portal.
type myNoticesPage struct {
	Current []notices.Current
	Sent    []notices.Notice
	Prefs   notices.Prefs
	Email   string
	Phone   string
	Mail    bool // the library sends mail
	SMS     bool // the library sends SMS
}

func (s *Server) showMyNotices(w http.ResponseWriter, r *http.Request, v *view) error {
	return s.renderMyNotices(w, r, v, http.StatusOK)
}

func (s *Server) renderMyNotices(w http.ResponseWriter, r *http.Request, v *view, status int) error {
	ctx := r.Context()
	rd, err := s.me(ctx, v)
	if err != nil {
		return err
	}
	d := myNoticesPage{Email: rd.Email, Phone: rd.Phone}
	if d.Current, err = s.d.Notices.CurrentFor(ctx, rd.ID); err != nil {
		return err
	}
	if d.Sent, err = s.d.Notices.Mine(ctx, 20); err != nil {
		return err
	}
	if d.Prefs, err = s.d.Notices.Prefs(ctx); err != nil {
		return err
	}
	st, err := s.d.Notices.Settings(ctx)
	if err != nil {
		return err
	}
	d.Mail, d.SMS = st.Mail.Enabled, st.SMS.Enabled
	if v.Form == nil || len(v.Form) == 0 {
		v.Form = url.Values{"email": {rd.Email}}
	}
	v.Title, v.Nav, v.Data = v.T("notice.my_title"), "my", d
	s.render(w, r, status, "my_notices", v)
	return nil
}

func (s *Server) saveMyNotices(w http.ResponseWriter, r *http.Request, v *view) error {
	if err := r.ParseForm(); err != nil {
		return errs.Invalid(CodeFormMalformed, "", "表单格式不正确", "malformed form")
	}
	v.Form = r.PostForm
	ctx := r.Context()
	if _, err := s.d.Readers.SetEmail(ctx, v.Actor.ReaderID, r.PostForm.Get("email")); err != nil {
		if !v.fieldError(err, "email") {
			return err
		}
		return s.renderMyNotices(w, r, v, http.StatusUnprocessableEntity)
	}
	p := notices.Prefs{MailOff: r.PostForm.Get("mail_on") != "1", SMSOff: r.PostForm.Get("sms_on") != "1", Lang: r.PostForm.Get("lang")}
	if _, err := s.d.Notices.SetPrefs(ctx, p); err != nil {
		return err
	}
	return s.redirect(w, r, "/my/notices", v.T("notice.my_saved"))
}
