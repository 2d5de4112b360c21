"""The `casekit` process itself (python -m casekit): it ends without tearing its heap down
(cli._leave), so what it wrote must be whole and its exit code the command's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


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


REPO = Path(__file__).resolve().parent.parent


def _casekit_bytes(cwd: Path, encoding: str, *args: str) -> subprocess.CompletedProcess[bytes]:
    """`python -m casekit ARGS` of this checkout (not whichever casekit is installed) with its output
    streams in `encoding` (PYTHONIOENCODING: what LANG=en_US.ISO-8859-1 gives an old server)."""
    env = {"LANG": "ko_KR.UTF-8", "PATH": "/usr/bin:/bin", **_cache_env(), "PYTHONPATH": str(REPO),
           "PYTHONIOENCODING": encoding}
    return subprocess.run([sys.executable, "-m", "casekit", *args], cwd=cwd, capture_output=True, timeout=300,
                          check=False, env=env)


@pytest.mark.parametrize(("args", "says"), [
    (("due",), "할 일 기한 지남"), (("due", "--format", "json"), '"items"'), (("status",), "사례 "),
    (("status", "--format", "json"), '"cases"'), (("report", "2026-11"), "월간 사례관리 실적"),
    (("export",), "사례 번호"), (("check",), "문제"), (("report", "--help"), "월간 실적"),
], ids=["due", "due-json", "status", "status-json", "report", "export", "check", "help"])
def test_an_output_encoding_without_hangul_gets_utf8_not_a_traceback(sample: Path, args: tuple[str, ...],
                                                                     says: str) -> None:
    """PYTHONIOENCODING=latin-1 (LANG=en_US.ISO-8859-1) stopped `casekit due`, `status`, `report`,
    `export`, `check` at their first Korean line with a UnicodeEncodeError traceback, while ASCII was
    made UTF-8 (by click, for its echo only): any encoding without Hangul is now made UTF-8."""
    done = _casekit_bytes(sample, "latin-1", *args)
    assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, done.stderr.decode("utf-8", "replace")
    assert says in done.stdout.decode("utf-8"), done.stdout[:300]
    if "json" in args:
        json.loads(done.stdout.decode("utf-8"))


def test_cp949_output_is_written_in_cp949_and_what_it_lacks_escaped(sample: Path) -> None:
    """cp949 has Hangul, so it stays, but `casekit export` stopped with a traceback on the CSV's BOM
    (Excel's mark of UTF-8: wrong in cp949, which Korean Excel reads unmarked) and a '–' (not in
    cp949) in stdout would have stopped any command: the BOM is left out, the rest escaped."""
    done = _casekit_bytes(sample, "cp949", "export")
    assert done.returncode == 0 and b"Traceback" not in done.stderr, done.stderr.decode("cp949", "replace")
    text = done.stdout.decode("cp949")
    assert text.startswith("사례 번호,"), text[:40]
    marked = _casekit_bytes(sample, "utf-8", "export")
    assert marked.stdout.startswith("\ufeff".encode()) and marked.stdout.decode("utf-8")[1:] == text
    record = next(sample.glob("cases/*/01-intake.md"))  # a finding quoting a value with '–', which cp949 lacks
    record.write_text(record.read_text(encoding="utf-8").replace("stage: intake", "stage: intake–x", 1), encoding="utf-8")
    check = _casekit_bytes(sample, "cp949", "check")
    assert check.returncode == 1 and b"Traceback" not in check.stderr, check.stderr.decode("cp949", "replace")
    assert "[stage-mismatch] stage 값 'intake\\u2013x'" in check.stdout.decode("cp949"), check.stdout.decode("cp949")
