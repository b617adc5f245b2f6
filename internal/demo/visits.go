package demo

import (
	"fmt"
	"math/rand/v2"
	"sort"
	"time"

	"shuwu/internal/displays"
	"shuwu/internal/errs"
	"shuwu/internal/ledger"
	"shuwu/internal/receptions"
	"shuwu/internal/store"
)

// visitDays is how far back the history registers daily entries (入馆登记):
// the last year, as a room that started scanning cards a year ago.
const visitDays = 365

// visitLine is one entry or leaving of a day, before it is written.
type visitLine struct {
	at      time.Time
	leave   bool
	reader  int64
	class   int64
	viaDesk bool
}

// dailyVisits registers the day's entries at the door: trainees of the
// classes running that day (after class, at lunch and in the evening),
// staff now and then, and visitors without a card; some scan again on the
// way out. Written in one transaction per day in time order, as the
// visits service writes each scan (ledger kinds visit and visit_leave,
// with the reader's class and where it was scanned). Today's stop at the
// present moment, so the demo shows people in the room now.
func (h *history) dailyVisits() error {
	if h.day.Before(h.today.AddDate(0, 0, -visitDays)) {
		return nil
	}
	if h.vrnd == nil {
		h.vrnd = rand.New(rand.NewPCG(uint64(h.opts.Seed), 0x5155_17))
	}
	r := h.vrnd
	opens := time.Date(h.day.Year(), h.day.Month(), h.day.Day(), 8, 30, 0, 0, h.tz)
	// When people come: mostly at lunch, after class and in the evening.
	slots := []struct{ from, to int }{{0, 60}, {180, 300}, {510, 600}, {600, 720}, {720, 750}}
	at := func() time.Time {
		s := slots[r.IntN(len(slots))]
		return opens.Add(time.Duration(s.from+r.IntN(s.to-s.from)) * time.Minute).Add(time.Duration(r.IntN(60)) * time.Second)
	}
	var lines []visitLine
	add := func(reader, class int64) {
		in := at()
		lines = append(lines, visitLine{at: in, reader: reader, class: class, viaDesk: r.Float64() < 0.2})
		if reader != 0 && r.Float64() < 0.4 {
			out := in.Add(time.Duration(30+r.IntN(120)) * time.Minute)
			if out.Before(opens.Add(13 * time.Hour)) {
				lines = append(lines, visitLine{at: out, leave: true, reader: reader, class: class})
			}
		}
	}
	for _, c := range h.classes {
		if !c.enrolled || h.day.Before(c.start) || h.day.After(c.end) {
			continue
		}
		for _, m := range c.members {
			if r.Float64() < 0.4 {
				add(m.p.id, c.id)
			}
		}
	}
	for _, p := range h.staff {
		if r.Float64() < 0.08 {
			add(p.id, 0)
		}
	}
	for range r.IntN(7) {
		add(0, 0)
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].at.Before(lines[j].at) })
	if h.day.Equal(h.today) {
		n := sort.Search(len(lines), func(i int) bool { return lines[i].at.After(h.now) })
		lines = lines[:n]
	}
	if len(lines) == 0 {
		return nil
	}
	return h.db.Update(h.ctx, func(tx *store.Tx) error {
		for _, v := range lines {
			e := ledger.Entry{Kind: ledger.Visit, At: v.at, ReaderID: v.reader, ClassID: v.class, SpaceID: spaceWholeRoom, Detail: `{"via":"kiosk"}`}
			if v.leave {
				e.Kind = ledger.VisitLeave
			}
			switch {
			case v.reader == 0:
				e.Detail = `{"guest":true,"via":"desk"}`
			case v.viaDesk:
				e.Detail = `{"via":"desk"}`
			}
			if err := tx.AppendLedger(&e); err != nil {
				return err
			}
			if e.Kind == ledger.Visit {
				h.sum.Visits++
			}
		}
		return nil
	})
}

// plannedReception is a leader's or guest's visit the history records on
// its day.
type plannedReception struct {
	day string
	rec receptions.Reception
}

// planReceptions lays out the visits the article reports: since the room
// opened in August 2022, seven prefecture leaders (州领导) came to inspect
// it, and sister Party schools came to see it. Four came in the first
// months; the rest are spread over the last year, so the record of the
// current year is not empty.
func (l *loader) planReceptions() []plannedReception {
	host := "州委党校常务副校长 向东、机关党委书记 彭丽"
	leaders := []struct {
		name, title, shown, remarks string
		day                         time.Time
		aides                       []receptions.Guest
	}{
		{"田志远", "州委常委、州直机关工委书记", "党建书屋“一室多能”布局：藏书室、阅览室、休闲讨论区、电子资料查阅台；州直基层党建示范单位创建台账",
			"充分肯定与州直工委共建党建书屋的做法，要求打造成党员教育新阵地。", l.date("2022-09-20"), []receptions.Guest{{Name: "龙海燕", Title: "州直机关工委副书记"}}},
		{"覃建华", "州委副书记", "党的二十大报告单行本及辅导读物专架、学员读书笔记", "要求把书屋作为学员“补钙充电”的红色阵地，服务好主体班教学。",
			l.date("2022-11-08"), []receptions.Guest{{Name: "张晓", Title: "州委办公室副主任"}}},
		{"吴春生", "州委常委、组织部部长", "2022年秋季科干班“学习《习近平谈治国理政》（第四卷）”读书分享活动展板、借阅统计", "对主体班学员借阅情况表示肯定，要求与干部培训深度结合。",
			l.date("2023-03-21"), []receptions.Guest{{Name: "符丽", Title: "州委组织部干部教育科科长"}}},
		{"杨青松", "州委常委、宣传部部长", "红色经典专架、“清廉湘西”主题党日活动记录", "要求进一步丰富理论读物，办好读书分享活动。",
			l.date("2023-05-16"), nil},
		{"彭国庆", "州人大常委会副主任", "书屋藏书结构（A、D 类）、报刊阅览", "", l.today.AddDate(0, 0, -200), nil},
		{"向秀梅", "州政协副主席", "休闲讨论区、青年理论学习小组集中学习记录", "对书屋服务学员和教职工的成效给予肯定。", l.today.AddDate(0, 0, -90),
			[]receptions.Guest{{Name: "石磊", Title: "州政协办公室副主任"}}},
		{"滕远航", "副州长", "电子资料查阅台、入馆登记与在馆人数大屏", "要求总结书屋建设经验，在州直机关推广。", l.today.AddDate(0, 0, -20), nil},
	}
	var out []plannedReception
	for _, g := range leaders {
		d := l.openDayNear(g.day)
		out = append(out, plannedReception{day: d.Format(time.DateOnly), rec: receptions.Reception{Date: d.Format(time.DateOnly), Level: receptions.Prefecture,
			Guests: append([]receptions.Guest{{Name: g.name, Title: g.title}}, g.aides...), Accompanying: host, Shown: g.shown, Remarks: g.remarks}})
	}
	peers := []struct {
		day    time.Time
		guests []receptions.Guest
	}{
		{l.date("2023-04-11"), []receptions.Guest{{Name: "李建新", Title: "怀化市委党校副校长"}, {Name: "陈曦", Title: "怀化市委党校图书馆馆长"}, {Name: "黄敏", Title: "怀化市委党校办公室主任"}}},
		{l.today.AddDate(0, 0, -45), []receptions.Guest{{Name: "周海", Title: "吉首市委党校常务副校长"}, {Name: "梁静", Title: "吉首市委党校教务科科长"}}},
	}
	for _, p := range peers {
		d := l.openDayNear(p.day)
		out = append(out, plannedReception{day: d.Format(time.DateOnly), rec: receptions.Reception{Date: d.Format(time.DateOnly), Level: receptions.Peer,
			Guests: p.guests, Accompanying: "州委党校图书馆馆长 王芳", Shown: "党建书屋建设与管理、借阅系统与入馆登记", Remarks: "交流书屋建设经验。"}})
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].day < out[j].day })
	return out
}

// openDayNear is the first open day on or after d, or the last one
// before it when that would be after today.
func (l *loader) openDayNear(d time.Time) time.Time {
	if o := l.cal.onOrAfter(d); !o.After(l.today) {
		return o
	}
	for d = l.today; !l.cal.open(d); d = d.AddDate(0, 0, -1) {
	}
	return d
}

// receptions records the day's leader and guest visits, in the afternoon.
func (h *history) receptions() error {
	for len(h.visitsPlanned) > 0 && h.visitsPlanned[0].day <= h.dayStr {
		p := h.visitsPlanned[0]
		h.visitsPlanned = h.visitsPlanned[1:]
		h.clk.set(h.day, 16, 30)
		if h.day.Equal(h.today) && h.clk.t.After(h.now) {
			h.clk.t = h.now
		}
		if _, err := h.rcp.Create(h.ctx, p.rec); err != nil {
			return fmt.Errorf("reception %s: %w", p.day, err)
		}
		h.sum.Receptions++
	}
	return nil
}

// plannedDisplay is a themed display the history sets up on its first
// day, fills with copies and, when it is over, takes down.
type plannedDisplay struct {
	title, place, description string
	starts, ends              time.Time
	pick                      func(r *record) bool
	n                         int
	id                        int64
}

// planDisplays lays out two themed displays: a month's new books that
// ended a month ago, and the reading on the 20th Party Congress on now.
func (l *loader) planDisplays() []*plannedDisplay {
	first := l.openDayNear(l.today.AddDate(0, 0, -60))
	newFrom := first.AddDate(0, 0, -45).Format(time.DateOnly)
	return []*plannedDisplay{
		{title: fmt.Sprintf("%d年%d月新书展", first.Year(), first.Month()), place: "阅览桌", description: "近期入藏的新书，欢迎借阅。",
			starts: first, ends: l.openDayNear(l.today.AddDate(0, 0, -31)), n: 16,
			pick: func(r *record) bool { return r.added >= newFrom }},
		{title: "党的二十大读物专题书展", place: "展架", description: "突出经典、紧跟形势：党的二十大报告、党章及辅导读物。",
			starts: l.openDayNear(l.today.AddDate(0, 0, -14)), ends: l.today.AddDate(0, 0, 30), n: 24,
			pick: func(r *record) bool { return r.cat == "dsdj" || r.cat == "mllt" }},
	}
}

// themedDisplays sets up the day's displays, scans their copies on at the
// desk, and takes down a display on the day after it ended.
func (h *history) themedDisplays() error {
	h.clk.set(h.day, 8, 40)
	for _, p := range h.displaysPlanned {
		switch {
		case p.id == 0 && h.dayStr == p.starts.Format(time.DateOnly):
			d, err := h.dsp.Create(h.ctx, displays.Display{Title: p.title, Place: p.place, Description: p.description,
				Starts: p.starts.Format(time.DateOnly), Ends: p.ends.Format(time.DateOnly)})
			if err != nil {
				return fmt.Errorf("display %s: %w", p.title, err)
			}
			p.id = d.ID
			put := 0
			for ri := len(h.col.added) - 1; ri >= 0 && put < p.n; ri-- {
				r := h.col.records[h.col.added[ri]]
				if r.added > h.dayStr || !p.pick(r) {
					continue
				}
				for _, ci := range r.copies {
					c := h.col.copies[ci]
					if !c.lendable || c.reading || c.added > h.dayStr {
						continue
					}
					if _, err := h.dsp.Scan(h.ctx, d.ID, c.barcode); err == nil {
						put++
						break
					} else if !errs.Is(err, displays.CodeCopyUnavailable) {
						return fmt.Errorf("display %s: %s: %w", p.title, c.barcode, err)
					}
				}
				h.clk.tick()
			}
		case p.id > 0 && p.ends.Before(h.day):
			if _, err := h.dsp.Clear(h.ctx, p.id); err != nil {
				return err
			}
			p.id = -1
		}
	}
	return nil
}
