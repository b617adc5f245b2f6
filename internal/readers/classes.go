package readers

import (
	"context"
	"fmt"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

func validateClass(c *Class) error {
	c.Name, c.Kind = plaintext.Line(c.Name), plaintext.Line(c.Kind)
	if c.Name == "" {
		return errs.Invalid(errs.CodeNameRequired, "name", "班次名称不能为空", "class name is required")
	}
	if c.Kind == "" {
		c.Kind = "主体班"
	}
	start, err := time.Parse(time.DateOnly, c.StartDate)
	if err != nil {
		return errs.Invalid(errs.CodeDateInvalid, "start_date", "开班日期格式应为 2024-05-01", "start date must look like 2024-05-01")
	}
	end, err := time.Parse(time.DateOnly, c.EndDate)
	if err != nil {
		return errs.Invalid(errs.CodeDateInvalid, "end_date", "结业日期格式应为 2024-05-01", "end date must look like 2024-05-01")
	}
	if end.Before(start) {
		return errs.Invalid(CodeClassDatesReversed, "end_date", "结业日期不能早于开班日期", "the end date is before the start date")
	}
	c.HeadTeacher = plaintext.Line(c.HeadTeacher)
	if c.HeadTeacherEmail = plaintext.Line(c.HeadTeacherEmail); c.HeadTeacherEmail != "" && !ValidEmail(c.HeadTeacherEmail) {
		return errs.Invalid(CodeEmailMalformed, "head_teacher_email", "班主任的电子邮箱格式不正确，应如 wang@example.cn", "the head teacher's email address is malformed")
	}
	if c.HeadTeacherPhone = plaintext.Line(c.HeadTeacherPhone); c.HeadTeacherPhone != "" && !phonePattern.MatchString(c.HeadTeacherPhone) {
		return errs.Invalid(CodePhoneMalformed, "head_teacher_phone", "班主任的手机号格式不正确", "the head teacher's phone number is malformed")
	}
	return nil
}

// CreateClass opens a class.
func (s *Service) CreateClass(ctx context.Context, c Class) (Class, error) {
	if err := validateClass(&c); err != nil {
		return c, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		c.CreatedAt = s.now()
		if err := tx.InsertClass(&c); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeClassDuplicate, "name", "已有同名班次", "a class with that name exists")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "create", "class", fmt.Sprint(c.ID), "新建班次 "+c.Name))
	})
	return c, err
}

// UpdateClass changes a class. Moving the end date moves its trainees'
// card expiry with it.
func (s *Service) UpdateClass(ctx context.Context, c Class) (Class, error) {
	if err := validateClass(&c); err != nil {
		return c, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		old, err := tx.Class(c.ID)
		if err != nil {
			return err
		}
		c.CreatedAt = old.CreatedAt
		if err := tx.UpdateClass(&c); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeClassDuplicate, "name", "已有同名班次", "a class with that name exists")
			}
			return err
		}
		if old.EndDate != c.EndDate {
			members, err := tx.Members(c.ID)
			if err != nil {
				return err
			}
			for _, m := range members {
				if err := s.setCardExpiry(tx, m.Reader, c, true); err != nil {
					return err
				}
			}
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "class", fmt.Sprint(c.ID), "修改班次 "+c.Name))
	})
	return c, err
}

// DeleteClass removes a class with no members.
func (s *Service) DeleteClass(ctx context.Context, id int64) error {
	return s.store.Update(ctx, func(tx Tx) error {
		members, err := tx.Members(id)
		if err != nil {
			return err
		}
		if len(members) > 0 {
			return errs.Conflict(CodeClassHasMembers, fmt.Sprintf("班次还有 %d 名学员，不能删除", len(members)), "the class still has members")
		}
		if err := tx.DeleteClass(id); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "delete", "class", fmt.Sprint(id), "删除班次"))
	})
}

// Class returns one class.
func (s *Service) Class(ctx context.Context, id int64) (Class, error) {
	var c Class
	err := s.store.View(ctx, func(tx Tx) (err error) {
		c, err = tx.Class(id)
		return err
	})
	return c, err
}

// Classes lists every class, newest first.
func (s *Service) Classes(ctx context.Context) ([]Class, error) {
	var out []Class
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.Classes()
		return err
	})
	return out, err
}

// Members lists a class's members.
func (s *Service) Members(ctx context.Context, classID int64) ([]Member, error) {
	var out []Member
	err := s.store.View(ctx, func(tx Tx) error {
		if _, err := tx.Class(classID); err != nil {
			return err
		}
		var err error
		out, err = tx.Members(classID)
		return err
	})
	return out, err
}

// ClassesOfReader lists the classes a reader belongs to.
func (s *Service) ClassesOfReader(ctx context.Context, readerID int64) ([]Class, error) {
	var out []Class
	err := s.store.View(ctx, func(tx Tx) (err error) {
		out, err = tx.ClassesOfReader(readerID)
		return err
	})
	return out, err
}

// setCardExpiry makes a trainee's card valid until the class end plus the
// grace period. Joining a class never shortens a card (a trainee may be in
// a longer class too); moving a class's end date does (mayShorten), since
// the class itself now ends earlier.
func (s *Service) setCardExpiry(tx Tx, r Reader, c Class, mayShorten bool) error {
	types, err := tx.Types()
	if err != nil {
		return err
	}
	trainee := false
	for _, t := range types {
		trainee = trainee || (t.ID == r.TypeID && t.Code == TypeTrainee)
	}
	if !trainee {
		return nil
	}
	rules, err := rulesOf(tx)
	if err != nil {
		return err
	}
	end, _ := time.Parse(time.DateOnly, c.EndDate)
	expiry := end.AddDate(0, 0, rules.CardGraceDays).Format(time.DateOnly)
	if expiry == r.ExpiryDate || (!mayShorten && expiry < r.ExpiryDate) {
		return nil
	}
	r.ExpiryDate = expiry
	r.UpdatedAt = s.now()
	return tx.UpdateReader(&r)
}

// MemberResult says what happened to one line of a pasted roster.
type MemberResult struct {
	Input  string `json:"input"`
	Card   string `json:"card,omitempty"`
	Name   string `json:"name,omitempty"`
	Added  bool   `json:"added"`
	Error  string `json:"error,omitempty"`
	Code   string `json:"code,omitempty"`
	Exists bool   `json:"already_member,omitempty"`
}

// AddMembers adds readers to a class by card number. Each entry is
// reported on; entries that fail change nothing, the others are added.
func (s *Service) AddMembers(ctx context.Context, classID int64, cards []string) ([]MemberResult, error) {
	var out []MemberResult
	err := s.store.Update(ctx, func(tx Tx) error {
		out = nil // PostgreSQL may run the transaction again
		c, err := tx.Class(classID)
		if err != nil {
			return err
		}
		members, err := tx.Members(classID)
		if err != nil {
			return err
		}
		in := map[int64]bool{}
		for _, m := range members {
			in[m.Reader.ID] = true
		}
		for _, card := range cards {
			card = strings.TrimSpace(card)
			if card == "" {
				continue
			}
			res := MemberResult{Input: card}
			r, err := tx.ReaderByCard(card)
			if err != nil {
				e := errs.As(err)
				res.Error, res.Code = e.Message, string(e.Code)
				out = append(out, res)
				continue
			}
			res.Card, res.Name = r.Card, r.Name
			if in[r.ID] {
				res.Exists = true
				out = append(out, res)
				continue
			}
			if err := s.addMemberTx(tx, c, r, false); err != nil {
				return err
			}
			in[r.ID] = true
			res.Added = true
			out = append(out, res)
		}
		return tx.Audit(audit.New(ctx, s.now(), "members", "class", fmt.Sprint(classID), fmt.Sprintf("班次 %s 加入学员 %d 人", c.Name, countAdded(out))))
	})
	return out, err
}

func countAdded(rs []MemberResult) int {
	n := 0
	for _, r := range rs {
		if r.Added {
			n++
		}
	}
	return n
}

// addMemberTx puts r in c and sets the card's expiry from the class; a
// card just issued for the class (fresh) takes the class's date even when
// that is shorter than the default validity.
func (s *Service) addMemberTx(tx Tx, c Class, r Reader, fresh bool) error {
	if err := tx.AddMember(c.ID, r.ID, s.now()); err != nil {
		return err
	}
	return s.setCardExpiry(tx, r, c, fresh)
}

// Enroll registers a new reader and puts them in a class in one step: the
// way a roster from the training office comes in.
func (s *Service) Enroll(ctx context.Context, classID int64, r Reader) (Reader, error) {
	err := s.store.Update(ctx, func(tx Tx) error {
		c, err := tx.Class(classID)
		if err != nil {
			return err
		}
		fresh := r.ExpiryDate == "" // no expiry typed: the class decides it
		if err := s.createTx(ctx, tx, &r); err != nil {
			return err
		}
		if err := s.addMemberTx(tx, c, r, fresh); err != nil {
			return err
		}
		r, err = tx.Reader(r.ID)
		return err
	})
	return r, err
}

// RemoveMember takes a reader out of a class.
func (s *Service) RemoveMember(ctx context.Context, classID int64, card string) error {
	return s.store.Update(ctx, func(tx Tx) error {
		r, err := tx.ReaderByCard(card)
		if err != nil {
			return err
		}
		if err := tx.RemoveMember(classID, r.ID); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "members", "class", fmt.Sprint(classID), "移出学员 "+r.Name))
	})
}
