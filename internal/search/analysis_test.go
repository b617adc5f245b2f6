package search

import (
	"slices"
	"testing"
)

func TestFoldMakesTraditionalFullWidthAndUpperCaseMeet(t *testing.T) {
	f, err := sharedFolder()
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct{ in, want string }{
		{"論共產黨員的修養", "论共产党员的修养"},
		{"鄧小平文選", "邓小平文选"},
		{"ＧＤＰ　核算", "gdp 核算"},
		{"ISBN 978-7", "isbn 978-7"},
		{"党的建设", "党的建设"},
	} {
		if got := f.Fold(tc.in); got != tc.want {
			t.Errorf("Fold(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestTextTokensGiveCharactersPairsAndWords(t *testing.T) {
	var got []string
	for _, tok := range textTokens([]rune("党建 gdp"), true) {
		got = append(got, string(tok.Term))
	}
	want := []string{"党", "党建", "建", "gdp"}
	if !slices.Equal(got, want) {
		t.Fatalf("tokens = %v, want %v", got, want)
	}
}

func TestPinyinAnalyzerKeepsEveryReadingOfPolyphones(t *testing.T) {
	f, _ := sharedFolder()
	var got []string
	for _, tok := range (pinyinAnalyzer{f}).Analyze([]byte("重庆")) {
		got = append(got, string(tok.Term))
	}
	for _, w := range []string{"chong", "zhong", "qing", "chongqing", "zhongqing"} {
		if !slices.Contains(got, w) {
			t.Errorf("pinyin tokens %v lack %q", got, w)
		}
	}
}

func TestInitialsAnalyzerIndexesLetterPairs(t *testing.T) {
	f, _ := sharedFolder()
	var got []string
	for _, tok := range (initialsAnalyzer{f}).Analyze([]byte("共产党宣言")) {
		got = append(got, string(tok.Term))
	}
	for _, w := range []string{"gc", "cd", "dx", "xy"} {
		if !slices.Contains(got, w) {
			t.Errorf("initial pairs %v lack %q", got, w)
		}
	}
}

func TestSplitPinyin(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want []string
		ok   bool
	}{
		{"chongqing", []string{"chong", "qing"}, true},
		{"xijinping", []string{"xi", "jin", "ping"}, true},
		{"gongchandangxuanyan", []string{"gong", "chan", "dang", "xuan", "yan"}, true},
		{"xjp", nil, false},
		{"gcdxy", nil, false},
	} {
		got, ok := splitPinyin(tc.in)
		if ok != tc.ok || !slices.Equal(got, tc.want) {
			t.Errorf("splitPinyin(%q) = %v, %v; want %v, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestNormalizeISBNAcceptsBothFormsAndRejectsBadChecksums(t *testing.T) {
	for _, tc := range []struct {
		in, want string
		ok       bool
	}{
		{"7-5037-1744-0", "9787503717444", true},
		{"7-5037-2790-X", "9787503727900", true},
		{"978-7-101-10528-5", "9787101105285", true},
		{"9787572101014", "9787572101014", true},
		{"978 7 101 10528 5", "9787101105285", true},
		{"978710110528551", "9787101105285", true},
		{"978-7-101-10528-4", "", false},
		{"7-5037-1744-1", "", false},
		{"12345", "", false},
	} {
		got, ok := normalizeISBN(tc.in)
		if got != tc.want || ok != tc.ok {
			t.Errorf("normalizeISBN(%q) = %q, %v; want %q, %v", tc.in, got, ok, tc.want, tc.ok)
		}
	}
}

func TestSynonymsExpandBothWays(t *testing.T) {
	f, _ := sharedFolder()
	s := newSynonymSet(f, DefaultSynonyms())
	for _, tc := range []struct{ in, want string }{
		{"党建工作", "党的建设工作"},
		{"党的建设", "党建"},
		{"二十大报告", "第二十次全国代表大会报告"},
	} {
		if got := s.expand(tc.in); !slices.Contains(got, tc.want) {
			t.Errorf("expand(%q) = %v, want it to contain %q", tc.in, got, tc.want)
		}
	}
}

func TestClcPathListsAncestors(t *testing.T) {
	got := clcPath("D261.41")
	want := []string{"D", "D2", "D26", "D261", "D261.4", "D261.41"}
	if !slices.Equal(got, want) {
		t.Fatalf("clcPath = %v, want %v", got, want)
	}
	if got := clcPath("D2-0"); !slices.Equal(got, []string{"D", "D2", "D2-0"}) {
		t.Fatalf("clcPath(D2-0) = %v", got)
	}
}
