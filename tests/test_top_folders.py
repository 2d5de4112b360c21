"""The casebook's own folders (cases/, resources/, schemas/, templates/) when one is a file, a link
out, or missing: a file in a folder's place is an error, never a clean check of nothing."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from casekit.core.casebook import check


def _codes(root: Path) -> list[tuple[str, str, str]]:
    return [(f.path, f.code, f.severity) for f in check(root, cache=False).findings]


@pytest.mark.parametrize("name", ["cases", "resources", "schemas", "templates"])
def test_a_file_in_a_folders_place_is_an_error(sample: Path, name: str) -> None:
    shutil.rmtree(sample / name)
    (sample / name).write_text("notes\n", encoding="utf-8")
    findings = check(sample, cache=False).findings
    mine = [(f.path, f.code, f.severity) for f in findings if f.path == name]
    assert mine == [(name, "folder-not-folder", "error")]
    if name != "resources":  # (without resources/ the records' resources are unknown-resource, as when it is missing)
        assert len(findings) == 1
    assert f"{name}: 사례집의 이 이름은 폴더여야 하는데 파일입니다" in [f for f in findings if f.path == name][0].message_ko
    assert (sample / name).read_text(encoding="utf-8") == "notes\n"  # (check never writes)


def test_cases_as_a_file_fails_check_in_the_cli(sample: Path, run) -> None:
    shutil.rmtree(sample / "cases")
    (sample / "cases").write_text("notes\n", encoding="utf-8")
    result = run(sample, "check")
    assert result.exit_code == 1 and "[folder-not-folder]" in result.output and "문제 없음" not in result.output


def test_a_fifo_in_a_folders_place_is_an_error(sample: Path) -> None:
    shutil.rmtree(sample / "cases")
    os.mkfifo(sample / "cases")
    assert _codes(sample) == [("cases", "folder-not-folder", "error")]


def test_cases_linked_out_of_the_casebook_is_reported_once(sample: Path, tmp_path: Path) -> None:
    shutil.move(str(sample / "cases"), tmp_path / "elsewhere")
    (sample / "cases").symlink_to(tmp_path / "elsewhere")
    assert _codes(sample) == [("cases", "symlink-outside", "error")]


def test_cases_linked_within_the_casebook_is_read(sample: Path) -> None:
    shutil.move(str(sample / "cases"), sample / "records")
    (sample / "cases").symlink_to("records")
    report = check(sample, cache=False)
    assert report.errors == [] and report.files > 0


@pytest.mark.parametrize("name", ["cases", "schemas", "templates"])
def test_a_missing_folder_is_no_finding(sample: Path, name: str) -> None:
    # as schemas/ and templates/ always were (the shipped ones stand in): a new casebook has no cases/ yet
    shutil.rmtree(sample / name)
    assert [f for f in check(sample, cache=False).findings if f.severity == "error"] == []
