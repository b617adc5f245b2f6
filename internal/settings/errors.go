package settings

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 结业宽限天数须在 0 到 365 之间 / card grace days must be 0–365
	CodeRuleInvalid errs.Code = "RULE_INVALID"
	// 请填写本馆名称，例如“州委党校党建书屋” / the library name is required
	CodeInstitutionRequired errs.Code = "INSTITUTION_REQUIRED"
	// 本馆名称不能超过 … 个字 / the library name is too long
	CodeInstitutionTooLong errs.Code = "INSTITUTION_TOO_LONG"
	// 借阅历史保留年限须在 0 到 50 年之间 / the years of loan history kept must be 0–50
	CodeRetentionInvalid errs.Code = "RETENTION_INVALID"
)
