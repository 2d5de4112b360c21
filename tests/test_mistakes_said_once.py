"""Practitioners' mistakes that gave a doubled or a contradicting finding (found by a probe):
each one now said once, by the rule that says what to do, and the other rules agree with it."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from casekit.core.casebook import check


def edit(sample: Path, rel: str, old: str, new: str) -> None:
    record = sample / rel
    text = record.read_text(encoding="utf-8")
    assert old in text, old
    record.write_text(text.replace(old, new, 1), encoding="utf-8")


def said(sample: Path, rel: str) -> list[tuple[str, int, int, str]]:
    return [(f.code, f.line or 0, f.column or 0, f.message_ko) for f in check(sample, today=None).findings
            if f.path == rel]


def test_a_case_id_typed_as_a_number_is_one_finding_saying_to_quote_it(sample: Path) -> None:
    shutil.copytree(sample / "cases/2026-0009", sample / "cases/20260001")
    edit(sample, "cases/20260001/01-intake.md", 'case: "2026-0009"', "case: 20260001")
    errors = [f for f in said(sample, "cases/20260001/01-intake.md") if f[1] == 2]
    assert [f[0] for f in errors] == ["wrong-type"], errors
    assert 'case: "20260001"' in errors[0][3]


def test_a_case_id_typed_as_another_number_is_still_a_mismatch(sample: Path) -> None:
    shutil.copytree(sample / "cases/2026-0009", sample / "cases/20260001")
    edit(sample, "cases/20260001/01-intake.md", 'case: "2026-0009"', "case: 20260002")
    found = [f for f in said(sample, "cases/20260001/01-intake.md") if f[1] == 2]
    # (one finding: case-mismatch's own hint writes the folder's name quoted, case: "20260001")
    assert [f[0] for f in found] == ["case-mismatch"], found
    assert 'case: "20260001"' in found[0][3]


def test_a_resource_id_typed_as_a_number_is_one_finding_saying_to_quote_it(sample: Path) -> None:
    text = (sample / "resources/gaon-food-bank.md").read_text(encoding="utf-8")
    (sample / "resources/129.md").write_text(text.replace("id: gaon-food-bank", "id: 129", 1), encoding="utf-8")
    errors = [f for f in said(sample, "resources/129.md") if f[1] == 2]
    assert [f[0] for f in errors] == ["wrong-type"], errors
    assert 'id: "129"' in errors[0][3]


@pytest.mark.parametrize(("old", "new", "says"), [
    ("worker: kim.sw", "worker: 1234", "따옴표로 감싸도"),  # a worker id starts with a letter: quoting is no way out
    ("goal: G3", "goal: 3", "G3"),
])
def test_an_id_typed_as_a_number_in_a_record_is_one_finding_with_the_way_out(
        sample: Path, old: str, new: str, says: str) -> None:
    rel = "cases/2026-0012/04-intervention.md"
    text = (sample / rel).read_text(encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 1
    edit(sample, rel, old, new)
    at = [f for f in said(sample, rel) if f[1] == line]
    assert [f[0] for f in at] == ["wrong-type"], at
    assert says in at[0][3]


@pytest.mark.parametrize("named", [None, "보건복지상담센터 129"])
def test_a_resource_typed_as_digits_naming_none_is_unknown_at_once_not_told_to_quote(sample: Path, named: str | None) -> None:
    """`resource: 129` with no resources/129.md was told to quote it (`resource: "129"`); quoted, an
    unknown-resource followed. It is that unknown-resource at once, with the hint unknown-resource gives
    (a resource whose name holds 129, or that resources are named by their file's name), no quoting."""
    if named is not None:
        text = (sample / "resources/gaon-food-bank.md").read_text(encoding="utf-8")
        text = text.replace("id: gaon-food-bank", "id: mohw-129", 1)
        (sample / "resources/mohw-129.md").write_text(re.sub(r'(?m)^name: .*$', f'name: "{named}"', text, count=1),
                                                      encoding="utf-8")
    rel = "cases/2026-0012/04-intervention.md"
    text = (sample / rel).read_text(encoding="utf-8")
    line = text[: text.index("resource: gaon-food-bank")].count("\n") + 1
    edit(sample, rel, "resource: gaon-food-bank", "resource: 129")
    at = [f for f in said(sample, rel) if f[1] == line]
    assert [f[0] for f in at] == ["unknown-resource"], at
    assert "'129'" in at[0][3] and "따옴표" not in at[0][3], at
    assert ("mohw-129" in at[0][3]) if named else "resources/의 파일 이름" in at[0][3], at
    edit(sample, rel, "resource: 129", 'resource: "129"')  # quoted: the same finding, nothing new
    assert [f[0] for f in said(sample, rel) if f[1] == line] == ["unknown-resource"]


def test_a_consents_resources_typed_as_digits_are_unknown_at_once_each_where_it_is_written(sample: Path) -> None:
    """`resources: [129, gaon-food-bank, nowhere-center]` in a consent: 129 was a wrong-type telling to
    quote it, and the ids after it were placed at the index of the ones before (nowhere-center at
    the second entry). Each is where it is written; 129 an unknown-resource at once, as `resource: 129`."""
    rel = "cases/2026-0001/01-intake.md"
    text = (sample / rel).read_text(encoding="utf-8")
    old = "    scope: information_sharing\n    action: given\n    by: self\n    method: written\n"
    assert old in text
    (sample / rel).write_text(text.replace(old, old + "    resources: [129, gaon-food-bank, nowhere-center]\n", 1),
                              encoding="utf-8")
    line = text[: text.index(old)].count("\n") + 5
    written = "    resources: [129, gaon-food-bank, nowhere-center]"
    at = sorted((f[0], f[2]) for f in said(sample, rel) if f[1] == line)
    assert at == [("unknown-resource", written.index("129") + 1),
                  ("unknown-resource", written.index("nowhere-center") + 1)], at


def test_a_resource_typed_as_digits_that_names_one_is_told_to_quote_it(sample: Path) -> None:
    text = (sample / "resources/gaon-food-bank.md").read_text(encoding="utf-8")
    (sample / "resources/129.md").write_text(text.replace("id: gaon-food-bank", 'id: "129"', 1), encoding="utf-8")
    rel = "cases/2026-0012/04-intervention.md"
    text = (sample / rel).read_text(encoding="utf-8")
    line = text[: text.index("resource: gaon-food-bank")].count("\n") + 1
    edit(sample, rel, "resource: gaon-food-bank", "resource: 129")
    at = [f for f in said(sample, rel) if f[1] == line]
    assert [f[0] for f in at] == ["wrong-type"], at
    assert 'resource: "129"' in at[0][3]


def test_a_closure_leaving_several_goals_unevaluated_is_one_finding_naming_them(sample: Path) -> None:
    rel = "cases/2026-0007/06-closure.md"
    text = (sample / rel).read_text(encoding="utf-8")
    start, end = text.index("results:\n"), text.index("client_feedback:")
    text = text[:start] + "results:\n  - goal: G2\n    result: dropped\n" + text[end:]
    (sample / rel).write_text(text.replace("reason: withdrew", "reason: other", 1), encoding="utf-8")
    line = text[:start].count("\n") + 1
    found = [f for f in said(sample, rel) if f[0] == "closure-goal-unevaluated"]
    assert [(code, at) for code, at, _, _ in found] == [("closure-goal-unevaluated", line)], found
    message = found[0][3]
    assert "목표 2개 G1(" in message and ", G3(" in message and "G2(" not in message
    assert "'- goal: G1'처럼" in message and '예: "G1, G3:' in message


def test_a_monitoring_leaving_several_goals_out_is_one_warning_naming_them(sample: Path) -> None:
    """A 점검 reporting on one of the plan's five goals gave four goal-not-monitored, each at its
    progress: one warning there, naming the four with their words shortened, and the entry to write."""
    rel = "cases/2026-0002/11-monitoring.md"
    text = (sample / rel).read_text(encoding="utf-8")
    start, end = text.index("  - goal: G1\n"), text.index("  - goal: G5\n")
    (sample / rel).write_text(text[:start] + text[end:], encoding="utf-8")
    line = text[:start].count("\n")  # (the line of `progress:`)
    found = [f for f in said(sample, rel) if f[0] == "goal-not-monitored"]
    assert [(code, at, col) for code, at, col, _ in found] == [("goal-not-monitored", line, 1)], found
    message = found[0][3]
    assert "목표 4개 G1(" in message and ", G2(" in message and ", G4(" in message and "G5(" not in message
    assert "…)" in message and " …)" not in message  # (the words shortened, no space left before the ellipsis)
    assert "progress에 목표마다 '- goal: G1'처럼 항목을 하나씩 만들어 status(" in message and "note" in message
    text = (sample / rel).read_text(encoding="utf-8")  # one goal left out: named in full, its entry
    start = text.index("  - goal: G5\n")
    (sample / rel).write_text(text[:start] + "  - goal: G1\n    status: achieved\n    note: \"유지\"\n"
                              "  - goal: G2\n    status: in_progress\n    note: \"주 4일 등교\"\n"
                              "  - goal: G3\n    status: in_progress\n    note: \"주 3일 근무\"\n" + text[start:],
                              encoding="utf-8")
    found = [f for f in said(sample, rel) if f[0] == "goal-not-monitored"]
    assert len(found) == 1 and "목표 G4(정신건강 상담을 받아" in found[0][3] and "…" not in found[0][3], found
    assert "progress에 이 목표(goal: G4)의 status(" in found[0][3]


def test_a_misspelt_plan_name_holding_a_monitoring_defers_needs_plan_to_the_rename(sample: Path) -> None:
    """`03-plann.md` holding `stage: monitoring`: its bad-file-name says to rename it 03-monitoring.md; the
    case's needs-plan, said at the intervention after it, would move to it once renamed: it waits, as
    number-gap does, and the bad-file-name counts it. Renamed, needs-plan is said at the monitoring."""
    case = sample / "cases/2026-0012"
    monitoring = (sample / "cases/2026-0001/05-monitoring.md").read_text(encoding="utf-8")
    (case / "03-plan.md").unlink()
    (case / "03-plann.md").write_text(monitoring.replace('case: "2026-0001"', 'case: "2026-0012"', 1)
                                      .replace('date: "2026-05-20"', 'date: "2026-10-28"', 1), encoding="utf-8")
    findings = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert [f.code for f in findings if f.severity == "error"] == ["bad-file-name"], findings
    assert "03-monitoring.md로 바꾸고" in findings[0].message_ko and "검사 1건은 이름을 고친 뒤" in findings[0].message_ko
    (case / "03-plann.md").rename(case / "03-monitoring.md")
    findings = [f for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0012/")]
    assert [(f.code, f.path) for f in findings if f.severity == "error"] == [
        ("needs-plan", "cases/2026-0012/03-monitoring.md")], findings


def files(root: Path) -> set[str]:
    return {p.relative_to(root).as_posix() for p in (root / "cases").rglob("*")}


@pytest.mark.parametrize("stage", ["점검", "실행"])
def test_add_after_a_record_already_lacking_a_plan_is_refused_as_the_first_was(sample: Path, run, stage: str) -> None:
    """needs-plan is said once, at the first record lacking a plan, naming the later ones: `add` read
    only findings said at the new record, so a second monitoring went in silently where the first
    was refused. It is refused the same way, with the records that would be in order."""
    forced = run(sample, "add", "2026-0009", "점검", "--force")
    assert forced.exit_code == 0 and "경고: 점검 기록 앞에 계획이 없습니다" in forced.stderr
    before = files(sample)
    result = run(sample, "add", "2026-0009", stage)
    assert result.exit_code == 1, result.output
    assert files(sample) == before  # nothing written
    assert "계획이 없습니다" in result.stderr and "뒤의 기록 1개(03-" in result.stderr
    assert "casekit add 2026-0009 사정" in result.stderr and "--force" in result.stderr
    assert run(sample, "add", "2026-0009", "사정").exit_code == 0  # (the way out is open)


def test_status_and_due_count_from_the_date_a_mistyped_year_meant_and_say_so(sample: Path, run) -> None:
    """`date: 2016-11-05` in a case of 2026: check says date-year-typo (2026-11-05 meant); status and
    due counted the assessment due from 2016, ten years overdue. They read the same case model."""
    import datetime as dt
    import json

    edit(sample, "cases/2026-0009/01-intake.md", 'date: "2026-11-05"', 'date: "2016-11-05"')
    assert "date-year-typo" in run(sample, "check", "cases/2026-0009").output
    status = run(sample, "status", "2026-0009")
    assert "2016-11-15" not in status.output and "사정(욕구 및 위기도 조사) 2026-11-15" in status.output
    assert "01-intake.md의 날짜 2016-11-05는 연도를 잘못 적은 것으로 보고 2026-11-05로 셌습니다" in status.output
    (row,) = json.loads(run(sample, "status", "2026-0009", "--format", "json").stdout)["cases"]
    assert row["last_date"] == "2026-11-05" and row["next"]["due"] == "2026-11-15"
    assert row["year_typos"] == {"cases/2026-0009/01-intake.md": {"written": "2016-11-05", "meant": "2026-11-05"}}
    due = run(sample, "due", "--all", "--format", "json")
    items = [d for d in json.loads(due.stdout)["items"] if d["case"] == "2026-0009"]
    assert {d["due"][:4] for d in items} == {"2026"}, items
    assert all(d["basis_date_written"] == "2016-11-05" and d["basis_date_meant"] == "2026-11-05" for d in items)
    text = run(sample, "due", "--all").output
    assert "기준 기록 01-intake.md의 날짜 2016-11-05는 연도를 잘못 적은 것으로 보고 2026-11-05부터 셌습니다" in text

    from casekit.core.casebook import check as check_book
    from casekit.core.due import case_dues

    report = check_book(sample)
    dues = case_dues("2026-0009", report.summaries["2026-0009"], report.config.deadlines, today=dt.date(2026, 12, 6))
    assert dues and all(d.due.year == 2026 and d.written == "2016-11-05" for d in dues)


def test_a_case_in_order_has_no_year_typo_in_its_dues(sample: Path) -> None:
    from casekit.core.casebook import check as check_book
    from casekit.core.due import every_due

    report = check_book(sample)
    assert all(d.written is None for d in every_due(report.summaries, report.config.deadlines, report.handovers))


def test_a_resource_file_named_by_digits_is_told_to_quote_its_id(sample: Path) -> None:
    text = (sample / "resources/gaon-food-bank.md").read_text(encoding="utf-8")
    (sample / "resources/129.md").write_text(text.replace("id: gaon-food-bank", "id: gaon-129", 1), encoding="utf-8")
    (found,) = [f for f in said(sample, "resources/129.md") if f[0] == "resource-id-mismatch"]
    assert 'id: "129"로 고치세요' in found[3], found


def test_a_misnamed_monitoring_holds_back_no_needs_plan_of_a_later_episode(sample: Path) -> None:
    """A reopened case plans again: the needs-plan of its new episode does not wait for a monitoring of
    the first episode to be renamed (it would not move to it)."""
    case = sample / "cases/2026-0006"
    (case / "05-monitoring.md").rename(case / "05-monitr.md")
    (case / "10-plan.md").unlink()
    codes = [(f.code, f.path) for f in check(sample, today=None).findings if f.path.startswith("cases/2026-0006/")]
    assert ("needs-plan", "cases/2026-0006/11-intervention.md") in codes, codes
    assert ("bad-file-name", "cases/2026-0006/05-monitr.md") in codes


def test_a_plan_leaving_several_pressing_needs_without_a_goal_is_one_warning_naming_them(sample: Path) -> None:
    """G2 and G3 both given need N1 (copied from the goal above): N2 and N3, judged 높음, left with no
    goal gave a need-not-planned each at the plan's goals; one warning there, naming both."""
    rel = "cases/2026-0005/04-plan.md"
    edit(sample, rel, "  - id: G2\n    need: N2", "  - id: G2\n    need: N1")
    edit(sample, rel, "  - id: G3\n    need: N3", "  - id: G3\n    need: N1")
    line = (sample / rel).read_text(encoding="utf-8").splitlines().index("goals:") + 1
    found = [f for f in said(sample, rel) if f[0] == "need-not-planned"]
    assert [(code, at) for code, at, _, _ in found] == [("need-not-planned", line)], found
    message = found[0][3]
    assert "03-assessment.md에서 심각도를 높음으로 본 욕구 2개(N2, N3)를 다루는" in message, message
    assert "욕구마다 그 욕구를 가리키는 목표(need: N2처럼)를 하나씩 세우세요" in message
    for goal in ("G1", "G2", "G3"):  # (N1, judged 긴급, left too: each need said with its own severity)
        edit(sample, rel, f"  - id: {goal}\n    need: N1", f"  - id: {goal}\n    need: N4")
    found = [f for f in said(sample, rel) if f[0] == "need-not-planned"]
    assert len(found) == 1 and "심각도를 긴급·높음으로 본 욕구 3개(N1 긴급, N2 높음, N3 높음)를" in found[0][3], found


@pytest.mark.parametrize(("day", "typo"), [("2026-11-04", False), ("2026-11-10", True)])
def test_status_and_due_judge_a_mistyped_year_on_the_day_asked_about(sample: Path, run, day: str, typo: bool) -> None:
    """`--today D` counted the deadlines to D, but judged the year typo on the real today: asked about
    2026-11-04, the day before the date meant (2026-11-05), status and due still counted from it, a
    date that had not come, where check judging that day (`check(…, today=D)`, the site's 기준일) reads
    the record as written. Both now judge on D, the same day everywhere; a day after it, as before."""
    import datetime as dt
    import json

    edit(sample, "cases/2026-0009/01-intake.md", 'date: "2026-11-05"', 'date: "2016-11-05"')
    judged = check(sample, today=dt.date.fromisoformat(day), cache=False).findings
    assert any(f.code == "date-year-typo" for f in judged) is typo
    (row,) = json.loads(run(sample, "status", "2026-0009", "--today", day, "--format", "json").stdout)["cases"]
    assert ("year_typos" in row) is typo and row["last_date"] == ("2026-11-05" if typo else "2016-11-05"), row
    assert row["next"]["due"] == ("2026-11-15" if typo else "2016-11-15"), row
    assert ("연도를 잘못 적은 것으로" in run(sample, "status", "2026-0009", "--today", day).output) is typo
    items = [d for d in json.loads(run(sample, "due", "--all", "--today", day, "--format", "json").stdout)["items"]
             if d["case"] == "2026-0009"]
    assert items and all(("basis_date_meant" in d) is typo and d["due"][:4] == ("2026" if typo else "2016")
                         for d in items), items
    assert ("연도를 잘못 적은 것으로" in run(sample, "due", "--all", "--today", day).output) is typo
