#!/usr/bin/env bash
# Set up casekit in .venv, check the bundled sample casebook, show what is due, build its site.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/venv.sh
echo "== casekit check (사례집 검사)"
.venv/bin/casekit check
echo
echo "== casekit due (기한 지남·곧 마감)"
.venv/bin/casekit due
echo
echo "== casekit build (사례집 사이트: 검사 → 페이지 → MkDocs → CSP·감사)"
.venv/bin/casekit build --site-dir site
echo
echo "사이트를 만들었습니다: $(pwd)/site"
echo "보기 (browse it locally, loopback only):"
echo "  .venv/bin/python -m http.server --bind 127.0.0.1 --directory site 8000"
echo "  → http://127.0.0.1:8000/"
