package transfer

import (
	"strconv"
	"strings"

	"shuwu/internal/catalog"
)

// sameBook decides whether an incoming record is a book the catalogue
// has. The title alone is not enough: the four volumes of
// 《习近平谈治国理政》 share it, and so do a second edition and a book of
// the same name by someone else. So the title with its volume must be
// the same, and the edition; the first author, the year and the
// publisher must agree where both records state them. An ISBN, when the
// incoming record has one, chose the candidates; a set's volumes often
// share the set's ISBN, so the volume is compared then too.
func sameBook(have, in catalog.Record) bool {
	if !sameTitle(have.Title, in.Title) || volumeKey(have) != volumeKey(in) {
		return false
	}
	if in.ISBN != "" && have.ISBN == in.ISBN {
		return true
	}
	if editionKey(have.Edition) != editionKey(in.Edition) {
		return false
	}
	if a, b := firstAuthor(have), firstAuthor(in); a != "" && b != "" && a != b {
		return false
	}
	if have.Year != 0 && in.Year != 0 && have.Year != in.Year {
		return false
	}
	if a, b := titleKey(have.Publisher), titleKey(in.Publisher); a != "" && b != "" && a != b {
		return false
	}
	return true
}

// bookKey is a string that two rows of one book list share when sameBook
// would match them: the preview uses it for rows repeating earlier rows.
func bookKey(r catalog.Record) string {
	k := titleKey(r.Title) + "|" + volumeKey(r)
	if r.ISBN != "" {
		return r.ISBN + "|" + k
	}
	return k + "|" + editionKey(r.Edition) + "|" + firstAuthor(r) + "|" + strconv.Itoa(r.Year) + "|" + titleKey(r.Publisher)
}

// volumeKey compares volumes by their number where they have one, so
// that 第2卷, 第二卷 and "卷二" are one volume.
func volumeKey(r catalog.Record) string {
	n := titleKey(r.PartNumber)
	if v, ok := catalog.FirstNumber(r.PartNumber); ok {
		n = strconv.Itoa(v)
	}
	return n + "|" + titleKey(r.PartName)
}

// editionKey compares editions by number: 第2版, 第二版 and "2nd ed." are
// one edition, and a record that states none is taken as the first.
// Editions without a number (修订版) compare as written.
func editionKey(s string) string {
	s = strings.TrimSpace(s)
	if s == "" {
		return "1"
	}
	if v, ok := catalog.FirstNumber(s); ok {
		return strconv.Itoa(v)
	}
	return titleKey(s)
}

// firstAuthor is the first author's name folded for comparison, without
// the role (张明主编 and 张明著 are one person).
func firstAuthor(r catalog.Record) string {
	if len(r.Authors) == 0 {
		return ""
	}
	return titleKey(r.Authors[0].Name)
}

// sameTitle compares titles ignoring spaces and punctuation variants.
func sameTitle(a, b string) bool { return titleKey(a) == titleKey(b) }

func titleKey(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\u3000', '·', '・', ':', '：', '“', '”', '"', '\'', '’', '‘', '《', '》', '(', ')', '（', '）', ',', '，', '.', '．':
			return -1
		}
		return r
	}, strings.ToLower(s))
}
