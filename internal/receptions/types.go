// Package receptions is the reading room's record of leader and guest
// visits (接待记录): who came (names and titles), who accompanied them,
// what they were shown, and remarks — the visits a Party-school reading
// room reports each year ("7 prefecture leaders visited"). Librarians
// keep the record; leadership reads it.
package receptions

import "time"

// Level is the rank of a reception's principal guest, by which the year's
// receptions are counted.
type Level string

// Levels, highest first.
const (
	Province   Level = "province"   // 省级领导
	Prefecture Level = "prefecture" // 州（市）级领导
	County     Level = "county"     // 县（市）级领导
	Peer       Level = "peer"       // 兄弟单位、党校同行
	Other      Level = "other"      // 其他来宾
)

// Levels lists the levels in order, highest first.
var Levels = []Level{Province, Prefecture, County, Peer, Other}

var levelLabels = map[Level][2]string{
	Province:   {"省级领导", "provincial leaders"},
	Prefecture: {"州级领导", "prefecture leaders"},
	County:     {"县市级领导", "county leaders"},
	Peer:       {"兄弟单位", "peer institutions"},
	Other:      {"其他来宾", "other guests"},
}

// Label is the level in lang ("zh" or "en").
func (l Level) Label(lang string) string {
	v, ok := levelLabels[l]
	if !ok {
		return string(l)
	}
	if lang == "en" {
		return v[1]
	}
	return v[0]
}

// Valid reports whether l is a known level.
func (l Level) Valid() bool { _, ok := levelLabels[l]; return ok }

// Guest is one visitor: a name and their title (职务).
type Guest struct {
	Name  string `json:"name"`
	Title string `json:"title,omitempty"`
}

// Reception is one visit of leaders or guests.
type Reception struct {
	ID    int64  `json:"id"`
	Date  string `json:"date"` // YYYY-MM-DD
	Level Level  `json:"level"`
	// Guests are the visitors, the principal one first.
	Guests []Guest `json:"guests"`
	// Accompanying are the officials who came with them or received them
	// (陪同人员), as written.
	Accompanying string    `json:"accompanying,omitempty"`
	Shown        string    `json:"shown,omitempty"` // what they were shown (参观内容)
	Remarks      string    `json:"remarks,omitempty"`
	CreatedBy    string    `json:"created_by,omitempty"`
	CreatedAt    time.Time `json:"created_at"`
	UpdatedAt    time.Time `json:"updated_at"`
}

// Principal is the first guest, or a zero Guest.
func (r Reception) Principal() Guest {
	if len(r.Guests) == 0 {
		return Guest{}
	}
	return r.Guests[0]
}

// YearCount is a year's receptions for the statistics.
type YearCount struct {
	Year       int          `json:"year"`
	Receptions int          `json:"receptions"`
	Guests     int          `json:"guests"` // visitors in all
	ByLevel    []LevelCount `json:"by_level"`
}

// LevelCount is a year's receptions of one level.
type LevelCount struct {
	Level      Level `json:"level"`
	Receptions int   `json:"receptions"`
	Guests     int   `json:"guests"`
}

// Of returns the count of one level.
func (y YearCount) Of(l Level) LevelCount {
	for _, c := range y.ByLevel {
		if c.Level == l {
			return c
		}
	}
	return LevelCount{Level: l}
}

// Limits of what a reception holds.
const (
	MaxGuests       = 30
	MaxName         = 20
	MaxTitle        = 60
	MaxAccompanying = 300
	MaxShown        = 500
	MaxRemarks      = 1000
)
