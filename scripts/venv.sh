# Sourced by demo.sh and test.sh: a .venv with pip up to date, casekit installed (extras in $1).
export NO_MKDOCS_2_WARNING=1  # Material 9.8 prints an end-of-life banner on every build
PY=${PYTHON:-python3}
if [ ! -x .venv/bin/python ]; then
  "$PY" -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
.venv/bin/python -m pip install --quiet -e ".${1:-}"
