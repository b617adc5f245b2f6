// Package price reads and writes book prices as catalogued in CNMARC 010$d
// (CNY45.00, CNY赠90.00, CNY15.00*3). Amounts are whole 分 (fen) in an int64;
// floating point never touches money.
package price

import "fmt"

// DefaultCurrency is assumed when a price names none ("缺省货币为人民币").
const DefaultCurrency = "CNY"

// Price is a parsed price.
type Price struct {
	Fen      int64  // the total amount in 分; for "CNY15.00*3" this is 4500
	Currency string // ISO 4217 code, "CNY" unless the price said otherwise
	Gift     bool   // marked 赠: a donated copy, valued but not bought
	Raw      string // the text as catalogued, kept for display and export
}

// FromFen returns a CNY price of fen 分 with no raw text.
func FromFen(fen int64) Price {
	return Price{Fen: fen, Currency: DefaultCurrency}
}

// String returns the amount in yuan with two decimals, e.g. "45.00".
func (p Price) String() string {
	fen := p.Fen
	sign := ""
	if fen < 0 {
		sign, fen = "-", -fen
	}
	return fmt.Sprintf("%s%d.%02d", sign, fen/100, fen%100)
}

// MARC returns the price as written in CNMARC 010$d: currency, the 赠 mark
// for gifts, then the amount: "CNY45.00", "CNY赠90.00".
func (p Price) MARC() string {
	cur := p.Currency
	if cur == "" {
		cur = DefaultCurrency
	}
	if p.Gift {
		cur += "赠"
	}
	return cur + p.String()
}
