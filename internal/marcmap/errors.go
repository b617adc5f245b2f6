package marcmap

import "shuwu/internal/errs"

// Error codes. Their values are part of the API: never change one.
const (
	// MARC 格式只能是 marc21 或 cnmarc：… / the MARC flavor must be marc21 or cnmarc: …
	CodeMARCFlavorUnknown errs.Code = "MARC_FLAVOR_UNKNOWN"
)
