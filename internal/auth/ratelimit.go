package auth

import (
	"container/list"
	"sync"
	"time"
)

// limiter counts failed attempts per key in a sliding window. It lives in
// memory: a restart forgets, which is acceptable for a single-office
// system.
//
// Its memory is bounded (at most capacity keys, each holding at most max
// timestamps), and a flood of failures under other keys cannot make it
// forget a key that is blocked: when full, it first drops keys whose
// failures are all older than the window, then the least recently failed
// key that is not blocked; only a table entirely made of blocked keys
// gives up its oldest one. The login service keeps two limiters, per name
// and address and per address alone, so one address cannot fill the table
// with new names either: it is refused after maxPerAddress failures, and a
// refused attempt records nothing.
type limiter struct {
	mu       sync.Mutex
	max      int
	window   time.Duration
	capacity int
	keys     map[string]*list.Element // of *failures
	order    *list.List               // most recently failed first
}

type failures struct {
	key   string
	times []time.Time // oldest first, at most max
}

func newLimiter(max int, window time.Duration, capacity int) *limiter {
	return &limiter{max: max, window: window, capacity: capacity, keys: map[string]*list.Element{}, order: list.New()}
}

// recent drops f's failures older than the window and reports how many
// are left.
func (l *limiter) recent(f *failures, now time.Time) int {
	i := 0
	for i < len(f.times) && now.Sub(f.times[i]) > l.window {
		i++
	}
	f.times = f.times[i:]
	return len(f.times)
}

// Blocked reports whether key has used up its attempts.
func (l *limiter) Blocked(key string, now time.Time) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.keys[key]
	if !ok {
		return false
	}
	f := e.Value.(*failures)
	if l.recent(f, now) == 0 {
		l.remove(e)
		return false
	}
	return len(f.times) >= l.max
}

// Until is when key may try again: the zero time when it is not blocked.
func (l *limiter) Until(key string, now time.Time) time.Time {
	l.mu.Lock()
	defer l.mu.Unlock()
	e, ok := l.keys[key]
	if !ok {
		return time.Time{}
	}
	f := e.Value.(*failures)
	if l.recent(f, now) < l.max {
		return time.Time{}
	}
	return f.times[len(f.times)-l.max].Add(l.window)
}

// Fail records a failed attempt.
func (l *limiter) Fail(key string, now time.Time) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.keys[key]; ok {
		f := e.Value.(*failures)
		l.recent(f, now)
		f.times = append(f.times, now)
		if len(f.times) > l.max {
			f.times = append(f.times[:0], f.times[len(f.times)-l.max:]...)
		}
		l.order.MoveToFront(e)
		return
	}
	if len(l.keys) >= l.capacity {
		l.makeRoom(now)
	}
	l.keys[key] = l.order.PushFront(&failures{key: key, times: append(make([]time.Time, 0, 1), now)})
}

// makeRoom frees one place in a full table.
func (l *limiter) makeRoom(now time.Time) {
	// The least recently failed keys are at the back: those whose window
	// has passed go first, then one that is not blocked.
	const scan = 256
	var victim *list.Element
	n := 0
	for e := l.order.Back(); e != nil && n < scan; n++ {
		prev := e.Prev()
		f := e.Value.(*failures)
		if l.recent(f, now) == 0 {
			l.remove(e)
			if len(l.keys) < l.capacity {
				return
			}
		} else if victim == nil && len(f.times) < l.max {
			victim = e
		}
		e = prev
	}
	if len(l.keys) < l.capacity {
		return
	}
	if victim == nil {
		victim = l.order.Back()
	}
	l.remove(victim)
}

func (l *limiter) remove(e *list.Element) {
	delete(l.keys, e.Value.(*failures).key)
	l.order.Remove(e)
}

// Reset forgets a key after a successful login.
func (l *limiter) Reset(key string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	if e, ok := l.keys[key]; ok {
		l.remove(e)
	}
}

// Len is how many keys the limiter holds.
func (l *limiter) Len() int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return len(l.keys)
}
