package targets

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 书目来源名称须为 1 到 40 个字符 / the source name is 1 to 40 characters
	CodeTargetNameInvalid errs.Code = "COPY_TARGET_NAME_INVALID"
	// 已有同名的书目来源 / a source of that name exists
	CodeTargetExists errs.Code = "COPY_TARGET_EXISTS"
	// 书目来源不存在 / no such source
	CodeTargetNotFound errs.Code = "COPY_TARGET_NOT_FOUND"
	// 协议只能是 Z39.50 或 SRU / the protocol is Z39.50 or SRU
	CodeTargetKindInvalid errs.Code = "COPY_TARGET_KIND_INVALID"
	// 地址格式不对 / the address is malformed
	CodeTargetAddressInvalid errs.Code = "COPY_TARGET_ADDRESS_INVALID"
	// 记录格式只能是 MARC21 或 CNMARC / the record format is MARC21 or CNMARC
	CodeTargetFormatInvalid errs.Code = "COPY_TARGET_FORMAT_INVALID"
	// 字符集不支持 / the character set is not supported
	CodeTargetCharsetInvalid errs.Code = "COPY_TARGET_CHARSET_INVALID"
)
