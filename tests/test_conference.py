"""사례회의 records: anywhere after the intake, never moving the stage, with their own deadlines."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

from casekit.core.case import Case
from casekit.core.casebook import check
from casekit.core.due import case_dues
from casekit.core.schemas import DEFAULTS, SchemaSet
from tests.builders import FULL_PATH, make_casebook

SELECTION = {"case_type": "general", "risk_score": 40, "rationale": "위기 신호 없음"}


def conference(day: str, **fields: Any) -> tuple[str, str, dict[str, Any]]:
    return ("conference", day, fields)


def codes(root: Path) -> list[tuple[str, str]]:
    return [(f.code, f.path.rsplit("/", 1)[-1]) for f in check(root).findings]


def dues(root: Path, case: str = "c1", **deadlines: int) -> dict[str, dt.date]:
    report = check(root)
    return {d.kind: d.due for d in case_dues(case, report.summaries[case], {**report.config.deadlines, **deadlines})}


def test_a_conference_may_stand_anywhere_after_the_intake(tmp_path: Path) -> None:
    path = [FULL_PATH[0], conference("2026-03-02", kind="emergency"), *FULL_PATH[1:6],
            conference("2026-07-01", kind="closure"), FULL_PATH[6]]
    assert codes(make_casebook(tmp_path, {"c1": path})) == []


def test_a_conference_does_not_open_a_case(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [conference("2026-03-01"), *FULL_PATH[:2]]})
    assert ("first-not-intake", "01-conference.md") in codes(root)


def test_a_conference_does_not_move_the_stage(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:4], conference("2026-04-25")]})
    case = Case.of("c1", check(root).summaries["c1"])
    assert case.stage == "intervention" and len(case.conferences) == 1 and not case.closed


def test_conference_tasks_name_goals_of_the_plan(tmp_path: Path) -> None:
    task = {"task": "주거 지원 신청", "who": "행정복지센터", "due": "2026-04-10", "goal": "G9"}
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:3], conference("2026-04-05", tasks=[task])]})
    assert codes(root) == [("unknown-goal", "04-conference.md")]


def test_a_goal_named_at_a_conference_before_any_plan_is_said_where_it_is_named(tmp_path: Path) -> None:
    # (RECORD-FORMAT rule 6: a goal a record names exists; before any plan there is none to name)
    tasks = [{"task": "주 1회 방문", "who": "사례관리자", "due": "2026-03-10", "goal": "G7"},
             {"task": "병원 동행", "who": "사례관리자", "due": "2026-03-12", "goal": "G1"}]
    root = make_casebook(tmp_path, {"c1": [FULL_PATH[0], conference("2026-03-03", tasks=tasks), *FULL_PATH[1:3]]})
    found = check(root).findings
    assert [(f.code, f.path.rsplit("/", 1)[-1]) for f in found] == [("goal-without-plan", "02-conference.md")] * 2
    assert found[0].message_ko == (
        "목표 'G7'을 적었는데 이 사례회의 앞에 계획 기록이 없습니다. 계획 파일(…-plan.md)이 빠졌다면 넣고, "
        "계획 전의 회의라면 할 일의 goal 줄을 지우세요(목표는 계획에서 정합니다).")
    # a conference after a record that already needs the episode's missing plan (03-plan.md deleted) is
    # named with it there, one mistake
    later = [{**tasks[1], "due": "2026-05-01"}]
    path = [*FULL_PATH[:2], FULL_PATH[3], conference("2026-04-25", tasks=later)]
    found = check(make_casebook(tmp_path / "b", {"c1": path})).findings
    assert [(f.code, f.path.rsplit("/", 1)[-1]) for f in found] == [("needs-plan", "03-intervention.md")]
    assert "뒤의 기록 1개(04-conference.md)도 이 계획이 필요합니다" in found[0].message_ko


def test_the_selection_conference_is_due_five_days_after_the_assessment(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:2]})
    assert dues(root)["selection"] == dt.date(2026, 3, 10)
    assert dues(root, conference_days=3)["selection"] == dt.date(2026, 3, 8)


def test_a_selection_made_at_the_conference_ends_that_deadline(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:2], conference("2026-03-08", kind="selection", selection=SELECTION,
                                                                     next_meeting="2026-04-15")]})
    got = dues(root)
    assert "selection" not in got
    assert got["conference"] == dt.date(2026, 4, 15)  # the next meeting the conference set
    assert got["plan"] == dt.date(2026, 3, 31)


def test_the_next_meeting_stays_due_when_records_follow_the_conference(tmp_path: Path) -> None:
    """A conference sets its next meeting (2026-0013: selection on 10-30, next meeting 12-04); the plan
    and intervention written after it do not hold that meeting: it stays due until a later conference."""
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:2], conference("2026-03-08", kind="selection", selection=SELECTION,
                                                                     next_meeting="2026-04-15"), *FULL_PATH[2:4]]})
    assert dues(root)["conference"] == dt.date(2026, 4, 15)
    later = make_casebook(tmp_path / "later", {"c1": [
        *FULL_PATH[:2], conference("2026-03-08", kind="selection", selection=SELECTION, next_meeting="2026-04-15"),
        *FULL_PATH[2:4], conference("2026-04-21", kind="review", next_meeting="2026-05-20")]})
    assert dues(later)["conference"] == dt.date(2026, 5, 20)  # the latest conference's next meeting


def test_the_conference_deadline_comes_from_casekit_yml(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:2]})
    (root / "casekit.yml").write_text("deadlines:\n  conference_days: 7\n", encoding="utf-8")
    report = check(root)
    assert report.config.deadlines["conference_days"] == 7
    assert {d.kind: d.due for d in case_dues("c1", report.summaries["c1"], report.config.deadlines)}["selection"] == \
        dt.date(2026, 3, 12)


def test_participants_names_are_sensitive() -> None:
    paths = SchemaSet.load(DEFAULTS / "schemas").sensitive_paths["conference"]
    assert ("participants", "*", "name") in paths


def test_add_a_conference_by_its_korean_name(sample: Path, run) -> None:
    result = run(sample, "add", "2026-0013", "사례회의", "--date", "2026-11-20")
    assert result.exit_code == 0, result.output
    rel = "cases/2026-0013/06-conference.md"
    assert result.stdout.strip() == rel and result.stderr == "사례회의 기록의 <...> 안내 문구를 채운 뒤 `casekit check`로 확인하세요.\n"
    checked = json.loads(run(sample, "check", "--format", "json").output)["findings"]
    assert checked and {f["code"] for f in checked} == {"placeholder"}
    assert all(f["path"] == rel for f in checked)


def test_status_shows_the_process_stage_not_the_conference(sample: Path, run) -> None:
    result = run(sample, "status", "2026-0010", "--format", "json", "--today", "2026-11-20")
    row = json.loads(result.stdout)["cases"][0]
    assert row["stage"] == "intervention" and row["missing"] == []


def test_the_conference_page_lists_the_meetings_not_cases_at_a_stage(tmp_path: Path) -> None:
    """A conference never moves the stage: a list of the cases "at" it was always empty. Its page
    lists every meeting, the latest first, and the home page counts meetings, not cases."""
    from casekit.site.generate import generate

    root = make_casebook(tmp_path, {
        "c1": [*FULL_PATH[:2], conference("2026-03-09", kind="selection", decisions=["통합사례관리 대상으로 선정"]),
               FULL_PATH[2], conference("2026-05-03", kind="review", next_meeting="2026-06-01")],
        "c2": [*FULL_PATH[:4]],
    })
    report = check(root, keep=True)
    assert not report.errors, report.errors
    pages = {p.src_uri: p for p in generate(report, dt.date(2026, 5, 10)).pages}
    page = pages["stages/conference.md"].markdown + "".join(pages["stages/conference.md"].blocks)
    assert "사례회의 2회 (사례 1건)" in page and "c2" not in page
    assert page.index("2026-05-03") < page.index("2026-03-09")  # the latest first
    assert "1건" in page and "2026-06-01" in page  # one decision; the next meeting
    assert 'href="../../cases/c1/#r05"' in page  # to the record on the case page
    home = pages["index.md"].markdown + "".join(pages["index.md"].blocks)
    assert 'data-stage="conference" data-count="2"' in home and "2회" in home


def test_a_conference_task_not_done_is_due_until_it_is_marked_done(tmp_path: Path) -> None:
    """A 사례회의 sets tasks (who, by when): the earliest one not marked `done` is due, as a goal's
    target date is; marked done, it is not; a later conference reviews the tasks (it writes again
    those still to do), so only the latest conference's count."""
    tasks = [{"task": "주거 지원 신청", "who": "행정복지센터", "due": "2026-05-20"},
             {"task": "정신건강 상담 연계", "who": "사례관리자", "due": "2026-05-10"}]
    path = [*FULL_PATH[:4], conference("2026-04-25", tasks=tasks)]
    assert dues(make_casebook(tmp_path / "a", {"c1": path}))["conference_task"] == dt.date(2026, 5, 10)
    tasks[1]["done"] = "2026-05-08"
    assert dues(make_casebook(tmp_path / "b", {"c1": path}))["conference_task"] == dt.date(2026, 5, 20)
    tasks[0]["done"] = "2026-05-21"  # (late: done all the same)
    assert "conference_task" not in dues(make_casebook(tmp_path / "c", {"c1": path}))
    del tasks[0]["done"]
    later = [*path, conference("2026-05-25", tasks=[{"task": "후원 연계", "who": "복지관", "due": "2026-06-15"}])]
    assert dues(make_casebook(tmp_path / "d", {"c1": later}))["conference_task"] == dt.date(2026, 6, 15)
    assert codes(make_casebook(tmp_path / "e", {"c1": path})) == []
    done = {**tasks[0], "done": "2026-13-01"}  # (not a date: the schema says so)
    found = codes(make_casebook(tmp_path / "f", {"c1": [*FULL_PATH[:4], conference("2026-04-25", tasks=[done])]}))
    assert found and all(name == "05-conference.md" for _, name in found), found


def test_a_task_marked_done_ahead_of_today_is_a_warning_at_its_date(tmp_path: Path) -> None:
    """A task marked done before it is (a worker filling the form ahead) leaves casekit due: said."""
    task = {"task": "주거 지원 신청", "who": "행정복지센터", "due": "2026-05-20", "done": "2026-05-18"}
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:4], conference("2026-04-25", tasks=[task])]})
    found = [(f.code, f.line) for f in check(root, today=dt.date(2026, 5, 1)).findings]
    text = (root / "cases/c1/05-conference.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, 1) if "done:" in t)
    assert found == [("done-future", line)], found
    assert [f.code for f in check(root, today=dt.date(2026, 5, 18)).findings] == []  # (done today: fine)


def test_a_task_marked_done_before_the_conference_that_set_it_is_said_at_its_date(tmp_path: Path) -> None:
    """A task the conference gives is done after it sits: a done date before the conference's own
    (a month typed wrong, 2026-04-05 for 2026-05-04) was said by nothing. Done the day it sat is fine."""
    early = {"task": "주거 지원 신청", "who": "행정복지센터", "due": "2026-05-20", "done": "2026-04-05"}
    same = {"task": "정신건강 상담 연계", "who": "사례관리자", "due": "2026-05-10", "done": "2026-04-25"}
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:4], conference("2026-04-25", tasks=[same, early])]})
    found = [f for f in check(root, today=dt.date(2026, 6, 1)).findings]
    text = (root / "cases/c1/05-conference.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, 1) if "2026-04-05" in t)
    column = text[line - 1].index("done: ") + len("done: ") + 1  # at the value
    assert [(f.code, f.line, f.column) for f in found] == [("task-before-meeting", line, column)], found
    assert found[0].severity == "error"
    assert "할 일을 마친 날 2026-04-05가 이 사례회의 날짜 2026-04-25보다 앞입니다" in found[0].message_ko


def test_a_task_due_before_the_conference_that_set_it_is_said_at_its_due_date(tmp_path: Path) -> None:
    """A due date before the conference that gives the task (2026-03-30 for 2026-04-30) was said by
    nothing, and the task stood overdue in casekit due from the day it was written."""
    late = {"task": "주거 지원 신청", "who": "행정복지센터", "due": "2026-03-30"}
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:4], conference("2026-04-25", tasks=[late])]})
    found = [f for f in check(root, today=dt.date(2026, 4, 26)).findings]
    text = (root / "cases/c1/05-conference.md").read_text(encoding="utf-8").splitlines()
    line = next(n for n, t in enumerate(text, 1) if "2026-03-30" in t)
    assert [(f.code, f.line) for f in found] == [("task-before-meeting", line)], found
    assert "할 일의 기한 2026-03-30이 이 사례회의 날짜 2026-04-25보다 앞입니다" in found[0].message_ko, found[0].message_ko
