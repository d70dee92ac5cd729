#!/usr/bin/env bash
# Fuzzes the HTTP API from its own OpenAPI document with schemathesis: the built service on a
# throw-away SQLite database with the demo portfolio (rescored), no Temporal needed. Valid and
# invalid (negative) requests; fails on any 5xx, any schema-violating request that gets a 2xx/3xx,
# any request timing out, and an API process that died or logged an unhandled error.
#
# Reports: tests/artifacts/fuzz/{junit.xml,schemathesis.json,summary.json,api.log,schemathesis.log}.
# Environment:
#   FUZZ_HEADERS        extra schemathesis header options, e.g. "-H 'authorization: Bearer …'"
#                       (default: a token for the demo firm's admin role minted with this run's
#                       AUTH_JWT_SECRET when the service has sign-in; x-tenant-id: demo always)
#   FUZZ_MAX_EXAMPLES   test cases per operation in the fuzzing phase (default 40; the coverage
#                       phase adds the schema's boundary values)
#   FUZZ_SEED           seed of the run (default fixed, so CI runs are reproducible; "random" explores)
#   FUZZ_WORKERS        schemathesis workers (default 2)
#   FUZZ_TIMEOUT        hard cap of the schemathesis run in seconds (default 900)
#   FUZZ_SKIP_SETUP=1   do not run scripts/setup.sh (the caller built the service already)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$ROOT"

if [[ "${FUZZ_SKIP_SETUP:-0}" == 1 ]]; then
  export PATH="$(bash scripts/provision/node.sh | tail -n 1):$PATH"
else
  source scripts/setup.sh   # Node, npm ci when needed, tsc build: the fuzzed service is the current source
fi
say() { printf '[fuzz] %s\n' "$*" >&2; }   # after setup.sh, which defines its own
SCHEMATHESIS="$(bash scripts/fuzz/provision-schemathesis.sh | tail -n 1)"
PYTHON="$(dirname "$SCHEMATHESIS")/python"

MAX_EXAMPLES="${FUZZ_MAX_EXAMPLES:-40}"
[[ "$MAX_EXAMPLES" =~ ^[1-9][0-9]*$ ]] || { echo "FUZZ_MAX_EXAMPLES must be a positive integer" >&2; exit 2; }
SEED="${FUZZ_SEED:-20261201}"
[[ "$SEED" == random ]] && SEED="$(od -An -N4 -tu4 /dev/urandom | tr -d ' ')"
WORKERS="${FUZZ_WORKERS:-2}"
OUT="$ROOT/tests/artifacts/fuzz"
mkdir -p "$OUT"
rm -f "$OUT"/junit.xml "$OUT"/schemathesis.json "$OUT"/summary.json "$OUT"/api.log "$OUT"/schemathesis.log

# A private data folder and port; only this run's own API process is stopped at the end.
WORK="$(mktemp -d /tmp/retention-fuzz.XXXXXX)"
api_pid=""
cleanup() {
  if [[ -n "$api_pid" ]] && kill -0 "$api_pid" 2>/dev/null; then
    kill -TERM "$api_pid" 2>/dev/null || true
    wait "$api_pid" 2>/dev/null || true
  fi
  [[ -f "$WORK/api.log" ]] && cp "$WORK/api.log" "$OUT/api.log"
  rm -rf "$WORK"
}
trap cleanup EXIT

PORT="$(node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
export DATA_DIR="$WORK" SQLITE_FILE=fuzz.sqlite PORT HOST=127.0.0.1 TEMPORAL_ADDRESS=127.0.0.1:1 LOG_LEVEL=warn NODE_ENV=development
# Fuzzing sends thousands of requests a minute with one credential: lift the per-credential limit.
export RATE_LIMIT_PER_MINUTE=1000000
# The run's own token secret (see the credentials below); ignored by a service without sign-in.
export AUTH_JWT_SECRET="$(od -An -N32 -tx1 /dev/urandom | tr -d ' \n')"
unset DATABASE_URL
API="http://127.0.0.1:$PORT"

say "migrating and seeding the demo portfolio into $WORK"
node dist/src/persistence/migrate.js >"$WORK/migrate.log" 2>&1 || { cat "$WORK/migrate.log" >&2; exit 1; }
node dist/src/persistence/demo/seed-demo.cli.js >"$WORK/seed.log" 2>&1 || { cat "$WORK/seed.log" >&2; exit 1; }

say "starting the API on $API"
node dist/src/main.js >"$WORK/api.log" 2>&1 &
api_pid=$!
for _ in $(seq 1 120); do
  curl -fs -o /dev/null "$API/openapi.json" && break
  kill -0 "$api_pid" 2>/dev/null || { say "the API exited during start-up"; cat "$WORK/api.log" >&2; exit 1; }
  sleep 0.5
done
curl -fs -o /dev/null "$API/openapi.json" || { say "the API did not answer"; exit 1; }

# Credentials: FUZZ_HEADERS wins. Otherwise, when the service has sign-in, a token of the service's
# own kind for the demo firm's admin role, minted with the secret this run gave the API: its subject
# is no user row, so fuzzed calls (PATCH /users/{id} with ids from GET /users) cannot disable it.
headers=(-H 'x-tenant-id: demo')
curl_auth=(-H 'x-tenant-id: demo')
if [[ -n "${FUZZ_HEADERS:-}" ]]; then
  eval "extra=(${FUZZ_HEADERS})"
  headers+=("${extra[@]}")
  for ((i = 0; i < ${#extra[@]}; i++)); do [[ "${extra[$i]}" == -H ]] && curl_auth+=(-H "${extra[$((i + 1))]}"); done
elif [[ -f dist/src/auth/token-issuer.js ]]; then
  token="$(node -e 'import("./dist/src/auth/token-issuer.js").then(async ({ signLocalToken }) => {
    const { token } = await signLocalToken(new TextEncoder().encode(process.env.AUTH_JWT_SECRET), { sub: "schemathesis", tenant: "demo", roles: ["admin"], name: "schemathesis", personId: null }, 240);
    console.log(token);
  })')"
  say "calling as the demo firm's admin role (subject schemathesis)"
  headers+=(-H "authorization: Bearer $token")
  curl_auth+=(-H "authorization: Bearer $token")
fi

say "rescoring the demo portfolio"
curl -fsS -X POST "$API/api/v1/scoring/rescore" "${curl_auth[@]}" -H 'content-type: application/json' -d '{}' >"$WORK/rescore.json" ||
  { say "rescoring failed: $(cat "$WORK/rescore.json" 2>/dev/null)"; exit 1; }
FUZZ_ACCOUNT_ID="$(curl -fsS "$API/api/v1/accounts?limit=1" "${curl_auth[@]}" | node -e 'let s="";process.stdin.on("data",(d)=>s+=d).on("end",()=>console.log(JSON.parse(s).items[0].id))')"
export FUZZ_ACCOUNT_ID

# The settings file with the example count on top (a top-level key; per-operation tables override it).
{ echo "generation.max-examples = $MAX_EXAMPLES"; cat "$ROOT/scripts/fuzz/schemathesis.toml"; } >"$WORK/schemathesis.toml"
CHECKS="not_a_server_error,negative_data_rejection"
say "schemathesis: checks $CHECKS, $MAX_EXAMPLES examples per operation, seed $SEED, $WORKERS workers"
started=$SECONDS
set +e
# PYTHONUNBUFFERED + --no-color: the log reads line by line in CI; the reports carry the details.
PYTHONUNBUFFERED=1 timeout --signal=INT --kill-after=30 "${FUZZ_TIMEOUT:-900}" \
  "$SCHEMATHESIS" --config-file "$WORK/schemathesis.toml" run "$API/openapi.json" \
  "${headers[@]}" \
  --checks "$CHECKS" \
  --mode all \
  --phases examples,coverage,fuzzing,stateful \
  --seed "$SEED" \
  --workers "$WORKERS" \
  --no-color \
  --output-truncate true \
  --report junit,json \
  --report-junit-path "$OUT/junit.xml" \
  --report-json-path "$OUT/schemathesis.json" \
  >"$OUT/schemathesis.log" 2>&1
st_status=$?
set -e
elapsed=$((SECONDS - started))

# Hostile input must not take the process down, nor hit an unhandled error (the filter logs those).
api_alive=true
kill -0 "$api_pid" 2>/dev/null || api_alive=false
unhandled="$(grep -c '"msg":"unhandled error"' "$WORK/api.log" || true)"

# The run's figures, for RELIABILITY.md and CI logs.
FUZZ_OUT="$OUT" FUZZ_STATUS="$st_status" FUZZ_ELAPSED="$elapsed" FUZZ_API_ALIVE="$api_alive" FUZZ_UNHANDLED="$unhandled" \
  FUZZ_CHECKS="$CHECKS" FUZZ_SEED="$SEED" FUZZ_MAX_EXAMPLES="$MAX_EXAMPLES" \
  "$PYTHON" "$ROOT/scripts/fuzz/summarize.py" && summary_status=0 || summary_status=$?

if [[ "$st_status" != 0 || "$summary_status" != 0 ]]; then
  say "FAILED (schemathesis exit $st_status); details: tests/artifacts/fuzz/schemathesis.log, junit.xml, api.log"
  sed -n '/^=* FAILURES =*$/,/^=* SUMMARY =*$/p' "$OUT/schemathesis.log" | head -n 200 >&2
  exit 1
fi
say "passed in ${elapsed}s"
