package transfer

import (
	"fmt"
	"strings"
	"time"

	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/errs"
	"shuwu/internal/readers"
)

// Service is the import and export use cases. It writes the catalogue in
// bulk through its own store (one transaction per batch, not one per
// record) and uses the domain services for everything else: rosters go
// through readers.Service, and the search index hears of imported records
// through catalog.Service.Changed once per batch.
type Service struct {
	store   Store
	catalog *catalog.Service
	readers *readers.Service
	circ    *circulation.Service
	now     func() time.Time
	tz      *time.Location
}

// New builds the service. now may be nil for the wall clock.
func New(store Store, cat *catalog.Service, rd *readers.Service, circ *circulation.Service, tz *time.Location, now func() time.Time) *Service {
	if now == nil {
		now = time.Now
	}
	return &Service{store: store, catalog: cat, readers: rd, circ: circ, now: now, tz: tz}
}

// Problem is one thing wrong with one input unit: a MARC record, or a row
// and column of a spreadsheet.
type Problem struct {
	Record    int       `json:"record,omitempty"` // 1-based record number in a MARC file
	Row       int       `json:"row,omitempty"`    // 1-based spreadsheet row, header included
	Column    string    `json:"column,omitempty"` // spreadsheet column header or MARC field ("010$a")
	Title     string    `json:"title,omitempty"`
	Code      errs.Code `json:"code"`
	Message   string    `json:"message"`
	MessageEn string    `json:"message_en"`
}

// String is the problem as one line of a report.
func (p Problem) String() string {
	var where []string
	if p.Record > 0 {
		where = append(where, fmt.Sprintf("第 %d 条记录", p.Record))
	}
	if p.Row > 0 {
		where = append(where, fmt.Sprintf("第 %d 行", p.Row))
	}
	if p.Column != "" {
		where = append(where, "“"+p.Column+"”")
	}
	if p.Title != "" {
		where = append(where, "《"+p.Title+"》")
	}
	return fmt.Sprintf("%s：%s（%s: %s）", strings.Join(where, " "), p.Message, p.Code, p.MessageEn)
}

func problemOf(err error) Problem {
	e := errs.As(err)
	msg, en := e.Message, e.MessageEn
	if e.Kind == errs.KindInternal && e.Err != nil {
		en += ": " + e.Err.Error()
	}
	return Problem{Code: e.Code, Message: msg, MessageEn: en, Column: e.Field}
}

func (s *Service) today() string { return s.now().In(s.tz).Format(time.DateOnly) }

// locationIndex finds locations by id, name or code.
type locationIndex struct {
	list []catalog.Location
	def  catalog.Location
}

func newLocationIndex(list []catalog.Location, defID int64) (locationIndex, error) {
	if len(list) == 0 {
		return locationIndex{}, errs.Invalid(CodeLocationNone, "location", "还没有馆藏位置，请先建立馆藏位置", "there are no locations yet")
	}
	ix := locationIndex{list: list, def: list[0]}
	if defID != 0 {
		l, ok := ix.byID(defID)
		if !ok {
			return ix, errs.Invalid(catalog.CodeLocationUnknown, "location", fmt.Sprintf("馆藏位置 %d 不存在", defID), fmt.Sprintf("location %d does not exist", defID))
		}
		ix.def = l
	}
	return ix, nil
}

func (ix locationIndex) byID(id int64) (catalog.Location, bool) {
	for _, l := range ix.list {
		if l.ID == id {
			return l, true
		}
	}
	return catalog.Location{}, false
}

// find matches a name or code; ok is false when s names no location.
func (ix locationIndex) find(s string) (catalog.Location, bool) {
	s = strings.TrimSpace(s)
	if s == "" {
		return ix.def, true
	}
	for _, l := range ix.list {
		if l.Name == s || strings.EqualFold(l.Code, s) {
			return l, true
		}
	}
	return ix.def, false
}

func (ix locationIndex) name(id int64) string {
	if l, ok := ix.byID(id); ok {
		return l.Name
	}
	return ""
}
