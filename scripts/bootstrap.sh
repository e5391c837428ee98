#!/usr/bin/env bash
# Installs what `npm start` / `npm test` need on a fresh Debian machine with Node 20, then returns.
#   bash scripts/bootstrap.sh start   npm dependencies, redis-server (when REDIS_URL is unset), build
#   bash scripts/bootstrap.sh test    npm dependencies, redis-server
set -euo pipefail
mode="${1:-start}"
cd "$(dirname "$0")/.."

say() { printf '[bootstrap] %s\n' "$*" >&2; }

node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  say "Node.js 20 or newer is required (found $(node --version))."
  exit 1
fi

# npm dependencies: install when missing or when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dependencies (builds the libxmljs2 native addon, about a minute)"
  # Not `npm ci`: it refuses the lock file on registries that lack msgpackr-extract's optional
  # macOS/Windows builds; `npm install` honours the lock file and skips them.
  npm install --no-audit --no-fund
fi

need_redis=1
if [ "$mode" = "start" ] && [ -n "${REDIS_URL:-}" ]; then need_redis=0; fi
if [ "$need_redis" = 1 ] && ! command -v redis-server >/dev/null 2>&1; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    say "installing redis-server (apt-get)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    # Debian starts a system redis on 6379; the gateway runs its own, so that one is not needed.
    (command -v service >/dev/null 2>&1 && service redis-server stop >/dev/null 2>&1) || true
  else
    say "redis-server is not installed. Install it with: sudo apt-get install -y redis-server"
    say "(or set REDIS_URL to an existing Redis 7 for npm start)"
    exit 1
  fi
fi

if [ "$mode" = "start" ]; then
  stamp=dist/.build-stamp
  if [ ! -f "$stamp" ] || [ -n "$(find src tsconfig.json tsconfig.build.json package-lock.json -newer "$stamp" -print -quit)" ]; then
    say "building (tsc)"
    rm -rf dist
    npx tsc -p tsconfig.build.json
    touch "$stamp"
  fi
fi
