package api

import (
	"bytes"
	"net/http/httptest"
	"testing"

	"shuwu/internal/catalog"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// Any request body is either read into the request's type or refused as
// bad JSON (422) or too large (413), never a panic or an internal error:
// tried on the bodies of a checkout, a record and a reader.
func FuzzDecodeBody(f *testing.F) {
	for _, s := range []string{`{"reader":"R0000001","item":"B1"}`, `{"title":"红岩","authors":[{"name":"罗广斌"}],"price_fen":4500}`,
		`{"name":"张三","type_id":"x"}`, `{`, `[]`, `{"a":1}{"b":2}`, "\xff\xfe", `{"title":"` + "\u202e" + `"}`, `null`} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, v := range []any{&checkoutRequest{}, &catalog.Record{}, &readers.Reader{}} {
			r := httptest.NewRequest("POST", "/api/v1/x", bytes.NewReader(body))
			err := decode(httptest.NewRecorder(), r, v)
			if err == nil {
				continue
			}
			if k := errs.As(err).Kind; k != errs.KindInvalid && k != errs.KindTooLarge {
				t.Fatalf("%q into %T: %v (kind %v), want a 422 or 413 refusal", body, v, err, k)
			}
		}
	})
}
