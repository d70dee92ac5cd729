#!/usr/bin/env bash
# Ensures a Temporal CLI binary (dev server + client) exists and prints its absolute path
# as the LAST line of stdout; progress goes to stderr.
#
# Why build it: Temporal's release CDN/GitHub are unreachable here, but the Go module
# proxy is, and the CLI is pure Go. The binary is cached per user and keyed by version so
# fresh clones (CI) reuse it instead of rebuilding for several minutes.
#
# Resolution order:
#   1. $TEMPORAL_CLI, if set and executable
#   2. ${XDG_CACHE_HOME:-$HOME/.cache}/retention-platform/temporal-cli-v<ver>/temporal
#   3. go install github.com/temporalio/cli/cmd/temporal@v<ver> into that directory
set -euo pipefail

VERSION="1.5.1"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/retention-platform"
DEST_DIR="$CACHE_ROOT/temporal-cli-v$VERSION"
DEST="$DEST_DIR/temporal"

log() { printf '[temporal-cli] %s\n' "$*" >&2; }

if [[ -n "${TEMPORAL_CLI:-}" ]]; then
  if [[ -x "$TEMPORAL_CLI" && ! -d "$TEMPORAL_CLI" ]]; then
    log "using \$TEMPORAL_CLI"
    # Absolute path even if the caller gave a relative one.
    printf '%s\n' "$(cd "$(dirname "$TEMPORAL_CLI")" && pwd)/$(basename "$TEMPORAL_CLI")"
    exit 0
  fi
  log "ignoring \$TEMPORAL_CLI=$TEMPORAL_CLI: not an executable file"
fi

if [[ -x "$DEST" ]]; then
  log "cached: $DEST"
  printf '%s\n' "$DEST"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  cat >&2 <<MSG
[temporal-cli] ERROR: no Temporal CLI found and 'go' is not on PATH to build one.
  Either install Go >= 1.21 (https://go.dev/doc/install; Debian 12's golang-go 1.19 is too
  old; Go >= 1.21 fetches the 1.25 toolchain the CLI needs through the module proxy) and
  re-run this script, or point TEMPORAL_CLI at an existing binary:
    export TEMPORAL_CLI=/path/to/temporal
MSG
  exit 1
fi

mkdir -p "$DEST_DIR"
# Build into a private temp GOBIN on the same filesystem, then rename: an interrupted
# build never leaves a half-written binary at $DEST, and concurrent runs don't clash.
TMP_BIN="$(mktemp -d "$DEST_DIR/.build.XXXXXX")"
trap 'rm -rf "$TMP_BIN"' EXIT

log "building temporal CLI v$VERSION with $(go version) (first time takes several minutes)..."
start=$SECONDS
# Same flags as the official release build (.goreleaser.yml): static (the CLI and its
# modernc SQLite are pure Go), stripped, with the real version string instead of 0.0.0-DEV.
GOBIN="$TMP_BIN" CGO_ENABLED=0 go install -trimpath \
  -ldflags "-s -w -X github.com/temporalio/cli/temporalcli.Version=$VERSION" \
  "github.com/temporalio/cli/cmd/temporal@v$VERSION" >&2
"$TMP_BIN/temporal" --version >&2   # smoke test before publishing it
mv -f "$TMP_BIN/temporal" "$DEST"
log "built in $((SECONDS - start)) s: $DEST"
printf '%s\n' "$DEST"
