package notices

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 通知设置填写有误 / the notice settings are wrong
	CodeNoticeSettingsInvalid errs.Code = "NOTICE_SETTINGS_INVALID"
	// 该发送渠道未配置 / the channel is not configured
	CodeChannelOff errs.Code = "NOTICE_CHANNEL_OFF"
	// 通知记录不存在 / no such notice
	CodeNoticeNotFound errs.Code = "NOTICE_NOT_FOUND"
	// 这条通知不能重发 / the notice cannot be sent again
	CodeNoticeNotResendable errs.Code = "NOTICE_NOT_RESENDABLE"
	// 测试消息的收件人填写有误 / the test message's recipient is wrong
	CodeTestRecipientInvalid errs.Code = "NOTICE_TEST_RECIPIENT_INVALID"
	// 只有馆员可以修改通知设置 / only a librarian changes the notice settings
	CodeNoticeForbidden errs.Code = "NOTICE_FORBIDDEN"
	// 请用读者账号登录 / log in as a reader
	CodeNoticeNotForReader errs.Code = "NOTICE_NOT_FOR_READER"
)
