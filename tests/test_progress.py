"""Progress on a terminal: shown on stderr after the delay, only on a TTY, never with CI set, and
never in stdout (where JSON, JUnit and SARIF go). One test drives the real CLI under a pty."""

from __future__ import annotations

import io
import json
import os
import pty
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from casekit.progress import Progress, progress
from tests.builders import FULL_PATH, make_casebook, read_pty


class FakeTTY(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def _no_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    monkeypatch.setenv("TERM", "xterm")


def _until(shown, seconds: float = 20.0) -> bool:
    """Whether `shown()` came true within `seconds`: the drawing thread is scheduled when the
    machine lets it (under a loaded test run, 50 ms of sleep was not always enough: CI flaked)."""
    end = time.monotonic() + seconds
    while not shown():
        if time.monotonic() > end:
            return False
        time.sleep(0.01)
    return True


def test_quiet_work_shows_nothing() -> None:
    out = FakeTTY()
    with progress("검사 중", 10, stream=out) as bar:  # default delay: 2 s
        bar.advance(10)
    assert out.getvalue() == ""


def test_long_work_shows_counts_then_clears_the_line() -> None:
    out = FakeTTY()
    with Progress("사례집 검사 중", 4, stream=out, delay=0.05, interval=0.02) as bar:
        for _ in range(4):
            bar.advance()
            time.sleep(0.06)
        assert _until(lambda: "4/4 (100%)" in out.getvalue()), out.getvalue()
    text = out.getvalue()
    assert "사례집 검사 중… " in text and "/4 (" in text and "%)" in text
    assert text.endswith("\r\x1b[K") and "\n" not in text


def test_without_a_total_it_shows_the_time() -> None:
    out = FakeTTY()
    with Progress("사이트 만드는 중", stream=out, delay=0.01, interval=0.01) as bar:
        assert _until(lambda: bar.shown)
    assert re.search(r"사이트 만드는 중… \d+초", out.getvalue()), out.getvalue()


@pytest.mark.parametrize("ci", ["true", "1", "yes"])
def test_never_in_ci(monkeypatch: pytest.MonkeyPatch, ci: str) -> None:
    monkeypatch.setenv("CI", ci)
    out = FakeTTY()
    with Progress("검사 중", stream=out, delay=0.0, interval=0.01):
        time.sleep(0.03)
    assert out.getvalue() == ""


def test_never_on_a_pipe_or_file_or_when_disabled(monkeypatch: pytest.MonkeyPatch) -> None:
    for stream, enabled in ((io.StringIO(), True), (FakeTTY(), False)):
        with Progress("검사 중", stream=stream, delay=0.0, interval=0.01, enabled=enabled):
            time.sleep(0.03)
        assert stream.getvalue() == ""
    monkeypatch.setenv("TERM", "dumb")
    out = FakeTTY()
    with Progress("검사 중", stream=out, delay=0.0, interval=0.01):
        time.sleep(0.03)
    assert out.getvalue() == ""


@pytest.mark.slow
def test_cli_under_a_terminal_keeps_json_clean(tmp_path: Path) -> None:
    """`casekit check --format json > file` on a terminal: stdout is the file, stderr the pty;
    a check made slow shows progress on the pty and pure JSON in the file."""
    root = make_casebook(tmp_path / "book", {f"c{i}": FULL_PATH for i in range(10)})
    code = ("import sys, time, casekit.progress as p; p.DELAY = 0.05\n"
            "from casekit.cli import main\n"
            "import casekit.core.casebook as cb\n"
            "real = cb.check\n"
            "def slow(*a, **k):\n"
            "    time.sleep(0.6)\n"
            "    return real(*a, **k)\n"
            "import casekit.cli as cli; cli.check = slow\n"
            "main()\n")
    master, slave = pty.openpty()
    with open(tmp_path / "out.json", "wb") as stdout:
        env = {k: v for k, v in os.environ.items() if k != "CI"} | {"TERM": "xterm"}
        proc = subprocess.Popen([sys.executable, "-c", code, "check", "--format", "json"], cwd=root,
                                stdout=stdout, stderr=slave, env=env)
        os.close(slave)
        seen = read_pty(master)
        proc.wait()
    assert proc.returncode == 0
    assert "사례집 검사 중…".encode() in seen
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert data["summary"]["files"] == 10 * 7 + 1
