#!/usr/bin/env bash
# Every benchmark once at a small size, so none of them rots (CI runs this; no timing is judged).
# The full-size commands and the measured figures are in bench/README.md.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
source scripts/setup.sh >/dev/null
TEMPORAL_CLI="${TEMPORAL_CLI:-$(bash scripts/provision/temporal-cli.sh | tail -n 1)}"
export TEMPORAL_CLI
say() { printf '\033[1m[bench smoke]\033[0m %s\n' "$*" >&2; }

run() {
  say "$*"
  local out
  out="$("$@")"
  # Each benchmark prints one JSON document with its figures and targets.
  node -e 'const r = JSON.parse(require("fs").readFileSync(0, "utf8")); if (!r.benchmark || !Array.isArray(r.targets)) throw new Error("no figures"); console.error(`  ${r.benchmark}: ${r.targets.map((t) => `${t.name}: ${t.measured}`).join("; ")}`);' <<<"$out"
}

run node dist/bench/rule-evaluation.js
run node dist/bench/rescore-portfolio.js --accounts 100
run node dist/bench/event-to-escalation.js --rate 10 --seconds 3 --accounts 100
run node dist/bench/api-under-load.js --accounts 200 --idle-seconds 1
run node dist/bench/plays-at-scale.js --starts 20 --open 50 --hold 2
if [[ -n "${TEST_DATABASE_URL:-}" ]]; then
  # PostgreSQL as well (CI's throw-away server); the event benchmark creates and drops its own database there.
  DATABASE_URL="$TEST_DATABASE_URL" run node dist/bench/rescore-portfolio.js --accounts 100
  DATABASE_URL="$TEST_DATABASE_URL" run node dist/bench/event-to-escalation.js --rate 10 --seconds 3 --accounts 100
fi
say "all benchmarks ran"
