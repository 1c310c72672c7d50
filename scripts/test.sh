#!/usr/bin/env bash
# Runs every check: dependency guard, ESLint + Prettier, svelte-check, unit tests (scoring in
# DuckDB under Node) and browser tests (headless Debian Chromium against the production build).
# Installs what it needs: npm packages, and from Debian's packages Chromium (the browser tests)
# and poppler-utils (pdftotext: the printing test reads the PDFs it prints) when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
packages=()
[ -n "${CHROMIUM_PATH:-}" ] || [ -x /usr/bin/chromium ] || packages+=(chromium)
command -v pdftotext >/dev/null || packages+=(poppler-utils)
if [ ${#packages[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends "${packages[@]}"
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm test
