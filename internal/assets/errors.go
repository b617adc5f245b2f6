package assets

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 设备不存在 / no such line of equipment
	CodeAssetNotFound errs.Code = "ASSET_NOT_FOUND"
	// 设备登记填写有误 / the equipment line is wrong
	CodeAssetInvalid errs.Code = "ASSET_INVALID"
	// 只有馆员可以登记设备 / only a librarian keeps the equipment register
	CodeAssetForbidden errs.Code = "ASSET_FORBIDDEN"
	// 设备已报废 / the equipment was already retired
	CodeAssetRetired errs.Code = "ASSET_RETIRED"
)

func invalid(field, zh, en string) error { return errs.Invalid(CodeAssetInvalid, field, zh, en) }

func forbidden() error {
	return errs.New(errs.KindForbidden, CodeAssetForbidden, "只有馆员可以登记、修改或报废设备", "only a librarian keeps the equipment register")
}
