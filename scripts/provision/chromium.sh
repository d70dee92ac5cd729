#!/usr/bin/env bash
# Prints the path of a headless-capable Chromium for the browser tests. Uses Debian's package
# (browser downloads by test tools are not possible here); installs it when running as root.
set -euo pipefail
say() { printf '\033[1m[chromium]\033[0m %s\n' "$*" >&2; }

find_chromium() {
  for candidate in "${CHROMIUM_PATH:-}" /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome; do
    [[ -n "$candidate" && -x "$candidate" ]] && { echo "$candidate"; return 0; }
  done
  return 1
}

if ! find_chromium >/dev/null; then
  if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
    say "installing Debian's chromium package"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq >/dev/null
    apt-get install -y -qq chromium >/dev/null
  else
    say "no Chromium found: install Debian's 'chromium' package (sudo apt-get install chromium) or set CHROMIUM_PATH"
    exit 1
  fi
fi
find_chromium
