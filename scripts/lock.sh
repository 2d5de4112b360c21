#!/usr/bin/env bash
# Refresh the lock files from pyproject.toml's ranges: requirements.txt (what `casekit` needs)
# and requirements-test.txt (that plus the test tools). Exact versions with hashes, resolved by uv
# for every platform; scripts/venv.sh installs from them, so a fresh machine runs what was tested.
# pylock.toml (PEP 751, the standard lock format, for tools that read it: `uv pip sync`,
# `pip install -r` does not yet) is the same resolution as requirements-test.txt, written from it.
#   bash scripts/lock.sh              # keep today's pins where the ranges still allow them
#   bash scripts/lock.sh --upgrade    # take the newest versions the ranges allow
set -euo pipefail
cd "$(dirname "$0")/.."
UV=${UV:-.venv/bin/uv}
[ -x "$UV" ] || { python3 -m pip install --quiet uv && UV=uv; }
common=(pyproject.toml --python-version 3.11 --universal --generate-hashes --quiet "$@")
"$UV" pip compile "${common[@]}" -o requirements.txt
"$UV" pip compile "${common[@]}" --extra test -o requirements-test.txt
# the standard lock from the test lock's pins (so the two cannot resolve differently)
"$UV" pip compile requirements-test.txt --python-version 3.11 --universal --quiet --format pylock.toml \
    --no-header -o pylock.toml
echo "requirements.txt, requirements-test.txt, pylock.toml: $(grep -c '==' requirements-test.txt) pinned packages"
