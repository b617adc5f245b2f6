// Package audit describes who did what: the actor of a request and the
// audit-log entries every staff change to records, items, readers and rules
// leaves behind.
package audit

import (
	"context"
	"time"
)

// Role is what an account may do.
type Role string

// The roles, from most to least powerful. Organisers and leadership have
// staff accounts but none of the desk's powers: an organiser (a Party
// branch, a class's temporary branch, a study group, an office) books the
// room and sees its own bookings; leadership reads dashboards, reports and
// visit records and changes nothing.
const (
	RoleAdmin      Role = "admin"      // 系统管理员
	RoleLibrarian  Role = "librarian"  // 馆员
	RoleDuty       Role = "duty"       // 值班员
	RoleOrganiser  Role = "organiser"  // 组织者
	RoleLeadership Role = "leadership" // 领导
	RoleReader     Role = "reader"     // 读者
)

// Label returns the role's Chinese name.
func (r Role) Label() string {
	switch r {
	case RoleAdmin:
		return "系统管理员"
	case RoleLibrarian:
		return "馆员"
	case RoleDuty:
		return "值班员"
	case RoleOrganiser:
		return "组织者"
	case RoleLeadership:
		return "领导"
	case RoleReader:
		return "读者"
	}
	return string(r)
}

// Valid reports whether r is one of the roles.
func (r Role) Valid() bool {
	switch r {
	case RoleAdmin, RoleLibrarian, RoleDuty, RoleOrganiser, RoleLeadership, RoleReader:
		return true
	}
	return false
}

// Actor is the person behind a request: a staff user or a reader.
type Actor struct {
	UserID   int64 // staff account id; 0 for readers and the system
	ReaderID int64 // set when a reader acts for themselves
	Name     string
	Role     Role
	// MustChangePassword is set for a reader still on the initial
	// password: the pages and the API let them do nothing but set their
	// own.
	MustChangePassword bool
}

// IsStaff reports whether the actor is a staff account (organisers and
// leadership included: they log in as users, not as readers).
func (a Actor) IsStaff() bool { return a.UserID != 0 && a.Role != RoleReader }

// AtDesk reports whether the actor works the desk: administrators,
// librarians and duty staff, who lend, register readers and count visits.
func (a Actor) AtDesk() bool {
	return a.UserID != 0 && (a.Role == RoleAdmin || a.Role == RoleLibrarian || a.Role == RoleDuty)
}

// System is the actor of work shuwu does by itself (demo load, sweeps).
var System = Actor{Name: "system", Role: RoleAdmin}

type actorKey struct{}

// WithActor returns ctx carrying a.
func WithActor(ctx context.Context, a Actor) context.Context {
	return context.WithValue(ctx, actorKey{}, a)
}

// Anonymous is the actor of a context that names none. It has no role, so
// a forgotten WithActor never grants anything.
var Anonymous = Actor{Name: "anonymous"}

// ActorFrom returns the actor in ctx, or Anonymous when there is none.
func ActorFrom(ctx context.Context) Actor {
	if a, ok := ctx.Value(actorKey{}).(Actor); ok {
		return a
	}
	return Anonymous
}

// Entry is one line of the audit log.
type Entry struct {
	ID       int64     `json:"id"`
	At       time.Time `json:"at"`
	UserID   int64     `json:"user_id,omitempty"`
	Username string    `json:"username"`
	Action   string    `json:"action"` // create, update, delete, import, ...
	Entity   string    `json:"entity"` // record, item, reader, class, policy, ...
	EntityID string    `json:"entity_id"`
	Summary  string    `json:"summary"`
	Detail   string    `json:"detail,omitempty"` // JSON of what changed
	// Address is the client's network address (the real one behind a
	// trusted proxy); empty for work shuwu does by itself.
	Address string `json:"address,omitempty"`
	// Seq and Hash chain the entries: Hash covers the entry and the hash
	// of the entry before it (Seq-1), so an edited or removed line breaks
	// the chain (shuwu audit verify).
	Seq  int64  `json:"seq,omitempty"`
	Hash string `json:"hash,omitempty"`
}

type addressKey struct{}

// WithAddress returns ctx carrying the client's network address, which
// the entries made in it record.
func WithAddress(ctx context.Context, addr string) context.Context {
	return context.WithValue(ctx, addressKey{}, addr)
}

// AddressFrom returns the client address in ctx, "" when there is none.
func AddressFrom(ctx context.Context) string {
	s, _ := ctx.Value(addressKey{}).(string)
	return s
}

// New builds an entry for the actor in ctx, dated at (the service's clock,
// so entries made under a simulated clock carry the simulated date).
func New(ctx context.Context, at time.Time, action, entity, entityID, summary string) Entry {
	a := ActorFrom(ctx)
	return Entry{At: at, UserID: a.UserID, Username: a.Name, Action: action, Entity: entity, EntityID: entityID, Summary: summary, Address: AddressFrom(ctx)}
}
