// Package httpx holds what the two HTTP surfaces, the JSON API and the web
// pages, must agree on: the session cookie, the upload limit, and how an
// error's kind becomes an HTTP status. Neither surface imports the other.
package httpx

import (
	"errors"
	"fmt"
	"net/http"
	"os"

	"shuwu/internal/errs"
)

// SessionCookie is the name of the web session cookie; the API accepts it
// as well as a bearer token, so the pages' scripts can call the API.
const SessionCookie = "shuwu_session"

// MaxUpload bounds an uploaded import file, on the API and on the pages.
const MaxUpload = 512 << 20

// StatusOf maps an error kind to its HTTP status. Both surfaces answer
// with it, so a mistake gets the same status from the API and the pages.
func StatusOf(k errs.Kind) int {
	switch k {
	case errs.KindInvalid:
		return http.StatusUnprocessableEntity
	case errs.KindNotFound:
		return http.StatusNotFound
	case errs.KindConflict:
		return http.StatusConflict
	case errs.KindUnauthorized:
		return http.StatusUnauthorized
	case errs.KindForbidden:
		return http.StatusForbidden
	case errs.KindTooLarge:
		return http.StatusRequestEntityTooLarge
	case errs.KindRateLimited:
		return http.StatusTooManyRequests
	case errs.KindUnavailable:
		return http.StatusBadGateway
	case errs.KindMethodNotAllowed:
		return http.StatusMethodNotAllowed
	case errs.KindStorage:
		return http.StatusServiceUnavailable
	}
	return http.StatusInternalServerError
}

// UploadError names what went wrong while reading an upload limited to
// limit bytes (http.MaxBytesReader): too large, or cut off.
func UploadError(err error, limit int64) error {
	var tooBig *http.MaxBytesError
	if errors.As(err, &tooBig) {
		size := Size(limit)
		return errs.New(errs.KindTooLarge, CodeUploadTooLarge, "上传的文件过大（最多 "+size+"）", "the upload is too large ("+size+" at most)").WithField("file")
	}
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return errs.Invalid(CodeUploadTooSlow, "file", "上传太慢或中途停止，已中断：请检查网络后重试", "the upload was too slow or stalled and was cut off; check the network and try again").Wrap(err)
	}
	return errs.Invalid(CodeUploadBroken, "file", "文件上传不完整，请重试", "the upload was interrupted; try again").Wrap(err)
}

// Size writes a byte count as people read it: 512 MB, 64 KB, 100 B.
func Size(n int64) string {
	switch {
	case n >= 1<<20 && n%(1<<20) == 0:
		return fmt.Sprintf("%d MB", n>>20)
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	}
	return fmt.Sprintf("%d B", n)
}
