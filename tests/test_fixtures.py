"""Golden fixtures, found by convention: every `tests/fixtures/<name>/` is a tiny casebook.

A fixture folder holds `mkdocs.yml`, `cases/...` (and `resources/`, `schemas/`, `templates/`
when it needs its own; otherwise casekit's defaults apply), and `expected.json`: the exact list of
findings `casekit check --format json` reports, each as path, line, column, severity and code
(message text is free to change). Files whose bytes are awkward to commit (UTF-16, CP949, NUL,
CR line ends, 1 MiB, 100,000 levels of nesting) are written at test time by the folder's
`make.py`, which defines `make(root: Path) -> None`.

A folder without `expected.json` fails: expectations are never written by the tests. Run
`.venv/bin/python tests/regen_fixtures.py NAME...` and review every line of the result.
"""

from __future__ import annotations

import json
import os
import runpy
import shutil
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from casekit.cli import main
from casekit.core.messages import MESSAGES

HERE = Path(__file__).resolve().parent
FIXTURES = HERE / "fixtures"
REPO = HERE.parent
KEYS = ("path", "line", "column", "severity", "code")
NOT_CASEBOOK = {"expected.json", "make.py", "record.txt", "README.md", "__pycache__"}

# Fixtures whose expected.json states the right behaviour that a module outside this suite's
# files does not have yet. strict: the day it is fixed, the XPASS fails and the entry must go.
KNOWN_GAPS: dict[str, str] = {}


def fixture_names() -> list[str]:
    return sorted(p.name for p in FIXTURES.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def materialize(name: str, dest: Path) -> Path:
    """A working copy of fixture `name` in `dest` (its make.py run there); the fixture is never touched."""
    src = FIXTURES / name
    root = dest / name
    shutil.copytree(src, root, ignore=lambda _d, names: [n for n in names if n in NOT_CASEBOOK], symlinks=True)
    make = src / "make.py"
    if make.is_file():
        runpy.run_path(str(make), run_name="casekit_fixture")["make"](root)
    return root


def check_json(root: Path) -> tuple[int, dict[str, Any]]:
    """`casekit check --format json --lang en` in `root`, in this process."""
    old = Path.cwd()
    os.chdir(root)
    try:
        result = CliRunner().invoke(main, ["check", "--format", "json", "--lang", "en"], catch_exceptions=False)
    finally:
        os.chdir(old)
    return result.exit_code, json.loads(result.stdout)


def essentials(findings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{k: f[k] for k in KEYS} for f in findings]


def expected_exit(findings: list[dict[str, Any]]) -> int:
    return 1 if any(f["severity"] == "error" for f in findings) else 0


def _params() -> list[Any]:
    out = []
    for name in fixture_names():
        marks = [pytest.mark.xfail(reason=KNOWN_GAPS[name], strict=True)] if name in KNOWN_GAPS else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


@pytest.mark.parametrize("name", _params())
def test_fixture(name: str, tmp_path: Path) -> None:
    expected_file = FIXTURES / name / "expected.json"
    if not expected_file.is_file():
        pytest.fail(
            f"tests/fixtures/{name} has no expected.json: run `.venv/bin/python tests/regen_fixtures.py {name}` "
            "and review every finding (does each line/column point at the offending thing?)"
        )
    expected = json.loads(expected_file.read_text(encoding="utf-8"))
    root = materialize(name, tmp_path)
    code, report = check_json(root)
    got = essentials(report["findings"])
    assert got == expected
    assert code == expected_exit(expected)


def test_expectations_are_well_formed() -> None:
    """Every expected finding names a known code, a valid severity and a 1-based position."""
    for name in fixture_names():
        path = FIXTURES / name / "expected.json"
        if not path.is_file():
            continue  # test_fixture fails for it, with the instructions
        for f in json.loads(path.read_text(encoding="utf-8")):
            assert tuple(f) == KEYS, (name, f)
            assert f["code"] in MESSAGES, (name, f)
            assert f["severity"] in ("error", "warning"), (name, f)
            assert (f["line"] is None) == (f["column"] is None), (name, f)
            assert f["line"] is None or (f["line"] >= 1 and f["column"] >= 1), (name, f)
            assert not f["path"].startswith(("/", "..")), (name, f)


def test_the_corpus_covers_every_process_rule() -> None:
    """Each finding code that casekit/core/rules.py and rules_practice.py can raise appears in some fixture."""
    rules = "".join((REPO / f"casekit/core/{m}.py").read_text(encoding="utf-8") for m in ("rules", "rules_practice"))
    import re

    codes = set(re.findall(r'finding\(\s*"([a-z-]+)"', rules))
    seen = set()
    for name in fixture_names():
        path = FIXTURES / name / "expected.json"
        if path.is_file():
            seen |= {f["code"] for f in json.loads(path.read_text(encoding="utf-8"))}
    # relative to the day a check runs, so no fixture can hold it for good: tests/test_practice.py
    # holds it with a fixed day
    codes -= {"date-future", "done-future", "agreement-future", "target-date-far"}  # (done-future: tests/test_conference.py)
    assert codes, "no finding codes found in rules.py"
    assert codes <= seen, f"process rules without a fixture: {sorted(codes - seen)}"


@pytest.mark.slow
def test_the_cli_never_prints_a_traceback(tmp_path: Path) -> None:
    """The real command, as a subprocess, on the whole corpus: exit 0/1 as the findings say, no traceback."""
    roots = [(name, materialize(name, tmp_path)) for name in fixture_names()]
    env = {**os.environ, "LANG": "C.UTF-8", "PYTHONDONTWRITEBYTECODE": "1"}

    def run(item: tuple[str, Path]) -> tuple[str, subprocess.CompletedProcess[str]]:
        name, root = item
        proc = subprocess.run(
            [sys.executable, "-m", "casekit", "check", "--format", "json"],
            cwd=root, capture_output=True, text=True, env=env, timeout=60, check=False,
        )
        return name, proc

    with ThreadPoolExecutor(max_workers=max(2, min(8, (os.cpu_count() or 2) * 2))) as pool:
        results = list(pool.map(run, roots))
    for name, proc in results:
        assert "Traceback" not in proc.stderr, f"{name}:\n{proc.stderr}"
        assert proc.returncode in (0, 1), f"{name}: exit {proc.returncode}\n{proc.stderr}"
        findings = json.loads(proc.stdout)["findings"]
        assert proc.returncode == expected_exit(findings), name
        if name not in KNOWN_GAPS and (FIXTURES / name / "expected.json").is_file():
            expected = json.loads((FIXTURES / name / "expected.json").read_text(encoding="utf-8"))
            assert essentials(findings) == expected, name
            if expected_exit(expected):
                assert proc.returncode == 1, name
