package httpx_test

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"shuwu/internal/errs"
	"shuwu/internal/httpx"
)

func TestEveryKindHasItsStatus(t *testing.T) {
	for kind, want := range map[errs.Kind]int{
		errs.KindInvalid: 422, errs.KindNotFound: 404, errs.KindConflict: 409, errs.KindUnauthorized: 401,
		errs.KindForbidden: 403, errs.KindTooLarge: 413, errs.KindRateLimited: 429, errs.KindUnavailable: 502, errs.KindMethodNotAllowed: 405, errs.KindStorage: 503, errs.KindInternal: 500,
	} {
		if got := httpx.StatusOf(kind); got != want {
			t.Errorf("StatusOf(%v) = %d, want %d", kind, got, want)
		}
	}
}

func TestAnUploadOverTheLimitIsTooLargeAndSaysTheLimit(t *testing.T) {
	rec := httptest.NewRecorder()
	body := http.MaxBytesReader(rec, io.NopCloser(strings.NewReader(strings.Repeat("x", 3000))), 2048)
	_, err := io.ReadAll(body)
	e := errs.As(httpx.UploadError(err, 2048))
	if e.Kind != errs.KindTooLarge || e.Code != "UPLOAD_TOO_LARGE" || e.Field != "file" || !strings.Contains(e.Message, "最多 2 KB") {
		t.Fatalf("too large: %+v", e)
	}
	if e := errs.As(httpx.UploadError(errors.New("connection reset"), 2048)); e.Kind != errs.KindInvalid || e.Code != "UPLOAD_BROKEN" {
		t.Fatalf("cut off: %+v", e)
	}
	for n, want := range map[int64]string{httpx.MaxUpload: "512 MB", 1536 << 10: "1.5 MB", 64 << 10: "64 KB", 100: "100 B"} {
		if got := httpx.Size(n); got != want {
			t.Errorf("Size(%d) = %q, want %q", n, got, want)
		}
	}
}
