#!/usr/bin/env bash
# Ensures schemathesis (pinned) in a git-ignored venv and prints the absolute path of its
# `schemathesis` executable as the LAST line of stdout; progress goes to stderr.
# Idempotent: a marker file records the installed recipe, so re-runs cost nothing.
set -euo pipefail

VERSION="4.32.5"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
VENV="$ROOT/.tools/schemathesis-venv"
MARKER="$VENV/.retention-recipe"
RECIPE="schemathesis==$VERSION python=$(python3 -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo none)"

log() { printf '[schemathesis] %s\n' "$*" >&2; }

if [[ -f "$MARKER" && "$(cat "$MARKER")" == "$RECIPE" && -x "$VENV/bin/schemathesis" ]]; then
  printf '%s\n' "$VENV/bin/schemathesis"
  exit 0
fi
command -v python3 >/dev/null || { log "python3 (>= 3.10, with the venv module) is required; on Debian: apt-get install -y python3-venv"; exit 1; }

log "installing schemathesis $VERSION into $VENV (from PyPI)"
rm -rf "$VENV"
mkdir -p "$ROOT/.tools"
python3 -m venv "$VENV"
"$VENV/bin/python" -m pip install --quiet --disable-pip-version-check "schemathesis==$VERSION" >&2
"$VENV/bin/schemathesis" --version >&2   # smoke test before recording the recipe
printf '%s' "$RECIPE" > "$MARKER"
printf '%s\n' "$VENV/bin/schemathesis"
