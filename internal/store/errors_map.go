package store

import "shuwu/internal/errs"

// mapErr turns driver errors into domain errors by code, never by text;
// each engine's dialect file knows its driver's codes.
func mapErr(err error) error {
	if err == nil {
		return nil
	}
	if _, ok := err.(*errs.Error); ok {
		return err
	}
	switch constraintOf(err) {
	case constraintUnique:
		return &errs.Error{Kind: errs.KindConflict, Code: errs.CodeDuplicate, Message: "记录重复", MessageEn: "duplicate value", Err: err}
	case constraintForeignKey:
		return &errs.Error{Kind: errs.KindConflict, Code: errs.CodeInUse, Message: "数据仍被引用，不能删除或修改", MessageEn: "the row is still referenced", Err: err}
	}
	return errs.Internalf("store: %w", err)
}

// constraint is the kind of constraint a statement broke.
type constraint int

const (
	constraintNone constraint = iota
	constraintUnique
	constraintForeignKey
)

// constraintOf names the constraint a driver error broke, on either engine.
func constraintOf(err error) constraint {
	if c := sqliteConstraint(err); c != constraintNone {
		return c
	}
	return pgConstraint(err)
}
