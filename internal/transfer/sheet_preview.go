package transfer

import (
	"context"
	"io"
	"strings"

	"github.com/xuri/excelize/v2"

	"shuwu/internal/readers"
)

// SheetPreview is what importing a book list or roster would do, found by
// reading every row and storing nothing: how many rows would be added,
// matched (copies for a record on file) or updated (a reader on file),
// warned about and rejected, with the rows worth a look.
type SheetPreview struct {
	Kind     string `json:"kind"` // books | roster
	File     string `json:"file"`
	Read     int    `json:"read"`
	Added    int    `json:"added"`
	Matched  int    `json:"matched"`
	Updated  int    `json:"updated"`
	Rejected int    `json:"rejected"`
	Warned   int    `json:"warned"` // rows stored with a warning
	Items    int    `json:"items"`  // copies a book list would add
	// Rows are every rejected or warned row, then the first others, up
	// to previewRows in all; Outcome is what the import would do.
	Rows []RowResult `json:"rows"`
	// Shown is len(Rows); the other rows are only counted.
	Shown int `json:"shown"`
	// Class is the class every trainee of a roster joins, when one was
	// chosen; NewClasses are the classes named in 班次 that the import
	// would open.
	Class      string   `json:"class,omitempty"`
	NewClasses []string `json:"new_classes,omitempty"`
	// HeaderRow is the row the headers were found in; Columns say what
	// each of its columns is read as, Missing the known columns it lacks.
	HeaderRow int           `json:"header_row"`
	Columns   []SheetColumn `json:"columns"`
	Missing   []string      `json:"missing,omitempty"`
	// ImportedBefore is the earlier import of this very file, if any:
	// importing it again adds its copies or trainees a second time.
	ImportedBefore *ImportedFile `json:"imported_before,omitempty"`
}

// SheetColumn is one column of a sheet's header: the header as written,
// and the known column it is read as ("" when the import ignores it).
type SheetColumn struct {
	Letter string `json:"letter"` // A, B, … as Excel names the column
	Header string `json:"header"`
	Field  string `json:"field,omitempty"`
	Mapped bool   `json:"mapped,omitempty"` // renamed by the header map
}

// columnsOf says how the import reads a sheet's header.
func (p *SheetPreview) columnsOf(t *table, known []string) {
	if t == nil {
		return
	}
	p.HeaderRow = t.headerRow
	p.Columns = []SheetColumn{}
	found := map[string]bool{}
	for i, h := range t.headers {
		c := SheetColumn{Header: t.raw[i]}
		c.Letter, _ = excelize.ColumnNumberToName(i + 1)
		if indexOf(known, h) >= 0 && !found[h] {
			c.Field, c.Mapped, found[h] = h, h != normalizeHeader(t.raw[i]), true
		}
		if c.Header != "" || c.Field != "" {
			p.Columns = append(p.Columns, c)
		}
	}
	for _, k := range known {
		if !found[k] {
			p.Missing = append(p.Missing, k)
		}
	}
}

// previewRows bounds the rows a preview lists; previewGood is how many
// rows without problems it shows as examples.
const (
	previewRows = 200
	previewGood = 20
)

func (p *SheetPreview) add(r RowResult) {
	switch r.Outcome {
	case Added:
		p.Added++
	case Matched:
		p.Matched++
	case Updated:
		p.Updated++
	case Rejected:
		p.Rejected++
	}
	if r.Outcome != Rejected && len(r.Warnings) > 0 {
		p.Warned++
	}
	p.Items += r.Items
	good := r.Outcome != Rejected && len(r.Warnings) == 0
	if len(p.Rows) < previewRows && (!good || p.good() < previewGood) {
		p.Rows = append(p.Rows, r)
	}
	p.Shown = len(p.Rows)
}

func (p *SheetPreview) good() int {
	n := 0
	for _, r := range p.Rows {
		if r.Outcome != Rejected && len(r.Warnings) == 0 {
			n++
		}
	}
	return n
}

// sheetPreview opens a file for a preview: rewindable, and with its
// earlier import looked up.
func (s *Service) sheetPreview(ctx context.Context, kind string, in io.Reader, name string) (SheetPreview, io.ReadSeeker, func(), error) {
	p := SheetPreview{Kind: kind, File: name, Rows: []RowResult{}}
	src, done, err := rewindable(in)
	if err != nil {
		return p, nil, done, err
	}
	hash, err := fileHash(src)
	if err == nil {
		p.ImportedBefore, err = s.importedBefore(ctx, kind, hash)
	}
	return p, src, done, err
}

// PreviewBooks says what ImportBooks would do with a book list, storing
// nothing. A row repeating an earlier row's book counts as matched, as
// the import would add its copies to the record the earlier row made.
func (s *Service) PreviewBooks(ctx context.Context, in io.Reader, o BookSheetOptions) (SheetPreview, error) {
	p, src, done, err := s.sheetPreview(ctx, "books", in, o.Name)
	defer done()
	if err != nil {
		return p, err
	}
	locs, err := s.locations(ctx, o.LocationID)
	if err != nil {
		return p, err
	}
	seen := map[string]bool{} // books of earlier rows
	t, err := eachRow(ctx, src, o.SheetOptions, "题名", func(t *table, row tableRow) error {
		p.Read++
		e, problems := s.bookRow(t, row, locs)
		r := RowResult{Row: row.num, Title: e.record.DisplayTitle(), Outcome: Rejected, Problems: problems}
		if len(problems) == 0 {
			r.Outcome, r.Items = Added, e.holdings[0].Copies
			for _, w := range e.warnings {
				r.Warnings = append(r.Warnings, asColumn(w))
			}
			key := bookKey(e.record)
			if seen[key] {
				r.Outcome = Matched
			} else {
				err := s.store.View(ctx, func(tx Tx) error {
					id, err := s.match(tx, e, MatchISBNTitle)
					if id != 0 {
						r.Outcome, r.RecordID = Matched, id
					}
					return err
				})
				if err != nil {
					return err
				}
				seen[key] = true
			}
		}
		p.add(r)
		return nil
	})
	p.columnsOf(t, BookColumns)
	return p, err
}

// PreviewRoster says what ImportRoster would do with a roster, storing
// nothing: who would be enrolled, who is on file already and would be
// updated, and which rows have problems. A class the import would open
// (CreateClass) is named in a warning.
func (s *Service) PreviewRoster(ctx context.Context, in io.Reader, o RosterOptions) (SheetPreview, error) {
	p, src, done, err := s.sheetPreview(ctx, "roster", in, o.Name)
	defer done()
	if err != nil {
		return p, err
	}
	traineeType, err := s.traineeTypeID(ctx)
	if err != nil {
		return p, err
	}
	var rc *rosterClasses
	seen := map[string]bool{} // people of earlier rows
	t, err := eachRow(ctx, src, o.SheetOptions, "姓名", func(t *table, row tableRow) error {
		if rc == nil {
			var err error
			if rc, err = s.newRosterClasses(ctx, t, o); err != nil {
				return err
			}
		}
		p.Read++
		in, problems, warnings := rosterReader(t, row, traineeType)
		r := RowResult{Row: row.num, Name: in.Name, Outcome: Rejected, Problems: problems, Warnings: warnings}
		if len(problems) == 0 {
			class, problem := s.previewClass(rc, row.at(t.col("班次")))
			switch {
			case problem != nil:
				problem.Row = row.num
				r.Problems = append(r.Problems, asColumn(*problem))
			default:
				r.Outcome, r.Class = Added, class
				if rc.fixed == nil && rc.byName[class].ID == 0 {
					if indexOf(p.NewClasses, class) < 0 {
						p.NewClasses = append(p.NewClasses, class)
					}
					r.Warnings = append(r.Warnings, Problem{Row: row.num, Column: "班次", Code: "CLASS_CREATED",
						Message: "将新建班次“" + class + "”", MessageEn: "class " + class + " will be created"})
				}
				key := in.Phone
				if key == "" {
					key = in.Name + "|" + in.Unit
				}
				_, found, err := s.findPerson(ctx, in)
				if err != nil {
					return err
				}
				if found || seen[key] {
					r.Outcome = Updated
				}
				seen[key] = true
			}
		}
		p.add(r)
		return nil
	})
	p.columnsOf(t, RosterColumns)
	if err == nil && rc == nil && o.ClassID != 0 {
		rc, err = s.newRosterClasses(ctx, &table{}, o)
	}
	if rc != nil && rc.fixed != nil {
		p.Class = rc.fixed.Name
	}
	return p, err
}

// previewClass names the class a row would join without opening it.
func (s *Service) previewClass(rc *rosterClasses, name string) (string, *Problem) {
	if rc.fixed != nil {
		return rc.fixed.Name, nil
	}
	name = strings.TrimSpace(name)
	if name == "" {
		return "", &Problem{Column: "班次", Code: CodeClassRequired, Message: "班次不能为空", MessageEn: "class is required"}
	}
	if _, ok := rc.byName[name]; ok || rc.o.CreateClass {
		if !ok {
			rc.byName[name] = readers.Class{Name: name}
		}
		return name, nil
	}
	return "", &Problem{Column: "班次", Code: CodeClassUnknown,
		Message: "班次“" + name + "”不存在：请先建立班次，或在名单导入时选择班次", MessageEn: "no class named " + name}
}
