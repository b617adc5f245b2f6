package circulation

import (
	"context"
	"sync"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/settings"
)

// libraryCache keeps the library's name in memory: every page's title
// shows it. A save through this service refreshes it at once; a change by
// another process is seen within ruleCacheTTL.
type libraryCache struct {
	mu       sync.Mutex
	loadedAt time.Time
	lib      settings.Library
}

// Library returns the library's own details (its name).
func (s *Service) Library(ctx context.Context) (settings.Library, error) {
	c := &s.library
	c.mu.Lock()
	if !c.loadedAt.IsZero() && time.Since(c.loadedAt) < ruleCacheTTL {
		l := c.lib
		c.mu.Unlock()
		return l, nil
	}
	c.mu.Unlock()
	var l settings.Library
	err := s.store.View(ctx, func(tx Tx) error {
		raw, err := tx.Setting(settings.LibraryKey)
		if err != nil {
			return err
		}
		l, err = settings.ParseLibrary(raw)
		return err
	})
	if err != nil {
		return settings.Library{}, err
	}
	c.mu.Lock()
	c.lib, c.loadedAt = l, time.Now()
	c.mu.Unlock()
	return l, nil
}

// SaveLibrary validates and stores the library's details.
func (s *Service) SaveLibrary(ctx context.Context, l settings.Library) (settings.Library, error) {
	l = l.Normalize()
	if err := l.Validate(); err != nil {
		return settings.Library{}, err
	}
	err := s.store.Update(ctx, func(tx Tx) error {
		if err := tx.SetSetting(settings.LibraryKey, l.Encode()); err != nil {
			return err
		}
		return tx.Audit(audit.New(ctx, s.now(), "save", "library", "", "修改本馆名称为“"+l.Name+"”"))
	})
	if err != nil {
		return settings.Library{}, err
	}
	c := &s.library
	c.mu.Lock()
	c.lib, c.loadedAt = l, time.Now()
	c.mu.Unlock()
	return l, nil
}
