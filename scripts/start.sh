#!/usr/bin/env bash
# Starts DTI Lab with the sample district loaded: installs dependencies when they are missing
# or older than the lockfile, then serves the app on http://127.0.0.1:5173/.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
exec npx vite --host 127.0.0.1 "$@"
