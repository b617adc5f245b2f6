package clc

import (
	"bytes"
	"os"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"shuwu/internal/errs"
	"shuwu/internal/testkit/shared"
)

// The full schedule is parsed once for all tests that need it.
var (
	fullOnce sync.Once
	fullT    *Tree
	fullErr  error
)

// full returns the whole 5th-edition schedule parsed from ../shared.
func full(tb testing.TB) *Tree {
	tb.Helper()
	path := shared.Path(tb, "data", "clc", "clc5.json")
	fullOnce.Do(func() {
		f, err := os.Open(path)
		if err != nil {
			fullErr = err
			return
		}
		defer f.Close()
		fullT, fullErr = ParseJSON(f)
	})
	if fullErr != nil {
		tb.Fatalf("ParseJSON(clc5.json): %v", fullErr)
	}
	return fullT
}

// topNames are the 22 main classes of cn-library.md §1.2.
var topNames = map[string]string{
	"A": "马克思主义、列宁主义、毛泽东思想、邓小平理论",
	"B": "哲学、宗教", "C": "社会科学总论", "D": "政治、法律", "E": "军事",
	"F": "经济", "G": "文化、科学、教育、体育", "H": "语言、文字", "I": "文学",
	"J": "艺术", "K": "历史、地理", "N": "自然科学总论", "O": "数理科学和化学",
	"P": "天文学、地球科学", "Q": "生物科学", "R": "医药、卫生", "S": "农业科学",
	"T": "工业技术", "U": "交通运输", "V": "航空、航天", "X": "环境科学、安全科学",
	"Z": "综合性图书",
}

func TestBuiltinHasThe22TopClasses(t *testing.T) {
	tops := Builtin().Tops()
	if len(tops) != 22 {
		t.Fatalf("Builtin has %d top classes, want 22", len(tops))
	}
	for _, c := range tops {
		if want := topNames[c.Code]; c.Name != want || c.Depth != 0 || c.Parent != "" {
			t.Errorf("top %s = %+v, want name %q at depth 0", c.Code, c, want)
		}
	}
}

func TestBuiltinResolvesThePartySchoolCore(t *testing.T) {
	tests := []struct{ code, name, parent string }{
		{"D26", "党的建设", "D2"},
		{"D261", "思想建设", "D26"},
		{"A81", "马克思主义的学习和研究", "A8"},
		{"A849", "邓小平理论的学习和研究", "A8"},
		{"D64", "思想政治教育和精神文明建设", "D6"},
		{"D2-0", "党的领导人著作", "D2"},
		{"TP", "自动化技术、计算机技术", "T"},
		{"G25", "图书馆学、图书馆事业", "G2"},
		{"D261.41", "党校", "D261.4"},
	}
	b := Builtin()
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			c, ok := b.Lookup(tc.code)
			if tc.name == "" {
				t.Fatal("every case names its class")
			}
			if !ok || c.Name != tc.name || c.Parent != tc.parent {
				t.Fatalf("Lookup(%s) = %+v, %v; want %q under %s", tc.code, c, ok, tc.name, tc.parent)
			}
		})
	}
	if n := b.Len(); n != BuiltinSize {
		t.Errorf("Builtin().Len() = %d, want the whole schedule (%d)", n, BuiltinSize)
	}
}

// The class numbers printed in ordinary CIP data are known to the shipped
// schedule (with 781 classes they were "not in the table").
func TestBuiltinKnowsCIPClassNumbers(t *testing.T) {
	b := Builtin()
	for code, want := range map[string]string{
		"K827": "社会政治人物", "I247.5": "", "F127": "地方经济", "G252.7": "文献检索",
	} {
		c, ok := b.Lookup(code)
		if !ok || want != "" && c.Name != want {
			t.Errorf("Lookup(%s) = %+v, %v; want %q", code, c, ok, want)
		}
	}
	for _, code := range []string{"D610", "K827", "I247.5", "F127", "G252.7", "D261.41", "TP311.13"} {
		if got, err := b.Validate(code); err != nil || got != code {
			t.Errorf("Validate(%s) = %q, %v; want it accepted", code, got, err)
		}
	}
	// D610 is D61's general works (总论), not listed but placed under D61.
	if anc := b.Ancestors("D610"); len(anc) == 0 || anc[len(anc)-1].Code != "D61" {
		t.Errorf("Ancestors(D610) = %+v, want D61 last", anc)
	}
	// The full tree still refuses a number under a class it details.
	if _, err := b.Validate("D299"); !errs.Is(err, CodeUnknown) {
		t.Errorf("Validate(D299) = %v, want %s", err, CodeUnknown)
	}
}

// shallow is the schedule the product shipped before: every top class and
// its children, and A and D down to depth 3. Local tables are often like
// this, so the rules for a tree that stops short stay tested.
func shallow() *Tree {
	var keep []Class
	for _, c := range Builtin().All() {
		top := Top(c.Code)
		if c.Depth <= 1 || (top == "A" || top == "D") && c.Depth <= 3 {
			keep = append(keep, c)
		}
	}
	return FromClasses(keep)
}

func TestParseJSONFullSchedule(t *testing.T) {
	start := time.Now()
	tree := full(t)
	t.Logf("parsed in %v (including the file read)", time.Since(start))
	if n := tree.Len(); n != 45835 {
		t.Fatalf("Len() = %d, want 45835 rows as the README says", n)
	}
	if n := len(tree.Tops()); n != 22 {
		t.Fatalf("%d top classes, want 22", n)
	}
	c, ok := tree.Lookup("D261.41")
	if !ok || c.Name != "党校" || c.Parent != "D261.4" || c.Depth != 5 {
		t.Fatalf("Lookup(D261.41) = %+v, %v; want 党校 under D261.4 at depth 5", c, ok)
	}
	var got []string
	for _, a := range tree.Ancestors("D261.41") {
		got = append(got, a.Code)
	}
	if want := []string{"D", "D2", "D26", "D261", "D261.4"}; !equal(got, want) {
		t.Fatalf("Ancestors(D261.41) = %v, want %v", got, want)
	}
}

func TestBracketedClasses(t *testing.T) {
	tree := full(t)
	tests := []struct {
		name, code, want string
		alt, disc        bool
	}{
		{"alternative class by its bare code", "D054", "[D054]", true, false},
		{"alternative class as written", "[D054]", "[D054]", true, false},
		{"discontinued class by its bare code", "D07", "{D07}", false, true},
		{"span kept as its own class", "D33/37", "D33/37", false, false},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			c, ok := tree.Lookup(tc.code)
			if !ok || c.Code != tc.want || c.Alternative != tc.alt || c.Discontinued != tc.disc {
				t.Fatalf("Lookup(%s) = %+v, %v; want %s alt=%v disc=%v", tc.code, c, ok, tc.want, tc.alt, tc.disc)
			}
		})
	}
	if c, _ := tree.Lookup("D33/37"); !c.Span() {
		t.Error("D33/37 does not report Span")
	}
}

var shallowTree = shallow()

func TestAncestorsInAShallowTree(t *testing.T) {
	tests := []struct {
		code string
		want []string
	}{
		{"D261.41", []string{"D", "D2", "D26", "D261"}},
		{"D261", []string{"D", "D2", "D26"}},
		{"TP311.1", []string{"T", "TP"}},
		{"d26", []string{"D", "D2"}},
		{"D", nil},
		{"W1", nil},
	}
	for _, tc := range tests {
		t.Run(tc.code, func(t *testing.T) {
			var got []string
			for _, a := range shallowTree.Ancestors(tc.code) {
				got = append(got, a.Code)
			}
			if !equal(got, tc.want) {
				t.Fatalf("Ancestors(%s) = %v, want %v", tc.code, got, tc.want)
			}
		})
	}
}

func TestAncestorsThroughASpan(t *testing.T) {
	var got []string
	for _, a := range full(t).Ancestors("D351") {
		got = append(got, a.Code)
	}
	if want := []string{"D", "D33/37"}; !equal(got, want) {
		t.Fatalf("Ancestors(D351) = %v, want %v", got, want)
	}
}

func TestChildren(t *testing.T) {
	kids := Builtin().Children("D26")
	var got []string
	for _, c := range kids {
		got = append(got, c.Code)
	}
	if want := []string{"D261", "D262", "D263", "D264", "D267"}; !equal(got, want) {
		t.Fatalf("Children(D26) = %v, want %v", got, want)
	}
	if c := Builtin().Children("nope"); c != nil {
		t.Fatalf("Children(nope) = %v, want nil", c)
	}
}

func TestTop(t *testing.T) {
	tests := map[string]string{"TP": "T", "D261.41": "D", "d2": "D", "[D054]": "D", "W1": "", "": "", "1": ""}
	for in, want := range tests {
		if got := Top(in); got != want {
			t.Errorf("Top(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSuggest(t *testing.T) {
	b := Builtin()
	tests := []struct {
		name, q string
		limit   int
		want    []string
	}{
		{"exact code first, then shorter codes", "d26", 4, []string{"D26", "D261", "D262", "D263"}},
		{"name substring", "党的建设", 5, []string{"D26"}},
		{"limit is honoured", "A", 3, []string{"A", "A1", "A2"}},
		{"blank gives nothing", "  ", 5, nil},
		{"zero limit gives nothing", "D", 0, nil},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			var got []string
			for _, c := range b.Suggest(tc.q, tc.limit) {
				got = append(got, c.Code)
			}
			if !equal(got, tc.want) {
				t.Fatalf("Suggest(%q, %d) = %v, want %v", tc.q, tc.limit, got, tc.want)
			}
		})
	}
	if got := full(t).Suggest("党校", 3); len(got) == 0 || got[0].Code != "D261.41" {
		t.Fatalf("Suggest(党校) on the full tree = %v, want D261.41 first", got)
	}
}

func TestParseJSONRejectsBadTables(t *testing.T) {
	for _, in := range []string{"", "{}", "[]", `[{"code":"","name":"x","children":[]}]`} {
		if _, err := ParseJSON(strings.NewReader(in)); !errs.Is(err, CodeTableMalformed) {
			t.Errorf("ParseJSON(%q) error = %v, want %s", in, err, CodeTableMalformed)
		}
	}
}

func TestConcurrentReads(t *testing.T) {
	b := Builtin()
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			for range 100 {
				b.Lookup("D261")
				b.Suggest("D2", 5)
				_, _ = b.Validate("D261.41")
				b.Ancestors("D261.41")
			}
		})
	}
	wg.Wait()
}

func BenchmarkParseJSON(b *testing.B) {
	raw, err := os.ReadFile(shared.Path(b, "data", "clc", "clc5.json"))
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if _, err := ParseJSON(bytes.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}

func equal(a, b []string) bool { return slices.Equal(a, b) }

// BenchmarkBuiltinLoad measures building the shipped schedule from its
// embedded compressed form, which happens once, on first use.
func BenchmarkBuiltinLoad(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		if _, err := parseEmbedded(classesGz); err != nil {
			b.Fatal(err)
		}
	}
}
