package config

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 数据目录不能为空（--data 或 SHUWU_DATA） / the data directory must not be empty
	CodeConfigInvalid errs.Code = "CONFIG_INVALID"
)
