package readers

import (
	"context"
	"fmt"
	"net/mail"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/paging"
	"shuwu/internal/plaintext"
	"shuwu/internal/settings"
)

// Service is the readers' and classes' use cases.
type Service struct {
	store Store
	tz    *time.Location
	now   func() time.Time
	// loggedOut are told when readers' sessions were ended (a cancelled
	// card), so that a cache of logins forgets them at once.
	loggedOut []func()
}

// OnLoggedOut registers f to be called after a change that ended readers'
// sessions.
func (s *Service) OnLoggedOut(f func()) { s.loggedOut = append(s.loggedOut, f) }

// NewService builds the readers service.
func NewService(store Store, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, tz: tz, now: now}
}

func (s *Service) today() string { return s.now().In(s.tz).Format(time.DateOnly) }

// ValidEmail reports whether s is one plain mail address (name@domain).
func ValidEmail(s string) bool {
	if len(s) > 254 || strings.ContainsAny(s, " <>,;\"") {
		return false
	}
	a, err := mail.ParseAddress(s)
	return err == nil && a.Address == s && strings.Contains(s[strings.LastIndex(s, "@")+1:], ".")
}

var (
	cardPattern  = regexp.MustCompile(`^[A-Za-z0-9\-]{1,32}$`)
	phonePattern = regexp.MustCompile(`^[0-9+\- ]{5,20}$`)
)

// ErrReaderNotFound is the error for an unknown card.
func ErrReaderNotFound(card string) *errs.Error {
	return errs.NotFound(CodeReaderNotFound, fmt.Sprintf("读者证号 %s 不存在", card), fmt.Sprintf("no reader with card %s", card))
}

func rulesOf(tx Tx) (settings.Rules, error) {
	raw, err := tx.Setting(settings.Key)
	if err != nil {
		return settings.Rules{}, err
	}
	return settings.Parse(raw)
}

// validate normalises r and checks what a person typed.
func (s *Service) validate(tx Tx, r *Reader) error {
	r.Name = plaintext.Line(r.Name)
	r.Card = plaintext.Line(r.Card)
	r.Phone = plaintext.Line(r.Phone)
	r.Unit = plaintext.Line(r.Unit)
	r.Position = plaintext.Line(r.Position)
	r.Gender = plaintext.Line(r.Gender)
	r.Notes = plaintext.Text(r.Notes)
	if r.Name == "" {
		return errs.Invalid(errs.CodeNameRequired, "name", "姓名不能为空", "name is required")
	}
	if utf8.RuneCountInString(r.Name) > 50 {
		return errs.Invalid(CodeNameTooLong, "name", "姓名过长（最多 50 字）", "name is too long")
	}
	if r.Card != "" && !cardPattern.MatchString(r.Card) {
		return errs.Invalid(CodeCardMalformed, "card", "读者证号只能是 1–32 位字母、数字或连字符", "a card number is 1–32 letters, digits or hyphens")
	}
	if r.Phone != "" && !phonePattern.MatchString(r.Phone) {
		return errs.Invalid(CodePhoneMalformed, "phone", "手机号格式不正确", "phone number is malformed")
	}
	if r.Email = plaintext.Line(r.Email); r.Email != "" && !ValidEmail(r.Email) {
		return errs.Invalid(CodeEmailMalformed, "email", "电子邮箱格式不正确，应如 zhang@example.cn", "the email address is malformed, e.g. zhang@example.cn")
	}
	switch r.Gender {
	case "", "男", "女":
	case "M", "m", "male":
		r.Gender = "男"
	case "F", "f", "female":
		r.Gender = "女"
	default:
		return errs.Invalid(CodeGenderInvalid, "gender", "性别只能是“男”或“女”", "gender must be 男 or 女")
	}
	if r.Status == "" {
		r.Status = StatusActive
	}
	if !r.Status.Valid() {
		return errs.Invalid(CodeReaderStatusUnknown, "status", "未知的读者证状态", "unknown card status")
	}
	types, err := tx.Types()
	if err != nil {
		return err
	}
	if r.TypeID == 0 {
		for _, t := range types {
			if t.Code == TypeStaff {
				r.TypeID = t.ID
			}
		}
	}
	known := false
	for _, t := range types {
		known = known || t.ID == r.TypeID
	}
	if !known {
		return errs.Invalid(CodeReaderTypeUnknown, "type_id", "读者类型不存在", "unknown reader type")
	}
	if r.ExpiryDate == "" {
		rules, err := rulesOf(tx)
		if err != nil {
			return err
		}
		r.ExpiryDate = s.now().In(s.tz).AddDate(rules.StaffExpiryYears, 0, 0).Format(time.DateOnly)
	} else if _, err := time.Parse(time.DateOnly, r.ExpiryDate); err != nil {
		return errs.Invalid(errs.CodeDateInvalid, "expiry_date", "有效期格式应为 2024-05-01", "expiry date must look like 2024-05-01")
	}
	return nil
}

// nextCard hands out the next free card number: R and seven digits, so a
// desk scanner can tell a card from an item barcode at a glance.
func nextCard(tx Tx) (string, error) {
	for {
		n, err := tx.NextSequence("card")
		if err != nil {
			return "", err
		}
		c := fmt.Sprintf("R%07d", n)
		if ok, err := tx.CardExists(c); err != nil {
			return "", err
		} else if !ok {
			return c, nil
		}
	}
}

// Create registers a reader, issuing a card number when none is given.
func (s *Service) Create(ctx context.Context, r Reader) (Reader, error) {
	err := s.store.Update(ctx, func(tx Tx) error {
		return s.createTx(ctx, tx, &r)
	})
	return r, err
}

func (s *Service) createTx(ctx context.Context, tx Tx, r *Reader) error {
	if err := s.validate(tx, r); err != nil {
		return err
	}
	if r.Card == "" {
		c, err := nextCard(tx)
		if err != nil {
			return err
		}
		r.Card = c
	}
	r.CreatedAt, r.UpdatedAt = s.now(), s.now()
	if err := tx.InsertReader(r); err != nil {
		if errs.Is(err, errs.CodeDuplicate) {
			return errs.Invalid(CodeCardDuplicate, "card", fmt.Sprintf("读者证号 %s 已被使用", r.Card), "card number already in use")
		}
		return err
	}
	return tx.Audit(audit.New(ctx, s.now(), "create", "reader", r.Card, "新建读者 "+r.Name+"（"+r.Card+"）"))
}

// Update saves changes to a reader, found by id.
func (s *Service) Update(ctx context.Context, r Reader) (Reader, error) {
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Reader(r.ID)
		if err != nil {
			return err
		}
		if err := s.validate(tx, &r); err != nil {
			return err
		}
		if r.Card == "" {
			r.Card = old.Card
		}
		r.PasswordHash, r.CreatedAt, r.UpdatedAt = old.PasswordHash, old.CreatedAt, s.now()
		if err := tx.UpdateReader(&r); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeCardDuplicate, "card", fmt.Sprintf("读者证号 %s 已被使用", r.Card), "card number already in use")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "reader", r.Card, "修改读者 "+r.Name))
	})
	return r, err
}

// SetStatus blocks or unblocks a card (挂失, 暂停, 正常, 注销). A card with
// books out cannot be cancelled.
func (s *Service) SetStatus(ctx context.Context, card string, st Status) (Reader, error) {
	var r Reader
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if r, err = tx.ReaderByCard(card); err != nil {
			return err
		}
		if !st.Valid() {
			return errs.Invalid(CodeReaderStatusUnknown, "status", "未知的读者证状态", "unknown card status")
		}
		if st == StatusCancelled {
			n, err := tx.ActiveLoanCount(r.ID)
			if err != nil {
				return err
			}
			if n > 0 {
				return errs.Conflict(CodeReaderHasLoans, fmt.Sprintf("%s 还有 %d 册书未还，不能注销", r.Name, n), "the reader still has books out")
			}
		}
		if st == StatusActive {
			r.SuspendedUntil = ""
		}
		r.Status, r.UpdatedAt = st, s.now()
		if err := tx.UpdateReader(&r); err != nil {
			return err
		}
		if st == StatusCancelled {
			if err := tx.DeleteSessionsOf(0, r.ID); err != nil {
				return err
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "status", "reader", r.Card, fmt.Sprintf("读者 %s 状态改为%s", r.Name, st.Label("zh"))))
	})
	if err == nil && st == StatusCancelled {
		for _, f := range s.loggedOut {
			f()
		}
	}
	return r, err
}

// ByCard returns a reader by card number.
func (s *Service) ByCard(ctx context.Context, card string) (Reader, error) {
	var r Reader
	err := s.store.View(ctx, func(tx Tx) (err error) {
		r, err = tx.ReaderByCard(strings.TrimSpace(card))
		return err
	})
	return r, err
}

// ByID returns a reader by id.
func (s *Service) ByID(ctx context.Context, id int64) (Reader, error) {
	var r Reader
	err := s.store.View(ctx, func(tx Tx) (err error) {
		r, err = tx.Reader(id)
		return err
	})
	return r, err
}

// List searches readers.
func (s *Service) List(ctx context.Context, f Filter) ([]Reader, int, error) {
	f.Number = paging.Clamp(f.Number)
	if f.Size < 1 || f.Size > 200 {
		f.Size = 20
	}
	var out []Reader
	var total int
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, total, err = tx.Readers(f)
		return err
	})
	return out, total, err
}

// Types lists the reader types.
func (s *Service) Types(ctx context.Context) ([]Type, error) {
	var out []Type
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Types()
		return err
	})
	return out, err
}

// SaveType creates (ID 0) or renames a reader type.
func (s *Service) SaveType(ctx context.Context, t Type) (Type, error) {
	t.Name, t.Code = strings.TrimSpace(t.Name), strings.TrimSpace(t.Code)
	if t.Name == "" {
		return t, errs.Invalid(errs.CodeNameRequired, "name", "读者类型名称不能为空", "name is required")
	}
	if t.Code == "" {
		t.Code = t.Name
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SaveType(&t); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeReaderTypeDuplicate, "name", "已有同名或同代码的读者类型", "a reader type with that name or code exists")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "reader_type", fmt.Sprint(t.ID), "保存读者类型“"+t.Name+"”"))
	})
	return t, err
}

// DeleteType removes a reader type no reader has.
func (s *Service) DeleteType(ctx context.Context, id int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		if err := tx.DeleteType(id); err != nil {
			if errs.Is(err, errs.CodeInUse) {
				return errs.Conflict(CodeReaderTypeInUse, "仍有读者属于该类型，不能删除", "readers still have this type")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "reader_type", fmt.Sprint(id), "删除读者类型"))
	})
}

// SetEmail changes a reader's mail address, for notices: the reader in
// the portal or staff. "" removes it.
func (s *Service) SetEmail(ctx context.Context, readerID int64, email string) (Reader, error) {
	a := audit.ActorFrom(ctx)
	if a.ReaderID != 0 && a.ReaderID != readerID {
		return Reader{}, errs.New(errs.KindForbidden, CodeNotYourAccount, "只能修改自己的邮箱", "you may change only your own address")
	}
	email = plaintext.Line(email)
	if email != "" && !ValidEmail(email) {
		return Reader{}, errs.Invalid(CodeEmailMalformed, "email", "电子邮箱格式不正确，应如 zhang@example.cn", "the email address is malformed, e.g. zhang@example.cn")
	}
	var r Reader
	err := s.store.Update(ctx, func(tx Tx) error {
		var err error
		if r, err = tx.Reader(readerID); err != nil {
			return err
		}
		if r.Email == email {
			return nil
		}
		r.Email, r.UpdatedAt = email, s.now()
		if err := tx.UpdateReader(&r); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "reader", r.Card, "修改电子邮箱 "+r.Name))
	})
	return r, err
}
