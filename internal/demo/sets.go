package demo

import (
	"sort"
	"time"

	"shuwu/internal/catalog"
)

// loadSets links the volumes of each multi-volume classic (《毛泽东选集》
// 1–4, 《习近平谈治国理政》 1–4 …) into a set (多卷书), the day before
// opening, in volume order.
func (l *loader) loadSets() error {
	l.clk.set(time.Date(2022, 8, 30, 0, 0, 0, 0, l.tz), 10, 0)
	titles := make([]string, 0, len(l.col.classic))
	for t, rs := range l.col.classic {
		if len(rs) > 1 {
			titles = append(titles, t)
		}
	}
	sort.Strings(titles)
	for _, t := range titles {
		var recs []catalog.Record
		for _, ri := range l.col.classic[t] {
			r := l.col.records[ri]
			if r.volume == "" {
				continue
			}
			recs = append(recs, catalog.Record{ID: r.id, PartNumber: r.volume})
		}
		if len(recs) < 2 {
			continue
		}
		catalog.SortByVolume(recs)
		set := catalog.Set{Title: t, Kind: catalog.SetMultiVolume}
		for _, r := range recs {
			set.RecordIDs = append(set.RecordIDs, r.ID)
		}
		if _, err := l.cat.SaveSet(l.ctx, set); err != nil {
			return err
		}
		l.clk.tick()
	}
	return nil
}
