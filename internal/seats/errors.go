package seats

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 座位预约未开放 / seat reservations are switched off
	CodeSeatsOff errs.Code = "SEATS_OFF"
	// 座位不存在 / no such seat
	CodeSeatNotFound errs.Code = "SEAT_NOT_FOUND"
	// 阅览桌不存在 / no such table
	CodeTableNotFound errs.Code = "SEAT_TABLE_NOT_FOUND"
	// 阅览桌的名称、位置或座位数填写有误 / the table's name, place or seats are wrong
	CodeTableInvalid errs.Code = "SEAT_TABLE_INVALID"
	// 座位预约的日期或时间填写有误 / the reservation's date or time is wrong
	CodeSeatInvalid errs.Code = "SEAT_INVALID"
	// 该座位在这个时段已被预约 / the seat is taken for that time
	CodeSeatTaken errs.Code = "SEAT_TAKEN"
	// 已有一个座位预约 / the reader already holds a reservation
	CodeSeatOneOnly errs.Code = "SEAT_ONE_ONLY"
	// 书屋当天闭馆或被整体预约 / the room is closed or booked then
	CodeSeatRoomClosed errs.Code = "SEAT_ROOM_CLOSED"
	// 座位预约不存在 / no such reservation
	CodeReservationNotFound errs.Code = "SEAT_RESERVATION_NOT_FOUND"
	// 该预约已不能再更改 / the reservation can no longer be changed
	CodeReservationSettled errs.Code = "SEAT_RESERVATION_SETTLED"
	// 没有这个座位当前时段的预约 / no reservation of this seat now
	CodeNoReservationNow errs.Code = "SEAT_NO_RESERVATION_NOW"
	// 座位二维码无效 / the seat's QR code is not valid
	CodeSeatCodeInvalid errs.Code = "SEAT_CODE_INVALID"
	// 请用读者账号登录 / log in as a reader
	CodeSeatNotForReader errs.Code = "SEAT_NOT_FOR_READER"
	// 只有馆员可以修改座位图 / only a librarian edits the seat map
	CodeSeatForbidden errs.Code = "SEAT_FORBIDDEN"
	// 座位预约设置填写有误 / the settings are wrong
	CodeSeatSettingsInvalid errs.Code = "SEAT_SETTINGS_INVALID"
)
