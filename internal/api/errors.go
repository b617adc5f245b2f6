package api

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// JSON 格式错误或请求内容为空 / malformed or empty JSON
	CodeBadJSON errs.Code = "BAD_JSON"
	// 请求内容过大（最多 1 MB） / the request body is too large (1 MB at most)
	CodeBodyTooLarge errs.Code = "BODY_TOO_LARGE"
	// 请至少提供一个读者证号 / give at least one card number
	CodeCardsRequired errs.Code = "CARDS_REQUIRED"
	// 请只提供书目编号或套书编号之一 / give either a record or a set, not both
	CodeFieldConflict errs.Code = "FIELD_CONFLICT"
	// 请提供书目编号 / record id is required
	CodeFieldRequired errs.Code = "FIELD_REQUIRED"
	// 接口不存在：… … / no such endpoint: … …
	CodeRouteNotFound errs.Code = "ROUTE_NOT_FOUND"
)
