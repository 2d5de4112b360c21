"""scripts/bench.py runs end to end (a small casebook): every row it reports is there and measured.
A smoke test of the script, not a timed test: no figure is compared with a threshold."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.browser_support import require_chromium

REPO = Path(__file__).resolve().parent.parent




@pytest.mark.slow
def test_the_benchmark_reports_every_figure_against_its_baseline(tmp_path: Path) -> None:
    require_chromium()  # (the search payload is measured in it)
    out = tmp_path / "bench.json"
    proc = subprocess.run([sys.executable, str(REPO / "scripts/bench.py"), "--cases", "12", "--repeat", "1",
                           "--keep", str(tmp_path / "work"), "--json", str(out)],
                          capture_output=True, text=True, timeout=600, check=False)
    assert proc.returncode == 0, proc.stderr[-3000:]
    rows = {r["what"]: r for r in json.loads(out.read_text(encoding="utf-8"))}
    timed = ["floor", "naive", "check cold", "check warm", "check one edit", "check one case",
             "plain mkdocs build", "casekit build", "casekit build, 1 edit"]
    assert set(timed) <= set(rows), sorted(rows)
    for what in timed:
        assert rows[what]["seconds"] > 0 and rows[what]["cpu"] > 0 and rows[what]["peak_mib"] > 0, rows[what]
    assert rows["casekit build"]["baseline"] == rows["casekit build, 1 edit"]["baseline"] == "plain mkdocs build"
    assert rows["pages"]["count"] > 12 * 2
    # what Chromium downloaded before the first result: the worker and some of the index's files
    assert rows["casekit search payload"]["bytes"] > 0
    assert rows["casekit search payload"]["baseline"] == "plain search payload"
    assert rows["casekit index on disk"]["bytes"] > 0 and rows["plain search payload"]["bytes"] > 0
    assert "naive / check cold" in proc.stdout
    edited = sorted((tmp_path / "work/cb12/cases").glob("*/*-monitoring.md"))
    assert edited and not any("다음 방문 일정을 다시 잡았다" in p.read_text(encoding="utf-8") for p in edited)


def test_the_synthetic_casebook_checks_clean(tmp_path: Path) -> None:
    """What the benchmark times is a casebook a practice keeps: no finding (a client born in 1969
    recorded as a child, a given name that is a word of the guide, a child born on a day another
    case's record is dated would each be one, and a check printing thousands of them is not the
    check being timed)."""
    sys.path.insert(0, str(REPO / "scripts"))
    try:
        import bench
    finally:
        sys.path.remove(str(REPO / "scripts"))
    from casekit.core.casebook import check

    root = bench.make_casebook(tmp_path / "cb", 300)
    report = check(root, cache=False)
    assert [(f.path, f.code) for f in report.findings] == []
    assert len(list((root / "cases").iterdir())) == 300
