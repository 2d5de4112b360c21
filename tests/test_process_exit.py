"""The `casekit` process itself (python -m casekit): it ends without tearing its heap down
(cli._leave), so what it wrote must be whole and its exit code the command's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _casekit(cwd: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "casekit", *args], cwd=cwd, capture_output=True, text=True,
                          timeout=300, check=False, env={"LANG": "ko_KR.UTF-8", "PATH": "/usr/bin:/bin",
                                                         **_cache_env()})


def _cache_env() -> dict[str, str]:
    import os

    return {k: v for k, v in os.environ.items() if k in ("CASEKIT_CACHE_DIR", "HOME", "PYTHONPATH")}


def test_a_check_with_findings_writes_its_whole_report_and_exits_1(sample: Path) -> None:
    record = next(sample.glob("cases/*/01-intake.md"))
    record.write_text(record.read_text(encoding="utf-8").replace("stage: intake", "stage: intak", 1), encoding="utf-8")
    done = _casekit(sample, "check", "--format", "json")
    assert done.returncode == 1, done.stderr
    report = json.loads(done.stdout)  # whole: the buffer was flushed before the process ended
    assert any(f["path"].endswith("01-intake.md") and f["severity"] == "error" for f in report["findings"])


def test_a_clean_check_exits_0_and_a_usage_error_2_with_its_message(sample: Path) -> None:
    done = _casekit(sample, "check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "문제 없음" in done.stdout
    wrong = _casekit(sample, "check", "--format", "nonesuch")
    assert wrong.returncode == 2
    assert "nonesuch" in wrong.stderr


def test_a_report_larger_than_a_pipe_buffer_arrives_whole(sample: Path) -> None:
    import shutil

    case = next(p for p in sorted((sample / "cases").iterdir()) if p.is_dir())
    # copies that keep the original's case id: a case-folder-renamed finding each (~450 bytes)
    for n in range(250):
        shutil.copytree(case, sample / "cases" / f"{case.name}{n:03d}"[:20])
    done = _casekit(sample, "check", "--format", "json")
    assert len(done.stdout.encode()) > 1 << 16
    report = json.loads(done.stdout)
    assert done.returncode == 1
    assert len({f["path"].split("/")[1] for f in report["findings"]}) > 100
