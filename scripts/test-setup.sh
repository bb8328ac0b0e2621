#!/usr/bin/env bash
# What `npm run test:all` sets up before `npm test` (and so what CI does, via .ci/run):
# the Debian peers the interop, browser and benchmark suites talk to, PostgreSQL, and the
# npm packages when they are not installed yet. A step that cannot be done stops the run
# with the reason; nothing is skipped. Idempotent: on a machine that has it all, it only checks.
set -euo pipefail
cd "$(dirname "$0")/.."

# Real peers (Debian packages, offline-installable; playwright-core never downloads a browser):
# nginx, Apache httpd (TLS advice interop), testssl.sh and sslscan (TLS), chromium (browser tests
# and the privacy scan), knot, ldns-signzone, unbound and delv (DNSSEC), postfix (STARTTLS), GNU time
# (benchmarks' CPU figures).
debs=(nginx apache2 testssl.sh sslscan openssl chromium knot knot-dnsutils unbound ldnsutils bind9-dnsutils postfix time)
missing=()
for pkg in "${debs[@]}"; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
if [ "${#missing[@]}" -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { echo "test-setup: ${missing[*]} must be installed, and installing needs root (run as root, or install sudo)" >&2; exit 1; }
    as_root=(sudo)
  fi
  echo "test-setup: installing ${missing[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
for tool in nginx apache2 testssl sslscan openssl chromium knotd kdig unbound ldns-signzone ldns-keygen delv postfix /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "test-setup: required tool '$tool' is missing" >&2; exit 1; }
done
# Debian may start a packaged nginx on *:80/*:443; the fixtures need those ports on 127.x.
if pgrep -x nginx >/dev/null; then nginx -s stop 2>/dev/null || pkill -x nginx || true; fi
# The same for a packaged Apache (its fixture runs its own apache2 on 127.x:443).
if pgrep -x apache2 >/dev/null; then apache2ctl stop 2>/dev/null || pkill -x apache2 || true; fi
# Likewise packaged DNS and mail daemons: the fixtures start their own on 127.x.
for daemon in unbound knotd master; do pkill -x "$daemon" 2>/dev/null || true; done

# The data-layer, route, queue and crash tests run on PostgreSQL too (127.0.0.1:5432, user
# postgres, trust auth; WEERBAAR_TEST_PG points elsewhere). Start the machine's cluster if it is down.
if [ -z "${WEERBAAR_TEST_PG:-}" ] && ! pg_isready -q -h 127.0.0.1; then
  echo "test-setup: PostgreSQL is not answering on 127.0.0.1; starting it"
  if command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    for version in $(ls /etc/postgresql); do pg_ctlcluster --skip-systemctl-redirect "$version" main start || true; done
  fi
  for _ in $(seq 1 30); do pg_isready -q -h 127.0.0.1 && break; sleep 1; done
fi
if [ -z "${WEERBAAR_TEST_PG:-}" ] && ! pg_isready -q -h 127.0.0.1; then
  echo "test-setup: PostgreSQL is not reachable on 127.0.0.1:5432; the PostgreSQL tests cannot run (install and start it, or set WEERBAAR_TEST_PG)" >&2
  exit 1
fi

# A fresh clone: the npm packages first.
if [ ! -d node_modules ]; then npm ci --no-audit --no-fund; fi
echo "test-setup: ready ($(node --version))"
