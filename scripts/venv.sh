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
