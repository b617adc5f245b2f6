package demo

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 数据库中已有书目，不能加载演示数据 / the database already holds records: the demo data set is loaded only into an empty one
	CodeDemoNotEmpty errs.Code = "DEMO_NOT_EMPTY"
	// 演示数据的截止日期不能早于 … / the demo history needs an end date on or after …
	CodeDemoNowTooEarly errs.Code = "DEMO_NOW_TOO_EARLY"
)
