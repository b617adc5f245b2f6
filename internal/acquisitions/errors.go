package acquisitions

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 年份须在 2000 到明年之间 / the year must be between 2000 and next year
	CodeTargetYearInvalid errs.Code = "TARGET_YEAR_INVALID"
	// 目标册数须在 0 到 100000 之间 / a target is 0 to 100,000 volumes
	CodeTargetVolumesInvalid errs.Code = "TARGET_VOLUMES_INVALID"
	// 所选分类不存在 / no such category
	CodeTargetCategoryUnknown errs.Code = "TARGET_CATEGORY_UNKNOWN"
)
