"""The suite's own setup: the files conftest runs first exist (a renamed file would quietly go
back to its alphabetical place, and one core would wait for it at the end of CI)."""

from __future__ import annotations

from pathlib import Path

from tests.conftest import LONGEST_FIRST

TESTS = Path(__file__).resolve().parent


def test_every_file_run_first_is_a_test_file() -> None:
    assert len(set(LONGEST_FIRST)) == len(LONGEST_FIRST)
    missing = [name for name in LONGEST_FIRST if not (TESTS / name).is_file() or not name.startswith("test_")]
    assert missing == []


def test_the_test_script_runs_the_files_on_every_core_a_file_a_worker() -> None:
    script = (TESTS.parent / "scripts" / "test.sh").read_text(encoding="utf-8")
    assert "--dist loadfile" in script and "CASEKIT_TEST_WORKERS" in script
