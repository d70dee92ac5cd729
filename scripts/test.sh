#!/usr/bin/env bash
# Runs the whole suite: type-check (sources and tests) then vitest. Temporal tests use real
# servers: the Java time-skipping test server and the Temporal CLI dev server, provisioned
# here. Persistence tests also run on PostgreSQL when TEST_DATABASE_URL is set (.ci/run does).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '\033[1m[test]\033[0m %s\n' "$*" >&2; }

TEMPORAL_CLI="$(bash scripts/provision/temporal-cli.sh | tail -n 1)"
TEMPORAL_TEST_SERVER="$(bash scripts/provision/temporal-test-server.sh | tail -n 1)"
CHROMIUM_PATH="$(bash scripts/provision/chromium.sh | tail -n 1)"
export TEMPORAL_CLI TEMPORAL_TEST_SERVER CHROMIUM_PATH

say "type-checking sources and tests"
node node_modules/typescript/bin/tsc -p tsconfig.json --noEmit
node node_modules/typescript/bin/tsc -p console/tsconfig.json --noEmit

say "running vitest${TEST_DATABASE_URL:+ (PostgreSQL: on)}"
exec node node_modules/vitest/vitest.mjs run "$@"
