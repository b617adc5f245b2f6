package readers

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 读者证号 … 已被使用 / card number already in use
	CodeCardDuplicate errs.Code = "CARD_DUPLICATE"
	// 读者证号只能是 1–32 位字母、数字或连字符 / a card number is 1–32 letters, digits or hyphens
	CodeCardMalformed errs.Code = "CARD_MALFORMED"
	// 结业日期不能早于开班日期 / the end date is before the start date
	CodeClassDatesReversed errs.Code = "CLASS_DATES_REVERSED"
	// 已有同名班次 / a class with that name exists
	CodeClassDuplicate errs.Code = "CLASS_DUPLICATE"
	// 班次还有 … 名学员，不能删除 / the class still has members
	CodeClassHasMembers errs.Code = "CLASS_HAS_MEMBERS"
	// 指定的班次不存在 / a class does not exist
	CodeClassNotFound errs.Code = "CLASS_NOT_FOUND"
	// 性别只能是“男”或“女” / gender must be 男 or 女
	CodeGenderInvalid errs.Code = "GENDER_INVALID"
	// 姓名过长（最多 50 字） / name is too long
	CodeNameTooLong errs.Code = "NAME_TOO_LONG"
	// 手机号格式不正确 / phone number is malformed
	CodePhoneMalformed errs.Code = "PHONE_MALFORMED"
	// 电子邮箱格式不正确 / the email address is malformed
	CodeEmailMalformed errs.Code = "EMAIL_MALFORMED"
	// 只能修改自己的账户 / only your own account
	CodeNotYourAccount errs.Code = "READER_NOT_YOUR_ACCOUNT"
	// … 还有 … 册书未还，不能办理清还 / the reader still has books out
	CodeReaderHasLoans errs.Code = "READER_HAS_LOANS"
	// 读者证号 … 不存在 / no reader with card …
	CodeReaderNotFound errs.Code = "READER_NOT_FOUND"
	// … 的读者证尚未注销：先注销读者证，再删除个人信息 / cancel the card first, then delete the personal data
	CodeReaderNotCancelled errs.Code = "READER_NOT_CANCELLED"
	// 未知的读者证状态 / unknown card status
	CodeReaderStatusUnknown errs.Code = "READER_STATUS_UNKNOWN"
	// 已有同名或同代码的读者类型 / a reader type with that name or code exists
	CodeReaderTypeDuplicate errs.Code = "READER_TYPE_DUPLICATE"
	// 仍有读者属于该类型，不能删除 / readers still have this type
	CodeReaderTypeInUse errs.Code = "READER_TYPE_IN_USE"
	// 读者类型不存在 / unknown reader type
	CodeReaderTypeUnknown errs.Code = "READER_TYPE_UNKNOWN"
)
