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

// Registration and sign-in codes.
const (
	// 活动已开始、已结束或已取消，不能再报名或取消报名 / registration for the activity is closed
	CodeRegistrationClosed errs.Code = "ACTIVITY_REGISTRATION_CLOSED"
	// 已经报名（或在候补名单上） / already registered or on the waitlist
	CodeAlreadyRegistered errs.Code = "ACTIVITY_ALREADY_REGISTERED"
	// 没有报名这项活动 / not registered for the activity
	CodeNotRegistered errs.Code = "ACTIVITY_NOT_REGISTERED"
	// 这项活动不面向该读者（班次、教职工或读者证状态） / the activity is not open to this reader
	CodeNotForReader errs.Code = "ACTIVITY_NOT_FOR_READER"
	// 签到尚未开始或已截止 / sign-in has not opened or is closed
	CodeSignInClosed errs.Code = "ACTIVITY_SIGNIN_CLOSED"
	// 签到二维码无效或已过期 / the sign-in code is wrong or has expired
	CodeSignInCode errs.Code = "ACTIVITY_SIGNIN_CODE"
)
