package store

import (
	"context"

	"shuwu/internal/activities"
	"shuwu/internal/assets"
	"shuwu/internal/auth"
	"shuwu/internal/catalog"
	"shuwu/internal/circulation"
	"shuwu/internal/copycat/targets"
	"shuwu/internal/displays"
	"shuwu/internal/readers"
	"shuwu/internal/receptions"
	"shuwu/internal/room"
	"shuwu/internal/selfcheck"
	"shuwu/internal/visits"
)

// Each domain declares its own Tx interface; *Tx implements all of them.
// These thin adapters give each domain its Store.

// Catalog returns the catalogue's store.
func (db *DB) Catalog() catalog.Store { return catalogStore{db} }

// Readers returns the readers' store.
func (db *DB) Readers() readers.Store { return readersStore{db} }

// Circulation returns circulation's store.
func (db *DB) Circulation() circulation.Store { return circulationStore{db} }

// Auth returns the accounts' store.
func (db *DB) Auth() auth.Store { return authStore{db} }

type catalogStore struct{ db *DB }

func (s catalogStore) Update(ctx context.Context, fn func(catalog.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s catalogStore) View(ctx context.Context, fn func(catalog.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

type readersStore struct{ db *DB }

func (s readersStore) Update(ctx context.Context, fn func(readers.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s readersStore) View(ctx context.Context, fn func(readers.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

type circulationStore struct{ db *DB }

func (s circulationStore) Update(ctx context.Context, fn func(circulation.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s circulationStore) UpdateLocked(ctx context.Context, fn func(circulation.Tx) error) error {
	return s.db.UpdateLocked(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s circulationStore) View(ctx context.Context, fn func(circulation.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

type authStore struct{ db *DB }

func (s authStore) Update(ctx context.Context, fn func(auth.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s authStore) View(ctx context.Context, fn func(auth.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// SelfCheck returns the self-service machines' store.
func (db *DB) SelfCheck() selfcheck.Store { return selfCheckStore{db} }

type selfCheckStore struct{ db *DB }

func (s selfCheckStore) Update(ctx context.Context, fn func(selfcheck.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s selfCheckStore) View(ctx context.Context, fn func(selfcheck.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// Room returns the reading room's store.
func (db *DB) Room() room.Store { return roomStore{db} }

type roomStore struct{ db *DB }

func (s roomStore) Update(ctx context.Context, fn func(room.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s roomStore) View(ctx context.Context, fn func(room.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// CopyTargets returns the copy-cataloguing sources' store.
func (db *DB) CopyTargets() targets.Store { return copyCatStore{db} }

type copyCatStore struct{ db *DB }

func (s copyCatStore) Update(ctx context.Context, fn func(targets.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s copyCatStore) View(ctx context.Context, fn func(targets.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// Activities returns the 主题活动 store.
func (db *DB) Activities() activities.Store { return activitiesStore{db} }

type activitiesStore struct{ db *DB }

func (s activitiesStore) Update(ctx context.Context, fn func(activities.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s activitiesStore) View(ctx context.Context, fn func(activities.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// Visits returns entry registration's store.
func (db *DB) Visits() visits.Store { return visitsStore{db} }

type visitsStore struct{ db *DB }

func (s visitsStore) Update(ctx context.Context, fn func(visits.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s visitsStore) View(ctx context.Context, fn func(visits.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// Receptions returns the reception record's store.
func (db *DB) Receptions() receptions.Store { return receptionsStore{db} }

type receptionsStore struct{ db *DB }

func (s receptionsStore) Update(ctx context.Context, fn func(receptions.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s receptionsStore) View(ctx context.Context, fn func(receptions.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// Assets returns the equipment register's store.
func (db *DB) Assets() assets.Store { return assetsStore{db} }

type assetsStore struct{ db *DB }

func (s assetsStore) Update(ctx context.Context, fn func(assets.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s assetsStore) View(ctx context.Context, fn func(assets.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}

// Displays returns the themed displays' store.
func (db *DB) Displays() displays.Store { return displaysStore{db} }

type displaysStore struct{ db *DB }

func (s displaysStore) Update(ctx context.Context, fn func(displays.Tx) error) error {
	return s.db.Update(ctx, func(tx *Tx) error { return fn(tx) })
}
func (s displaysStore) View(ctx context.Context, fn func(displays.Tx) error) error {
	return s.db.View(ctx, func(tx *Tx) error { return fn(tx) })
}
