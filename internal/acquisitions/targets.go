// Package acquisitions follows how the collection grows: the yearly
// target of new volumes (默认 500 册，文章：书刊每年更新500册以上) overall and
// per local category, and the year's progress by the four sources and by
// category, with the list of what came in.
package acquisitions

import (
	"time"

	"shuwu/internal/catalog"
)

// DefaultVolumes is a year's target when none was set.
const DefaultVolumes = 500

// MaxVolumes bounds a target.
const MaxVolumes = 100000

// Target is one year's goal.
type Target struct {
	Year    int `json:"year"`
	Volumes int `json:"volumes"`
	// Categories maps a category id to its target; categories without
	// one are not listed.
	Categories map[int64]int `json:"categories"`
	// Set is false while the year has the default.
	Set       bool      `json:"set"`
	UpdatedAt time.Time `json:"updated_at"`
}

// SourceCount is the year's new copies of one source.
type SourceCount struct {
	Source catalog.Source `json:"source"`
	Copies int            `json:"copies"`
}

// CategoryCount is the year's new copies of one category against its
// target (0 when none was set).
type CategoryCount struct {
	Category catalog.Category `json:"category"`
	Copies   int              `json:"copies"`
	Target   int              `json:"target"`
}

// Percent is how much of the category's target is met, capped at 100.
func (c CategoryCount) Percent() int { return percent(c.Copies, c.Target) }

// Progress is the year so far.
type Progress struct {
	Target     Target          `json:"target"`
	Copies     int             `json:"copies"`
	Titles     int             `json:"titles"`
	ValueFen   int64           `json:"value_fen"`
	Sources    []SourceCount   `json:"sources"`
	Categories []CategoryCount `json:"categories"`
}

// Percent is how much of the year's target is met, capped at 100.
func (p Progress) Percent() int { return percent(p.Copies, p.Target.Volumes) }

// Met reports whether the year's target is reached.
func (p Progress) Met() bool { return p.Copies >= p.Target.Volumes }

func percent(n, of int) int {
	if of <= 0 {
		return 100
	}
	return min(100, n*100/of)
}

// Arrival is one title's copies that came in on one day from one source.
type Arrival struct {
	RecordID int64          `json:"record_id"`
	Title    string         `json:"title"`
	Date     string         `json:"date"`
	Source   catalog.Source `json:"source"`
	Category string         `json:"category"`
	Copies   int            `json:"copies"`
	CallNo   string         `json:"call_number"`
}

// ArrivalFilter narrows a year's arrivals.
type ArrivalFilter struct {
	Year       int
	Source     catalog.Source
	CategoryID int64
	Number     int // 1-based page
	Size       int
}

// YearCounts is what the store counts of a year's new copies.
type YearCounts struct {
	Copies     int
	Titles     int
	ValueFen   int64
	BySource   map[catalog.Source]int
	ByCategory map[int64]int // 0: no category
}
