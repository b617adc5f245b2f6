package activities

import (
	"context"
	"time"

	"shuwu/internal/audit"
	"shuwu/internal/catalog"
	"shuwu/internal/ledger"
	"shuwu/internal/readers"
	"shuwu/internal/room"
)

// Store is the activities' persistence, implemented by the store adapter.
type Store interface {
	Update(ctx context.Context, fn func(Tx) error) error
	View(ctx context.Context, fn func(Tx) error) error
}

// Tx is what activities read and write in one transaction.
type Tx interface {
	InsertActivity(a *Activity) error
	UpdateActivity(a *Activity) error
	Activity(id int64) (Activity, error)
	Activities(f Filter) ([]Activity, error)

	// The room, classes, reading lists and accounts an activity names.
	Space(id int64) (room.Space, error)
	Booking(id int64) (room.Booking, error)
	// BookingsHolding lists the pending and approved bookings that overlap
	// [start, end) of any space.
	BookingsHolding(start, end time.Time) ([]room.Booking, error)
	Class(id int64) (readers.Class, error)
	ReadingList(id int64) (catalog.ReadingList, error)
	UserDisplayName(id int64) (string, error)

	// Registrations and sign-ins. Registrations lists an activity's in
	// order: registered, then the waitlist (Position set), then cancelled.
	Registration(activityID, readerID int64) (Registration, error)
	SaveRegistration(g *Registration) error
	Registrations(activityID int64) ([]Registration, error)
	RegistrationsOfReader(readerID int64) ([]Registration, error)
	SignInOf(activityID, readerID int64) (SignIn, error)
	InsertSignIn(in *SignIn) error
	SignIns(activityID int64) ([]SignIn, error)
	SignInsOfReader(readerID int64) ([]SignIn, error)

	// The record after the activity.
	SetSummary(id int64, summary, by string) error
	// CancelActivity marks a cancelled with its CancelNote, CancelledBy
	// and CancelledAt.
	CancelActivity(a Activity) error
	InsertPhoto(p *Photo) error
	Photo(id int64) (Photo, error)
	Photos(activityID int64) ([]Photo, error)
	DeletePhoto(id int64) error

	// Readers, their types and classes.
	Reader(id int64) (readers.Reader, error)
	ReaderByCard(card string) (readers.Reader, error)
	ClassesOfReader(readerID int64) ([]readers.Class, error)
	Types() ([]readers.Type, error)

	AppendLedger(e *ledger.Entry) error
	Audit(e audit.Entry) error
}
