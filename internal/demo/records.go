package demo

import (
	"fmt"
	"regexp"
	"sort"
	"strings"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/catalog/callno"
	"shuwu/internal/catalog/isbn"
	"shuwu/internal/store"
	"shuwu/internal/synth"
)

// Copy states the simulation tracks; they mirror catalog.ItemStatus.
const (
	onShelf = iota
	onLoan
	onHoldShelf
	lost
	inRepair
)

// copyState is one item as the simulation knows it.
type copyState struct {
	id       int64
	barcode  string
	rec      int // index into collection.records
	lendable bool
	reading  bool // in the 阅览室: read there, never lent
	added    string
	status   int
}

// record is one bibliographic record as the simulation knows it.
type record struct {
	id     int64
	title  string
	volume string // the volume: 第一卷 …
	clc    string
	cat    string // category code
	added  string
	copies []int // indexes into collection.copies
}

// collection is the catalogue the history borrows from.
type collection struct {
	records []*record
	copies  []*copyState
	byCat   map[string][]int // category code -> record indexes
	party   []int            // records in the Party-theory categories
	classic map[string][]int // classic title -> record indexes (volumes)
	added   []int            // records in order of acquisition
}

// partyCategories are the categories trainees borrow from most.
var partyCategories = []string{"mllt", "dsdj", "zzdw", "ljjs"}

// shelfOf picks the shelf group (1–10) a record's copies stand in: the
// stacks are arranged by category, as in the room.
func shelfOf(cat, clc string) int {
	switch cat {
	case "mllt":
		return 1
	case "dsdj":
		if clc < "D26" {
			return 2
		}
		return 3
	case "zzdw":
		return 4
	case "ljjs":
		return 5
	case "rwsk":
		if clc < "H" {
			return 6
		}
		return 7
	case "zhdw":
		return 8
	case "wxys":
		return 9
	case "mzwh":
		return 10
	}
	return 8
}

// supporters are the bodies whose support the article names (有关单位支持).
var supporters = []string{"州直机关工委", "州委组织部", "州委宣传部", "州图书馆", "州新华书店", "州委党史研究室", "州纪委监委", "州档案馆"}

// acquisition is one planned batch of copies for a record.
type acquisition struct {
	count    int
	location string // location code; its lendability is the copies'
	source   catalog.Source
	donor    string
}

// plannedRecord is a record with the copies it arrives with.
type plannedRecord struct {
	book  synth.Book
	added time.Time
	acqs  []acquisition
}

// classicCopies is how many copies of a classic the room holds: many of the
// works every class reads, a few of the rest.
func classicCopies(b synth.Book) int {
	switch {
	case b.Title == "习近平谈治国理政":
		return 36
	case b.Title == "共产党宣言":
		return 30
	case strings.HasPrefix(b.CLC, "A") || strings.HasPrefix(b.CLC, "D2"):
		return 16
	case strings.HasPrefix(b.CLC, "D"):
		return 12
	}
	return 6
}

// planCollection decides every record, its added date and its copies.
func (l *loader) planCollection() []plannedRecord {
	books := synth.NewGenerator(l.opts.Seed)
	people := synth.NewGenerator(l.opts.Seed + 1)
	classics := synth.Classics()
	total := l.scaled(15200, 120)
	generated := total - len(classics)

	// New volumes after opening: some 550 a year in monthly batches; the
	// rest is the opening stock catalogued in August 2022.
	months := monthsBetween(opened, l.today)
	perMonth := max(1, l.scaled(16, 1))
	nNew := min(months*perMonth, generated/3)
	nOpening := generated - nNew

	seen := map[string]bool{}
	for _, b := range classics {
		seen[b.Title+"|"+b.OtherTitle] = true
	}
	next := func() synth.Book {
		var b synth.Book
		for try := 0; try < 6; try++ {
			b = books.Book()
			if !seen[b.Title+"|"+b.OtherTitle] {
				break
			}
		}
		seen[b.Title+"|"+b.OtherTitle] = true
		return b
	}

	var out []plannedRecord
	// The classics open the catalogue: the first books put on the shelves.
	openDays := weekdaysOf(time.Date(2022, 8, 1, 0, 0, 0, 0, l.tz), time.Date(2022, 8, 31, 0, 0, 0, 0, l.tz))
	for i, b := range classics {
		added := openDays[i*len(openDays)/(len(classics)+nOpening)]
		if b.Year > 2022 {
			// A later classic (a new volume, a revised regulation) came
			// the spring after it appeared.
			added = l.midnight(time.Date(b.Year, 3, 1+l.rnd.IntN(60), 0, 0, 0, 0, l.tz))
			if added.After(l.today) {
				added = l.today.AddDate(0, 0, -20)
			}
		}
		n := l.scaled(classicCopies(b), 3)
		src := []catalog.Source{catalog.SourcePurchase, catalog.SourcePurchase, catalog.SourceInstitution, catalog.SourceTransfer}[l.rnd.IntN(4)]
		donor := ""
		if src == catalog.SourceInstitution {
			donor = supporters[l.rnd.IntN(len(supporters))]
		}
		p := plannedRecord{book: b, added: added, acqs: []acquisition{
			{count: n - 2, location: shelfCode(shelfOf(categoryCode(b.CLC), b.CLC)), source: src, donor: donor},
			{count: 1, location: "reading", source: src, donor: donor},
			{count: 1, location: "display", source: src, donor: donor},
		}}
		out = append(out, p)
	}
	for i := 0; i < nOpening; i++ {
		b := next()
		if b.Year > 2022 {
			b.Year = 2022 - l.rnd.IntN(3)
		}
		added := openDays[(len(classics)+i)*len(openDays)/(len(classics)+nOpening)]
		out = append(out, plannedRecord{book: b, added: added, acqs: l.openingCopies(b, people)})
	}
	for i := 0; i < nNew; i++ {
		b := next()
		// Batches come in the middle of each month.
		m := i / perMonth
		added := time.Date(opened.Year(), opened.Month()+time.Month(m), 10+l.rnd.IntN(12), 0, 0, 0, 0, l.tz)
		for added.Weekday() == time.Saturday || added.Weekday() == time.Sunday {
			added = added.AddDate(0, 0, 1)
		}
		if !added.Before(l.today) {
			added = l.today.AddDate(0, 0, -1)
		}
		if b.Year > added.Year() || b.Year < added.Year()-2 {
			b.Year = added.Year() - l.rnd.IntN(2)
		}
		out = append(out, plannedRecord{book: b, added: added, acqs: l.newCopies(b, added, people)})
	}
	return out
}

// openingCopies are the copies of a record in the opening stock: old books
// mostly from the school library (图书馆藏书精选), the rest bought, given
// by supporting bodies or donated by staff.
func (l *loader) openingCopies(b synth.Book, people *synth.Generator) []acquisition {
	cat := categoryCode(b.CLC)
	n := 1 + l.rnd.IntN(5)
	if cat == "mllt" || cat == "dsdj" || cat == "zzdw" || cat == "ljjs" {
		n++
	}
	var src catalog.Source
	switch k := l.rnd.IntN(100); {
	case b.Year < 2012 && k < 70, b.Year >= 2012 && k < 40:
		src = catalog.SourceTransfer
	case b.Year < 2012, k >= 92:
		src = catalog.SourceDonation
		n = 1 + l.rnd.IntN(2)
	case k < 80:
		src = catalog.SourcePurchase
	default:
		src = catalog.SourceInstitution
	}
	donor := l.donorFor(src, people)
	shelf := shelfCode(shelfOf(cat, b.CLC))
	if n >= 4 && l.chance(0.15) {
		return []acquisition{{count: n - 1, location: shelf, source: src, donor: donor}, {count: 1, location: "reading", source: src, donor: donor}}
	}
	return []acquisition{{count: n, location: shelf, source: src, donor: donor}}
}

// newCopies are the copies of a record acquired after opening: bought in
// the yearly update, given by bodies, or donated by trainees and staff.
// The newest stand on the display rack for a while.
func (l *loader) newCopies(b synth.Book, added time.Time, people *synth.Generator) []acquisition {
	var src catalog.Source
	n := 2 + l.rnd.IntN(3)
	switch k := l.rnd.IntN(100); {
	case k < 60:
		src = catalog.SourcePurchase
	case k < 75:
		src = catalog.SourceInstitution
	default:
		src = catalog.SourceDonation
		n = 1 + l.rnd.IntN(2)
	}
	donor := l.donorFor(src, people)
	shelf := shelfCode(shelfOf(categoryCode(b.CLC), b.CLC))
	if l.today.Sub(added) < 90*24*time.Hour && n > 1 {
		return []acquisition{{count: n - 1, location: shelf, source: src, donor: donor}, {count: 1, location: "display", source: src, donor: donor}}
	}
	return []acquisition{{count: n, location: shelf, source: src, donor: donor}}
}

// donorFor names who gave copies: a person for donations, a body for
// institutional support, nobody otherwise.
func (l *loader) donorFor(src catalog.Source, people *synth.Generator) string {
	switch src {
	case catalog.SourceDonation:
		return people.PersonName()
	case catalog.SourceInstitution:
		return supporters[l.rnd.IntN(len(supporters))]
	}
	return ""
}

// categoryCode is the default category of a CLC class, by the same longest
// prefix rule as catalog.CategoryFor.
func categoryCode(clc string) string {
	best, bestLen := "", 0
	for _, c := range catalog.DefaultCategories() {
		for _, p := range c.Prefixes() {
			if strings.HasPrefix(clc, p) && len(p) > bestLen {
				best, bestLen = c.Code, len(p)
			}
		}
	}
	return best
}

func shelfCode(n int) string { return fmt.Sprintf("shelf%d", n) }

// monthsBetween counts the whole months from a to b.
func monthsBetween(a, b time.Time) int {
	return (b.Year()-a.Year())*12 + int(b.Month()) - int(a.Month())
}

// weekdaysOf lists the Mondays to Fridays from a to b.
func weekdaysOf(a, b time.Time) []time.Time {
	var out []time.Time
	for d := a; !d.After(b); d = d.AddDate(0, 0, 1) {
		if d.Weekday() != time.Saturday && d.Weekday() != time.Sunday {
			out = append(out, d)
		}
	}
	return out
}

// recordBatch is how many records go into one write transaction.
const recordBatch = 500

// loadCollection writes the planned records and copies in large
// transactions, producing what catalog.Service.CreateRecord and AddItems
// would: validated fields, the category from the CLC class, a 种次号 from
// the "zch:" sequence, eight-digit barcodes from the "barcode" sequence,
// and their audit entries.
func (l *loader) loadCollection() error {
	plan := l.planCollection()
	cats, err := l.cat.Categories(l.ctx)
	if err != nil {
		return err
	}
	locs, err := l.cat.Locations(l.ctx)
	if err != nil {
		return err
	}
	locByCode := map[string]catalog.Location{}
	for _, loc := range locs {
		locByCode[loc.Code] = loc
	}
	catCode := map[int64]string{}
	for _, c := range cats {
		catCode[c.ID] = c.Code
	}
	col := &collection{byCat: map[string][]int{}, classic: map[string][]int{}}
	nClassics := len(synth.Classics())
	for start := 0; start < len(plan); start += recordBatch {
		end := min(start+recordBatch, len(plan))
		err := l.db.Update(l.ctx, func(tx *store.Tx) error {
			for i := start; i < end; i++ {
				p := plan[i]
				r, err := l.recordOf(p.book, cats)
				if err != nil {
					return fmt.Errorf("demo: record %q: %w", p.book.Title, err)
				}
				at := p.added.Add(10 * time.Hour)
				r.CreatedAt, r.UpdatedAt = at, at
				if err := tx.InsertRecord(&r); err != nil {
					return err
				}
				if err := tx.Audit(audit.New(l.ctx, at, "create", "record", fmt.Sprint(r.ID), "新建书目《"+r.Title+"》")); err != nil {
					return err
				}
				rec := &record{id: r.ID, title: r.Title, volume: r.Volume(), clc: r.CLC, cat: catCode[r.CategoryID], added: p.added.Format(time.DateOnly)}
				seq, err := tx.NextSequence("zch:" + r.CLC)
				if err != nil {
					return err
				}
				cn := callno.Format(r.CLC, int(seq))
				ri := len(col.records)
				for _, a := range p.acqs {
					if a.count < 1 {
						continue
					}
					loc := locByCode[a.location]
					for range a.count {
						n, err := tx.NextSequence("barcode")
						if err != nil {
							return err
						}
						it := catalog.Item{RecordID: r.ID, Barcode: fmt.Sprintf("%08d", n), CallNumber: cn, CallSort: callno.SortKey(cn), LocationID: loc.ID,
							Status: catalog.StatusAvailable, Source: a.source, Donor: a.donor, PriceFen: r.PriceFen, AddedDate: rec.added,
							Lendable: loc.Lendable, CreatedAt: at, UpdatedAt: at}
						if err := tx.InsertItem(&it); err != nil {
							return err
						}
						rec.copies = append(rec.copies, len(col.copies))
						col.copies = append(col.copies, &copyState{id: it.ID, barcode: it.Barcode, rec: ri, lendable: it.Lendable, reading: a.location == "reading", added: rec.added})
					}
					summary := fmt.Sprintf("为《%s》新增 %d 册复本（%s）", r.Title, a.count, cn)
					if err := tx.Audit(audit.New(l.ctx, at, "create", "item", fmt.Sprint(r.ID), summary)); err != nil {
						return err
					}
				}
				col.records = append(col.records, rec)
				col.byCat[rec.cat] = append(col.byCat[rec.cat], ri)
				if i < nClassics {
					col.classic[rec.title] = append(col.classic[rec.title], ri)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
		l.progress("书目与复本 / records and items", end, len(plan))
	}
	for _, c := range partyCategories {
		col.party = append(col.party, col.byCat[c]...)
	}
	col.added = make([]int, len(col.records))
	for i := range col.added {
		col.added[i] = i
	}
	// Stable by date: records of one day keep their catalogue order.
	sort.SliceStable(col.added, func(a, b int) bool { return col.records[col.added[a]].added < col.records[col.added[b]].added })
	l.col = col
	return nil
}

// demoVolume is other title information that only names a volume.
var demoVolume = regexp.MustCompile(`^(第[一二三四五六七八九十百0-9]+[卷册辑部分编集]|[上中下][册卷编])$`)

// recordOf turns a synthetic book into a record, normalised and checked as
// the catalogue service does.
func (l *loader) recordOf(b synth.Book, cats []catalog.Category) (catalog.Record, error) {
	r := catalog.Record{Title: b.Title, OtherTitle: b.OtherTitle, Series: b.Series, Summary: b.Summary, Publisher: b.Publisher,
		Place: b.Place, Year: b.Year, PriceFen: b.PriceFen, Language: b.Language, Subjects: b.Subjects}
	// The synthetic books carry a volume (第一卷, 上册) as other title
	// information; the catalogue keeps it as the volume.
	if demoVolume.MatchString(r.OtherTitle) {
		r.PartNumber, r.OtherTitle = r.OtherTitle, ""
	}
	if b.Pages > 0 {
		r.Pages = fmt.Sprintf("%d页", b.Pages)
		r.Size = "24cm"
		if b.Pages < 120 {
			r.Size = "19cm"
		}
	}
	for _, a := range b.Authors {
		r.Authors = append(r.Authors, catalog.Author{Name: a.Name, Role: a.Role})
	}
	if b.ISBN13 != "" {
		n, err := isbn.Normalize(b.ISBN13)
		if err != nil {
			return r, err
		}
		r.ISBN = n
	}
	code, err := l.validCLC(b.CLC)
	if err != nil {
		return r, err
	}
	r.CLC = code
	if r.Language == "" {
		r.Language = "chi"
	}
	r.CategoryID = catalog.CategoryFor(cats, r.CLC)
	return r, nil
}

// validCLC checks a class number against the class tree in force. A few
// classes synth uses (G64) are missing from the built-in tree; such a book
// is classed under its nearest broader class the tree knows, as a
// cataloguer with that schedule would.
func (l *loader) validCLC(code string) (string, error) {
	tree := l.cat.CLC()
	v, err := tree.Validate(code)
	for c := code; err != nil && len(c) > 1; {
		c = strings.TrimRight(c[:len(c)-1], ".-")
		v, err = tree.Validate(c)
	}
	return v, err
}
