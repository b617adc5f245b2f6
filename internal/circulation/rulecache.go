package circulation

import (
	"sync"
	"time"

	"shuwu/internal/settings"
)

// ruleCache keeps the policy matrix, the rules and the calendar in memory:
// every checkout needs them and they change a few times a year. Changes
// made through this service drop the cache at once; a change made by
// another process is seen within ruleCacheTTL.
type ruleCache struct {
	mu       sync.Mutex
	loadedAt time.Time
	day      string // the library date the calendar was loaded for
	policies []Policy
	cal      Calendar
}

const ruleCacheTTL = time.Minute

// invalidate drops the cache; call it after any change to policies,
// closed days or rules, inside or after the changing transaction.
func (c *ruleCache) invalidate() {
	c.mu.Lock()
	c.loadedAt = time.Time{}
	c.mu.Unlock()
}

// rules returns the cached policies and calendar, loading them through tx
// when stale.
func (s *Service) rules(tx Tx) ([]Policy, Calendar, error) {
	c := &s.cache
	today := s.todayStr()
	c.mu.Lock()
	defer c.mu.Unlock()
	if !c.loadedAt.IsZero() && time.Since(c.loadedAt) < ruleCacheTTL && c.day == today {
		return c.policies, c.cal, nil
	}
	policies, err := tx.Policies()
	if err != nil {
		return nil, Calendar{}, err
	}
	raw, err := tx.Setting(settings.Key)
	if err != nil {
		return nil, Calendar{}, err
	}
	r, err := settings.Parse(raw)
	if err != nil {
		return nil, Calendar{}, err
	}
	days, err := tx.ClosedDays(s.localNow().AddDate(0, -1, 0).Format(time.DateOnly))
	if err != nil {
		return nil, Calendar{}, err
	}
	cal := Calendar{Rules: r, Closed: make(map[string]bool, len(days))}
	for _, d := range days {
		cal.Closed[d.Date] = true
	}
	c.policies, c.cal, c.day, c.loadedAt = policies, cal, today, time.Now()
	return policies, cal, nil
}
