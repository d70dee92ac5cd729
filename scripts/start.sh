#!/usr/bin/env bash
# Runs the platform on embedded defaults: SQLite in ./data, the Temporal dev server (unless
# TEMPORAL_ADDRESS points elsewhere), the worker and the API, with the demo portfolio.
# Ctrl-C (or SIGTERM) stops everything it started, workers draining first.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
say() { printf '\033[1m[start]\033[0m %s\n' "$*" >&2; }

export DATA_DIR="${DATA_DIR:-$ROOT/data}"
export PORT="${PORT:-3000}"
export HOST="${HOST:-127.0.0.1}"
LOGS="$DATA_DIR/logs"
mkdir -p "$LOGS"
TEMPORAL_UI_PORT="${TEMPORAL_UI_PORT:-8233}"

pids=()
cleanup() {
  trap - EXIT INT TERM
  say "stopping"
  for pid in "${pids[@]}"; do kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do wait "$pid" 2>/dev/null || true; done
}
trap cleanup EXIT INT TERM

say "bundling workflows"
node scripts/bundle-workflows.mjs

say "applying database migrations"
node dist/src/persistence/migrate.js >>"$LOGS/migrate.log"

say "seeding the demo portfolio (skipped when already present)"
node dist/src/persistence/demo/seed-demo.cli.js | tee -a "$LOGS/seed.log" >/dev/null

if [[ -z "${TEMPORAL_ADDRESS:-}" ]]; then
  TEMPORAL="$(bash scripts/provision/temporal-cli.sh | tail -n 1)"
  export TEMPORAL_ADDRESS="127.0.0.1:${TEMPORAL_PORT:-7233}"
  if "$TEMPORAL" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1; then
    say "reusing the Temporal server already running on $TEMPORAL_ADDRESS"
  else
    say "starting the Temporal dev server on $TEMPORAL_ADDRESS (UI :$TEMPORAL_UI_PORT, state in $DATA_DIR/temporal.db)"
    "$TEMPORAL" server start-dev --ip 127.0.0.1 --port "${TEMPORAL_ADDRESS##*:}" --ui-port "$TEMPORAL_UI_PORT" \
      --db-filename "$DATA_DIR/temporal.db" --namespace "${TEMPORAL_NAMESPACE:-default}" --log-level warn \
      --search-attribute RetentionTenant=Keyword --search-attribute RetentionAccount=Keyword \
      --search-attribute RetentionPlay=Keyword --search-attribute RetentionTier=Int --search-attribute RetentionStatus=Keyword \
      >>"$LOGS/temporal.log" 2>&1 &
    pids+=($!)
    for _ in $(seq 1 120); do
      "$TEMPORAL" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 && break
      sleep 0.5
    done
    "$TEMPORAL" operator cluster health --address "$TEMPORAL_ADDRESS" >/dev/null 2>&1 || { say "Temporal did not become healthy; see $LOGS/temporal.log"; exit 1; }
  fi
  TEMPORAL_UI="http://127.0.0.1:$TEMPORAL_UI_PORT"
else
  TEMPORAL_UI="(your cluster's UI)"
fi

say "starting the worker (logs: $LOGS/worker.log)"
node dist/src/worker.js >>"$LOGS/worker.log" 2>&1 &
pids+=($!)

say "starting the API (logs: $LOGS/api.log)"
node dist/src/main.js >>"$LOGS/api.log" 2>&1 &
pids+=($!)

API="http://$HOST:$PORT"
for _ in $(seq 1 120); do
  curl -fs "$API/health" >/dev/null 2>&1 && break
  sleep 0.5
done
curl -fs "$API/health" >/dev/null 2>&1 || { say "the API did not become healthy; see $LOGS/api.log"; curl -s "$API/health" >&2 || true; exit 1; }

# First start: run the daily schedules once now, so the demo shows scores and plays at once
# (through the real path: Schedule → workflow → worker activities).
if [[ -n "${TEMPORAL:-}" ]] && tail -n 2 "$LOGS/seed.log" | grep -q '"created":true'; then
  for schedule in daily-rescore renewal-scheduler; do
    for _ in $(seq 1 60); do
      "$TEMPORAL" schedule describe --address "$TEMPORAL_ADDRESS" --schedule-id "demo/$schedule" >/dev/null 2>&1 && break
      sleep 0.5
    done
    "$TEMPORAL" schedule trigger --address "$TEMPORAL_ADDRESS" --schedule-id "demo/$schedule" >/dev/null 2>&1 \
      && say "triggered demo/$schedule once (scores, then renewal, succession, onboarding and cadence plays)" \
      || say "could not trigger demo/$schedule yet; it runs on its daily schedule"
    sleep 5 # rescoring first: plays read the tiers it writes
  done
fi

cat <<MSG

  Retention platform is running (demo firm: demo)
    Console      $API/console/   sign in: firm demo, admin@demo.test / retention-demo
                 (also owner@, partner@, manager@, viewer@demo.test: one per role, same password)
    API          $API/api/v1
    Health       $API/health
    OpenAPI      $API/openapi.json
    API docs UI  $API/docs
    Temporal UI  $TEMPORAL_UI
    Temporal     $TEMPORAL_ADDRESS  (e.g. temporal workflow list --address $TEMPORAL_ADDRESS)
    Logs         $LOGS
  Press Ctrl-C to stop.

MSG
# Exit (and stop the rest) as soon as any component dies.
wait -n "${pids[@]}"
say "a component exited; see $LOGS"
exit 1
