package room

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 与已有预约冲突 / the time clashes with another booking
	CodeBookingConflict errs.Code = "BOOKING_CONFLICT"
	// 预约不存在 / no such booking
	CodeBookingNotFound errs.Code = "BOOKING_NOT_FOUND"
	// 只能取消本单位的预约 / you can cancel only your own bookings
	CodeBookingNotYours errs.Code = "BOOKING_NOT_YOURS"
	// 该预约已不能再更改 / the booking can no longer be changed
	CodeBookingSettled errs.Code = "BOOKING_SETTLED"
	// 预约的时间、人数或用途填写有误 / the booking's time, people or purpose is wrong
	CodeBookingInvalid errs.Code = "BOOKING_INVALID"
	// 书屋当天闭馆 / the room is closed that day
	CodeRoomClosed errs.Code = "ROOM_CLOSED"
	// 场地不存在 / no such space
	CodeSpaceNotFound errs.Code = "SPACE_NOT_FOUND"
	// 场地不接受预约 / the space cannot be booked
	CodeSpaceNotBookable errs.Code = "SPACE_NOT_BOOKABLE"
	// 场地的名称、座位或开放时间填写有误 / the space's name, seats or hours are wrong
	CodeSpaceInvalid errs.Code = "SPACE_INVALID"
)
