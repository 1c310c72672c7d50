#!/usr/bin/env bash
# Runs every check: dependency guard, ESLint + Prettier, svelte-check, unit tests (scoring in
# DuckDB under Node) and browser tests (headless Debian Chromium against the production build).
# Installs what it needs: npm packages, and Chromium from Debian's packages when missing.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${CHROMIUM_PATH:-}" ] && [ ! -x /usr/bin/chromium ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  $sudo apt-get update
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y --no-install-recommends chromium
fi
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
npm test
