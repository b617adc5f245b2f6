package auth

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 这是最后一个系统管理员账号，不能降级或停用 / this is the last admin account
	CodeLastAdmin errs.Code = "LAST_ADMIN"
	// 登录失败次数过多（来自此地址的尝试过多），请 … 分钟后再试 / too many failed logins (from this address); try again in … minutes
	CodeLoginRateLimited errs.Code = "LOGIN_RATE_LIMITED"
	// 请先登录 / please log in
	CodeNotLoggedIn errs.Code = "NOT_LOGGED_IN"
	// 密码最多 128 位 / the password must be at most 128 bytes
	CodePasswordTooLong errs.Code = "PASSWORD_TOO_LONG"
	// 密码至少 8 位 / the password must be at least 8 characters
	CodePasswordTooShort errs.Code = "PASSWORD_TOO_SHORT"
	// 角色必须是系统管理员、馆员、值班员、组织者或领导 / the role must be admin, librarian, duty, organiser or leadership
	CodeRoleUnknown errs.Code = "ROLE_UNKNOWN"
	// 登录已过期，请重新登录 / the session has expired; log in again
	CodeSessionExpired errs.Code = "SESSION_EXPIRED"
	// 请先登录 / please log in
	CodeSessionNotFound errs.Code = "SESSION_NOT_FOUND"
	// 账号不存在 / user does not exist
	CodeUserNotFound errs.Code = "USER_NOT_FOUND"
	// 用户名须为 2–32 位字母、数字、点、下划线或连字符 / a user name is 2–32 letters, digits, dots, underscores or hyphens
	CodeUsernameMalformed errs.Code = "USERNAME_MALFORMED"
	// 用户名与某读者证号相同，请换一个 / the user name equals a reader's card number
	CodeUsernameTaken errs.Code = "USERNAME_TAKEN"
	// 用户名或密码错误 / wrong user name or password
	CodeWrongPassword errs.Code = "WRONG_PASSWORD"
	// 请输入验证器中的 6 位验证码 / enter the 6-digit code from your authenticator app
	CodeTOTPRequired errs.Code = "TOTP_REQUIRED"
	// 验证码不正确或已过期 / the code is wrong or has expired
	CodeTOTPWrong errs.Code = "TOTP_WRONG"
	// 请先点击“开启两步验证”，用验证器扫描二维码 / start the setup first and scan the QR code
	CodeTOTPNotPending errs.Code = "TOTP_NOT_PENDING"
	// 登录已超时或验证码错误次数过多，请重新输入用户名和密码 / the login timed out or had too many wrong codes: log in again
	CodeTOTPChallengeGone errs.Code = "TOTP_CHALLENGE_GONE"
	// 新密码不能与初始密码相同 / the new password must differ from the initial one
	CodePasswordUnchanged errs.Code = "PASSWORD_UNCHANGED"
	// 密码不能全是同一个字符 / the password must not be one character repeated
	CodePasswordOneCharacter errs.Code = "PASSWORD_ONE_CHARACTER"
	// 密码不能是连续的数字或字母 / the password must not be a run of digits or letters
	CodePasswordSequence errs.Code = "PASSWORD_SEQUENCE"
	// 密码太常见，很容易被猜到 / the password is one of the most common ones
	CodePasswordCommon errs.Code = "PASSWORD_COMMON"
	// 密码不能与用户名或读者证号相同 / the password must not be the user name or card number
	CodePasswordIsName errs.Code = "PASSWORD_IS_NAME"
)
