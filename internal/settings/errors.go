package settings

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 结业宽限天数须在 0 到 365 之间 / card grace days must be 0–365
	CodeRuleInvalid errs.Code = "RULE_INVALID"
)
