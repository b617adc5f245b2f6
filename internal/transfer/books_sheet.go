package transfer

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"

	"shuwu/internal/catalog"
	"shuwu/internal/catalog/clc"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/catalog/price"
	"shuwu/internal/errs"
	"shuwu/internal/marcmap"
)

// BookColumns are the headers of a book list, in template order.
// 卷次 and 分册名 are the volume (第一卷; its name, if it has one), 版次 the
// edition: without an ISBN they tell the volumes and editions of one
// title apart.
var BookColumns = []string{"题名", "卷次", "分册名", "版次", "作者", "出版社", "出版年", "ISBN", "价格", "分类号", "册数", "来源", "捐赠人", "馆藏位置"}

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

// sheetColumns names the book-list column a record field comes from, for
// CheckLimits' problems.
var sheetColumns = map[string]string{"title": "题名", "authors": "作者", "responsibility": "作者", "publisher": "出版社"}

// rowChunk is how many good rows an import reads before it stores them:
// an import holds one chunk in memory, never the whole sheet.
const rowChunk = 500

// ImportBooks reads a book list (.xlsx or CSV) and stores each good row:
// a new record, or more copies of the record with the same ISBN and
// title, with 册数 copies carrying generated barcodes and 种次号 call
// numbers. A row with any error stores nothing and is reported with every
// problem it has, by row and column.
//
// The sheet is read twice, a row at a time. The first pass checks every
// row and stores nothing, so a sheet beyond the limits (MaxSheetRows…)
// and an all-or-nothing list with a bad row change nothing. The second
// stores the rows in transactions of at most writeBudget each, so the
// desk's checkouts never wait long behind an import; an all-or-nothing
// list whose row fails while it is stored takes back what the
// transactions before it stored.
func (s *Service) ImportBooks(ctx context.Context, in io.Reader, o BookSheetOptions) (SheetReport, error) {
	start := s.now()
	rep := SheetReport{Kind: "books"}
	src, done, err := rewindable(in)
	if err != nil {
		return rep, err
	}
	defer done()
	hash, err := s.checkNotImported(ctx, "books", src, o.Again)
	if err != nil {
		return rep, err
	}
	locs, err := s.locations(ctx, o.LocationID)
	if err != nil {
		return rep, err
	}
	var checked []RowResult
	bad := 0
	_, err = eachRow(ctx, src, o.SheetOptions, "题名", func(t *table, row tableRow) error {
		rep.Read++
		e, problems := s.bookRow(t, row, locs)
		if len(problems) > 0 {
			bad++
		}
		if o.AllOrNothing {
			res := RowResult{Row: row.num, Title: e.record.DisplayTitle(), Outcome: Held, Problems: problems}
			if len(problems) > 0 {
				res.Outcome = Rejected
			}
			checked = append(checked, res)
		}
		return nil
	})
	if err != nil {
		return rep, err
	}
	if o.AllOrNothing && bad > 0 {
		rep.Rows = checked
		rep.tally()
		rep.Elapsed = s.now().Sub(start)
		return rep, nil
	}

	bo := batchOptions{match: MatchISBNTitle, onMatch: OnMatchAddCopies, locationID: locs.def.ID, what: "书目清单", rows: true, atomic: o.AllOrNothing}
	rep.Rows = make([]RowResult, 0, min(rep.Read, rowChunk))
	var pending []*entry
	var slots []int
	var undo importUndo
	flush := func() error {
		err := s.writeBatch(ctx, pending, bo)
		for i, e := range pending {
			s.bookResult(&rep.Rows[slots[i]], e)
			undo.add(e)
		}
		pending, slots = pending[:0], slots[:0]
		if o.Progress != nil {
			o.Progress(len(rep.Rows), rep.Read)
		}
		return err
	}
	_, err = eachRow(ctx, src, o.SheetOptions, "题名", func(t *table, row tableRow) error {
		e, problems := s.bookRow(t, row, locs)
		rep.Rows = append(rep.Rows, RowResult{Row: row.num, Title: e.record.DisplayTitle(), Outcome: Rejected, Problems: problems})
		if len(problems) > 0 {
			return nil
		}
		pending, slots = append(pending, e), append(slots, len(rep.Rows)-1)
		if len(pending) >= rowChunk {
			return flush()
		}
		return nil
	})
	if err == nil && len(pending) > 0 {
		err = flush()
	}
	if o.AllOrNothing && err != nil {
		err = s.abortBooks(ctx, &rep, checked, undo, err)
	}
	rep.tally()
	if rerr := s.rememberImport(ctx, "books", hash, o.Name, rep); err == nil {
		err = rerr
	}
	rep.Elapsed = s.now().Sub(start)
	return rep, err
}

// abortBooks takes back an all-or-nothing list that failed while it was
// stored (a row the store refused, or an error that stopped the import):
// every row is reported held but the one that failed, and the error is
// kept unless a row's refusal was the reason.
func (s *Service) abortBooks(ctx context.Context, rep *SheetReport, checked []RowResult, undo importUndo, cause error) error {
	failed := map[int]RowResult{}
	for _, r := range rep.Rows {
		if r.Outcome == Rejected {
			failed[r.Row] = r
		}
	}
	rep.Rows = checked
	for i, r := range rep.Rows {
		if f, ok := failed[r.Row]; ok {
			rep.Rows[i] = f
		}
	}
	if err := s.takeBack(ctx, undo, "书目清单"); err != nil {
		return err
	}
	if errors.Is(cause, errBatchAborted) {
		return nil
	}
	return cause
}

// bookResult copies a stored entry's outcome into its report row.
func (s *Service) bookResult(r *RowResult, e *entry) {
	r.Outcome, r.RecordID, r.Items, r.CallNumber, r.Barcodes = e.outcome, e.id, e.items, e.callNumber, e.barcodes
	if e.rejected != nil {
		r.Problems = append(r.Problems, asColumn(*e.rejected))
	}
	for _, w := range e.warnings {
		e.place(&w, true)
		r.Warnings = append(r.Warnings, asColumn(w))
	}
}

// locations finds where copies go: the locations, with def the default.
func (s *Service) locations(ctx context.Context, def int64) (locationIndex, error) {
	var locs locationIndex
	err := s.store.View(ctx, func(tx Tx) error {
		list, err := tx.Locations()
		if err != nil {
			return err
		}
		locs, err = newLocationIndex(list, def)
		return err
	})
	return locs, err
}

// bookRow reads one row into an entry and lists everything wrong with it.
func (s *Service) bookRow(t *table, row tableRow, locs locationIndex) (*entry, []Problem) {
	get := func(h string) string { return row.at(t.col(h)) }
	var problems []Problem
	fail := func(col string, code errs.Code, zh, en string) {
		problems = append(problems, Problem{Row: row.num, Column: col, Code: code, Message: zh, MessageEn: en})
	}
	failErr := func(col string, err error) {
		p := problemOf(err)
		p.Row, p.Column = row.num, col
		problems = append(problems, p)
	}
	r := catalog.Record{Title: get("题名"), PartNumber: get("卷次"), PartName: get("分册名"), Edition: get("版次"), Publisher: get("出版社"), Language: "chi"}
	if r.Title == "" {
		fail("题名", catalog.CodeTitleRequired, "题名不能为空", "title is required")
	}
	if utf8.RuneCountInString(r.PartNumber) > 100 {
		fail("卷次", catalog.CodeVolumeTooLong, "卷次过长（最多 100 字）", "volume number is too long (100 characters at most)")
	}
	if utf8.RuneCountInString(r.PartName) > 100 {
		fail("分册名", catalog.CodeVolumeTooLong, "分册名过长（最多 100 字）", "part name is too long (100 characters at most)")
	}
	if a := get("作者"); a != "" {
		r.Responsibility, r.Authors = a, splitAuthors(a)
	}
	if y := cleanNumber(get("出版年")); y != "" {
		year, ok := parseYear(y)
		if !ok || year < 1000 || year > s.now().Year()+1 {
			fail("出版年", catalog.CodeYearInvalid, fmt.Sprintf("出版年“%s”不对：应为四位年份，如 2022", y), fmt.Sprintf("publication year %q must be a four-digit year such as 2022", y))
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
	if err := catalog.CheckLimits(&r); err != nil {
		failErr(sheetColumns[errs.As(err).Field], err)
	}
	copies := 1
	if v := cleanNumber(get("册数")); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 1 || n > maxCopiesPerRow {
			fail("册数", CodeCopiesInvalid, fmt.Sprintf("册数“%s”应为 1 到 %d 的整数", v, maxCopiesPerRow), fmt.Sprintf("copies %q must be a whole number from 1 to %d", v, maxCopiesPerRow))
		}
		copies = n
	}
	e := &entry{pos: row.num, record: r, donor: get("捐赠人"), warnings: warnings}
	if v := get("来源"); v != "" {
		src, ok := ParseSource(v)
		if !ok {
			fail("来源", catalog.CodeSourceUnknown, fmt.Sprintf("来源“%s”无法识别：应为 馆藏调拨、集中采购、单位支持 或 个人捐赠", v),
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
			fail("馆藏位置", catalog.CodeLocationUnknown, fmt.Sprintf("馆藏位置“%s”不存在：应为 %s 之一", v, strings.Join(locs.names(), "、")),
				fmt.Sprintf("unknown location %q", v))
		}
		loc = l
	}
	e.holdings = []marcmap.Holding{{Location: loc.Name, PriceFen: r.PriceFen, Copies: copies}}
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
