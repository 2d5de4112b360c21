#!/usr/bin/env bash
# Install everything the test suite needs (Python packages in .venv, Debian's chromium) and run it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh test
# Debian's chromium for the browser tests, and a Korean font so screenshots show Hangul
if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-nanum >/dev/null 2>&1; then
  echo "== installing Debian's chromium and fonts-nanum for the browser tests"
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-nanum >/dev/null
fi
.venv/bin/ruff check casekit tests scripts
.venv/bin/mypy
exec .venv/bin/python -m pytest "$@"
