// Package seats is seat reservations for exam seasons (座位预约): the
// reading tables of a space laid out on a grid, each with its numbered
// seats (A1–A10 …); a reader reserves one seat for a time slot of an open
// day, checks in by scanning the QR code stuck on the seat with their
// logged-in phone, and a reservation nobody checked in to is released by
// the server itself after NoShowMinutes, its seat free again. The desk sees
// today's board and checks in or releases by hand. Check-ins are ledger
// lines tied to the reader and their class, like visits.
//
// The feature is off until the librarian switches it on (Settings.Enabled).
package seats

import "time"

// Table is one reading table of a space, placed on the map's grid
// (Row and Col from 1), with its seats numbered from 1.
type Table struct {
	ID      int64  `json:"id"`
	SpaceID int64  `json:"space_id"`
	Name    string `json:"name"` // A, B … or 靠窗一号桌
	Row     int    `json:"row"`
	Col     int    `json:"col"`
	Seats   []Seat `json:"seats"`
}

// Seat is one chair at a table. Its label is the table's name and its
// number (A3); Code is the secret in the QR code stuck on it.
type Seat struct {
	ID      int64  `json:"id"`
	TableID int64  `json:"table_id"`
	Number  int    `json:"number"`
	Label   string `json:"label"`
	Code    string `json:"-"`
}

// TableDraft is a table as the librarian edits it: its name, its place on
// the grid and how many seats it has.
type TableDraft struct {
	ID      int64  `json:"id,omitempty"`
	SpaceID int64  `json:"space_id"`
	Name    string `json:"name"`
	Row     int    `json:"row"`
	Col     int    `json:"col"`
	Seats   int    `json:"seats"`
}

// Grid bounds: the map is at most GridSize × GridSize cells, a table at
// most MaxSeats seats.
const (
	GridSize = 8
	MaxSeats = 20
)

// Status is where a reservation stands.
type Status string

// Reservation statuses. Reserved and checked-in reservations hold their
// seat for their slot.
const (
	Reserved  Status = "reserved"   // 已预约, waiting for the reader
	CheckedIn Status = "checked_in" // 已签到, the reader is in the seat
	Released  Status = "released"   // 已释放: nobody came within NoShowMinutes, or the desk released it
	Cancelled Status = "cancelled"  // 已取消 by the reader or the desk
	Finished  Status = "finished"   // 已离座: checked in, then left (the desk freed the seat)
)

// Holds reports whether a reservation in this status keeps its seat.
func (s Status) Holds() bool { return s == Reserved || s == CheckedIn }

// Reservation is one reader's seat for one slot of one day.
type Reservation struct {
	ID          int64     `json:"id"`
	SeatID      int64     `json:"seat_id"`
	SeatLabel   string    `json:"seat_label"`
	SpaceID     int64     `json:"space_id"`
	ReaderID    int64     `json:"reader_id"`
	ReaderName  string    `json:"reader_name"`
	ReaderCard  string    `json:"reader_card"`
	ClassID     int64     `json:"class_id,omitempty"`
	Start       time.Time `json:"start"`
	End         time.Time `json:"end"`
	Status      Status    `json:"status"`
	CheckedInAt time.Time `json:"checked_in_at,omitzero"`
	EndedAt     time.Time `json:"ended_at,omitzero"`
	CreatedAt   time.Time `json:"created_at"`
}

// Request is a reservation as a reader asks for it: a seat, a date and a
// time range on it.
type Request struct {
	SeatID int64  `json:"seat_id"`
	Date   string `json:"date"` // YYYY-MM-DD
	From   string `json:"from"` // HH:MM
	To     string `json:"to"`   // HH:MM
}

// Filter narrows a listing of reservations.
type Filter struct {
	From, To time.Time // overlapping [From, To)
	ReaderID int64
	SeatID   int64
	Statuses []Status
	Limit    int
}

// State is what a seat is during a slot.
type State string

// Seat states on the map.
const (
	Free     State = "free"     // 空闲
	Taken    State = "reserved" // 已预约
	Occupied State = "occupied" // 使用中: the reader checked in
	Blocked  State = "blocked"  // 不开放: a booking takes the room
)

// SeatState is a seat on the board with what it is during the slot, and
// the reservation that makes it so.
type SeatState struct {
	Seat
	State       State        `json:"state"`
	Reservation *Reservation `json:"reservation,omitempty"`
}

// TableState is a table on the board.
type TableState struct {
	Table
	States []SeatState `json:"states"`
}

// Board is the seat map for a slot: every table with its seats' states,
// the free count, and the booking that closes the room then, if any.
type Board struct {
	SpaceID   int64        `json:"space_id"`
	SpaceName string       `json:"space_name"`
	Start     time.Time    `json:"start"`
	End       time.Time    `json:"end"`
	Tables    []TableState `json:"tables"`
	Free      int          `json:"free"`
	Reserved  int          `json:"reserved"` // seats reserved, nobody in yet
	Occupied  int          `json:"occupied"` // seats whose reader checked in
	Total     int          `json:"total"`
	// BlockedBy names the approved booking that takes the room (or the
	// seats' space) during the slot: no seat can be reserved then.
	BlockedBy string `json:"blocked_by,omitempty"`
	Rows      int    `json:"rows"`
	Cols      int    `json:"cols"`
}

// Settings are the feature's own settings.
type Settings struct {
	// Enabled switches seat reservations on (exam seasons).
	Enabled bool `json:"enabled"`
	// NoShowMinutes: a reservation nobody checked in to this long after
	// its start is released and its seat is free again.
	NoShowMinutes int `json:"no_show_minutes"`
	// SpaceID is the space whose tables are reserved (阅览室 by default).
	SpaceID int64 `json:"space_id"`
}

// SettingsKey is the settings key of the seats' settings.
const SettingsKey = "seats"

// Defaults: off, released after 15 minutes, the reading room (space 3).
const (
	DefaultNoShow  = 15
	DefaultSpaceID = 3
	MaxNoShow      = 120
)

// EarlyCheckIn is how long before its start a reservation can be checked in.
const EarlyCheckIn = 15 * time.Minute

// CheckInPath is the address the QR code on a seat opens.
func CheckInPath(seatID int64, code string) string {
	return "/opac/seats/" + itoa(seatID) + "/checkin?c=" + code
}

// ForReader is the board as a reader (readerID, 0 for anyone) may see it:
// the seats' states, and no one's reservation but their own.
func (b Board) ForReader(readerID int64) Board {
	out := b
	out.Tables = make([]TableState, len(b.Tables))
	for i, t := range b.Tables {
		nt := t
		nt.States = make([]SeatState, len(t.States))
		for j, s := range t.States {
			if s.Reservation != nil && (readerID == 0 || s.Reservation.ReaderID != readerID) {
				s.Reservation = nil
			}
			nt.States[j] = s
		}
		out.Tables[i] = nt
	}
	return out
}
