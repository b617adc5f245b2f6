// Package pgtest gives each test its own empty PostgreSQL database on the
// throwaway cluster that scripts/test-all.sh starts (scripts/pg-throwaway.sh).
// When SHUWU_TEST_PG names that cluster, the tests that open a store run
// on PostgreSQL; otherwise on SQLite. The script runs them both ways.
package pgtest

import (
	"context"
	"database/sql"
	"fmt"
	"net/url"
	"os"
	"sync/atomic"
	"testing"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib"
)

// Env names the cluster: a postgres:// URL of a role that may create
// databases.
const Env = "SHUWU_TEST_PG"

// Enabled reports whether tests run on PostgreSQL.
func Enabled() bool { return os.Getenv(Env) != "" }

// URL is the cluster the tests run on, "" on SQLite.
func URL() string { return os.Getenv(Env) }

var seq atomic.Int64

// NewDatabase makes an empty database for tb, gone when tb ends, and
// returns its URL. It is a schema of its own in the cluster's database
// (selected by search_path in the URL): creating a schema is instant, a
// whole database takes a second.
func NewDatabase(tb testing.TB) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		tb.Fatalf("%s is not set: scripts/test-all.sh starts a PostgreSQL cluster and sets it", Env)
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	name := fmt.Sprintf("shuwu_t%d_%d_%d", os.Getpid(), time.Now().UnixNano()%1e9, seq.Add(1))
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, `CREATE SCHEMA `+name); err != nil {
		tb.Fatalf("create test schema: %v", err)
	}
	tb.Cleanup(func() {
		a, err := sql.Open("pgx", base)
		if err != nil {
			return
		}
		defer a.Close()
		a.ExecContext(context.Background(), `DROP SCHEMA IF EXISTS `+name+` CASCADE`)
	})
	q := u.Query()
	q.Set("search_path", name)
	u.RawQuery = q.Encode()
	return u.String()
}

// WholeDatabase creates a database of its own named name on the cluster,
// copied from template when it is not "" (PostgreSQL copies a template's
// files, much faster than loading the data again; nobody may be connected
// to the template), and returns its URL. It is dropped when tb ends unless
// keep is set (a template made once for several benchmarks).
func WholeDatabase(tb testing.TB, name, template string, keep bool) string {
	tb.Helper()
	base := os.Getenv(Env)
	if base == "" {
		tb.Fatalf("%s is not set: scripts/pg-throwaway.sh starts a PostgreSQL cluster and sets it", Env)
	}
	admin, err := sql.Open("pgx", base)
	if err != nil {
		tb.Fatal(err)
	}
	defer admin.Close()
	ctx := context.Background()
	if _, err := admin.ExecContext(ctx, `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`); err != nil {
		tb.Fatalf("drop database %s: %v", name, err)
	}
	create := `CREATE DATABASE ` + name
	if template != "" {
		create += ` TEMPLATE ` + template
	}
	if _, err := admin.ExecContext(ctx, create); err != nil {
		tb.Fatalf("%s: %v", create, err)
	}
	if !keep {
		tb.Cleanup(func() {
			a, err := sql.Open("pgx", base)
			if err != nil {
				return
			}
			defer a.Close()
			a.ExecContext(context.Background(), `DROP DATABASE IF EXISTS `+name+` WITH (FORCE)`)
		})
	}
	u, err := url.Parse(base)
	if err != nil {
		tb.Fatalf("%s: %v", Env, err)
	}
	u.Path = "/" + name
	return u.String()
}
