package auth

import (
	"fmt"
	"runtime"
	"testing"
	"time"
)

// TestAFloodOfOtherNamesCannotFlushTheLimiter: 100,001 failed logins with
// other names emptied the limiter's table, and with it the block on the
// name being guessed. The table now holds at most its capacity, and a
// blocked key stays blocked through the flood.
func TestAFloodOfOtherNamesCannotFlushTheLimiter(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	l := newLimiter(maxPerName, limitWindow, limitKeys)
	for range maxPerName {
		l.Fail("admin|10.0.0.9", now)
	}
	if !l.Blocked("admin|10.0.0.9", now) {
		t.Fatal("five failures do not block")
	}
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	for i := range 100001 {
		l.Fail(fmt.Sprintf("r%07d|10.%d.%d.%d", i, i>>16&255, i>>8&255, i&255), now.Add(time.Duration(i)*time.Millisecond))
	}
	runtime.GC()
	runtime.ReadMemStats(&after)
	t.Logf("after 100,001 failures under other names: %d keys, heap %.1f MB → %.1f MB", l.Len(), float64(before.HeapAlloc)/1e6, float64(after.HeapAlloc)/1e6)
	if l.Len() > limitKeys {
		t.Errorf("the table holds %d keys, more than its %d", l.Len(), limitKeys)
	}
	if !l.Blocked("admin|10.0.0.9", now.Add(2*time.Minute)) {
		t.Error("the flood of other names unblocked the guessed name")
	}
	if l.Blocked("admin|10.0.0.9", now.Add(limitWindow+time.Second)) {
		t.Error("the block outlived its window")
	}
}

// TestAFullTableDropsExpiredKeysFirst: when the table is full, keys whose
// window has passed make room before any live one.
func TestAFullTableDropsExpiredKeysFirst(t *testing.T) {
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	l := newLimiter(3, time.Minute, 4)
	l.Fail("old", now)
	for range 3 {
		l.Fail("blocked", now.Add(50*time.Second))
	}
	l.Fail("a", now.Add(55*time.Second))
	l.Fail("b", now.Add(56*time.Second))
	l.Fail("c", now.Add(70*time.Second)) // "old" has expired: it goes
	l.Fail("d", now.Add(71*time.Second)) // full of live keys: the least recent unblocked, "a", goes
	if !l.Blocked("blocked", now.Add(72*time.Second)) || l.Len() != 4 {
		t.Errorf("blocked key lost or table at %d keys", l.Len())
	}
	l.mu.Lock()
	_, hasA := l.keys["a"]
	_, hasB := l.keys["b"]
	l.mu.Unlock()
	if hasA || !hasB {
		t.Errorf("evicted the wrong key: a kept %v, b kept %v", hasA, hasB)
	}
}
