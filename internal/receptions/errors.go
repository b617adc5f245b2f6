package receptions

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 接待记录不存在 / no such reception record
	CodeReceptionNotFound errs.Code = "RECEPTION_NOT_FOUND"
	// 接待记录填写有误 / the reception record is wrong
	CodeReceptionInvalid errs.Code = "RECEPTION_INVALID"
	// 只有馆员可以填写接待记录 / only a librarian keeps the reception record
	CodeReceptionForbidden errs.Code = "RECEPTION_FORBIDDEN"
	// 接待照片不存在 / no such photo of a visit
	CodeReceptionPhotoNotFound errs.Code = "RECEPTION_PHOTO_NOT_FOUND"
)
