package demo

import (
	"fmt"
	"time"

	"shuwu/internal/acquisitions"
	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/donations"
	"shuwu/internal/store"
)

// mainLibrary is where the opening stock's 图书馆藏书精选 came from.
const mainLibrary = "州委党校图书馆"

// loadBatches groups the copies that came by transfer or gift into the
// accession batches the librarian would have recorded: one transfer from
// the school library for each month books came over, and one donation
// for each donor and day. Most people and every body agree to be named
// on the honour list.
func (l *loader) loadBatches() error {
	return l.db.Update(l.ctx, func(tx *store.Tx) error {
		seq := func(kind donations.BatchKind, day string) (string, error) {
			year := day[:4]
			n, err := tx.NextSequence(fmt.Sprintf("batch:%s:%s", kind, year))
			if err != nil {
				return "", err
			}
			prefix := "捐字"
			if kind == donations.BatchTransfer {
				prefix = "调字"
			}
			return fmt.Sprintf("%s〔%s〕第%03d号", prefix, year, n), nil
		}
		add := func(b donations.Batch, ids []int64) error {
			at := l.midnight(mustDay(b.ReceivedDate, l.tz)).Add(9 * time.Hour)
			b.CreatedAt, b.UpdatedAt = at, at
			var err error
			if b.Number, err = seq(b.Kind, b.ReceivedDate); err != nil {
				return err
			}
			if err := tx.InsertBatch(&b); err != nil {
				return err
			}
			if err := tx.SetCopiesBatch(b.ID, ids); err != nil {
				return err
			}
			giver := b.FromName
			if giver == "" {
				giver = b.DonorName
			}
			return tx.Audit(audit.New(l.ctx, at, "create", "batch", fmt.Sprint(b.ID), fmt.Sprintf("登记%s批次 %s（%s）", b.Kind.Label("zh"), b.Number, giver)))
		}

		transfers, err := tx.UnbatchedCopies(catalog.SourceTransfer)
		if err != nil {
			return err
		}
		byMonth := map[string][]int64{}
		var months []string
		first := map[string]string{}
		for _, c := range transfers {
			m := c.AddedDate[:7]
			if _, ok := byMonth[m]; !ok {
				months = append(months, m)
				first[m] = c.AddedDate
			}
			byMonth[m] = append(byMonth[m], c.ID)
		}
		for _, m := range months {
			b := donations.Batch{Kind: donations.BatchTransfer, FromName: mainLibrary, ReceivedDate: first[m], Notes: "图书馆藏书精选"}
			if err := add(b, byMonth[m]); err != nil {
				return err
			}
		}

		for _, src := range []catalog.Source{catalog.SourceDonation, catalog.SourceInstitution} {
			gifts, err := tx.UnbatchedCopies(src)
			if err != nil {
				return err
			}
			type key struct {
				donor int64
				day   string
			}
			groups := map[key][]int64{}
			var order []key
			for _, c := range gifts {
				if c.DonorID == 0 {
					continue
				}
				k := key{c.DonorID, c.AddedDate}
				if _, ok := groups[k]; !ok {
					order = append(order, k)
				}
				groups[k] = append(groups[k], c.ID)
			}
			named := map[int64]bool{}
			for _, k := range order {
				d, err := tx.Donor(k.donor)
				if err != nil {
					return err
				}
				if err := add(donations.Batch{Kind: donations.BatchGift, DonorID: d.ID, DonorName: d.Name, ReceivedDate: k.day}, groups[k]); err != nil {
					return err
				}
				if !named[d.ID] {
					named[d.ID] = true
					if d.Kind == donations.DonorInstitution || d.ID%10 < 7 { // not l.rnd: the rest of the demo keeps its stream
						if err := tx.SetDonorHonour(d.ID, true); err != nil {
							return err
						}
					}
				}
			}
		}
		return nil
	})
}

func mustDay(s string, tz *time.Location) time.Time {
	t, err := time.ParseInLocation(time.DateOnly, s, tz)
	if err != nil {
		panic(fmt.Sprintf("demo: bad date %q", s))
	}
	return t
}

// demoCategoryTargets split the yearly 500 volumes the way the room
// plans them: the Party's theory, history and rules first (突出经典、紧跟形势).
var demoCategoryTargets = map[string]int{"mllt": 60, "dsdj": 120, "zzdw": 80, "ljjs": 40, "rwsk": 60, "wxys": 60, "mzwh": 30, "zhdw": 50}

// loadTargets sets every year's acquisition target since the room opened:
// 500 volumes, split by category.
func (l *loader) loadTargets() error {
	cats, err := l.cat.Categories(l.ctx)
	if err != nil {
		return err
	}
	return l.db.Update(l.ctx, func(tx *store.Tx) error {
		for y := opened.Year(); y <= l.today.Year(); y++ {
			t := acquisitions.Target{Year: y, Volumes: acquisitions.DefaultVolumes, Categories: map[int64]int{}, Set: true,
				UpdatedAt: time.Date(y, 1, 5, 10, 0, 0, 0, l.tz)}
			for _, c := range cats {
				if n := demoCategoryTargets[c.Code]; n > 0 {
					t.Categories[c.ID] = n
				}
			}
			if err := tx.SaveTarget(t); err != nil {
				return err
			}
			if err := tx.Audit(audit.New(l.ctx, t.UpdatedAt, "update", "target", fmt.Sprint(y), fmt.Sprintf("设定 %d 年入藏目标 %d 册", y, t.Volumes))); err != nil {
				return err
			}
		}
		return nil
	})
}
