#!/usr/bin/env bash
# Makes sure what the tests need is on this machine: Debian's Chromium for the browser tests and
# the Noto fonts (the demo page's layout is measured with them), PostgreSQL and Redis running. Run by `pnpm test` before the suites; safe to run twice.
set -euo pipefail

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "test-env: installing Debian's chromium (about a minute)"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-core >/dev/null
  else
    echo "test-env: Chromium is missing; install Debian's chromium package (browser tests need it)" >&2
  fi
fi

if [ ! -d /usr/share/fonts/truetype/noto ] && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "test-env: installing Debian's Noto fonts"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-core >/dev/null
fi

if command -v pg_isready >/dev/null && ! pg_isready -h 127.0.0.1 -p 5432 -q; then
  echo "test-env: starting PostgreSQL"
  pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
  for _ in $(seq 1 30); do pg_isready -h 127.0.0.1 -p 5432 -q && break; sleep 1; done
fi

if command -v redis-cli >/dev/null && ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
  echo "test-env: starting Redis"
  redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no || true
fi
