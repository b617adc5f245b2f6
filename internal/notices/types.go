// Package notices sends readers their notices (到期、超期、预约到书、结业前
// 请还书) by mail and SMS, and a class's head teacher the list of trainees
// with books out before 结业清还: which notices are due (the rule), the
// log that sends each once, the readers' choices (a channel switched off,
// the language), and the channels' settings. The senders themselves (SMTP,
// an SMS gateway's HTTP API) are adapters the service is given.
package notices

import (
	"context"
	"time"
)

// Kind is what a notice is about.
type Kind string

// The kinds of notice.
const (
	KindDueSoon     Kind = "due_soon"     // books due in a few days
	KindOverdue     Kind = "overdue"      // books past their due date
	KindHoldReady   Kind = "hold_ready"   // a held book waits on the hold shelf
	KindClassEnding Kind = "class_ending" // the class ends soon: 结业前请还书
	KindHeadTeacher Kind = "head_teacher" // the head teacher's list before clearance
	KindTest        Kind = "test"         // a test message from the settings page
)

// Kinds are the kinds in the order the pages list them.
var Kinds = []Kind{KindDueSoon, KindOverdue, KindHoldReady, KindClassEnding, KindHeadTeacher, KindTest}

// Channel is how a notice travels.
type Channel string

// The channels.
const (
	ChannelMail Channel = "mail"
	ChannelSMS  Channel = "sms"
)

// Channels are both channels, mail first.
var Channels = []Channel{ChannelMail, ChannelSMS}

// Status is where a logged notice stands.
type Status string

// A notice is claimed (sending) before it goes out, then sent or failed.
// A failed one is tried again later, up to MaxAttempts times.
const (
	StatusSending Status = "sending"
	StatusSent    Status = "sent"
	StatusFailed  Status = "failed"
)

// Retry rules: a failed notice is tried again after RetryAfter × the
// attempts so far, at most MaxAttempts times in all; one still "sending"
// after StaleAfter was cut off (the server stopped) and may be resent by
// hand, never by itself, since it may have arrived.
const (
	MaxAttempts = 3
	RetryAfter  = 15 * time.Minute
	StaleAfter  = 10 * time.Minute
)

// Notice is one logged message to one recipient by one channel.
type Notice struct {
	ID        int64     `json:"id"`
	Kind      Kind      `json:"kind"`
	SubjectID int64     `json:"subject_id"` // hold or class id; 0 for a reader's loans due on DueDate
	DueDate   string    `json:"due_date"`   // the due date, pickup deadline or class end
	ReaderID  int64     `json:"reader_id"`  // 0 for a head teacher or a test
	ClassID   int64     `json:"class_id,omitempty"`
	Channel   Channel   `json:"channel"`
	Recipient string    `json:"recipient"` // mail address or phone number
	Name      string    `json:"name"`      // the recipient's name
	Title     string    `json:"title"`     // the mail's subject
	Body      string    `json:"body"`
	Status    Status    `json:"status"`
	Attempts  int       `json:"attempts"`
	Error     string    `json:"error,omitempty"`
	Answer    string    `json:"answer,omitempty"` // what the server or gateway said
	CreatedAt time.Time `json:"created_at"`
	SentAt    time.Time `json:"sent_at,omitzero"`
	NextTry   time.Time `json:"next_try,omitzero"`
}

// Stale reports whether a notice has been "sending" for so long that the
// server must have stopped while sending it.
func (n Notice) Stale(now time.Time) bool {
	return n.Status == StatusSending && now.Sub(n.CreatedAt) > StaleAfter && now.Sub(n.NextTry) > StaleAfter
}

// Filter narrows the notice log.
type Filter struct {
	Status   Status
	Kind     Kind
	ReaderID int64
	Number   int // page, from 1
	Size     int
}

// Prefs are a reader's choices about notices.
type Prefs struct {
	ReaderID int64  `json:"reader_id"`
	MailOff  bool   `json:"mail_off"`
	SMSOff   bool   `json:"sms_off"`
	Lang     string `json:"lang,omitempty"` // "en" for English messages, else Chinese
}

// Off reports whether the reader switched ch off.
func (p Prefs) Off(ch Channel) bool {
	if ch == ChannelMail {
		return p.MailOff
	}
	return p.SMSOff
}

// Message is what a sender delivers.
type Message struct {
	Channel Channel
	To      string // address or phone number
	Name    string
	Subject string // mail only
	Body    string
}

// Sender delivers a message and says what the other side answered.
type Sender interface {
	Send(ctx context.Context, m Message) (answer string, err error)
}

// Senders builds the senders for the configured channels; the app gives
// the service the real adapters, tests their stand-ins.
type Senders interface {
	Mail(MailSettings) Sender
	SMS(SMSSettings) Sender
}

// Loan is a book out, as a notice names it.
type Loan struct {
	LoanID   int64
	ReaderID int64
	Title    string
	Barcode  string
	DueDate  string
}

// Recipient is a reader as notices need them.
type Recipient struct {
	ReaderID int64
	Card     string
	Name     string
	Email    string
	Phone    string
	Active   bool // the card is in use (not cancelled)
}

// Hold is a hold waiting on the hold shelf.
type Hold struct {
	HoldID   int64
	ReaderID int64
	Title    string
	PickupBy string
}

// Trainee is a class member with books out, on the head teacher's list.
type Trainee struct {
	Recipient
	Loans []Loan
}

// Current is a notice as the portal shows it to the reader now.
type Current struct {
	Kind    Kind
	DueDate string
	Class   string
	Titles  []string
}
