package acquisitions

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// SuggestionStatus is where a reader's suggestion stands.
type SuggestionStatus string

// The statuses of a suggestion.
const (
	SuggestionPending  SuggestionStatus = "pending"  // 待处理
	SuggestionAccepted SuggestionStatus = "accepted" // 已采纳（订购）
	SuggestionRejected SuggestionStatus = "rejected" // 未采纳
)

var suggestionLabels = map[SuggestionStatus][2]string{
	SuggestionPending:  {"待处理", "pending"},
	SuggestionAccepted: {"已采纳", "accepted"},
	SuggestionRejected: {"未采纳", "not accepted"},
}

// Label returns the status's name in lang.
func (s SuggestionStatus) Label(lang string) string {
	l, ok := suggestionLabels[s]
	if !ok {
		return string(s)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Valid reports whether s is a known status.
func (s SuggestionStatus) Valid() bool { _, ok := suggestionLabels[s]; return ok }

// MaxPendingSuggestions bounds one reader's suggestions awaiting a decision.
const MaxPendingSuggestions = 10

// Suggestion is a reader's purchase suggestion (荐购) and its decision.
type Suggestion struct {
	ID         int64            `json:"id"`
	ReaderID   int64            `json:"reader_id"`
	ReaderName string           `json:"reader_name"`
	ReaderCard string           `json:"reader_card"`
	Title      string           `json:"title"`
	Author     string           `json:"author,omitempty"`
	ISBN       string           `json:"isbn,omitempty"`
	Reason     string           `json:"reason,omitempty"`
	Status     SuggestionStatus `json:"status"`
	// Answer is the librarian's word to the reader: why not, or a note.
	Answer    string    `json:"answer,omitempty"`
	LineID    int64     `json:"line_id,omitempty"`
	DecidedAt time.Time `json:"decided_at,omitzero"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// OrderID, OrderNumber and OrderStatus are the order the accepted
	// suggestion went onto; Received counts its copies in and RecordID is
	// the record they belong to (read with it).
	OrderID     int64  `json:"order_id,omitempty"`
	OrderNumber string `json:"order_number,omitempty"`
	OrderStatus Status `json:"-"`
	Received    int    `json:"received,omitempty"`
	RecordID    int64  `json:"record_id,omitempty"`
}

// Arrived reports whether a copy of the suggested book has come.
func (s Suggestion) Arrived() bool { return s.Received > 0 }

// SuggestionFilter narrows the list of suggestions.
type SuggestionFilter struct {
	ReaderID int64
	Status   SuggestionStatus
	Limit    int
}

// Suggest records a reader's suggestion.
func (s *Service) Suggest(ctx context.Context, readerID int64, in Suggestion) (Suggestion, error) {
	sg := Suggestion{ReaderID: readerID, Title: plaintext.Line(in.Title), Author: plaintext.Line(in.Author), Reason: plaintext.Text(in.Reason), Status: SuggestionPending}
	if sg.Title == "" {
		return Suggestion{}, errs.Invalid(CodeSuggestionTitleRequired, "title", "请填写想推荐的书名", "type the title of the book you suggest")
	}
	for _, f := range []struct {
		field, v, zh, en string
		n                int
	}{{"title", sg.Title, "书名", "the title", 200}, {"author", sg.Author, "作者", "the author", 100}, {"reason", sg.Reason, "推荐理由", "the reason", 500}} {
		if tooLong(f.v, f.n) {
			return Suggestion{}, errs.Invalid(CodeSuggestionTooLong, f.field, fmt.Sprintf("%s过长（最多 %d 字）", f.zh, f.n), fmt.Sprintf("%s is too long (%d characters at most)", f.en, f.n))
		}
	}
	if code := strings.TrimSpace(in.ISBN); code != "" {
		n, err := isbn.Normalize(code)
		if err != nil {
			return Suggestion{}, errs.As(err).WithField("isbn")
		}
		sg.ISBN = n
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		mine, err := tx.Suggestions(SuggestionFilter{ReaderID: readerID, Status: SuggestionPending, Limit: MaxPendingSuggestions + 1})
		if err != nil {
			return err
		}
		if len(mine) >= MaxPendingSuggestions {
			return errs.Invalid(CodeSuggestionTooMany, "", fmt.Sprintf("您已有 %d 条荐购等待处理，请等馆员答复后再推荐", len(mine)), fmt.Sprintf("you have %d suggestions awaiting an answer: wait for the librarian's", len(mine)))
		}
		for _, o := range mine {
			if o.Title == sg.Title || (sg.ISBN != "" && o.ISBN == sg.ISBN) {
				return errs.Invalid(CodeSuggestionDuplicate, "title", "您已推荐过《"+o.Title+"》，正在等待处理", "you suggested "+o.Title+" already; it awaits an answer")
			}
		}
		sg.CreatedAt, sg.UpdatedAt = s.now(), s.now()
		if err := tx.InsertSuggestion(&sg); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "suggestion", fmt.Sprint(sg.ID), "读者荐购《"+sg.Title+"》"))
	})
	if err != nil {
		return Suggestion{}, err
	}
	return sg, nil
}

// Suggestions lists suggestions, newest first.
func (s *Service) Suggestions(ctx context.Context, f SuggestionFilter) ([]Suggestion, error) {
	if f.Status != "" && !f.Status.Valid() {
		f.Status = ""
	}
	if f.Limit <= 0 || f.Limit > 500 {
		f.Limit = 500
	}
	var out []Suggestion
	err := s.store.View(ctx, func(tx Tx) (err error) { out, err = tx.Suggestions(f); return err })
	return out, err
}

func pendingTx(tx Tx, id int64) (Suggestion, error) {
	sg, err := tx.Suggestion(id)
	if err != nil {
		return sg, err
	}
	if sg.Status != SuggestionPending {
		return sg, errs.Conflict(CodeSuggestionDecided, "荐购《"+sg.Title+"》已经处理过", "the suggestion of "+sg.Title+" has an answer already")
	}
	return sg, nil
}

// Accept puts a suggestion onto a draft order as a line (copies at the
// list price and discount given) and tells the reader.
func (s *Service) Accept(ctx context.Context, id, orderID int64, in NewLine, note string) (Suggestion, Line, error) {
	note = plaintext.Line(note)
	if tooLong(note, 200) {
		return Suggestion{}, Line{}, errs.Invalid(CodeSuggestionTooLong, "answer", "答复过长（最多 200 字）", "the answer is too long (200 characters at most)")
	}
	var sg Suggestion
	err := s.store.View(ctx, func(tx Tx) (err error) { sg, err = pendingTx(tx, id); return err })
	if err != nil {
		return Suggestion{}, Line{}, err
	}
	if in.RecordID == 0 {
		in.Title, in.Author, in.ISBN = sg.Title, sg.Author, sg.ISBN
	}
	in.Origin, in.OriginID = OriginSuggestion, sg.ID
	l, err := s.line(ctx, in)
	if err != nil {
		return Suggestion{}, Line{}, err
	}
	l.OrderID = orderID
	err = s.store.Update(ctx, func(tx Tx) error {
		if sg, err = pendingTx(tx, id); err != nil {
			return err
		}
		o, err := draftTx(tx, orderID)
		if err != nil {
			return errs.Invalid(CodeOrderStatusInvalid, "order_id", "请选择一张草稿订单（已发订的订单不能再加书）", "choose a draft order (a sent order takes no more books)")
		}
		if l.FundName, err = s.checkFund(tx, l.FundID); err != nil {
			return err
		}
		l.UpdatedAt = s.now()
		if err := tx.InsertLine(&l); err != nil {
			return err
		}
		sg.Status, sg.Answer, sg.LineID, sg.DecidedAt, sg.UpdatedAt = SuggestionAccepted, note, l.ID, s.now(), s.now()
		if err := tx.UpdateSuggestion(&sg); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "suggestion", fmt.Sprint(sg.ID), fmt.Sprintf("采纳荐购《%s》，列入订单 %s", sg.Title, o.Number)))
	})
	if err != nil {
		return Suggestion{}, Line{}, err
	}
	sg, err = s.suggestion(ctx, id)
	return sg, l, err
}

// Reject declines a suggestion with the reason the reader will read.
func (s *Service) Reject(ctx context.Context, id int64, reason string) (Suggestion, error) {
	reason = plaintext.Line(reason)
	if reason == "" {
		return Suggestion{}, errs.Invalid(CodeSuggestionReasonRequired, "answer", "请写明不采纳的理由，读者会看到", "give the reason: the reader will read it")
	}
	if tooLong(reason, 200) {
		return Suggestion{}, errs.Invalid(CodeSuggestionTooLong, "answer", "答复过长（最多 200 字）", "the answer is too long (200 characters at most)")
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		sg, err := pendingTx(tx, id)
		if err != nil {
			return err
		}
		sg.Status, sg.Answer, sg.DecidedAt, sg.UpdatedAt = SuggestionRejected, reason, s.now(), s.now()
		if err := tx.UpdateSuggestion(&sg); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "suggestion", fmt.Sprint(sg.ID), "不采纳荐购《"+sg.Title+"》："+reason))
	})
	if err != nil {
		return Suggestion{}, err
	}
	return s.suggestion(ctx, id)
}

func (s *Service) suggestion(ctx context.Context, id int64) (Suggestion, error) {
	var sg Suggestion
	err := s.store.View(ctx, func(tx Tx) (err error) { sg, err = tx.Suggestion(id); return err })
	return sg, err
}

// Suggestion returns one suggestion.
func (s *Service) Suggestion(ctx context.Context, id int64) (Suggestion, error) {
	return s.suggestion(ctx, id)
}
