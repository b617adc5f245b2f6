// Package stats computes the reading room's figures for any date range
// from the ledger and the collection: the collection (held copies by
// class, source, location and category, its growth and value), use
// (loans, returns, renewals, in-room reading, visits and the readers
// served, by month, class and reader type, the busiest hours, the most
// lent books and readers, the books never lent), the classes, events and
// the room, and acquisitions against the yearly target — each beside the
// same figure for the previous period of equal length. The dashboards,
// the standard reports and the annual work report all read these.
//
// Names follow GB/T 13191 where it has one: 藏书量 (copies held), 新增
// 藏书 (added), 外借册次 (loans), 阅览人次 (in-room uses), 到馆人次
// (visits), 服务读者人数 (distinct readers served).
package stats

import (
	"time"
)

// Range is a span of whole days, both ends included.
type Range struct {
	From string `json:"from"` // YYYY-MM-DD
	To   string `json:"to"`
}

// Days is how many days the range has.
func (r Range) Days() int {
	f, _ := time.Parse(time.DateOnly, r.From)
	t, _ := time.Parse(time.DateOnly, r.To)
	return int(t.Sub(f).Hours()/24) + 1
}

// Previous is the range of equal length just before r.
func (r Range) Previous() Range {
	f, _ := time.Parse(time.DateOnly, r.From)
	n := r.Days()
	return Range{From: f.AddDate(0, 0, -n).Format(time.DateOnly), To: f.AddDate(0, 0, -1).Format(time.DateOnly)}
}

// Row is one line of a count as the store returns it.
type Row struct {
	Key    string
	Code   string
	Name   string
	NameEn string
	Extra  string
	Day    string
	N, M   int64
	V      int64
}

// Line is one ledger line as the use figures read it.
type Line struct {
	At     int64 // ms since the epoch
	Kind   string
	Reader int64 // 0: none (a visitor without a card)
	Class  int64
	Record int64
}

// HeldItem is one copy held as the collection figures read it.
type HeldItem struct {
	Record   int64
	CLC      string // the record's class, its first two characters
	Category int64  // 0: none
	Source   string
	Location int64
	PriceFen int64
}

// Figure is a count in the range beside the same count in the previous
// period.
type Figure struct {
	N    int64 `json:"n"`
	Prev int64 `json:"prev"`
}

// Change is the change from the previous period in percent, rounded;
// ok is false when the previous period had none.
func (f Figure) Change() (pct int64, ok bool) {
	if f.Prev == 0 {
		return 0, false
	}
	d := (f.N - f.Prev) * 100
	if d < 0 {
		return -((-d + f.Prev/2) / f.Prev), true
	}
	return (d + f.Prev/2) / f.Prev, true
}

// Count is one labelled line of a breakdown: N is the main count (copies,
// loans, activities), M a second one (titles, readers, attendance), V
// value in fen where there is one.
type Count struct {
	Key    string `json:"key"`
	Name   string `json:"name"`
	NameEn string `json:"name_en,omitempty"`
	N      int64  `json:"n"`
	M      int64  `json:"m"`
	V      int64  `json:"v,omitempty"`
	// Target is the year's target of a category's new volumes, 0 when
	// none was set (acquisitions by category).
	Target int64 `json:"target,omitempty"`
}

// Label is the name in lang.
func (c Count) Label(lang string) string {
	if lang == "en" && c.NameEn != "" {
		return c.NameEn
	}
	return c.Name
}

// Collection is the collection: what is held now, and what came in
// during the range.
type Collection struct {
	Copies   int64 `json:"copies"`    // 藏书量（册）: held now, lost and withdrawn not counted
	Titles   int64 `json:"titles"`    // 藏书种数
	ValueFen int64 `json:"value_fen"` // 藏书总值
	// EquipmentPieces and EquipmentFen are the room's equipment held now
	// (设备资产, retired lines not counted): pieces and value in fen.
	EquipmentPieces int64 `json:"equipment_pieces"`
	EquipmentFen    int64 `json:"equipment_fen"`
	// Added are the copies that came in during the range (新增藏书), its
	// titles and value.
	Added       Figure  `json:"added"`
	AddedTitles Figure  `json:"added_titles"`
	AddedValue  Figure  `json:"added_value_fen"`
	ByCLC       []Count `json:"by_clc"` // N copies, M titles, V value
	BySource    []Count `json:"by_source"`
	ByLocation  []Count `json:"by_location"`
	ByCategory  []Count `json:"by_category"`
	// Growth is the copies added per month of the range, with the
	// running total held at each month's end in M.
	Growth []Count `json:"growth"`
}

// Period is one month (or day, or year) of use.
type Period struct {
	Label    string `json:"label"` // 2026-03, 2026-03-05, 2026
	Loans    int64  `json:"loans"`
	Returns  int64  `json:"returns"`
	Renewals int64  `json:"renewals"`
	InRoom   int64  `json:"in_room"`
	Visits   int64  `json:"visits"`
	Served   int64  `json:"served"` // distinct readers served
}

// Ranked is one line of a ranking.
type Ranked struct {
	Rank  int    `json:"rank"`
	Key   string `json:"key"` // record id or card number
	Name  string `json:"name"`
	Extra string `json:"extra"` // call number, or class or unit
	N     int64  `json:"n"`
}

// Book is a title in a list (never lent, new books).
type Book struct {
	RecordID int64  `json:"record_id"`
	Title    string `json:"title"`
	CallNo   string `json:"call_number"`
	Copies   int64  `json:"copies"`
	Day      string `json:"day"`
	Extra    string `json:"extra,omitempty"`
}

// Use is how readers used the room in the range.
type Use struct {
	Loans     Figure `json:"loans"`     // 外借册次
	Returns   Figure `json:"returns"`   // 归还册次
	Renewals  Figure `json:"renewals"`  // 续借册次
	InRoom    Figure `json:"in_room"`   // 阅览册次
	Visits    Figure `json:"visits"`    // 到馆人次
	Served    Figure `json:"served"`    // 服务读者人数 (distinct)
	Borrowers Figure `json:"borrowers"` // 借阅人数
	Holds     Figure `json:"holds"`
	// ServedPerDay is the average of distinct readers served on a day the
	// room served anyone.
	ServedPerDay float64  `json:"served_per_day"`
	Days         []Period `json:"days,omitempty"` // only for ranges up to 92 days
	Months       []Period `json:"months"`
	Years        []Period `json:"years"`
	ByClass      []Count  `json:"by_class"`       // N loans, M borrowers
	ByReaderType []Count  `json:"by_reader_type"` // N loans, M borrowers
	// Heat counts the loans, returns, renewals, in-room uses and visits by
	// weekday (0 Sunday) and hour.
	Heat          [7][24]int64 `json:"heat"`
	TopBooks      []Ranked     `json:"top_books"`
	TopReaders    []Ranked     `json:"top_readers,omitempty"` // empty unless the library shows them
	ShowReaders   bool         `json:"show_readers"`
	NeverLent     int          `json:"never_lent"` // held titles never lent
	NeverLentList []Book       `json:"never_lent_list"`
}

// HeatMax is the largest cell of the heat map.
func (u Use) HeatMax() int64 {
	var m int64
	for _, d := range u.Heat {
		for _, n := range d {
			m = max(m, n)
		}
	}
	return m
}

// ClassFigures is one class's figures in the range.
type ClassFigures struct {
	ID          int64  `json:"id"`
	Name        string `json:"name"`
	Kind        string `json:"kind"`
	Start       string `json:"start"`
	End         string `json:"end"`
	HeadTeacher string `json:"head_teacher"`
	Members     int64  `json:"members"`
	Borrowers   int64  `json:"borrowers"` // members who borrowed in the range
	Loans       int64  `json:"loans"`
	InRoom      int64  `json:"in_room"`
	Visits      int64  `json:"visits"`
	Attendance  int64  `json:"attendance"` // activity sign-ins
	Cleared     int64  `json:"cleared"`    // members cleared (结业清还)
	// ListBooks is the required reading due: members × the titles of the
	// class's required-reading lists; ListDone how many of those a member
	// borrowed or read in the room.
	ListBooks int64 `json:"list_books"`
	ListDone  int64 `json:"list_done"`
}

// LoansPerTrainee is the loans per member, one decimal.
func (c ClassFigures) LoansPerTrainee() float64 {
	if c.Members == 0 {
		return 0
	}
	return float64(c.Loans*10/c.Members) / 10
}

// BorrowerPercent is the share of members who borrowed.
func (c ClassFigures) BorrowerPercent() int64 { return pct(c.Borrowers, c.Members) }

// ReadingPercent is the share of the required reading done, one
// decimal.
func (c ClassFigures) ReadingPercent() float64 {
	if c.ListBooks <= 0 {
		return 0
	}
	return float64(c.ListDone*1000/c.ListBooks) / 10
}

func pct(n, of int64) int64 {
	if of <= 0 {
		return 0
	}
	return n * 100 / of
}

// Activity is one event in the range.
type Activity struct {
	ID         int64     `json:"id"`
	Title      string    `json:"title"`
	Form       string    `json:"form"`
	Organiser  string    `json:"organiser"`
	StartsAt   time.Time `json:"starts_at"`
	Capacity   int64     `json:"capacity"`
	Registered int64     `json:"registered"`
	SignedIn   int64     `json:"signed_in"`
}

// Events is the events, bookings and receptions of the range.
type Events struct {
	Activities       Figure     `json:"activities"` // 举办活动场次
	Attendance       Figure     `json:"attendance"` // 参加人次 (sign-ins)
	Registrations    int64      `json:"registrations"`
	ByForm           []Count    `json:"by_form"`      // N activities, M attendance
	ByOrganiser      []Count    `json:"by_organiser"` // N activities, M attendance
	List             []Activity `json:"list"`
	Bookings         Figure     `json:"bookings"`           // approved bookings
	BookingsByStatus []Count    `json:"bookings_by_status"` // N bookings, M people expected
	Receptions       Figure     `json:"receptions"`         // 接待来访
	Guests           Figure     `json:"guests"`
	ByLevel          []Count    `json:"by_level"` // N receptions, M guests
}

// Acquisitions is what came in during the range and the year's target.
type Acquisitions struct {
	Added       Figure  `json:"added"`
	Titles      Figure  `json:"titles"`
	ValueFen    Figure  `json:"value_fen"`
	SpendingFen int64   `json:"spending_fen"` // value of the purchased copies
	BySource    []Count `json:"by_source"`    // N copies, M titles, V value
	ByCategory  []Count `json:"by_category"`
	// Year is the range's last year; Target its target of new volumes
	// (the default 500 when none was set) and YearCopies that year's
	// copies so far.
	Year       int   `json:"year"`
	Target     int   `json:"target"`
	TargetSet  bool  `json:"target_set"`
	YearCopies int64 `json:"year_copies"`
}

// Percent is the year's progress against its target, capped at 100.
func (a Acquisitions) Percent() int64 {
	if a.Target <= 0 {
		return 100
	}
	return min(100, a.YearCopies*100/int64(a.Target))
}

// Dashboard is every figure of a range.
type Dashboard struct {
	Range        Range          `json:"range"`
	Prev         Range          `json:"previous"`
	Collection   Collection     `json:"collection"`
	Use          Use            `json:"use"`
	Classes      []ClassFigures `json:"classes"`
	Events       Events         `json:"events"`
	Acquisitions Acquisitions   `json:"acquisitions"`
}

// NewBook is one title that came in during a range (新书通报).
type NewBook struct {
	RecordID  int64  `json:"record_id"`
	Title     string `json:"title"`
	Author    string `json:"author"`
	Publisher string `json:"publisher"`
	Year      int64  `json:"year"`
	ISBN      string `json:"isbn"`
	CallNo    string `json:"call_number"`
	Location  string `json:"location"`
	Source    string `json:"source"`
	Copies    int64  `json:"copies"`
	Day       string `json:"day"`
}

// Donation is one donor's gift in a range: a batch, or the donated
// copies entered without one.
type Donation struct {
	Batch    string `json:"batch"` // 捐字〔2026〕第001号, "" without a batch
	Day      string `json:"day"`
	Donor    string `json:"donor"`
	Unit     string `json:"unit"`
	Copies   int64  `json:"copies"`
	Titles   int64  `json:"titles"`
	ValueFen int64  `json:"value_fen"`
}

// Periodical is one subscription's issues in a range (报刊记到).
type Periodical struct {
	Title     string `json:"title"`
	ISSN      string `json:"issn"`
	CN        string `json:"cn"`
	Frequency string `json:"frequency"`
	Copies    int64  `json:"copies"`   // subscribed
	Expected  int64  `json:"expected"` // issues due in the range
	Received  int64  `json:"received"` // issues checked in during the range
	Pieces    int64  `json:"pieces"`   // copies checked in
	Claimed   int64  `json:"claimed"`
	Missing   int64  `json:"missing"` // due in the range, past, not received
}

// ClassReader is one member's reading in a class report.
type ClassReader struct {
	Card     string   `json:"card"`
	Name     string   `json:"name"`
	Unit     string   `json:"unit"`
	Phone    string   `json:"phone"`
	Loans    int64    `json:"loans"`
	InRoom   int64    `json:"in_room"`
	Visits   int64    `json:"visits"`
	Attended int64    `json:"attended"`
	OnLoan   int64    `json:"on_loan"` // not yet returned
	ListDone int64    `json:"list_done"`
	Titles   []string `json:"titles"` // what they borrowed, most recent first
	Cleared  bool     `json:"cleared"`
}

// ClassReport is the class head teacher's report of a class's reading.
type ClassReport struct {
	Class      ClassFigures  `json:"class"`
	ListTitles int64         `json:"list_titles"`
	Readers    []ClassReader `json:"readers"`
	TopBooks   []Ranked      `json:"top_books"`
}
