package transfer

import (
	"net/url"
	"strconv"

	"shuwu/internal/errs"
	"shuwu/internal/marc"
)

// ParseMARCOptions reads a MARC import's choices as the API's query and
// the import page's form both name them: match, on_match, encoding and
// location_id. Blank ones take the defaults: isbn-title, skip, detect the
// encoding, the first location.
func ParseMARCOptions(v url.Values) (MARCOptions, error) {
	var o MARCOptions
	var err error
	if o.Match, o.OnMatch, err = ParseMatch(v.Get("match"), v.Get("on_match")); err != nil {
		return o, err
	}
	enc := v.Get("encoding")
	if enc == "" {
		enc = "auto"
	}
	if o.Charset, err = marc.ParseCharset(enc); err != nil {
		return o, errs.Invalid("MARC_CHARSET_UNKNOWN", "encoding", "未知的编码 "+enc, "unknown encoding "+enc)
	}
	if o.LocationID, err = ParseLocationID(v.Get("location_id")); err != nil {
		return o, err
	}
	return o, nil
}

// ParseLocationID reads the location copies go to when a record or row
// names none shuwu knows; "" is 0, the first location. Whether the
// location exists is checked when the import starts.
func ParseLocationID(s string) (int64, error) {
	if s == "" {
		return 0, nil
	}
	id, err := strconv.ParseInt(s, 10, 64)
	if err != nil || id < 0 {
		return 0, errs.Invalid("PARAM_INVALID", "location_id", "馆藏位置“"+s+"”无效，请从列表中选择", "location "+s+" is not valid; choose one from the list")
	}
	return id, nil
}
