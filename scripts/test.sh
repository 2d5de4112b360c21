#!/usr/bin/env bash
# Install everything the test suite needs (Python packages in .venv, Debian's chromium) and run it.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh test
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo -n"; fi
# Debian's chromium for the browser tests, a Korean font so screenshots show Hangul, and poppler's
# pdftotext/pdfinfo to read the PDFs the print tests make
if [ ! -x /usr/bin/chromium ] || ! dpkg -s fonts-nanum >/dev/null 2>&1 || ! command -v pdftotext >/dev/null; then
  echo "== installing Debian's chromium, fonts-nanum and poppler-utils for the browser tests"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-nanum poppler-utils >/dev/null
fi
# axe-core for the accessibility check, at the version pinned in tests/js/package-lock.json
if ! command -v npm >/dev/null; then
  echo "== installing Debian's npm for the accessibility check"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq npm >/dev/null
fi
npm ci --prefix tests/js --ignore-scripts --no-audit --no-fund --silent
.venv/bin/ruff check casekit tests scripts
.venv/bin/mypy
# the test files on two workers a core (at most 4), each file in one worker (its module's built
# site built once): the suite waits on browsers, servers and subprocesses, and on this 2-core
# machine four workers took 970 s, three 1,056 s (1.6 cores busy), two 1,164 s; six as long as
# four (1,139 s against 1,137 s, one after the other), with 5% more CPU;
# CASEKIT_TEST_WORKERS=0 (or -n 0 among the arguments) runs them in this process
WORKERS=${CASEKIT_TEST_WORKERS:-$(.venv/bin/python -c 'import os
n = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
print(min(2 * n, 4) if n > 1 else 0)')}
exec .venv/bin/python -m pytest -n "$WORKERS" --dist loadfile "$@"
