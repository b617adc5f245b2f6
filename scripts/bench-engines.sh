#!/usr/bin/env bash
# Measures the figures of docs/benchmarks.md "Two engines" in one run: the
# raw one-row durable transaction rate, checkouts at 1,000/s offered and in
# a closed loop with 50 desks, and the 100,000-record MARC import, each on
# SQLite and then on PostgreSQL (a throwaway cluster with fsync on, as a
# production server has it). BASE=DIR also runs the SQLite checkout
# benchmarks of another checkout (the main branch, say) for a before/after
# ratio on the same machine and minute. Output: $OUT (/tmp/bench-engines.txt).
set -euo pipefail
cd "$(dirname "$0")/.."
unset SHUWU_TEST_PG
out=${OUT:-/tmp/bench-engines.txt}
: >"$out"
lend=(-run '^$' -bench 'CheckoutAPIAtRate|CheckoutAPI50Clients' -benchtime 20000x)
store=(-run '^$' -bench 'DurableUpdate1$|DurableUpdate50$' -benchtime 5000x)
marc=(-run '^$' -bench ImportMARC100k -benchtime 1x -timeout 30m)
export SHUWU_BENCH_RATE=1000

section() { echo "== $*" | tee -a "$out"; }
section "SQLite: durable transactions"; go test "${store[@]}" ./internal/store/ | tee -a "$out"
if [ -n "${BASE:-}" ]; then
	section "SQLite before ($BASE): checkouts"; (cd "$BASE" && go test "${lend[@]}" ./internal/app/) | tee -a "$out"
fi
section "SQLite: checkouts"; go test "${lend[@]}" ./internal/app/ | tee -a "$out"
if [ -n "${BASE:-}" ]; then
	section "SQLite before ($BASE): checkouts, again"; (cd "$BASE" && go test "${lend[@]}" ./internal/app/) | tee -a "$out"
	section "SQLite: checkouts, again"; go test "${lend[@]}" ./internal/app/ | tee -a "$out"
fi
section "SQLite: MARC import"; go test "${marc[@]}" ./internal/transfer/ | tee -a "$out"

PG_FSYNC=on
# shellcheck source=scripts/pg-throwaway.sh
source scripts/pg-throwaway.sh
section "PostgreSQL: durable transactions"; go test "${store[@]}" ./internal/store/ | tee -a "$out"
section "PostgreSQL: checkouts"; go test "${lend[@]}" ./internal/app/ | tee -a "$out"
section "PostgreSQL: MARC import"; go test "${marc[@]}" ./internal/transfer/ | tee -a "$out"
