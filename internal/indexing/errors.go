package indexing

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 无法读取同义词文件 … / cannot read the synonyms file …
	CodeSynonymsUnreadable errs.Code = "SYNONYMS_UNREADABLE"
)
