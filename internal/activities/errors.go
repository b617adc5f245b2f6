package activities

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 活动不存在 / no such activity
	CodeActivityNotFound errs.Code = "ACTIVITY_NOT_FOUND"
	// 活动的名称、形式、时间、地点或人数填写有误 / the activity's title, form, time, place or capacity is wrong
	CodeActivityInvalid errs.Code = "ACTIVITY_INVALID"
	// 只能修改本单位的活动 / you can change only your own unit's activities
	CodeActivityNotYours errs.Code = "ACTIVITY_NOT_YOURS"
	// 活动已取消，不能再更改 / the activity is cancelled and can no longer be changed
	CodeActivityCancelled errs.Code = "ACTIVITY_CANCELLED"
)
