package donations

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 捐赠人姓名或单位名称不能为空 / the donor's name is required
	CodeDonorNameRequired errs.Code = "DONOR_NAME_REQUIRED"
	// 捐赠人名称过长（最多 100 字） / the donor's name is too long (100 characters at most)
	CodeDonorNameTooLong errs.Code = "DONOR_NAME_TOO_LONG"
	// 捐赠人类别只能是个人或单位 / a donor is a person or an institution
	CodeDonorKindInvalid errs.Code = "DONOR_KIND_INVALID"
	// 捐赠人不存在 / no such donor
	CodeDonorNotFound errs.Code = "DONOR_NOT_FOUND"
	// 捐赠人的电话、单位或备注过长 / the donor's phone, unit or notes are too long
	CodeDonorFieldTooLong errs.Code = "DONOR_FIELD_TOO_LONG"
	// 入藏批次类别只能是捐赠或调拨 / a batch is a donation or a transfer
	CodeBatchKindInvalid errs.Code = "BATCH_KIND_INVALID"
	// 捐赠批次须选择捐赠人 / a donation batch needs a donor
	CodeBatchDonorRequired errs.Code = "BATCH_DONOR_REQUIRED"
	// 调拨批次须填写调出馆 / a transfer batch needs the sending library
	CodeBatchFromRequired errs.Code = "BATCH_FROM_REQUIRED"
	// 入藏批次不存在 / no such batch
	CodeBatchNotFound errs.Code = "BATCH_NOT_FOUND"
	// 接收日期不合理 / the received date is not plausible
	CodeBatchDateInvalid errs.Code = "BATCH_DATE_INVALID"
	// 批次中还没有图书 / the batch has no books yet
	CodeBatchEmpty errs.Code = "BATCH_EMPTY"
)
