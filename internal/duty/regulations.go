package duty

import (
	"context"
	"fmt"
	"strings"
	"unicode/utf8"

	"shuwu/internal/audit"
	"shuwu/internal/errs"
	"shuwu/internal/plaintext"
)

// Regulations lists the room's regulations in their order.
func (s *Service) Regulations(ctx context.Context) (out []Regulation, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		out, err = tx.Regulations()
		return err
	})
	return out, err
}

// Regulation returns one regulation.
func (s *Service) Regulation(ctx context.Context, id int64) (r Regulation, err error) {
	err = s.store.View(ctx, func(tx Tx) error {
		r, err = tx.Regulation(id)
		return err
	})
	return r, err
}

// Articles splits a regulation's text into its articles (one per line).
func (r Regulation) Articles() []string { return lines(r.Body) }

// MaxRegulationText bounds a regulation's text.
const MaxRegulationText = 5000

// SaveRegulation changes a regulation's title and text.
func (s *Service) SaveRegulation(ctx context.Context, in Regulation) (Regulation, error) {
	in.Title = plaintext.Line(in.Title)
	in.Body = strings.Join(lines(in.Body), "\n")
	switch {
	case in.Title == "" || utf8.RuneCountInString(in.Title) > 30:
		return in, errs.Invalid(CodeRegulationInvalid, "title", "制度名称须为 1–30 个字", "a regulation's title is 1–30 characters")
	case in.Body == "":
		return in, errs.Invalid(CodeRegulationInvalid, "body", "请填写制度内容", "write the regulation's text")
	case utf8.RuneCountInString(in.Body) > MaxRegulationText:
		return in, errs.Invalid(CodeRegulationInvalid, "body", fmt.Sprintf("制度内容不超过 %d 个字", MaxRegulationText), fmt.Sprintf("the text is at most %d characters", MaxRegulationText))
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := librarianOnly(ctx, "只有馆员可以修改制度", "only a librarian edits the regulations"); err != nil {
			return err
		}
		old, err := tx.Regulation(in.ID)
		if err != nil {
			return err
		}
		in.Position, in.UpdatedBy, in.UpdatedAt = old.Position, nameOf(tx, audit.ActorFrom(ctx)), s.now()
		if err := tx.SaveRegulation(in); err != nil {
			if errs.Is(err, errs.CodeDuplicate) {
				return errs.Invalid(CodeRegulationInvalid, "title", "已有同名制度", "another regulation has that title")
			}
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "update", "regulation", fmt.Sprint(in.ID), "修改制度《"+in.Title+"》"))
	})
	return in, err
}
