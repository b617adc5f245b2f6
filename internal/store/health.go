package store

import (
	"log/slog"
	"sync"
	"time"

	"shuwu/internal/errs"
)

// storageLogEvery is how often a storage failure that goes on is logged
// again: a full disk answered every write with a log line, 103,000 in 15
// seconds, which filled what was left of the disk.
const storageLogEvery = time.Minute

// Health is the state of the database's storage, for /healthz.
type Health struct {
	// OK is false while writes fail because the disk is full or
	// read-only; reads go on.
	OK bool `json:"ok"`
	// Since is when the failure began; zero when OK.
	Since time.Time `json:"since,omitzero"`
	// Failures counts the writes refused since then.
	Failures int64 `json:"failures,omitempty"`
	// Message and MessageEn say what is wrong and what to do.
	Message   string `json:"message,omitempty"`
	MessageEn string `json:"message_en,omitempty"`
}

// storageWatch turns a full or read-only disk into STORAGE_FAILED for
// every surface, logs it once a minute while it lasts and once when it
// ends, and tells /healthz. The store recovers by itself: the first write
// that succeeds after space returns ends the failure.
type storageWatch struct {
	log *slog.Logger
	now func() time.Time

	mu         sync.Mutex
	failing    bool
	since      time.Time
	lastLog    time.Time
	lastOK     time.Time // when a recovery was last logged
	failures   int64
	suppressed int64
	last       *errs.Error
}

func newStorageWatch(log *slog.Logger) *storageWatch {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &storageWatch{log: log, now: time.Now}
}

// errStorageFull is the answer to a write the disk refused.
func errStorageFull(cause error) *errs.Error {
	return errs.New(errs.KindStorage, errs.CodeStorageFailed,
		"存储空间不足或磁盘只读，本次修改未保存：请管理员腾出磁盘空间或恢复写权限，恢复后无需重启即可继续；查询和浏览照常可用",
		"storage is full or read-only; this change was not saved: ask the administrator to free disk space or restore write access (no restart needed); searching and browsing still work").Wrap(cause)
}

// isStorageFailure reports an error that is the disk's, not the data's.
func isStorageFailure(err error) bool {
	if err == nil {
		return false
	}
	if errs.CodeOf(err) == errs.CodeStorageFailed {
		return true
	}
	return isDiskFull(err) || isReadOnly(err)
}

// check looks at the outcome of a write transaction: a storage failure
// becomes STORAGE_FAILED (logged at most once a minute); a commit that
// changed data ends a failure (one that only read — the search queue's
// poll every two seconds — proves nothing: it needs no room).
func (w *storageWatch) check(err error, wrote bool) error {
	if w == nil {
		return err
	}
	if err == nil {
		if wrote {
			w.ok()
		}
		return nil
	}
	if !isStorageFailure(err) {
		return err
	}
	e := errs.As(err)
	if e.Code != errs.CodeStorageFailed || e.Kind != errs.KindStorage {
		e = errStorageFull(err)
	}
	w.failed(e, "write")
	return e
}

// failed records a storage failure and logs it unless it was logged less
// than a minute ago.
func (w *storageWatch) failed(e *errs.Error, what string) {
	now := w.now()
	w.mu.Lock()
	if !w.failing {
		// lastLog stays: a disk that is full and freed by turns (the WAL
		// reusing its room) is still logged once a minute.
		w.failing, w.since, w.failures = true, now, 0
	}
	w.failures++
	w.last = e
	logIt := w.lastLog.IsZero() || now.Sub(w.lastLog) >= storageLogEvery
	suppressed := w.suppressed
	if logIt {
		w.lastLog, w.suppressed = now, 0
	} else {
		w.suppressed++
	}
	since, failures := w.since, w.failures
	w.mu.Unlock()
	if logIt {
		w.log.Error("store: the disk is full or read-only; writes are refused until it has room (reads go on)",
			"during", what, "since", since, "refused", failures, "not_logged_since_last", suppressed, "err", e.Err)
	}
}

// ok ends a storage failure after a write succeeded.
func (w *storageWatch) ok() {
	w.mu.Lock()
	if !w.failing {
		w.mu.Unlock()
		return
	}
	since, failures := w.since, w.failures
	w.failing, w.last = false, nil
	now := w.now()
	logIt := now.Sub(w.lastOK) >= storageLogEvery
	if logIt {
		w.lastOK = now
	}
	w.mu.Unlock()
	if logIt {
		w.log.Info("store: writes work again; the storage failure is over", "since", since, "lasted", now.Sub(since).Round(time.Second), "refused", failures)
	}
}

// noisy reports whether a background error (a checkpoint) should be
// logged: storage failures only once a minute, through failed.
func (w *storageWatch) noisy(err error, what string) bool {
	if w == nil || !isStorageFailure(err) {
		return true
	}
	w.failed(errStorageFull(err), what)
	return false
}

func (w *storageWatch) health() Health {
	if w == nil {
		return Health{OK: true}
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	if !w.failing {
		return Health{OK: true}
	}
	h := Health{OK: false, Since: w.since, Failures: w.failures}
	if w.last != nil {
		h.Message, h.MessageEn = w.last.Message, w.last.MessageEn
	}
	return h
}

// Health reports whether the database's storage takes writes.
func (db *DB) Health() Health { return db.watch.health() }
