package activities

import (
	"context"

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

	// Readers, their types and classes.
	Reader(id int64) (readers.Reader, error)
	ReaderByCard(card string) (readers.Reader, error)
	ClassesOfReader(readerID int64) ([]readers.Class, error)
	Types() ([]readers.Type, error)

	AppendLedger(e *ledger.Entry) error
	Audit(e audit.Entry) error
}
