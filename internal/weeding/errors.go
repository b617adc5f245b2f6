package weeding

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 剔除规则填写有误 / the weeding rules are wrong
	CodeWeedingInvalid errs.Code = "WEEDING_INVALID"
	// 只有馆员可以剔除图书 / only a librarian weeds the collection
	CodeWeedingForbidden errs.Code = "WEEDING_FORBIDDEN"
	// 所选复本中有不能剔除的 / a chosen copy cannot be withdrawn
	CodeWeedingRefused errs.Code = "WEEDING_COPY_REFUSED"
)

func invalid(field, zh, en string) error { return errs.Invalid(CodeWeedingInvalid, field, zh, en) }
