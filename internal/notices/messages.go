package notices

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// draft is a notice's words before it has a channel: the mail's subject
// and body, and the short SMS text.
type draft struct {
	Title string
	Mail  string
	SMS   string
}

// text is what a message says, in the reader's language.
type text struct {
	lang    string
	library string
	sign    string
	name    string
}

func (t text) en() bool { return t.lang == "en" }

// titles names the books: 《A》 alone, or 《A》等 3 册.
func (t text) titles(ls []Loan) string {
	if len(ls) == 0 {
		return ""
	}
	if t.en() {
		if len(ls) == 1 {
			return "“" + ls[0].Title + "”"
		}
		return fmt.Sprintf("“%s” and %d more", ls[0].Title, len(ls)-1)
	}
	if len(ls) == 1 {
		return "《" + ls[0].Title + "》"
	}
	return fmt.Sprintf("《%s》等 %d 册", ls[0].Title, len(ls))
}

func (t text) list(ls []Loan) string {
	var b strings.Builder
	for _, l := range ls {
		if t.en() {
			fmt.Fprintf(&b, "  - %s (%s), due %s\n", l.Title, l.Barcode, l.DueDate)
		} else {
			fmt.Fprintf(&b, "  · 《%s》（%s），应还日期 %s\n", l.Title, l.Barcode, l.DueDate)
		}
	}
	return b.String()
}

func (t text) sms(s string) string {
	return "【" + t.sign + "】" + s
}

func (t text) mail(body string) string {
	if t.en() {
		return fmt.Sprintf("Dear %s,\n\n%s\n%s\n\n(You can switch these messages off in the reader portal: My account.)\n", t.name, body, t.library)
	}
	return fmt.Sprintf("%s您好：\n\n%s\n%s\n\n（如不想再收到此类通知，可在读者门户“我的账户”中关闭。）\n", t.name, body, t.library)
}

func (t text) dueSoon(ls []Loan, due string) draft {
	if t.en() {
		return draft{Title: "Books due on " + due,
			Mail: t.mail(fmt.Sprintf("These books are due on %s. Please return or renew them in time:\n\n%s", due, t.list(ls))),
			SMS:  t.sms(fmt.Sprintf("%s: %s due %s. Please return or renew in time. %s", t.name, t.titles(ls), due, t.library))}
	}
	return draft{Title: "图书即将到期：" + t.titles(ls),
		Mail: t.mail(fmt.Sprintf("您借阅的下列图书将于 %s 到期，请按时归还或续借：\n\n%s", due, t.list(ls))),
		SMS:  t.sms(fmt.Sprintf("%s您好，您借的%s将于%s到期，请按时归还或续借。%s", t.name, t.titles(ls), due, t.library))}
}

func (t text) overdue(ls []Loan, due string) draft {
	if t.en() {
		return draft{Title: "Overdue books (due " + due + ")",
			Mail: t.mail(fmt.Sprintf("These books were due on %s. Please return them soon:\n\n%s", due, t.list(ls))),
			SMS:  t.sms(fmt.Sprintf("%s: %s was due %s. Please return it soon. %s", t.name, t.titles(ls), due, t.library))}
	}
	return draft{Title: "图书已超期：" + t.titles(ls),
		Mail: t.mail(fmt.Sprintf("您借阅的下列图书已于 %s 到期，请尽快归还：\n\n%s", due, t.list(ls))),
		SMS:  t.sms(fmt.Sprintf("%s您好，您借的%s已于%s到期，请尽快归还。%s", t.name, t.titles(ls), due, t.library))}
}

func (t text) holdReady(title, by string) draft {
	if t.en() {
		return draft{Title: "Your hold is ready: " + title,
			Mail: t.mail(fmt.Sprintf("The book you held, “%s”, is waiting for you at the desk. Please collect it by %s.\n", title, by)),
			SMS:  t.sms(fmt.Sprintf("%s: “%s” is ready for you. Collect it by %s. %s", t.name, title, by, t.library))}
	}
	return draft{Title: "预约图书已到馆：《" + title + "》",
		Mail: t.mail(fmt.Sprintf("您预约的《%s》已到馆，请于 %s 前到服务台借阅，逾期预约将取消。\n", title, by)),
		SMS:  t.sms(fmt.Sprintf("%s您好，您预约的《%s》已到馆，请于%s前借阅。%s", t.name, title, by, t.library))}
}

func (t text) classEnding(class, end string, ls []Loan) draft {
	if t.en() {
		return draft{Title: "Please return your books before " + end,
			Mail: t.mail(fmt.Sprintf("%s ends on %s. Please return these books before then:\n\n%s", class, end, t.list(ls))),
			SMS:  t.sms(fmt.Sprintf("%s: %s ends %s; %s still out. Please return before the end. %s", t.name, class, end, t.titles(ls), t.library))}
	}
	return draft{Title: "结业前请还书：" + class,
		Mail: t.mail(fmt.Sprintf("%s将于 %s 结业，您还有下列图书未还，结业前请还书：\n\n%s", class, end, t.list(ls))),
		SMS:  t.sms(fmt.Sprintf("%s您好，%s将于%s结业，您借的%s尚未归还，结业前请还书。%s", t.name, class, end, t.titles(ls), t.library))}
}

// smsNames is how many trainees an SMS to the head teacher names.
const smsNames = 8

func (t text) headTeacher(class, end string, ts []Trainee) draft {
	books := 0
	var names []string
	var b strings.Builder
	for _, tr := range ts {
		books += len(tr.Loans)
		if len(names) < smsNames {
			names = append(names, fmt.Sprintf("%s(%d)", tr.Name, len(tr.Loans)))
		}
		if t.en() {
			fmt.Fprintf(&b, "%s (card %s, phone %s), %d book(s):\n%s", tr.Name, tr.Card, dash(tr.Phone), len(tr.Loans), t.list(tr.Loans))
		} else {
			fmt.Fprintf(&b, "%s（读者证 %s，手机 %s），%d 册：\n%s", tr.Name, tr.Card, dash(tr.Phone), len(tr.Loans), t.list(tr.Loans))
		}
	}
	more := ""
	if len(ts) > smsNames {
		more = "…"
	}
	if t.en() {
		return draft{Title: fmt.Sprintf("%s: %d trainees still have books out", class, len(ts)),
			Mail: t.mail(fmt.Sprintf("%s ends on %s. These %d trainees still have %d books out; please remind them to return them before clearance (结业清还):\n\n%s", class, end, len(ts), books, b.String())),
			SMS:  t.sms(fmt.Sprintf("%s: %s ends %s; %d trainees have %d books out: %s%s. %s", t.name, class, end, len(ts), books, strings.Join(names, ", "), more, t.library))}
	}
	return draft{Title: fmt.Sprintf("%s：%d 名学员尚有图书未还", class, len(ts)),
		Mail: t.mail(fmt.Sprintf("%s将于 %s 结业。以下 %d 名学员尚有 %d 册图书未还，请提醒他们在结业清还前归还：\n\n%s", class, end, len(ts), books, b.String())),
		SMS:  t.sms(fmt.Sprintf("%s您好，%s将于%s结业，%d名学员尚有%d册图书未还：%s%s。%s", t.name, class, end, len(ts), books, strings.Join(names, "、"), more, t.library))}
}

func (t text) test() draft {
	if t.en() {
		return draft{Title: "Test message from " + t.library,
			Mail: "This is a test message from " + t.library + ". If you can read it, notices by mail work.\n",
			SMS:  t.sms("Test message from " + t.library + ": SMS notices work.")}
	}
	return draft{Title: t.library + "：测试邮件",
		Mail: "这是" + t.library + "发出的测试邮件。收到即说明邮件通知已配置好。\n",
		SMS:  t.sms("这是" + t.library + "发出的测试短信，短信通知已配置好。")}
}

func dash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}

// maxSMS bounds an SMS text; a longer one is cut with an ellipsis (the
// gateway splits long messages, but a list has to stop somewhere).
const maxSMS = 200

func clip(s string) string {
	if utf8.RuneCountInString(s) <= maxSMS {
		return s
	}
	r := []rune(s)
	return string(r[:maxSMS-1]) + "…"
}
