// Package visits is entry registration (入馆登记): a reader's card or QR
// code scanned at the desk or the door tablet, or a visitor without a card
// counted, each a line of the one ledger (ledger.Visit, ledger.VisitLeave)
// tied to the reader and their class; and the room's live occupancy
// against its seats, which the staff home page and the door display show.
//
// Leaving is optional. A reader who scans again after RescanWindow is
// counted out; everyone still in is counted out at closing time, when the
// count starts afresh (the lines stay as they are: occupancy is read from
// the ledger since the last closing, so nothing has to run at closing).
package visits

import (
	"time"

	"shuwu/internal/readers"
	"shuwu/internal/room"
)

// RescanWindow is how soon a second scan of the same card counts for
// nothing: a reader who scans twice at the door, or a scanner that reads
// twice, is one visit. A scan after it counts the reader out (or in again).
const RescanWindow = 2 * time.Minute

// MaxGuests is the most visitors without a card one press counts.
const MaxGuests = 50

// Via is where a visit was registered.
type Via string

// The places a visit is registered.
const (
	Desk  Via = "desk"  // the desk's entry page (入馆登记)
	Kiosk Via = "kiosk" // the door tablet (门口平板)
	API   Via = "api"
)

// Outcome is what a scan did.
type Outcome string

// Scan outcomes.
const (
	Entered Outcome = "entered" // counted in (入馆)
	Left    Outcome = "left"    // counted out (离馆)
)

// Result is a scan's answer: who, what happened and the room afterwards.
type Result struct {
	Outcome Outcome `json:"outcome"`
	// Counted is false for a scan within RescanWindow of the reader's
	// last one: it repeats what that one did and counts nothing.
	Counted bool           `json:"counted"`
	Reader  readers.Reader `json:"reader"`
	// ClassName is the class the visit counts for ("" when none).
	ClassName string `json:"class_name,omitempty"`
	// Since is when the reader came in: for a leaving, and for an entry
	// scanned again.
	Since time.Time `json:"since,omitzero"`
	// CardIssue names a card not in good standing: "expired", or its
	// status (lost, suspended, cancelled). The visit is counted all the
	// same (a reading room lets everyone read); the desk is told.
	CardIssue string    `json:"card_issue,omitempty"`
	Occupancy Occupancy `json:"occupancy"`
}

// Occupancy is the room now: who is in against its seats, today's
// visits, and whether it is open.
type Occupancy struct {
	Inside   int `json:"inside"`   // people in the room now
	Capacity int `json:"capacity"` // the whole room's seats
	// Visits counts today's entries (person-visits, 人次), Readers the
	// distinct cardholders among them and Guests the visitors without a card.
	Visits  int    `json:"visits"`
	Readers int    `json:"readers"`
	Guests  int    `json:"guests"`
	Opens   string `json:"opens"`  // HH:MM
	Closes  string `json:"closes"` // HH:MM
	// Open: today is an open day and now is within the hours.
	Open bool `json:"open"`
	// ClosedToday: today is a closed day of the calendar.
	ClosedToday bool `json:"closed_today"`
	// Closure is the approved whole-room booking under way now, which
	// closes the room to walk-in reading; Later are today's still to come.
	Closure *room.Booking  `json:"closure,omitempty"`
	Later   []room.Booking `json:"later,omitempty"`
	At      time.Time      `json:"at"`
}

// Full reports whether every seat is taken.
func (o Occupancy) Full() bool { return o.Capacity > 0 && o.Inside >= o.Capacity }

// Percent is the share of seats taken, 0–100 (more when over capacity).
func (o Occupancy) Percent() int {
	if o.Capacity <= 0 {
		return 0
	}
	return o.Inside * 100 / o.Capacity
}

// Counts are the ledger's visit figures since a moment, as the store
// reads them.
type Counts struct {
	InsideReaders int // cardholders whose last line since the session start is an entry
	GuestsIn      int // visitors without a card counted in since the session start
	GuestsOut     int // and counted out
	Visits        int // entries since the start of the day
	Readers       int // distinct cardholders among them
	Guests        int // entries without a card since the start of the day
}

// Line is one recent visit line for the desk's list.
type Line struct {
	ID         int64     `json:"id"`
	At         time.Time `json:"at"`
	Left       bool      `json:"left"` // a leaving line
	ReaderID   int64     `json:"reader_id,omitempty"`
	ReaderCard string    `json:"reader_card,omitempty"`
	ReaderName string    `json:"reader_name,omitempty"`
	ClassName  string    `json:"class_name,omitempty"`
	Via        Via       `json:"via"`
}

// YearCount is the visits of one year, for statistics.
type YearCount struct {
	Year    int `json:"year"`
	Visits  int `json:"visits"`  // person-visits (人次)
	Readers int `json:"readers"` // distinct cardholders
	Guests  int `json:"guests"`
}

// Free is the seats still free (0 when full).
func (o Occupancy) Free() int { return max(0, o.Capacity-o.Inside) }

// Bar is Percent capped at 100, for a bar's width.
func (o Occupancy) Bar() int { return min(100, o.Percent()) }
