package transfer

import (
	"context"
	"fmt"
	"io"
	"strconv"
	"strings"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/catalog/price"
	"shuwu/internal/errs"
	"shuwu/internal/marc/bib"
)

// BookColumns are the headers of a book list, in template order.
var BookColumns = []string{"题名", "作者", "出版社", "出版年", "ISBN", "价格", "分类号", "册数", "来源", "捐赠人", "馆藏位置"}

// BookSheetOptions configure a book list import.
type BookSheetOptions struct {
	SheetOptions
	// AllOrNothing stores nothing unless every row is good.
	AllOrNothing bool
	// LocationID is where copies go when 馆藏位置 is blank; 0: the first
	// location.
	LocationID int64
	// Progress, if set, is told after each batch how many rows are done.
	Progress func(done, total int)
}

// maxCopiesPerRow bounds 册数: a typo such as 1000 for 10 should not
// print a thousand barcode labels.
const maxCopiesPerRow = 500

// ImportBooks reads a book list (.xlsx or CSV) and stores each good row:
// a new record, or more copies of the record with the same ISBN and
// title, with 册数 copies carrying generated barcodes and 种次号 call
// numbers. A row with any error stores nothing and is reported with every
// problem it has, by row and column.
func (s *Service) ImportBooks(ctx context.Context, in io.Reader, o BookSheetOptions) (SheetReport, error) {
	start := s.now()
	rep := SheetReport{Kind: "books"}
	t, err := readTable(in, o.SheetOptions, "题名")
	if err != nil {
		return rep, err
	}
	var locs locationIndex
	err = s.store.View(ctx, func(tx Tx) error {
		list, err := tx.Locations()
		if err != nil {
			return err
		}
		locs, err = newLocationIndex(list, o.LocationID)
		return err
	})
	if err != nil {
		return rep, err
	}
	rep.Read = len(t.rows)
	entries := make([]*entry, 0, len(t.rows))
	rep.Rows = make([]RowResult, len(t.rows))
	bad := false
	for i, row := range t.rows {
		e, problems := s.bookRow(t, row, locs)
		rep.Rows[i] = RowResult{Row: row.num, Title: e.record.Title, Outcome: Rejected, Problems: problems}
		if len(problems) > 0 {
			bad = true
			continue
		}
		entries = append(entries, e)
	}
	bo := batchOptions{match: MatchISBNTitle, onMatch: OnMatchAddCopies, locationID: locs.def.ID, what: "书目清单", rows: true, atomic: o.AllOrNothing}
	switch {
	case o.AllOrNothing && bad:
		for _, e := range entries {
			e.outcome = Held
		}
	case o.AllOrNothing:
		// One transaction for the whole sheet, so a row failing while it
		// is stored takes the others back with it.
		err = s.writeBatch(ctx, entries, bo)
	default:
		for from := 0; from < len(entries) && err == nil; from += DefaultBatchSize {
			batch := entries[from:min(from+DefaultBatchSize, len(entries))]
			err = s.writeBatch(ctx, batch, bo)
			if o.Progress != nil {
				o.Progress(from+len(batch), len(entries))
			}
		}
	}
	s.bookResults(&rep, t, entries)
	rep.tally()
	rep.Elapsed = s.now().Sub(start)
	return rep, err
}

// bookResults copies the stored entries' outcomes into the report rows.
func (s *Service) bookResults(rep *SheetReport, t *table, entries []*entry) {
	byRow := map[int]int{}
	for i, r := range rep.Rows {
		byRow[r.Row] = i
	}
	for _, e := range entries {
		r := &rep.Rows[byRow[e.pos]]
		r.Outcome, r.RecordID, r.Items, r.CallNumber, r.Barcodes = e.outcome, e.id, e.items, e.callNumber, e.barcodes
		if e.rejected != nil {
			r.Problems = append(r.Problems, asColumn(*e.rejected))
		}
		for _, w := range e.warnings {
			e.place(&w, true)
			r.Warnings = append(r.Warnings, asColumn(w))
		}
	}
}

// bookRow reads one row into an entry and lists everything wrong with it.
func (s *Service) bookRow(t *table, row tableRow, locs locationIndex) (*entry, []Problem) {
	get := func(h string) string { return row.at(t.col(h)) }
	var problems []Problem
	fail := func(col, code, zh, en string) {
		problems = append(problems, Problem{Row: row.num, Column: col, Code: code, Message: zh, MessageEn: en})
	}
	failErr := func(col string, err error) {
		p := problemOf(err)
		p.Row, p.Column = row.num, col
		problems = append(problems, p)
	}
	r := catalog.Record{Title: get("题名"), Publisher: get("出版社"), Language: "chi"}
	if r.Title == "" {
		fail("题名", "TITLE_REQUIRED", "题名不能为空", "title is required")
	}
	if a := get("作者"); a != "" {
		r.Responsibility, r.Authors = a, splitAuthors(a)
	}
	if y := cleanNumber(get("出版年")); y != "" {
		year, ok := parseYear(y)
		if !ok || year < 1000 || year > s.now().Year()+1 {
			fail("出版年", "YEAR_INVALID", fmt.Sprintf("出版年“%s”不对：应为四位年份，如 2022", y), fmt.Sprintf("publication year %q must be a four-digit year such as 2022", y))
		}
		r.Year = year
	}
	if v := cleanNumber(get("ISBN")); v != "" {
		n, err := isbn.Normalize(v)
		if err != nil {
			failErr("ISBN", err)
		}
		r.ISBN = n
	}
	if v := cleanNumber(get("价格")); v != "" {
		p, err := price.Parse(v)
		if err != nil {
			failErr("价格", err)
		}
		r.PriceFen = p.Fen
	}
	var warnings []Problem
	if v := get("分类号"); v != "" {
		code, err := s.catalog.CLC().Validate(v)
		switch e := errs.As(err); {
		case err == nil:
			r.CLC = code
		case e.Code == clc.CodeUnknown:
			// A class the table does not hold is still the library's
			// class: keep what was written, as the MARC import does, and
			// let the librarian look at it.
			p := problemOf(err)
			p.Row, p.Column, p.Title = row.num, "分类号", r.Title
			p.Message += "，已保留原值于附注，请核对"
			p.MessageEn += "; the value is kept in the notes: check it"
			warnings = append(warnings, p)
			r.Notes = "原始分类号：" + v
		default:
			failErr("分类号", err)
		}
	}
	copies := 1
	if v := cleanNumber(get("册数")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxCopiesPerRow {
			fail("册数", "COPIES_INVALID", fmt.Sprintf("册数“%s”应为 1 到 %d 的整数", v, maxCopiesPerRow), fmt.Sprintf("copies %q must be a whole number from 1 to %d", v, maxCopiesPerRow))
		}
		copies = n
	}
	e := &entry{pos: row.num, record: r, donor: get("捐赠人"), warnings: warnings}
	if v := get("来源"); v != "" {
		src, ok := ParseSource(v)
		if !ok {
			fail("来源", "SOURCE_UNKNOWN", fmt.Sprintf("来源“%s”无法识别：应为 馆藏调拨、集中采购、单位支持 或 个人捐赠", v),
				fmt.Sprintf("unknown source %q: use transfer, purchase, institution or donation", v))
		}
		e.source = src
	} else if e.donor != "" {
		e.source = catalog.SourceDonation
	}
	loc := locs.def
	if v := get("馆藏位置"); v != "" {
		l, ok := locs.find(v)
		if !ok {
			fail("馆藏位置", "LOCATION_UNKNOWN", fmt.Sprintf("馆藏位置“%s”不存在：应为 %s 之一", v, strings.Join(locs.names(), "、")),
				fmt.Sprintf("unknown location %q", v))
		}
		loc = l
	}
	e.holdings = []bib.Holding{{Location: loc.Name, PriceFen: r.PriceFen, Copies: copies}}
	return e, problems
}

func (ix locationIndex) names() []string {
	out := make([]string, len(ix.list))
	for i, l := range ix.list {
		out[i] = l.Name
	}
	return out
}

// sourceNames maps what librarians write in 来源 to a source: the
// labels, the English codes, and the article's longer wording.
var sourceNames = map[string]catalog.Source{
	"图书馆藏书精选": catalog.SourceTransfer, "调拨": catalog.SourceTransfer,
	"采购": catalog.SourcePurchase, "购买": catalog.SourcePurchase,
	"有关单位支持": catalog.SourceInstitution, "单位赠送": catalog.SourceInstitution,
	"捐赠": catalog.SourceDonation, "学员和教职工捐赠": catalog.SourceDonation, "个人赠送": catalog.SourceDonation,
}

// ParseSource reads a 来源 cell: 馆藏调拨, 集中采购, 单位支持, 个人捐赠, their
// English codes (transfer, purchase, institution, donation) or a common
// variant.
func ParseSource(s string) (catalog.Source, bool) {
	s = strings.TrimSpace(s)
	for _, src := range catalog.Sources() {
		if s == src.Label("zh") || strings.EqualFold(s, string(src)) {
			return src, true
		}
	}
	src, ok := sourceNames[s]
	return src, ok
}

// authorRoles are the role words a responsibility statement ends in.
var authorRoles = []string{"主编", "编著", "编译", "编写", "著", "编", "译", "撰", "选编"}

// splitAuthors reads "习近平著" or "张三、李四主编" into authors.
func splitAuthors(s string) []catalog.Author {
	var out []catalog.Author
	parts := strings.FieldsFunc(s, func(r rune) bool { return strings.ContainsRune("、,，;；/", r) })
	for _, p := range parts {
		p = strings.TrimSpace(p)
		a := catalog.Author{Name: p}
		for _, role := range authorRoles {
			if name, ok := strings.CutSuffix(p, role); ok && name != "" {
				a = catalog.Author{Name: strings.TrimSpace(name), Role: role}
				break
			}
		}
		if a.Name != "" {
			out = append(out, a)
		}
	}
	// "张三、李四主编": the role at the end belongs to every name before it.
	role := ""
	for i := len(out) - 1; i >= 0; i-- {
		if out[i].Role == "" {
			out[i].Role = role
		}
		role = out[i].Role
	}
	for i := range out {
		if out[i].Role == "" {
			out[i].Role = "著"
		}
	}
	return out
}

// parseYear reads 2022, 2022年, 2022-05, 2022.5 or 2022年5月 as 2022.
func parseYear(s string) (int, bool) {
	digits := strings.IndexFunc(s, func(r rune) bool { return r < '0' || r > '9' })
	if digits < 0 {
		digits = len(s)
	}
	if digits != 4 || (digits < len(s) && !strings.ContainsRune("-./年", []rune(s[4:])[0])) {
		return 0, false
	}
	n, err := strconv.Atoi(s[:4])
	return n, err == nil
}
