package httpx

import "shuwu/internal/errs"

// The codes both surfaces answer with. Their values are part of the API:
// never change one.
const (
	// 没有这种导出（可导出 records、readers、class、ledger） / no such export (records, readers, class, ledger)
	CodeExportUnknown errs.Code = "EXPORT_UNKNOWN"
	// 权限不足：角色不允许此操作 / forbidden: the role does not allow this
	CodeForbidden errs.Code = "FORBIDDEN"
	// 此地址不支持 … 方法（可用：…） / … is not allowed here (allowed: …)
	CodeMethodNotAllowed errs.Code = "METHOD_NOT_ALLOWED"
	// 没有这种模板（只有 books 书目清单和 roster 学员名单） / no such template (books, roster)
	CodeTemplateUnknown errs.Code = "TEMPLATE_UNKNOWN"
	// 文件上传不完整，请重试 / the upload was interrupted; try again
	CodeUploadBroken errs.Code = "UPLOAD_BROKEN"
	// 上传的文件是空的 / the uploaded file is empty
	CodeUploadEmpty errs.Code = "UPLOAD_EMPTY"
	// 没有收到上传的文件 / no file was uploaded
	CodeUploadMissing errs.Code = "UPLOAD_MISSING"
	// 此地址已有 … 个文件正在上传，请等它们传完后再试 / this address already has … uploads under way
	CodeUploadsBusy errs.Code = "UPLOADS_BUSY"
	// 上传太慢或中途停止，已中断 / the upload was too slow or stalled and was cut off
	CodeUploadTooSlow errs.Code = "UPLOAD_TOO_SLOW"
	// 上传的文件过大（最多 …） / the upload is too large (… at most)
	CodeUploadTooLarge errs.Code = "UPLOAD_TOO_LARGE"
)
