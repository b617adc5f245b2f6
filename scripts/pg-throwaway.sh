# Sourced by test-all.sh and the benchmark runner: starts a throwaway
# PostgreSQL cluster in a temporary directory, as the ordinary (non-root)
# postgres user when run as root, listening on a Unix socket only (no
# system service, no TCP port), and exports SHUWU_TEST_PG for the tests.
# The cluster and its directory go away when the calling shell exits.
# Installs Debian's postgresql when it is missing, without letting the
# package create or start its own cluster. PG_FSYNC=off makes the cluster
# faster for tests; benchmarks leave it on. Any failure stops the caller:
# a PostgreSQL pass that was asked for never quietly does not run.

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
	echo "installing: postgresql"
	if [ ! -e /etc/postgresql-common/createcluster.conf ]; then
		mkdir -p /etc/postgresql-common
		echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.conf
	fi
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confold postgresql >/dev/null
	pg_bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
fi
[ -x "$pg_bin/initdb" ] || { echo "PostgreSQL is not installed (no initdb under /usr/lib/postgresql)" >&2; exit 1; }

pg_dir=$(mktemp -d /tmp/shuwu-pg.XXXXXX)
chmod 755 "$pg_dir"
# PostgreSQL refuses to run as root: run it as the postgres user the
# Debian package creates (or as ourselves when not root).
pg_as=()
if [ "$(id -u)" = 0 ]; then
	id postgres >/dev/null 2>&1 || useradd --system --no-create-home --shell /usr/sbin/nologin postgres
	chown postgres "$pg_dir"
	pg_as=(runuser -u postgres --)
fi
"${pg_as[@]}" "$pg_bin/initdb" -D "$pg_dir/data" -U shuwu --auth=trust --no-locale -E UTF8 --no-sync >"$pg_dir/initdb.log" 2>&1 ||
	{ cat "$pg_dir/initdb.log" >&2; echo "PostgreSQL: initdb failed" >&2; exit 1; }
"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -s -t 60 \
	-o "-k $pg_dir -c listen_addresses='' -p 5432 -c max_connections=400 -c fsync=${PG_FSYNC:-on} -c shared_buffers=256MB" start ||
	{ cat "$pg_dir/server.log" >&2; echo "PostgreSQL: the throwaway cluster did not start" >&2; exit 1; }

pg_stop() {
	"${pg_as[@]}" "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -s stop >/dev/null 2>&1 || true
	rm -rf "$pg_dir"
}
trap pg_stop EXIT

export SHUWU_TEST_PG="postgres://shuwu@/postgres?host=$pg_dir&port=5432&sslmode=disable"
echo "PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') throwaway cluster in $pg_dir"
