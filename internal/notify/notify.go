// Package notify is the notices' adapters: plain SMTP mail (net/smtp,
// STARTTLS and login optional) and an SMS gateway's HTTP API (a POST of a
// JSON or form body made from a template). The notices service decides
// what to send; these only deliver it and report what the other side said.
package notify

import "shuwu/internal/notices"

// Senders builds the real senders from the settings.
type Senders struct{}

var _ notices.Senders = Senders{}

// Mail is the SMTP sender for st.
func (Senders) Mail(st notices.MailSettings) notices.Sender { return Mail{Settings: st} }

// SMS is the gateway sender for st.
func (Senders) SMS(st notices.SMSSettings) notices.Sender { return SMS{Settings: st} }
