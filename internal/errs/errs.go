// Package errs is shuwu's one error vocabulary. Every domain failure a person
// can cause is an *Error with a stable machine code (ITEM_ON_LOAN), a kind
// that each surface maps once (HTTP status, CLI exit code, SIP2 field), and a
// message in Chinese and English. Anything else that reaches a surface is an
// internal error: logged, and shown only as "内部错误".
package errs

//go:generate go run ./codegen -root ../..

import (
	"errors"
	"fmt"
)

// Kind groups codes by how a surface should answer them.
type Kind int

// The kinds. Their order carries no meaning.
const (
	KindInternal         Kind = iota // a bug or an infrastructure failure
	KindInvalid                      // the input is wrong; fix it and retry
	KindNotFound                     // the thing named does not exist
	KindConflict                     // the input is fine but the state forbids it
	KindUnauthorized                 // not logged in, or wrong credentials
	KindForbidden                    // logged in, but the role does not allow it
	KindTooLarge                     // the request body is over the limit
	KindRateLimited                  // too many attempts; wait
	KindUnavailable                  // another system shuwu asked (a remote catalogue) failed; retry later
	KindMethodNotAllowed             // the address exists, but not for this HTTP method
	KindStorage                      // the disk is full or read-only: writes wait for the operator, reads go on
)

// Code is a stable identifier clients may switch on.
type Code string

// Error is a domain error a person can act on.
type Error struct {
	Kind      Kind
	Code      Code
	Field     string // the input field at fault, when there is one
	Message   string // Chinese, shown first
	MessageEn string // English
	Err       error  // underlying cause, for logs only; never shown
}

func (e *Error) Error() string {
	msg := string(e.Code) + ": " + e.MessageEn
	if e.Field != "" {
		msg = string(e.Code) + " (" + e.Field + "): " + e.MessageEn
	}
	if e.Err != nil {
		msg += ": " + e.Err.Error()
	}
	return msg
}

// Unwrap exposes the cause to errors.Is/As.
func (e *Error) Unwrap() error { return e.Err }

// Localized returns the message for lang ("en" or anything else for Chinese).
func (e *Error) Localized(lang string) string {
	if lang == "en" && e.MessageEn != "" {
		return e.MessageEn
	}
	return e.Message
}

// WithField returns a copy of e that names the input field at fault.
func (e *Error) WithField(field string) *Error {
	c := *e
	c.Field = field
	return &c
}

// Wrap returns a copy of e carrying cause for the logs.
func (e *Error) Wrap(cause error) *Error {
	c := *e
	c.Err = cause
	return &c
}

// New builds an error of the given kind.
func New(kind Kind, code Code, zh, en string) *Error {
	return &Error{Kind: kind, Code: code, Message: zh, MessageEn: en}
}

// Invalid builds a KindInvalid error for field (may be empty).
func Invalid(code Code, field, zh, en string) *Error {
	return &Error{Kind: KindInvalid, Code: code, Field: field, Message: zh, MessageEn: en}
}

// NotFound builds a KindNotFound error.
func NotFound(code Code, zh, en string) *Error {
	return New(KindNotFound, code, zh, en)
}

// Conflict builds a KindConflict error.
func Conflict(code Code, zh, en string) *Error {
	return New(KindConflict, code, zh, en)
}

// Internalf wraps an unexpected failure. Its text goes to the log only.
func Internalf(format string, args ...any) *Error {
	return &Error{Kind: KindInternal, Code: CodeInternal, Message: "内部错误", MessageEn: "internal error", Err: fmt.Errorf(format, args...)}
}

// As returns the *Error in err's chain, or an internal error wrapping err.
func As(err error) *Error {
	if err == nil {
		return nil
	}
	var e *Error
	if errors.As(err, &e) {
		return e
	}
	return &Error{Kind: KindInternal, Code: CodeInternal, Message: "内部错误", MessageEn: "internal error", Err: err}
}

// CodeOf returns err's code, CodeInternal for foreign errors, "" for nil.
func CodeOf(err error) Code {
	if err == nil {
		return ""
	}
	return As(err).Code
}

// Is reports whether err carries code.
func Is(err error, code Code) bool { return err != nil && CodeOf(err) == code }
