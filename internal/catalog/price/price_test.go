package price

import (
	"testing"

	"shuwu/internal/errs"
)

func TestParseAccepts(t *testing.T) {
	tests := []struct {
		name, in string
		fen      int64
		currency string
		gift     bool
	}{
		{"CNMARC form", "CNY45.00", 4500, "CNY", false},
		{"bare yuan", "45", 4500, "CNY", false},
		{"one decimal", "45.5", 4550, "CNY", false},
		{"two decimals", "45.05", 4505, "CNY", false},
		{"yuan sign suffix", "45.00元", 4500, "CNY", false},
		{"full-width yen sign", "￥45.00", 4500, "CNY", false},
		{"half-width yen sign", "¥45", 4500, "CNY", false},
		{"RMB", "RMB45", 4500, "CNY", false},
		{"lower-case cny", "cny45.00", 4500, "CNY", false},
		{"人民币 prefix", "人民币45元", 4500, "CNY", false},
		{"gift after currency", "CNY赠90.00", 9000, "CNY", true},
		{"gift before currency", "赠CNY92.00", 9200, "CNY", true},
		{"multiplier is the total", "CNY15.00*3", 4500, "CNY", false},
		{"multiplication sign", "15×3", 4500, "CNY", false},
		{"foreign currency after the amount", "45 FRF", 4500, "FRF", false},
		{"foreign currency before the amount", "USD12.99", 1299, "USD", false},
		{"note in parentheses", "CNY79.00 (含光盘)", 7900, "CNY", false},
		{"full-width digits", "ＣＮＹ４５．００", 4500, "CNY", false},
		{"zero", "0", 0, "CNY", false},
		{"blanks around", "  CNY 45.00  ", 4500, "CNY", false},
	}
	for _, tc := range tests {
		t.Run(tc.name+" is accepted", func(t *testing.T) {
			p, err := Parse(tc.in)
			if err != nil {
				t.Fatalf("Parse(%q): %v", tc.in, err)
			}
			if p.Fen != tc.fen || p.Currency != tc.currency || p.Gift != tc.gift || p.Raw != tc.in {
				t.Fatalf("Parse(%q) = %+v; want fen %d %s gift %v", tc.in, p, tc.fen, tc.currency, tc.gift)
			}
		})
	}
}

func TestParseEmptyIsNoPrice(t *testing.T) {
	p, err := Parse("  ")
	if err != nil || p.Fen != 0 || p.Currency != "" {
		t.Fatalf("Parse(blank) = %+v, %v; want the zero price and no error", p, err)
	}
}

func TestParseRejects(t *testing.T) {
	tests := []struct{ name, in string }{
		{"garbage", "abc"},
		{"negative", "-CNY100.00"},
		{"negative after currency", "CNY-5"},
		{"three decimals", "45.005"},
		{"dot without decimals", "45."},
		{"two currencies that differ", "USD45元"},
		{"trailing text", "45 dollars"},
		{"zero multiplier", "CNY15.00*0"},
		{"huge multiplier", "CNY15.00*100000"},
		{"too large", "CNY1234567890123"},
		{"divisor form is not supported", "CNY100.00/7"},
		{"currency only", "CNY"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" gives PRICE_MALFORMED", func(t *testing.T) {
			p, err := Parse(tc.in)
			if err == nil {
				t.Fatalf("Parse(%q) = %+v, want an error", tc.in, p)
			}
			e := errs.As(err)
			if e.Code != CodeMalformed || e.Field != "price" || e.Kind != errs.KindInvalid || e.Message == "" || e.MessageEn == "" {
				t.Fatalf("Parse(%q) error = %#v", tc.in, e)
			}
		})
	}
}

func TestParseRequired(t *testing.T) {
	if _, err := ParseRequired(" "); !errs.Is(err, CodeRequired) {
		t.Fatalf("ParseRequired(blank) = %v, want %s", err, CodeRequired)
	}
	if p, err := ParseRequired("CNY45.00"); err != nil || p.Fen != 4500 {
		t.Fatalf("ParseRequired(CNY45.00) = %+v, %v", p, err)
	}
}

func TestFormatting(t *testing.T) {
	tests := []struct {
		name      string
		p         Price
		str, marc string
	}{
		{"from fen", FromFen(4500), "45.00", "CNY45.00"},
		{"small amount", FromFen(5), "0.05", "CNY0.05"},
		{"gift", Price{Fen: 9000, Currency: "CNY", Gift: true}, "90.00", "CNY赠90.00"},
		{"no currency means CNY", Price{Fen: 1234}, "12.34", "CNY12.34"},
		{"foreign", Price{Fen: 4500, Currency: "FRF"}, "45.00", "FRF45.00"},
		{"negative correction", FromFen(-150), "-1.50", "CNY-1.50"},
	}
	for _, tc := range tests {
		t.Run(tc.name+" prints "+tc.marc, func(t *testing.T) {
			if got := tc.p.String(); got != tc.str {
				t.Fatalf("String() = %q, want %q", got, tc.str)
			}
			if got := tc.p.MARC(); got != tc.marc {
				t.Fatalf("MARC() = %q, want %q", got, tc.marc)
			}
		})
	}
}

func FuzzParse(f *testing.F) {
	for _, s := range []string{"CNY45.00", "45", "45.5", "45.00元", "￥45.00", "¥45", "RMB45", "CNY赠90.00", "CNY15.00*3", "45 FRF", "", "-1", "CNY79.00 (含光盘)"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := Parse(s)
		if err != nil {
			if !errs.Is(err, CodeMalformed) {
				t.Fatalf("Parse(%q) error %v is not PRICE_MALFORMED", s, err)
			}
			return
		}
		if p.Fen < 0 {
			t.Fatalf("Parse(%q) gave a negative price %d", s, p.Fen)
		}
		if p.Currency == "" {
			return // the empty price
		}
		back, err := Parse(p.MARC())
		if err != nil || back.Fen != p.Fen || back.Currency != p.Currency || back.Gift != p.Gift {
			t.Fatalf("Parse(%q).MARC() = %q does not round-trip: %+v, %v", s, p.MARC(), back, err)
		}
	})
}
