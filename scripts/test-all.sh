#!/usr/bin/env bash
# Runs every shuwu test on a Debian machine, installing first what the tests
# need (run as root on a fresh machine): yaz for MARC interop checks,
# LibreOffice and poppler to open the annual report's .docx,
# chromium for the browser tests, CJK fonts so screenshots show Chinese,
# postgresql for the second pass. Every test runs on SQLite; then the
# store, the services, the protocols, the API, the app and the command
# line run again on PostgreSQL, in a throwaway cluster in a temporary
# directory (scripts/pg-throwaway.sh), each test on a fresh database.
# --long: the long mode (100 kills in the crash test instead of 10).
set -euo pipefail
if [ "${1:-}" = "--long" ]; then export SHUWU_LONG=1; fi
unset SHUWU_TEST_PG # the first pass is SQLite whatever the caller has set
cd "$(dirname "$0")/.."

need=()
command -v yaz-marcdump >/dev/null 2>&1 || need+=(yaz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui) # the annual report's .docx, opened by a real office suite
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing: ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

go version
go vet ./...
go test -count=1 -timeout 25m ./...

echo "== the same tests on PostgreSQL =="
PG_FSYNC=off
# shellcheck source=scripts/pg-throwaway.sh
source scripts/pg-throwaway.sh
# TestWALStaysBoundedUnderMixedLoad is about SQLite's WAL file alone and
# ran in the first pass; the rest of the store's tests run on PostgreSQL.
go test -count=1 -timeout 20m -skip 'TestWALStaysBoundedUnderMixedLoad' \
	./internal/store/... ./internal/catalog/... ./internal/circulation/... ./internal/readers/... \
	./internal/transfer/... ./internal/protocol/... ./internal/api/... ./internal/app/... \
	./internal/cli/... ./internal/demo/... ./internal/room/... ./internal/periodicals/... ./internal/copycat/... ./internal/ledger/... \
	./internal/duty/... ./internal/activities/... ./internal/visits/... ./internal/receptions/... ./internal/stocktake/... ./internal/displays/... \
	./internal/crashtest/... ./internal/seats/... ./internal/acquisitions/... ./internal/stats/...
