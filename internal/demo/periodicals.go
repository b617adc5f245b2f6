package demo

import (
	"time"

	"shuwu/internal/periodicals"
	"shuwu/internal/store"
)

// demoTitles are the newspapers and magazines the duty staff put out
// (文章：报刊、杂志的更新): the Party's journals, the central and provincial
// papers and 湘西's own 《团结报》. Numbers are given where they are sure;
// the librarian fills in the rest.
var demoTitles = []periodicals.Subscription{
	{Title: "求是", ISSN: "1002-4980", CN: "CN11-1000/D", Frequency: periodicals.Semimonthly, Copies: 3, PriceFen: 36000, CLC: "D2"},
	{Title: "人民日报", CN: "CN11-0065", Frequency: periodicals.Daily, Copies: 2, PriceFen: 59760},
	{Title: "党建", Frequency: periodicals.Monthly, Copies: 3, PriceFen: 9600, CLC: "D26"},
	{Title: "中国纪检监察", Frequency: periodicals.Semimonthly, Copies: 2, PriceFen: 28800, CLC: "D262.6"},
	{Title: "半月谈", Frequency: periodicals.Semimonthly, Copies: 2, PriceFen: 19200, CLC: "D6"},
	{Title: "学习时报", Frequency: periodicals.Weekly, Copies: 1, PriceFen: 18000},
	{Title: "新湘评论", Frequency: periodicals.Semimonthly, Copies: 2, PriceFen: 14400, CLC: "D2"},
	{Title: "湖南日报", Frequency: periodicals.Daily, Copies: 1, PriceFen: 43200},
	{Title: "团结报", Frequency: periodicals.Daily, Copies: 2, PriceFen: 36000},
}

// loadPeriodicals subscribes to the titles for last year and this, checks
// in what has come (a day or three after its date), leaves two issues of
// this year late (one already claimed), and binds last year's 《求是》 and
// 《党建》 into volumes on the reading-room shelf.
func (l *loader) loadPeriodicals() error {
	// The bound volumes are catalogued now, not on the simulated clock
	// the history runs on, which still stands at the opening.
	saved := l.clk.t
	l.clk.t = l.now
	defer func() { l.clk.t = saved }()
	svc := periodicals.NewService(l.db.Periodicals(), l.cat, l.tz, func() time.Time { return l.now })
	today := l.today.Format(time.DateOnly)
	var reading int64
	locs, err := l.cat.Locations(l.ctx)
	if err != nil {
		return err
	}
	for _, loc := range locs {
		if loc.Code == "reading" {
			reading = loc.ID
		}
	}
	for _, year := range []int{l.today.Year() - 1, l.today.Year()} {
		for n, t := range demoTitles {
			t.Year, t.Source = year, "邮局订阅"
			if t.Title == "团结报" {
				t.Source = "单位赠阅"
			}
			sub, err := svc.Subscribe(l.ctx, t)
			if err != nil {
				return err
			}
			_, issues, err := svc.Issues(l.ctx, sub.ID)
			if err != nil {
				return err
			}
			// The last issues due this year stay out: one of 《中国纪检监察》
			// (not yet claimed) and one of 《新湘评论》 (claimed).
			missing := map[int]string{}
			if year == l.today.Year() {
				due := 0
				for _, is := range issues {
					if is.ExpectedDate <= today {
						due = is.Seq
					}
				}
				switch t.Title {
				case "中国纪检监察":
					missing[due-2] = ""
				case "新湘评论":
					missing[due-3] = l.today.AddDate(0, 0, -4).Format(time.DateOnly)
				}
			}
			err = l.db.Update(l.ctx, func(tx *store.Tx) error {
				for _, is := range issues {
					day, _ := time.ParseInLocation(time.DateOnly, is.ExpectedDate, l.tz)
					in := day.AddDate(0, 0, 1+(is.Seq+n)%3)
					if in.After(l.today) {
						continue
					}
					if claimed, late := missing[is.Seq]; late {
						is.ClaimedDate = claimed
					} else {
						is.ReceivedDate, is.ReceivedCopies = in.Format(time.DateOnly), sub.Copies
					}
					if err := tx.UpdateIssue(&is); err != nil {
						return err
					}
				}
				return nil
			})
			if err != nil {
				return err
			}
			if year < l.today.Year() && (t.Title == "求是" || t.Title == "党建") {
				if _, _, err := svc.Bind(l.ctx, sub.ID, nil, "", reading); err != nil {
					return err
				}
			}
		}
	}
	return nil
}
