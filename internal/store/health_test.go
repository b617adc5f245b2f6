package store

import (
	"bytes"
	"fmt"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5/pgconn"

	"shuwu/internal/errs"
)

// TestAFullDiskIsOneLogLineAMinuteOnEitherEngine: PostgreSQL's disk_full
// and SQLite's SQLITE_FULL both become STORAGE_FAILED; a failure that
// lasts is logged once a minute, its end once, and health tells it.
func TestAFullDiskIsOneLogLineAMinuteOnEitherEngine(t *testing.T) {
	var buf bytes.Buffer
	w := newStorageWatch(slog.New(slog.NewTextHandler(&buf, nil)))
	now := time.Date(2026, 12, 4, 10, 0, 0, 0, time.UTC)
	w.now = func() time.Time { return now }
	pgFull := fmt.Errorf("store: %w", &pgconn.PgError{Code: "53100", Message: "could not extend file"})
	for i := range 100000 {
		err := w.check(pgFull, false)
		if e := errs.As(err); e.Code != errs.CodeStorageFailed || e.Kind != errs.KindStorage || !strings.Contains(e.Message, "存储空间不足") {
			t.Fatalf("write %d: %v", i, err)
		}
		now = now.Add(time.Millisecond) // 100,000 failures in 100 s
	}
	if h := w.health(); h.OK || h.Failures != 100000 || !strings.Contains(h.Message, "存储空间不足") {
		t.Errorf("health during the failure: %+v", h)
	}
	if n := strings.Count(buf.String(), "disk is full"); n != 2 {
		t.Errorf("100,000 refused writes over 100 s logged %d lines, want 2 (one a minute)", n)
	}
	if w.check(nil, false); w.health().OK {
		t.Error("a commit that changed nothing (the search queue's poll) ended the failure")
	}
	if err := w.check(nil, true); err != nil || !w.health().OK || !strings.Contains(buf.String(), "writes work again") {
		t.Errorf("after a write that worked: %v %+v", err, w.health())
	}
	// Full and freed by turns (the journal reusing its room): still a line a minute.
	for range 1000 {
		w.check(pgFull, false)
		w.check(nil, true)
		now = now.Add(time.Millisecond)
	}
	if n := strings.Count(buf.String(), "disk is full"); n != 2 {
		t.Errorf("a flapping disk logged %d lines in a second, want none more", n-2)
	}
	if n := strings.Count(buf.String(), "writes work again"); n != 1 {
		t.Errorf("a flapping disk logged %d recoveries in a second, want one", n)
	}
	if err := w.check(errs.Conflict("X", "别的错误", "another error"), true); errs.CodeOf(err) != "X" {
		t.Errorf("a domain error was changed: %v", err)
	}
}
