package selfcheck

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 图书属性不能超过 255 个字符 / item properties are at most 255 characters
	CodeItemPropertiesTooLong errs.Code = "ITEM_PROPERTIES_TOO_LONG"
	// 字符集只能是 utf-8 或 gbk / the encoding must be utf-8 or gbk
	CodeTerminalEncodingInvalid errs.Code = "TERMINAL_ENCODING_INVALID"
	// 自助机账号 … 已存在 / the terminal … already exists
	CodeTerminalExists errs.Code = "TERMINAL_EXISTS"
	// 机构代码不能超过 40 个字符，也不能含“|” / the institution code is at most 40 characters, without “|”
	CodeTerminalInstitutionInvalid errs.Code = "TERMINAL_INSTITUTION_INVALID"
	// 机构代码（SIP2 AO）不能为空 / the institution code (AO) is required
	CodeTerminalInstitutionRequired errs.Code = "TERMINAL_INSTITUTION_REQUIRED"
	// 位置代码不能超过 40 个字符，也不能含“|” / the location code is at most 40 characters, without “|”
	CodeTerminalLocationInvalid errs.Code = "TERMINAL_LOCATION_INVALID"
	// 自助机账号或密码错误 / wrong terminal name or password
	CodeTerminalLoginFailed errs.Code = "TERMINAL_LOGIN_FAILED"
	// 自助机登录失败次数过多，请 5 分钟后再试 / too many failed terminal logins; try again in 5 minutes
	CodeTerminalLoginRateLimited errs.Code = "TERMINAL_LOGIN_RATE_LIMITED"
	// 自助机账号须为 2 到 32 个字母、数字或 _ . - / the terminal name is 2–32 letters, digits or _ . -
	CodeTerminalNameInvalid errs.Code = "TERMINAL_NAME_INVALID"
	// 自助机账号不存在 / no such terminal
	CodeTerminalNotFound errs.Code = "TERMINAL_NOT_FOUND"
)
