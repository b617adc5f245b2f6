package visits

import (
	"net/url"
	"regexp"
	"strings"
	"unicode"

	"golang.org/x/text/width"

	"shuwu/internal/errs"
)

// QRPrefix starts the content of a reader's QR code: shuwu:card:R0000001.
// A scan may also be the bare card number (a barcode card, or typed), or a
// link that names the card (…/readers/R0000001, …?card=R0000001).
const QRPrefix = "shuwu:card:"

// MaxScan bounds what one scan may be: a card number or a QR code's text.
const MaxScan = 512

var cardPattern = regexp.MustCompile(`^[A-Za-z0-9\-]{1,32}$`)

// ParseCode reads the card number out of what a scanner typed. It takes
// a bare card number, the QR content shuwu:card:CARD, or a link whose
// card= parameter or last path segment is the card; full-width letters
// and digits (a scanner behind a Chinese input method) are read as
// ordinary ones, and spaces and control characters around are dropped.
func ParseCode(raw string) (string, error) {
	if len(raw) > MaxScan {
		return "", errs.Invalid(CodeScanInvalid, "card", "扫描内容过长，不是读者证号或读者二维码", "the scan is too long to be a card number or a reader's QR code")
	}
	s := strings.TrimFunc(width.Narrow.String(raw), func(r rune) bool { return unicode.IsSpace(r) || unicode.IsControl(r) })
	if s == "" {
		return "", errs.Invalid(CodeScanInvalid, "card", "请扫描读者证或读者二维码，或输入读者证号", "scan a reader's card or QR code, or type the card number")
	}
	card := s
	switch {
	case len(s) > len(QRPrefix) && strings.EqualFold(s[:len(QRPrefix)], QRPrefix):
		card = s[len(QRPrefix):]
	case strings.Contains(s, "://"):
		u, err := url.Parse(s)
		if err != nil {
			break
		}
		if c := u.Query().Get("card"); c != "" {
			card = c
		} else if p := strings.TrimRight(u.Path, "/"); p != "" {
			card = p[strings.LastIndex(p, "/")+1:]
		}
	}
	card = strings.TrimSpace(card)
	if !cardPattern.MatchString(card) {
		return "", errs.Invalid(CodeScanInvalid, "card", "“"+clip(s)+"”不是读者证号或读者二维码", "“"+clip(s)+"” is not a card number or a reader's QR code")
	}
	return card, nil
}

// clip shortens what was scanned for a message.
func clip(s string) string {
	r := []rune(s)
	if len(r) > 40 {
		return string(r[:40]) + "…"
	}
	return s
}
