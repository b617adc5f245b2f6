package app

import (
	"context"

	"shuwu/internal/audit"
	"shuwu/internal/auth"
)

// EnsureAdmin creates an `admin` account with a random password when no
// enabled admin exists, and returns that password ("" when nothing was
// created). The caller prints it once.
func (a *App) EnsureAdmin(ctx context.Context) (string, error) {
	ok, err := a.Auth.HasAdmin(ctx)
	if err != nil || ok {
		return "", err
	}
	pw := auth.RandomPassword()
	if _, err := a.Auth.CreateUser(audit.WithActor(ctx, audit.System), "admin", "系统管理员", audit.RoleAdmin, pw); err != nil {
		return "", err
	}
	return pw, nil
}

// DemoPassword is the password of every demo account and demo reader.
const DemoPassword = "shuwu-demo"

// DemoAccounts are the staff accounts the demo creates.
var DemoAccounts = []struct {
	Username, Name string
	Role           audit.Role
}{
	{"admin", "系统管理员", audit.RoleAdmin},
	{"librarian", "王馆员", audit.RoleLibrarian},
	{"duty1", "值班员李明", audit.RoleDuty},
	{"duty2", "值班员张华", audit.RoleDuty},
	{"leader", "分管校领导", audit.RoleLeadership},
	{"branch1", "校机关一支部", audit.RoleOrganiser},
	{"youth", "青年理论学习小组", audit.RoleOrganiser},
}

// CreateDemoAccounts adds the demo's staff accounts.
func (a *App) CreateDemoAccounts(ctx context.Context) error {
	ctx = audit.WithActor(ctx, audit.System)
	have, err := a.Auth.Users(ctx)
	if err != nil {
		return err
	}
	exists := map[string]bool{}
	for _, u := range have {
		exists[u.Username] = true
	}
	for _, u := range DemoAccounts {
		if exists[u.Username] {
			continue // a load that failed half way is being retried
		}
		if _, err := a.Auth.CreateUser(ctx, u.Username, u.Name, u.Role, DemoPassword); err != nil {
			return err
		}
	}
	return nil
}
