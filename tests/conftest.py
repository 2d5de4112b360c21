"""Shared fixtures. Test modules are found by convention: tests/test_*.py."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from casekit.cli import main

REPO = Path(__file__).resolve().parent.parent
# The day the whole run takes as today. casekit asks `casekit.core.clock.today()`, held to this day by
# `_one_day` below, and the tests compare with TODAY: a run that crossed midnight compared the day a
# test module computed when collected with the day the code read minutes later, and failed.
TODAY = dt.date.today()
CASEBOOK_PARTS = ("mkdocs.yml", "casekit.yml", "cases", "resources", "schemas", "templates", "docs", "overrides")


def copy_casebook(dest: Path) -> Path:
    """A copy of the sample casebook (what `mkdocs build` and `casekit check` need)."""
    dest.mkdir(parents=True, exist_ok=True)
    for part in CASEBOOK_PARTS:
        src = REPO / part
        if src.is_dir():
            shutil.copytree(src, dest / part)
        elif src.is_file():
            shutil.copy2(src, dest / part)
    return dest


# The test files that take longest (large casebooks built, browsers driven), run first: scripts/test.sh
# runs the files on every core (pytest-xdist, a file to one worker: its module's built site is built
# once), and a long file taken last kept one core busy for minutes while the other had nothing left.
# The others follow in their usual order. Ranked by `pytest --durations=80` on one core; longest first.
LONGEST_FIRST = ("test_search_ko.py", "test_compose.py", "test_browser_ux.py", "test_attacks.py", "test_search_forms.py",
                 "test_fuzz.py", "test_equivalence.py", "test_csp_browser.py", "test_init.py", "test_bench.py")


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    rank = {name: i for i, name in enumerate(LONGEST_FIRST)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # (stable: the rest as collected)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    """A fresh copy of the bundled sample casebook in a temporary folder."""
    return copy_casebook(tmp_path / "casebook")


@pytest.fixture
def run(monkeypatch: pytest.MonkeyPatch):
    """Run the CLI in a folder: run(cwd, *args) -> click Result (exceptions propagate)."""

    def _run(cwd: Path, *args: str, env: dict[str, str] | None = None) -> Result:
        monkeypatch.chdir(cwd)
        runner = CliRunner()
        return runner.invoke(main, list(args), catch_exceptions=False, env={"LANG": "ko_KR.UTF-8", **(env or {})})

    return _run


@pytest.fixture(autouse=True, scope="session")
def _casekit_cache_dir(tmp_path_factory: pytest.TempPathFactory) -> None:
    """`casekit check` keeps its cache in this session's temporary folder, never in ~/.cache."""
    import os

    os.environ["CASEKIT_CACHE_DIR"] = str(tmp_path_factory.mktemp("casekit-cache"))


@pytest.fixture(autouse=True, scope="session")
def _one_day() -> Iterator[None]:
    """casekit, run in this process, reads TODAY as today from the first test to the last."""
    from casekit.core import clock

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(clock, "today", lambda: TODAY)
        yield


def write_pages(site: Path, texts: list[str], ok: str) -> None:
    """A site of pages `p0`, `p1` … each holding one of `texts` as a paragraph, and a page `ok` whose
    body is `ok` (what an audit is to pass): for tests of what the audit refuses."""
    for i, text in enumerate([*texts, None]):
        page = site / (f"p{i}" if text is not None else "ok") / "index.html"
        page.parent.mkdir(parents=True)
        body = f"<p>{text}</p>" if text is not None else ok
        page.write_text(f"<!doctype html><html><body>{body}</body></html>", encoding="utf-8")
