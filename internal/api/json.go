package api

import (
	"encoding/json"
	"errors"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"

	"shuwu/internal/errs"
	"shuwu/internal/paging"
)

// MaxBody bounds a request body; bigger ones get BODY_TOO_LARGE.
const MaxBody = 1 << 20

// decode reads a JSON body into v, refusing unknown trailing data, bodies
// over MaxBody and malformed JSON, each with its own code.
func decode(w http.ResponseWriter, r *http.Request, v any) error {
	body := http.MaxBytesReader(w, r.Body, MaxBody)
	dec := json.NewDecoder(body)
	if err := dec.Decode(v); err != nil {
		var tooBig *http.MaxBytesError
		var syn *json.SyntaxError
		var typ *json.UnmarshalTypeError
		switch {
		case errors.As(err, &tooBig):
			return errs.New(errs.KindTooLarge, "BODY_TOO_LARGE", "请求内容过大（最多 1 MB）", "the request body is too large (1 MB at most)")
		case errors.Is(err, io.EOF):
			return errs.Invalid("BAD_JSON", "", "请求内容为空，应为 JSON", "the request body is empty; JSON expected")
		case errors.As(err, &typ):
			return errs.Invalid("BAD_JSON", typ.Field, "字段“"+typ.Field+"”的类型不正确", "field "+typ.Field+" has the wrong type")
		case errors.As(err, &syn):
			return errs.Invalid("BAD_JSON", "", "JSON 格式错误（第 "+strconv.FormatInt(syn.Offset, 10)+" 字节附近）", "malformed JSON near byte "+strconv.FormatInt(syn.Offset, 10))
		default:
			return errs.Invalid("BAD_JSON", "", "JSON 格式错误", "malformed JSON")
		}
	}
	if dec.More() {
		return errs.Invalid("BAD_JSON", "", "JSON 之后还有多余内容", "unexpected data after the JSON value")
	}
	return nil
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	_ = enc.Encode(v)
}

// StatusOf maps an error kind to its HTTP status.
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
	}
	return http.StatusInternalServerError
}

type errorBody struct {
	Error errorDetail `json:"error"`
}

type errorDetail struct {
	Code      string `json:"code"`
	Message   string `json:"message"`
	MessageEn string `json:"message_en,omitempty"`
	Field     string `json:"field,omitempty"`
	RequestID string `json:"request_id,omitempty"`
}

// writeError answers with the JSON error body. Internal errors are logged
// with the request id and shown only as 内部错误.
func writeError(w http.ResponseWriter, r *http.Request, log *slog.Logger, err error) {
	e := errs.As(err)
	rid := requestID(r.Context())
	if e.Kind == errs.KindInternal {
		log.Error("internal error", "request_id", rid, "method", r.Method, "path", r.URL.Path, "err", err)
	}
	msg := e.Message
	if lang(r) == "en" {
		msg = e.MessageEn
	}
	writeJSON(w, StatusOf(e.Kind), errorBody{Error: errorDetail{Code: string(e.Code), Message: msg, MessageEn: e.MessageEn, Field: e.Field, RequestID: rid}})
}

// lang picks the answer language: ?lang=en, else Accept-Language.
func lang(r *http.Request) string {
	if l := r.URL.Query().Get("lang"); l != "" {
		if strings.HasPrefix(l, "en") {
			return "en"
		}
		return "zh"
	}
	al := r.Header.Get("Accept-Language")
	if strings.HasPrefix(strings.ToLower(strings.TrimSpace(al)), "en") {
		return "en"
	}
	return "zh"
}

// intParam parses an integer query or path value; def when empty.
func intParam(s string, name string, def int64) (int64, error) {
	if s == "" {
		return def, nil
	}
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil {
		return 0, errs.Invalid("PARAM_INVALID", name, "参数“"+name+"”应为整数", "parameter "+name+" must be an integer")
	}
	return n, nil
}

// Page is the paging envelope of list answers.
type Page[T any] struct {
	Items []T `json:"items"`
	Total int `json:"total"`
	Page  int `json:"page"`
	Size  int `json:"size"`
}

func pageParams(r *http.Request) (int, int, error) {
	p, err := intParam(r.URL.Query().Get("page"), "page", 1)
	if err != nil {
		return 0, 0, err
	}
	s, err := intParam(r.URL.Query().Get("size"), "size", 20)
	if err != nil {
		return 0, 0, err
	}
	if p < 1 || p > paging.MaxPage {
		return 0, 0, paging.OutOfRange(paging.MaxPage)
	}
	if s < 1 || s > 200 {
		return 0, 0, errs.Invalid("PARAM_INVALID", "size", "每页条数须在 1 到 200 之间", "size must be 1–200")
	}
	return int(p), int(s), nil
}
