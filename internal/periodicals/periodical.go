// Package periodicals keeps the newspapers and magazines the duty staff
// put out (报刊): subscriptions for a year (title, ISSN, 国内统一刊号, frequency,
// copies, source, price), the expected issues generated from the
// frequency, check-in (记到) by scanning or one click, late issues for
// claiming (催缺), the portal's reading rack of current issues, and the
// binding (合订) of a year's issues into a catalogued volume.
package periodicals

import (
	"fmt"
	"time"
)

// Frequency is how often a title appears.
type Frequency string

// The frequencies of Chinese periodicals.
const (
	Daily       Frequency = "daily"       // 日报
	Weekly      Frequency = "weekly"      // 周刊 / 周报
	Dekad       Frequency = "dekad"       // 旬刊: the 1st, 11th and 21st
	Semimonthly Frequency = "semimonthly" // 半月刊: the 1st and 16th
	Monthly     Frequency = "monthly"     // 月刊
	Bimonthly   Frequency = "bimonthly"   // 双月刊
	Quarterly   Frequency = "quarterly"   // 季刊
)

var frequencyLabels = map[Frequency][2]string{
	Daily: {"日报", "daily"}, Weekly: {"周刊", "weekly"}, Dekad: {"旬刊", "three a month"}, Semimonthly: {"半月刊", "semimonthly"},
	Monthly: {"月刊", "monthly"}, Bimonthly: {"双月刊", "bimonthly"}, Quarterly: {"季刊", "quarterly"},
}

// Frequencies lists them in order, most frequent first.
func Frequencies() []Frequency {
	return []Frequency{Daily, Weekly, Dekad, Semimonthly, Monthly, Bimonthly, Quarterly}
}

// Label returns the frequency's name in lang.
func (f Frequency) Label(lang string) string {
	l, ok := frequencyLabels[f]
	if !ok {
		return string(f)
	}
	if lang == "en" {
		return l[1]
	}
	return l[0]
}

// Valid reports whether f is known.
func (f Frequency) Valid() bool { _, ok := frequencyLabels[f]; return ok }

// Grace is how many days after its expected day an issue counts as late: post
// to a county town takes days, a monthly's printing drifts.
func (f Frequency) Grace() int {
	switch f {
	case Daily:
		return 3
	case Weekly:
		return 7
	case Dekad, Semimonthly:
		return 10
	}
	return 20
}

// Sources are the usual ways a reading room gets periodicals; the first
// is the default.
var Sources = []string{"邮局订阅", "出版社直订", "单位赠阅", "馆藏调拨"}

// Subscription is one title subscribed for one year.
type Subscription struct {
	ID        int64     `json:"id"`
	Title     string    `json:"title"`
	ISSN      string    `json:"issn,omitempty"`
	CN        string    `json:"cn,omitempty"`
	Frequency Frequency `json:"frequency"`
	Copies    int       `json:"copies"`
	Year      int       `json:"year"`
	Source    string    `json:"source"`
	PriceFen  int64     `json:"price_fen"`
	CLC       string    `json:"clc,omitempty"`
	// StartDate (起订日期) is the first day the subscription runs: issues
	// before it are not expected (a subscription entered mid-year).
	// Empty means the 1st of January.
	StartDate string `json:"start_date"`
	// EndDate is the day the subscription was ended (结束订阅) before the
	// year was out; empty while it runs. No issue after it is expected.
	EndDate   string    `json:"end_date,omitempty"`
	Notes     string    `json:"notes,omitempty"`
	CreatedAt time.Time `json:"created_at"`
	UpdatedAt time.Time `json:"updated_at"`

	// Read with the subscription: issues expected so far (due by today),
	// received, late, and the latest received.
	Expected int    `json:"expected"`
	Received int    `json:"received"`
	Late     int    `json:"late"`
	Total    int    `json:"total"`
	Latest   *Issue `json:"latest,omitempty"`
}

// Issue is one expected issue.
type Issue struct {
	ID             int64  `json:"id"`
	SubscriptionID int64  `json:"subscription_id"`
	Seq            int    `json:"seq"`
	Label          string `json:"label"`
	ExpectedDate   string `json:"expected_date"`
	ReceivedDate   string `json:"received_date,omitempty"`
	ReceivedCopies int    `json:"received_copies"`
	ClaimedDate    string `json:"claimed_date,omitempty"`
	BoundItemID    int64  `json:"bound_item_id,omitempty"`
	// Title is the subscription's, read with late issues.
	Title string `json:"title,omitempty"`
}

// Received reports whether the issue is checked in.
func (i Issue) Received() bool { return i.ReceivedDate != "" }

// Schedule lists a year's expected issues for a frequency: their number
// in the year, label and day.
func Schedule(f Frequency, year int, tz *time.Location) []Issue {
	day := func(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, tz) }
	var days []time.Time
	switch f {
	case Daily:
		for d := day(1, 1); d.Year() == year; d = d.AddDate(0, 0, 1) {
			days = append(days, d)
		}
	case Weekly:
		for d := day(1, 1); d.Year() == year; d = d.AddDate(0, 0, 7) {
			days = append(days, d)
		}
	case Dekad:
		for m := time.January; m <= time.December; m++ {
			days = append(days, day(m, 1), day(m, 11), day(m, 21))
		}
	case Semimonthly:
		for m := time.January; m <= time.December; m++ {
			days = append(days, day(m, 1), day(m, 16))
		}
	case Monthly, Bimonthly, Quarterly:
		step := map[Frequency]int{Monthly: 1, Bimonthly: 2, Quarterly: 3}[f]
		for m := 1; m <= 12; m += step {
			days = append(days, day(time.Month(m), 1))
		}
	}
	out := make([]Issue, len(days))
	for i, d := range days {
		label := fmt.Sprintf("第%d期", i+1)
		if f == Daily {
			label = fmt.Sprintf("%d月%d日", d.Month(), d.Day())
		}
		out[i] = Issue{Seq: i + 1, Label: label, ExpectedDate: d.Format(time.DateOnly)}
	}
	return out
}
