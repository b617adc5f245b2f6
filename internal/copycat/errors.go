package copycat

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// 检索词为空或检索途径不对 / the search term is empty or the field unknown
	CodeQueryInvalid errs.Code = "COPY_QUERY_INVALID"
	// 候选记录已损坏 / the candidate record is damaged
	CodeCandidateInvalid errs.Code = "COPY_CANDIDATE_INVALID"
	// 无法连接书目来源或来源报错 / the source cannot be reached or answered with an error
	CodeTargetFailed errs.Code = "COPY_TARGET_FAILED"
)
