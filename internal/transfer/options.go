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
		return o, errs.Invalid(CodeMARCCharsetUnknown, "encoding", "未知的编码 "+enc, "unknown encoding "+enc)
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
		return 0, errs.Invalid(errs.CodeParamInvalid, "location_id", "馆藏位置“"+s+"”无效，请从列表中选择", "location "+s+" is not valid; choose one from the list")
	}
	return id, nil
}

// ParseBookSheetOptions reads a book list import's choices as the API's
// query and the import page's form both name them: map, sheet,
// all_or_nothing, location_id and again. The file's name is the caller's.
func ParseBookSheetOptions(v url.Values) (BookSheetOptions, error) {
	var o BookSheetOptions
	var err error
	if o.SheetOptions, err = parseSheetOptions(v); err != nil {
		return o, err
	}
	if o.AllOrNothing, err = parseFlag(v, "all_or_nothing"); err != nil {
		return o, err
	}
	if o.LocationID, err = ParseLocationID(v.Get("location_id")); err != nil {
		return o, err
	}
	return o, nil
}

// ParseRosterOptions reads a roster import's choices: map, sheet,
// class_id and again.
func ParseRosterOptions(v url.Values) (RosterOptions, error) {
	var o RosterOptions
	var err error
	if o.SheetOptions, err = parseSheetOptions(v); err != nil {
		return o, err
	}
	if c := v.Get("class_id"); c != "" {
		if o.ClassID, err = strconv.ParseInt(c, 10, 64); err != nil || o.ClassID < 0 {
			return o, errs.Invalid(errs.CodeParamInvalid, "class_id", "班次“"+c+"”无效，请从列表中选择", "class "+c+" is not valid; choose one from the list")
		}
	}
	return o, nil
}

func parseSheetOptions(v url.Values) (SheetOptions, error) {
	m, err := ParseColumnMap(v.Get("map"))
	if err != nil {
		return SheetOptions{}, err
	}
	again, err := parseFlag(v, "again")
	return SheetOptions{Sheet: v.Get("sheet"), Map: m, Again: again}, err
}

// parseFlag reads a yes/no choice: a ticked checkbox ("1", "on") or the
// API's true/false; blank is no.
func parseFlag(v url.Values, name string) (bool, error) {
	s := v.Get(name)
	switch s {
	case "":
		return false, nil
	case "on":
		return true, nil
	}
	b, err := strconv.ParseBool(s)
	if err != nil {
		return false, errs.Invalid(errs.CodeParamInvalid, name, name+" 只能是 true 或 false", name+" must be true or false")
	}
	return b, nil
}
