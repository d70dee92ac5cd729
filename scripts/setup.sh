#!/usr/bin/env bash
# Idempotent set-up shared by `./retention start` and `./retention test`: Node, npm
# dependencies (reinstalled only when the lockfile or Node version changed) and the build.
# Source it: it exports PATH with the provisioned Node first.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
say() { printf '\033[1m[setup]\033[0m %s\n' "$*" >&2; }

NODE_BIN="$(bash "$ROOT/scripts/provision/node.sh" | tail -n 1)"
export PATH="$NODE_BIN:$PATH"

stamp_file="$ROOT/node_modules/.retention-install-stamp"
want_stamp="$(node --version) $(sha256sum "$ROOT/package-lock.json" | cut -d' ' -f1)"
if [[ ! -f "$stamp_file" || "$(cat "$stamp_file")" != "$want_stamp" ]]; then
  say "installing npm dependencies (npm ci)"
  (cd "$ROOT" && npm ci --no-audit --no-fund --loglevel=error)
  printf '%s' "$want_stamp" > "$stamp_file"
fi

say "compiling TypeScript"
(cd "$ROOT" && node node_modules/typescript/bin/tsc -p tsconfig.build.json)

# The web console (console/, React + Vite) is served by the API from dist/console; rebuilt only
# when its sources or the lockfile changed.
console_stamp="$ROOT/dist/console/.build-stamp"
want_console="$(cd "$ROOT" && find console -type f | LC_ALL=C sort | xargs sha256sum | cat - package-lock.json | sha256sum | cut -d' ' -f1)"
if [[ ! -f "$console_stamp" || "$(cat "$console_stamp")" != "$want_console" ]]; then
  say "building the web console (vite)"
  (cd "$ROOT" && node node_modules/vite/bin/vite.js build --config console/vite.config.ts --logLevel warn)
  printf '%s' "$want_console" > "$console_stamp"
fi
