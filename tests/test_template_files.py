"""`casekit check` reads the casebook's templates/ as `casekit new` and `add` use them: a broken
template is found at its line and column before it breaks every record made from it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from casekit.core.casebook import check
from casekit.core.scaffold import add_record, new_case
from tests.conftest import TODAY


def _edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / "templates" / name
    text = path.read_text(encoding="utf-8")
    assert old in text, (name, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _found(root: Path) -> list[tuple[str, int | None, int | None, str, str]]:
    return [(f.path, f.line, f.column, f.severity, f.code) for f in check(root, cache=False).findings]


def test_the_shipped_templates_with_their_placeholders_are_no_finding(sample: Path) -> None:
    assert _found(sample) == []  # "<…>" prompts, {{case}}, {{#goals}} … are expected in a template


@pytest.mark.parametrize(("name", "old", "new", "at", "words"), [
    # a quote left open: a YAML error at its line
    ("plan.md", 'type: "<계획 유형: initial | revised>"', 'type: "<계획 유형: initial | revised>', (6, 7), "닫는"),
    # another stage's name
    ("assessment.md", "stage: assessment", "stage: assesment", (3, 8), "stage: assessment"),
    # a field the schema does not know, at the top and inside a goal's block
    ("closure.md", "worker: {{worker}}\n", "worker: {{worker}}\nworkr_note: \"<메모>\"\n", (6, 1), "workr_note"),
    ("monitoring.md", "  - goal: {{goal.id}}\n", "  - goal: {{goal.id}}\n    statu: \"<x>\"\n", (9, 5), "statu"),
    # a token casekit does not fill: left in every record
    ("intervention.md", "{{goal_ids}}", "{{goal_id}}", (9, 20), "{{goal_id}}"),
    # a required field left out
    ("followup.md", "worker: {{worker}}\n", "", (2, 1), "worker"),
])
def test_a_broken_template_is_an_error_at_its_place(sample: Path, name: str, old: str, new: str,
                                                    at: tuple[int, int], words: str) -> None:
    _edit(sample, name, old, new)
    report = check(sample, cache=False)
    found = [(f.path, f.line, f.column, f.severity, f.code) for f in report.findings]
    assert found == [(f"templates/{name}", *at, "error", "template-invalid")]
    message = report.findings[0].message_ko
    assert words in message and "서식이 잘못되어" in message and "Traceback" not in message
    assert not any(p in message for p in ("이(가)", "은(는)", "을(를)"))


@pytest.mark.parametrize("front", ["- {{case}}\n- intake\n", "그냥 글\n", "null\n"])
def test_a_template_whose_front_matter_is_no_mapping_is_an_error(sample: Path, front: str) -> None:
    (sample / "templates" / "intake.md").write_text(f"---\n{front}---\n# 접수\n", encoding="utf-8")
    report = check(sample, cache=False)
    assert [(f.path, f.line, f.severity, f.code) for f in report.findings] == [
        ("templates/intake.md", 2, "error", "template-invalid")]
    assert "'키: 값' 목록" in report.findings[0].message_ko


def test_a_template_under_no_stages_name_and_a_stage_without_one_are_warnings(sample: Path) -> None:
    shutil.move(str(sample / "templates" / "monitoring.md"), sample / "templates" / "monitor.md")
    shutil.move(str(sample / "templates" / "plan.md"), sample / "templates" / "plan.MD")
    (sample / "templates" / "README.txt").write_text("서식 설명\n", encoding="utf-8")  # (a note: nothing said)
    report = check(sample, cache=False)
    assert [(f.path, f.severity, f.code) for f in report.findings] == [
        ("templates", "warning", "template-missing"), ("templates/monitor.md", "warning", "template-unused"),
        ("templates/plan.MD", "warning", "template-unused")]
    by_code = {f.path: f.message_ko for f in report.findings}
    assert "monitoring.md, plan.md" in by_code["templates"] or "plan.md, monitoring.md" in by_code["templates"]
    assert "혹시 monitoring.md인가요?" in by_code["templates/monitor.md"]
    assert "혹시 plan.md인가요?" in by_code["templates/plan.MD"]


@pytest.mark.parametrize("kind", ["fifo", "folder"])
def test_a_template_that_is_no_file_is_named_at_its_place(sample: Path, kind: str) -> None:
    """templates/monitoring.md as a FIFO or a folder was told missing, at the folder: it is there, and
    unreadable."""
    import os

    path = sample / "templates" / "monitoring.md"
    path.unlink()
    os.mkfifo(path) if kind == "fifo" else path.mkdir()
    report = check(sample, cache=False)
    assert [(f.path, f.severity, f.code) for f in report.findings] == [
        ("templates/monitoring.md", "error", "file-unreadable")]
    assert ("폴더입니다" if kind == "folder" else "일반 파일이 아닙니다") in report.findings[0].message_ko


def test_no_templates_folder_is_no_finding(sample: Path) -> None:
    shutil.rmtree(sample / "templates")  # the shipped templates stand in, as for schemas/
    assert _found(sample) == []


def test_what_check_says_of_a_template_is_what_the_records_made_from_it_get(sample: Path) -> None:
    """The finding is no guess: a record `casekit new` makes from the broken template has the same fault."""
    _edit(sample, "intake.md", "worker: {{worker}}\n", "worker: {{worker}}\nworkr_note: \"<메모>\"\n")
    assert [f.code for f in check(sample, cache=False).findings] == ["template-invalid"]
    new_case(sample, case_id="2026-0099", worker="kim.sw", date=TODAY, force=True)
    record = [f for f in check(sample, cache=False).findings if f.path == "cases/2026-0099/01-intake.md"]
    assert "unknown-field" in {f.code for f in record}
    assert add_record  # (add copies templates the same way: tests/test_scaffold_cli.py)
