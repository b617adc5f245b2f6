#!/usr/bin/env bash
# Runs every shuwu test on a Debian machine, installing first what the tests
# need (run as root on a fresh machine): yaz for MARC interop checks,
# chromium for the browser tests, CJK fonts so screenshots show Chinese.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v yaz-marcdump >/dev/null 2>&1 || need+=(yaz)
command -v chromium >/dev/null 2>&1 || need+=(chromium)
[ -d /usr/share/fonts/opentype/noto ] || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
	echo "installing: ${need[*]}"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq
	apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

go version
go vet ./...
go test -count=1 -timeout 25m ./...
