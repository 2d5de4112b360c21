# Sourced by demo.sh and test.sh: a .venv holding exactly the locked versions (requirements*.txt,
# made by scripts/lock.sh), then casekit itself, editable, without resolving anything again.
# $1: "run" (default) or "test".
export NO_MKDOCS_2_WARNING=1  # Material 9.8 prints an end-of-life banner on every build
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade "pip>=24"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --require-hashes -r "requirements$([ "${1:-run}" = run ] || echo "-$1").txt"
.venv/bin/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
# casekit's own modules byte-compiled once: an editable install leaves them as source, and where
# PYTHONDONTWRITEBYTECODE is set (CI, containers) every casekit process compiled its hundred
# modules again, 0.15 s of a 0.47 s start; the test suite starts it over a thousand times (its
# CLI test on the 82 fixtures took 37 s of CPU, 20 s compiled). Python checks each .pyc against
# its source, so an edited module is read afresh.
.venv/bin/python -m compileall -q casekit
