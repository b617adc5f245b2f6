package synth

import (
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestGeneratorIsDeterministicForASeed(t *testing.T) {
	a, b := NewGenerator(42), NewGenerator(42)
	for i := range 2000 {
		x, y := a.Book(), b.Book()
		if !reflect.DeepEqual(x, y) {
			t.Fatalf("book %d differs for the same seed:\n%+v\n%+v", i, x, y)
		}
		if a.PersonName() != b.PersonName() || a.Unit() != b.Unit() {
			t.Fatalf("names or units differ at %d", i)
		}
	}
}

func TestDifferentSeedsGiveDifferentBooks(t *testing.T) {
	a, b := NewGenerator(1), NewGenerator(2)
	same := 0
	for range 100 {
		if a.Book().Title == b.Book().Title {
			same++
		}
	}
	if same > 20 {
		t.Fatalf("%d of 100 titles equal across seeds", same)
	}
}

func TestISBNsHaveValidChecksumsAndChinaGroup(t *testing.T) {
	g := NewGenerator(7)
	missing := 0
	const n = 20000
	for range n {
		b := g.Book()
		if b.ISBN13 == "" {
			missing++
			continue
		}
		if !validISBN13(b.ISBN13) {
			t.Fatalf("invalid ISBN %q", b.ISBN13)
		}
		if !strings.HasPrefix(b.ISBN13, "978-7-") {
			t.Fatalf("ISBN %q outside group 978-7", b.ISBN13)
		}
	}
	if share := float64(missing) / n; share < 0.12 || share > 0.18 {
		t.Fatalf("share of books without ISBN = %.3f, want about 0.15", share)
	}
	for _, c := range Classics() {
		if !validISBN13(c.ISBN13) {
			t.Fatalf("classic %s has invalid ISBN %q", c.Title, c.ISBN13)
		}
	}
}

func validISBN13(s string) bool {
	d := strings.ReplaceAll(s, "-", "")
	return len(d) == 13 && ISBN13CheckDigit(d) == d[12]
}

func TestISBN13CheckDigitMatchesKnownVectors(t *testing.T) {
	for _, s := range []string{"978-7-101-10528-5", "978-7-115-14554-3", "978-7-5064-2595-7", "9787572101014", "9787503717444"} {
		if !validISBN13(s) {
			t.Errorf("known valid ISBN %s rejected", s)
		}
	}
}

func TestBooksAreCompleteAndPlausible(t *testing.T) {
	g := NewGenerator(3)
	classD, classA, chi := 0, 0, 0
	lengths := map[int]int{}
	const n = 10000
	for range n {
		b := g.Book()
		switch {
		case b.Title == "", b.Publisher == "", len(b.Authors) == 0, b.CLC == "", len(b.Subjects) == 0:
			t.Fatalf("incomplete book %+v", b)
		case b.Year < 1978 || b.Year > 2025:
			t.Fatalf("year %d out of range", b.Year)
		case b.Pages < 80, b.PriceFen < 300:
			t.Fatalf("implausible pages or price: %+v", b)
		}
		for _, a := range b.Authors {
			if a.Name == "" || a.Role == "" {
				t.Fatalf("author without name or role: %+v", b.Authors)
			}
		}
		switch b.CLC[0] {
		case 'D':
			classD++
		case 'A':
			classA++
		}
		if b.Language == "chi" {
			chi++
		}
		lengths[utf8.RuneCountInString(b.Title)/5]++
	}
	if classD < n/2 {
		t.Errorf("only %d of %d books in class D; the collection is Party-school heavy", classD, n)
	}
	if classA < n/50 {
		t.Errorf("only %d books in class A", classA)
	}
	if chi < n*95/100 {
		t.Errorf("only %d Chinese-language books", chi)
	}
	if len(lengths) < 3 {
		t.Errorf("title lengths too uniform: %v", lengths)
	}
}

func TestClassicsHoldTheRequiredTitles(t *testing.T) {
	want := map[string]string{
		"共产党宣言":    "马克思",
		"习近平谈治国理政": "习近平",
		"毛泽东选集":    "毛泽东",
		"邓小平文选":    "邓小平",
		"中国共产党章程":  "",
		"中国共产党简史":  "",
		"论共产党员的修养": "刘少奇",
		"资本论":      "马克思",
		"习近平新时代中国特色社会主义思想学习纲要": "中共中央宣传部",
		"党的二十大报告辅导读本":          "",
		"之江新语":                 "习近平",
		"红星照耀中国":               "（美）埃德加·斯诺",
		"平凡的世界":                "路遥",
		"乡土中国":                 "费孝通",
	}
	got := map[string][]Author{}
	vols := 0
	for _, b := range Classics() {
		got[b.Title] = b.Authors
		if b.Title == "习近平谈治国理政" {
			vols++
			if b.Publisher != "外文出版社" {
				t.Errorf("习近平谈治国理政 published by %s", b.Publisher)
			}
		}
	}
	for title, author := range want {
		authors, ok := got[title]
		if !ok {
			t.Errorf("classic %s missing", title)
			continue
		}
		if author != "" && authors[0].Name != author {
			t.Errorf("%s: first author %s, want %s", title, authors[0].Name, author)
		}
	}
	if vols != 4 {
		t.Errorf("习近平谈治国理政 has %d volumes, want 4", vols)
	}
	if n := len(Classics()); n < 60 {
		t.Errorf("only %d classics", n)
	}
}

func TestPersonNamesAndUnitsLookChinese(t *testing.T) {
	g := NewGenerator(9)
	for range 1000 {
		name := g.PersonName()
		if n := utf8.RuneCountInString(name); n < 2 || n > 4 {
			t.Fatalf("name %q has %d characters", name, n)
		}
		if u := g.Unit(); utf8.RuneCountInString(u) < 4 {
			t.Fatalf("unit %q too short", u)
		}
	}
}

func BenchmarkBook(b *testing.B) {
	g := NewGenerator(1)
	for b.Loop() {
		_ = g.Book()
	}
}
