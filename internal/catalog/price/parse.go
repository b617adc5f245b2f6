package price

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/width"

	"shuwu/internal/errs"
)

// The error codes of this package, always for the field "price".
const (
	// 价格格式不正确 / the price is malformed
	CodeMalformed errs.Code = "PRICE_MALFORMED"
	// 价格不能为空 / a price is required
	CodeRequired errs.Code = "PRICE_REQUIRED"
)

const field = "price"

// Limits that keep every accepted price far from int64 overflow.
const (
	maxYuanDigits       = 12   // up to 999,999,999,999 元
	maxMultiplierDigits = 4    // up to *9999 volumes
	maxMultiplier       = 9999 // same, as a number
)

// Parse reads a price as cataloguers and vendors write it: "CNY45.00", "45",
// "45.5", "45.00元", "￥45.00", "¥45", "RMB45", "CNY赠90.00" (gift),
// "CNY15.00*3" (three volumes: the total is kept), "45 FRF", optionally
// followed by a note in parentheses such as "(含光盘)". Full-width characters
// are read as their ASCII forms. An empty string is no price: the zero Price
// and no error (use ParseRequired where a price must be given). Negative
// amounts, more than two decimals and anything else give PRICE_MALFORMED.
func Parse(s string) (Price, error) {
	t := strings.TrimSpace(width.Fold.String(s))
	if t == "" {
		return Price{Raw: s}, nil
	}
	p := Price{Raw: s}
	rest := t

	// Prefix: any order of the gift mark and a currency.
	for {
		rest = strings.TrimLeft(rest, " ")
		if r, ok := strings.CutPrefix(rest, "赠"); ok {
			p.Gift, rest = true, r
			continue
		}
		if p.Currency == "" {
			if cur, r, ok := cutCurrency(rest); ok {
				p.Currency, rest = cur, r
				continue
			}
		}
		break
	}
	if strings.HasPrefix(rest, "-") || strings.HasPrefix(rest, "−") {
		return Price{}, invalid(s, "价格不能为负数", "must not be negative")
	}

	fen, rest, err := cutAmount(s, rest)
	if err != nil {
		return Price{}, err
	}
	rest = strings.TrimLeft(rest, " ")
	if r, ok := cutAny(rest, "*", "×"); ok {
		n, r2 := cutDigits(r)
		if n == "" || len(n) > maxMultiplierDigits || strings.Trim(n, "0") == "" {
			return Price{}, invalid(s, fmt.Sprintf("册数乘数应为 1 到 %d 的整数", maxMultiplier), fmt.Sprintf("the multiplier must be a whole number from 1 to %d", maxMultiplier))
		}
		fen *= atoi(n)
		rest = strings.TrimLeft(r2, " ")
	}

	// Suffix: 元 or a currency code, then an optional note in parentheses.
	if r, ok := strings.CutPrefix(rest, "元"); ok {
		if p.Currency != "" && p.Currency != DefaultCurrency {
			return Price{}, invalid(s, "货币前后不一致", "the currency is given twice and differs")
		}
		p.Currency, rest = DefaultCurrency, strings.TrimLeft(r, " ")
	} else if cur, r, ok := cutCurrency(rest); ok && p.Currency == "" {
		p.Currency, rest = cur, strings.TrimLeft(r, " ")
	}
	if rest != "" && !isNote(rest) {
		return Price{}, invalid(s, "无法识别", "is not a price")
	}
	if p.Currency == "" {
		p.Currency = DefaultCurrency
	}
	p.Fen = fen
	return p, nil
}

// ParseRequired is Parse for fields that must hold a price: an empty or blank
// string gives PRICE_REQUIRED.
func ParseRequired(s string) (Price, error) {
	if strings.TrimSpace(width.Fold.String(s)) == "" {
		return Price{}, errs.Invalid(CodeRequired, field, "请填写价格", "price is required")
	}
	return Parse(s)
}

// cutCurrency takes a leading currency: ¥, 人民币, CNY or RMB in either case
// (all CNY), or three upper-case letters taken as an ISO 4217 code.
func cutCurrency(s string) (cur, rest string, ok bool) {
	if r, ok := cutAny(s, "¥", "人民币", "CNY", "cny", "RMB", "rmb"); ok {
		return DefaultCurrency, r, true
	}
	if len(s) >= 3 && isUpper(s[0]) && isUpper(s[1]) && isUpper(s[2]) && (len(s) == 3 || !isLetter(s[3])) {
		return s[:3], s[3:], true
	}
	return "", s, false
}

// cutAmount reads digits with at most two decimals and returns them in fen.
func cutAmount(raw, s string) (int64, string, error) {
	whole, rest := cutDigits(s)
	if whole == "" {
		return 0, s, invalid(raw, "无法识别", "is not a price")
	}
	if len(strings.TrimLeft(whole, "0")) > maxYuanDigits {
		return 0, s, invalid(raw, "金额过大", "is too large")
	}
	fen := atoi(whole) * 100
	if r, ok := strings.CutPrefix(rest, "."); ok {
		frac, r2 := cutDigits(r)
		switch {
		case frac == "":
			return 0, s, invalid(raw, "小数点后缺少数字", "has no digits after the decimal point")
		case len(frac) > 2:
			return 0, s, invalid(raw, "最多两位小数（精确到分）", "has more than two decimals")
		case len(frac) == 1:
			frac += "0"
		}
		fen += atoi(frac)
		rest = r2
	}
	return fen, rest, nil
}

func cutDigits(s string) (digits, rest string) {
	i := 0
	for i < len(s) && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	return s[:i], s[i:]
}

func cutAny(s string, prefixes ...string) (string, bool) {
	for _, p := range prefixes {
		if r, ok := strings.CutPrefix(s, p); ok {
			return r, true
		}
	}
	return s, false
}

// isNote reports whether s is one parenthesised note, e.g. "(含光盘)".
func isNote(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	last, _ := utf8.DecodeLastRuneInString(s)
	return (r == '(' && last == ')') || (r == '[' && last == ']')
}

func isUpper(c byte) bool  { return c >= 'A' && c <= 'Z' }
func isLetter(c byte) bool { return isUpper(c) || c >= 'a' && c <= 'z' }

// atoi converts a run of at most 18 ASCII digits; callers bound the length.
func atoi(digits string) int64 {
	var n int64
	for i := 0; i < len(digits); i++ {
		n = n*10 + int64(digits[i]-'0')
	}
	return n
}

func invalid(s, zh, en string) *errs.Error {
	return errs.Invalid(CodeMalformed, field,
		fmt.Sprintf("价格格式错误：%q %s，应写作 CNY45.00 或 45.00", s, zh),
		fmt.Sprintf("malformed price %q: %s; write it as CNY45.00 or 45.00", s, en))
}
