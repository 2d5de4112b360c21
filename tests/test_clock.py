"""casekit reads today's date in one place, `casekit.core.clock.today()`: a test run that crossed
midnight compared the day a test computed at collection with the day the code read minutes
later, and three tests failed (CI, 2026-12-07). The suite holds one day for the whole run
(tests/conftest.py `_one_day`); these tests keep every reading of today going through it."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from casekit.core import clock
from tests.conftest import TODAY

ASK = clock.today  # (taken when collected, before the suite holds the day)
PACKAGE = Path(__file__).resolve().parent.parent / "casekit"
# date.today(), datetime.now(), datetime.utcnow(), datetime.today(), time.localtime(): the ways
# Python is asked the day. Only clock.py may ask.
ASKS_THE_DAY = re.compile(r"\b(?:date|datetime)\s*\.\s*(?:today|now|utcnow)\s*\(|\btime\s*\.\s*localtime\s*\(")


def test_only_the_clock_asks_python_for_the_day() -> None:
    asking = [f"{path.relative_to(PACKAGE.parent)}:{n}: {line.strip()}"
              for path in sorted(PACKAGE.rglob("*.py")) if path.name != "clock.py"
              for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
              if ASKS_THE_DAY.search(line)]
    assert not asking, "\n".join(asking)
    assert ASKS_THE_DAY.search("return dt.date.today()") and ASKS_THE_DAY.search("datetime.now(tz)")


def test_the_suite_holds_one_day() -> None:
    assert clock.today() == TODAY


def test_the_clock_turns_at_midnight(monkeypatch: pytest.MonkeyPatch) -> None:
    """The day is remembered for the second it was asked in, never past it: asked half a second
    before midnight and half a second after, it is two days."""
    before = dt.datetime(2031, 3, 5, 23, 59, 59).timestamp() + 0.5  # (local time, as date.today())
    now = [before]
    monkeypatch.setattr(clock, "time", type("Time", (), {"time": staticmethod(lambda: now[0])}))
    monkeypatch.setattr(clock, "_asked", None)
    assert ASK() == dt.date(2031, 3, 5) and ASK() == dt.date(2031, 3, 5)
    now[0] = before + 0.6
    assert ASK() == dt.date(2031, 3, 6)
    monkeypatch.undo()
    assert ASK() == dt.date.today()


def test_the_cli_reads_today_from_the_clock(sample: Path, run, monkeypatch: pytest.MonkeyPatch) -> None:
    """With the clock at 2031-03-05, `add` dates its record that day and refuses the next day, and
    `check` takes a record of that day as written today and one of the day after as ahead of it."""
    day = dt.date(2031, 3, 5)
    monkeypatch.setattr(clock, "today", lambda: day)
    written = run(sample, "add", "2026-0012", "점검")
    assert written.exit_code == 0, written.output
    record = sample / written.stdout.strip()
    text = record.read_text(encoding="utf-8")
    assert "\ndate: 2031-03-05\n" in text, text
    refused = run(sample, "add", "2026-0012", "점검", "--date", "2031-03-06")
    assert refused.exit_code == 1 and "오늘(2031-03-05)보다 뒤입니다" in refused.stderr, refused.output
    assert "[date-future]" not in run(sample, "check").output  # (the sample has none)
    record.write_text(text.replace("\ndate: 2031-03-05\n", "\ndate: 2031-03-06\n"), encoding="utf-8")
    checked = run(sample, "check").output
    assert re.search(r"05-monitoring\.md:4:\d+ .*\[date-future\]", checked), checked
