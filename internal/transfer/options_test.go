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
