package transfer_test

import (
	"net/url"
	"testing"

	"shuwu/internal/errs"
	"shuwu/internal/marc"
	"shuwu/internal/transfer"
)

func TestMARCOptionsReadTheSameFromTheAPIAndThePage(t *testing.T) {
	o, err := transfer.ParseMARCOptions(url.Values{})
	if err != nil || o.Match != transfer.MatchISBNTitle || o.OnMatch != transfer.OnMatchSkip || o.Charset != marc.CharsetAuto || o.LocationID != 0 {
		t.Fatalf("defaults = %+v, %v; want isbn-title, skip, detected encoding, the first location", o, err)
	}
	o, err = transfer.ParseMARCOptions(url.Values{"match": {"control-number"}, "on_match": {"overlay"}, "encoding": {"gbk"}, "location_id": {"7"}})
	if err != nil || o.Match != transfer.MatchControlNumber || o.OnMatch != transfer.OnMatchOverlay || o.Charset != marc.CharsetGB18030 || o.LocationID != 7 {
		t.Fatalf("choices = %+v, %v", o, err)
	}
	for _, bad := range []struct {
		values      url.Values
		code, field string
	}{
		{url.Values{"location_id": {"阅览室"}}, "PARAM_INVALID", "location_id"},
		{url.Values{"location_id": {"-1"}}, "PARAM_INVALID", "location_id"},
		{url.Values{"encoding": {"big5"}}, "MARC_CHARSET_UNKNOWN", "encoding"},
		{url.Values{"match": {"title"}}, "MATCH_MODE_UNKNOWN", "match"},
	} {
		_, err := transfer.ParseMARCOptions(bad.values)
		if e := errs.As(err); err == nil || string(e.Code) != bad.code || e.Field != bad.field || e.Message == "" {
			t.Errorf("%v: error %v, want %s on %s with a message", bad.values, err, bad.code, bad.field)
		}
	}
}

func TestSheetOptionsReadTheSameFromTheAPIAndThePage(t *testing.T) {
	// The page's checkbox sends "1", the API true.
	for _, yes := range []string{"1", "true", "on"} {
		o, err := transfer.ParseBookSheetOptions(url.Values{"map": {"书名=题名"}, "all_or_nothing": {yes}, "location_id": {"3"}, "again": {yes}, "sheet": {"新书"}})
		if err != nil || !o.AllOrNothing || !o.Again || o.LocationID != 3 || o.Sheet != "新书" || o.Map["书名"] != "题名" {
			t.Errorf("book options with %q = %+v, %v", yes, o, err)
		}
	}
	r, err := transfer.ParseRosterOptions(url.Values{"class_id": {"12"}, "map": {"名字=姓名"}})
	if err != nil || r.ClassID != 12 || r.Map["名字"] != "姓名" || r.Again {
		t.Fatalf("roster options = %+v, %v", r, err)
	}
	for _, bad := range []struct {
		values      url.Values
		code, field string
	}{
		{url.Values{"class_id": {"科干班"}}, "PARAM_INVALID", "class_id"},
		{url.Values{"map": {"书名"}}, "COLUMN_MAP_MALFORMED", "map"},
		{url.Values{"again": {"也许"}}, "PARAM_INVALID", "again"},
	} {
		_, err := transfer.ParseRosterOptions(bad.values)
		if e := errs.As(err); err == nil || string(e.Code) != bad.code || e.Field != bad.field || e.Message == "" {
			t.Errorf("%v: error %v, want %s on %s", bad.values, err, bad.code, bad.field)
		}
	}
	if _, err := transfer.ParseBookSheetOptions(url.Values{"all_or_nothing": {"也许"}}); errs.As(err) == nil || errs.As(err).Field != "all_or_nothing" {
		t.Errorf("a malformed all_or_nothing: %v", err)
	}
}
