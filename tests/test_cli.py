"""The command line through click's CliRunner, on real files."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from pathlib import Path

import pytest

from casekit.cli import main
from tests.builders import FULL_PATH, make_casebook
from tests.conftest import TODAY

REPO = Path(__file__).resolve().parent.parent


def test_check_exit_codes(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH})
    assert run(root, "check").exit_code == 0
    (root / "cases/c1/02-assessment.md").write_text("---\ncase: c1\n---\n", encoding="utf-8")
    assert run(root, "check").exit_code == 1
    assert run(root, "check", "--format", "nope").exit_code == 2
    assert run(root, "check", "does-not-exist").exit_code == 2


def test_check_outside_a_casebook_is_a_usage_error(tmp_path: Path, run) -> None:
    result = run(tmp_path, "check")
    assert result.exit_code == 2
    assert "mkdocs.yml" in result.output


def test_check_finds_root_from_below(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH})
    result = run(root / "cases" / "c1", "check")
    assert result.exit_code == 0
    assert "기록 7개, 자원 1개 검사: 문제 없음" in result.output


def test_json_output_shape(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:3]})
    plan = root / "cases/c1/03-plan.md"
    plan.write_text(plan.read_text(encoding="utf-8").replace("type: initial", "type: first"), encoding="utf-8")
    result = run(root, "check", "--format", "json")
    assert result.exit_code == 1
    payload = json.loads(result.output)
    assert set(payload) == {"findings", "summary"}
    assert payload["summary"] == {"files": 4, "errors": 1, "warnings": 0}
    [f] = payload["findings"]
    assert set(f) == {"path", "line", "column", "severity", "code", "message"}
    assert (f["path"], f["line"], f["column"], f["severity"], f["code"]) == (
        "cases/c1/03-plan.md", 6, 7, "error", "not-in-list",
    )
    assert "initial(최초 계획)" in f["message"]


def test_text_output_grouped_by_case_and_english(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:2], "c2": FULL_PATH[:2]})
    for case in ("c1", "c2"):
        p = root / f"cases/{case}/02-assessment.md"
        p.write_text(p.read_text(encoding="utf-8").replace("risk_level: medium", "risk_level: severe"), encoding="utf-8")
    ko = run(root, "check").output
    assert re.search(r"^cases/c1\n  02-assessment.md:\d+:\d+  오류  \[not-in-list\]", ko, re.M)
    assert "cases/c2\n" in ko and ko.rstrip().endswith("오류 2건, 경고 0건")
    en = run(root, "check", "--lang", "en").output
    assert "is not allowed" in en and en.rstrip().endswith("2 error(s), 0 warning(s)")
    assert "is not allowed" in run(root, "check", env={"LANG": "en_US.UTF-8"}).output


def test_check_paths_narrow_to_cases(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:2], "c2": FULL_PATH[:2]})
    (root / "cases/c2/02-assessment.md").write_text("broken", encoding="utf-8")
    assert run(root, "check", "cases/c1").exit_code == 0
    assert run(root, "check", "cases/c2").exit_code == 1
    assert run(root, "check", "cases/c2/01-intake.md").exit_code == 1


def test_github_format(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:1]})
    (root / "cases/c1/01-intake.md").write_text("---\ncase: c1\n", encoding="utf-8")
    out = run(root, "check", "--format", "github").output
    assert out.startswith("::error file=cases/c1/01-intake.md,line=1,col=1,title=front-matter-unclosed::")
    # the log's last line says what `text` says, in the casebook's language (it was English only)
    last = out.strip().splitlines()[-1]
    assert last.startswith("casekit: 기록 1개") and last.endswith("오류 1건, 경고 0건"), last
    english = run(root, "check", "--format", "github", "--lang", "en").output.strip().splitlines()[-1]
    assert english.startswith("casekit: checked ") and english.endswith("1 error(s), 0 warning(s)"), english


def test_new_then_add_fill_from_templates(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {})
    result = run(root, "new", "--id", "c9", "--worker", "lee.sw", "--date", "2026-11-01")
    assert result.exit_code == 0 and result.stdout.strip() == "cases/c9/01-intake.md"
    intake = (root / "cases/c9/01-intake.md").read_text(encoding="utf-8")
    assert "case: c9" in intake and "worker: lee.sw" in intake and "date: 2026-11-01" in intake
    # a fresh record is a skeleton: it fails until filled
    checked = run(root, "check", "--format", "json")
    assert checked.exit_code == 1
    assert {f["code"] for f in json.loads(checked.output)["findings"]} == {"placeholder"}
    assert run(root, "add", "c9", "assessment", "--date", "2026-11-03").stdout.strip() == "cases/c9/02-assessment.md"
    assessment = (root / "cases/c9/02-assessment.md").read_text(encoding="utf-8")
    assert "worker: lee.sw" in assessment  # carried over from the case's last record


def test_add_prefills_goals_of_latest_plan(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:4]})
    assert run(root, "add", "c1", "monitoring", "--date", "2026-05-01").exit_code == 0
    text = (root / "cases/c1/05-monitoring.md").read_text(encoding="utf-8")
    assert "  - goal: G1\n" in text and "생계 안정" in text


def test_add_intake_after_closure_marks_reopening(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH})
    run(root, "add", "c1", "intake", "--date", "2026-09-01")
    text = (root / "cases/c1/08-intake.md").read_text(encoding="utf-8")
    assert "reopening:\n  reason:" in text and "previous_closure: 2026-06-30" in text


def test_new_never_overwrites(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:1]})
    before = (root / "cases/c1/01-intake.md").read_bytes()
    result = run(root, "new", "--id", "c1")
    assert result.exit_code == 1 and "이미 있습니다" in result.output
    assert (root / "cases/c1/01-intake.md").read_bytes() == before


def test_new_generates_collision_resistant_ids(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {})
    ids = {run(root, "new", "--date", "2026-11-22").stdout.strip().split("/")[1] for _ in range(20)}
    assert len(ids) == 20
    assert all(re.fullmatch(r"20261122-[0-9A-HJKMNP-TV-Z]{4}", i) for i in ids)


@pytest.mark.parametrize("bad", ["../x", "a/b", "/etc", "con", "x" * 65, "-x", ""])
def test_add_refuses_hostile_case_ids(tmp_path: Path, run, bad: str) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:1]})
    result = run(root, "add", bad, "assessment")
    assert result.exit_code in (1, 2)
    assert "Traceback" not in result.output


def test_status_and_due(tmp_path: Path, run) -> None:
    root = make_casebook(
        tmp_path,
        {"open": [("intake", "2026-11-01", {})], "mon": FULL_PATH[:5], "done": FULL_PATH},
    )
    status = json.loads(run(root, "status", "--today", "2026-11-22", "--format", "json").stdout)
    by_case = {c["case"]: c for c in status["cases"]}
    assert by_case["open"]["stage"] == "intake" and by_case["open"]["missing"] == ["assessment", "plan"]
    assert by_case["open"]["next"]["kind"] == "assessment" and by_case["open"]["next"]["due"] == "2026-11-11"
    assert by_case["open"]["next"]["state"] == "overdue"
    assert by_case["mon"]["next"] == {**by_case["mon"]["next"], "kind": "monitoring", "due": "2026-06-01"}
    assert by_case["done"]["closed"] is True
    assert by_case["done"]["next"]["kind"] == "followup"  # second check: closure + 90 days
    assert by_case["done"]["next"]["due"] == "2026-09-28"
    due = json.loads(run(root, "due", "--today", "2026-11-22", "--format", "json").stdout)
    assert {i["case"] for i in due["items"]} == {"open", "mon", "done"}
    text = run(root, "status", "open", "--today", "2026-11-22").output
    assert "(11일 지남)" in text and "빠진 단계: 사정, 계획" in text


def test_due_lists_every_deadline_not_only_each_cases_earliest(sample: Path, run) -> None:
    """2026-0005 (위기) owes its weekly crisis contact (11-17), its 점검 (11-25) and a goal's target
    date (11-30): all overdue on 12-01, all listed, as the site's /due/ page lists them (the command
    showed only the earliest of each case: the overdue 점검 of a 위기 case was out of sight)."""
    due = json.loads(run(sample, "due", "--today", "2026-12-01", "--format", "json").stdout)
    kinds = [(i["kind"], i["due"], i["state"]) for i in due["items"] if i["case"] == "2026-0005"]
    assert kinds == [("crisis_contact", "2026-11-17", "overdue"), ("monitoring", "2026-11-25", "overdue"),
                     ("goal_target", "2026-11-30", "overdue")], kinds


def test_due_lists_by_risk_as_the_site_does(sample: Path, run) -> None:
    """A supervisor's probe: `casekit due` sorted by date only and showed no 위기도, so a 위기 case's
    overdue weekly contact sat below a 낮음 case's older 점검, unlike the site's /due/. Each line now
    says the case's 위기도 (미사정 before its assessment), in the site's order."""
    from casekit.core.config import RISK_KO
    from casekit.core.due import RISK_RANK

    lines = [line for line in run(sample, "due", "--today", "2026-12-05").output.splitlines() if "위기도 " in line]
    assert any("2026-0009  사정(욕구 및 위기도 조사)  위기도 미사정" in line for line in lines), lines
    ranks = {label: rank for key, label in RISK_KO.items() for rank in [RISK_RANK[key]]} | {"미사정": 0}
    keys = [(line.split()[0], -ranks[line.split("위기도 ")[-1].split()[0]]) for line in lines]
    assert keys == sorted(keys, key=lambda k: (["기한", "곧", "예정"].index(k[0]), k[1])), lines
    assert len({rank for _, rank in keys}) >= 3, lines  # (the sample's overdue work spans 위기 to 미사정)
    items = json.loads(run(sample, "due", "--today", "2026-12-05", "--format", "json").stdout)["items"]
    assert {(i["case"], i["risk"]) for i in items} >= {("2026-0005", "crisis"), ("2026-0009", None)}


def test_due_and_status_count_days_as_the_site_does(sample: Path, run) -> None:
    """The CLI said (-27일) and (+3일) where the site's pages say 27일 지남 and D-3: the same words now."""
    lines = run(sample, "due", "--today", "2026-12-01").output.splitlines()
    assert any("2026-11-04 (27일 지남)  2026-0007  사후관리" in line for line in lines), lines
    assert any("2026-12-04 (D-3)  2026-0013" in line for line in lines), lines
    assert not any("일)" in line and ("(-" in line or "(+" in line) for line in lines)
    today = run(sample, "due", "--today", "2026-12-04").output
    assert "2026-12-04 (오늘)  2026-0013" in today
    status = run(sample, "status", "--today", "2026-12-01").output
    assert "목표 달성 예정일 2026-11-30 (1일 지남)" in status and "기한 지남, " not in status
    assert "일)" not in status.replace("지남)", "")


def test_due_for_a_worker_the_casebook_does_not_name_says_so(tmp_path: Path, run) -> None:
    # a typo in --worker listed nothing: "기한 지남 0건" read as a caseload with nothing overdue
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    result = run(root, "due", "--today", "2026-11-22", "--worker", "kim.s")
    assert result.exit_code == 2
    assert "담당자 'kim.s'는 이 사례집에 없습니다. 혹시 kim.sw인가요?" in result.output
    assert "0건" not in result.output
    listed = run(root, "due", "--today", "2026-11-22", "--worker", "김사회")
    assert listed.exit_code == 2 and "있는 담당자: kim.sw" in listed.output
    assert run(root, "due", "--today", "2026-11-22", "--worker", "kim.sw").exit_code == 0


@pytest.mark.parametrize(("month", "says"), [
    ("2026-9", "2026-09로 적으세요"), ("2026.09", "2026-09로 적으세요"), ("2026년 9", "2026-09로 적으세요"),
    ("202609", "2026-09로 적으세요"), ("2026-09-01", "2026-09로 적으세요"), ("9월", "연도를 넣어 YYYY-09처럼"),
    ("2026-13", "13월은 없습니다"), ("Sep 2026", "달은 YYYY-MM으로 적으세요"),
])
def test_a_month_written_another_way_is_told_how_to_write_it(tmp_path: Path, run, month: str, says: str) -> None:
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    result = run(root, "report", "--month", month)
    assert result.exit_code == 2 and says in result.output, result.output


def test_report_takes_its_month_as_an_argument_too(tmp_path: Path, run) -> None:
    """`casekit report 2026-11`, as a user types it, was "필요 없는 인자가 더 있습니다"."""
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    typed = run(root, "report", "2026-11", "--today", "2026-12-05", "--format", "json")
    optioned = run(root, "report", "--month", "2026-11", "--today", "2026-12-05", "--format", "json")
    assert typed.exit_code == 0 and typed.output == optioned.output, typed.output
    assert run(root, "report", "2026-13").exit_code == 2
    both = run(root, "report", "2026-11", "--month", "2026-10")
    assert both.exit_code == 2 and "달을 두 번 주었습니다" in both.output, both.output


@pytest.mark.parametrize("args", [("2026년", "11월"), ("--month", "2026년", "11월"), ("2026년 11월",), ("--month", "2026년11월"),
                                  ("2026년", "11월", "--month", "2026-11")])
def test_report_takes_a_month_written_in_korean(tmp_path: Path, run, args: tuple[str, ...]) -> None:
    """`casekit report 2026년 11월` typed unquoted (two arguments) was click's bare "필요 없는 인자가 더
    있습니다 (11월)", `--month 2026년 11월` "달을 두 번 주었습니다": the month it spells is reported."""
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    korean = run(root, "report", *args, "--today", "2026-12-05", "--format", "json")
    plain = run(root, "report", "2026-11", "--today", "2026-12-05", "--format", "json")
    assert korean.exit_code == 0 and korean.stdout == plain.stdout, korean.output
    assert json.loads(korean.stdout)["month"] == "2026-11"


@pytest.mark.parametrize(("args", "says"), [
    (("2026", "11"), "달을 하나만 주세요(받은 값: 2026 11). 2026-11로 적으세요"),
    (("2026-11", "2026-12"), "달을 하나만 주세요(받은 값: 2026-11 2026-12)"),
    (("2026년", "13월"), "YYYY-MM 형식의 달이 아닙니다: 2026년 13월. 13월은 없습니다"),
    (("--month", "2026년", "13월"), "YYYY-MM 형식의 달이 아닙니다: 2026년 13월. 13월은 없습니다"),
    (("2026년", "11월", "--month", "2026-10"), "달을 두 번 주었습니다(2026-11, --month 2026-10)"),
])
def test_report_given_two_words_that_are_no_korean_month_says_what_to_type(tmp_path: Path, run, args, says) -> None:
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    result = run(root, "report", *args)
    assert result.exit_code == 2 and says in result.output, result.output


@pytest.mark.parametrize(("day", "says"), [
    ("2026.12.01", "2026-12-01로 적으세요"), ("2026-11-31", "11월은 30일까지입니다"),
    ("12/1", f"{TODAY.year}-12-01처럼 연도 네 자리를 넣어"), ("12월 1일", "연도 네 자리를 넣어"),
    ("내일", f"날짜로 적으세요: --today {TODAY + dt.timedelta(days=1)}"),
    ("abc", f"날짜로 적으세요. 예: --today {TODAY}"),
])
def test_a_date_option_written_another_way_is_told_how_to_write_it(tmp_path: Path, run, day: str, says: str) -> None:
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    result = run(root, "due", "--today", day)
    assert result.exit_code == 2 and says in result.output, result.output


def _first_record(book: Path) -> dt.date:
    """The earliest `date:` of the casebook's records, read from the files."""
    days = [m.group(1) for path in book.glob("cases/*/*.md")
            if (m := re.search(r'^date: "?([0-9]{4}-[0-9]{2}-[0-9]{2})', path.read_text(encoding="utf-8"), re.M))]
    return dt.date.fromisoformat(min(days))


@pytest.mark.parametrize("args", [("due",), ("due", "--format", "json"), ("status",), ("status", "2026-0005"),
                                  ("status", "--format", "json"), ("report",)])
def test_a_reference_day_far_from_today_is_said_not_refused(sample: Path, run, args: tuple[str, ...]) -> None:
    """`casekit due --today 2025-12-05` (a year typed wrong) said "할 일 기한 지남 0건", read as nothing
    overdue; `--today 2036-12-05` listed work 3653 days overdue, `status 2026-0005 --today 2020-01-01`
    D-2512. A 기준일 more than half a year off today (or before the first record) is said on stderr;
    the output stays as asked (a supervisor may look at a past day on purpose)."""
    today = TODAY
    first = _first_record(sample)
    for day, when in ((first - dt.timedelta(days=365), "전 날짜로, "), (today + dt.timedelta(days=3653), "10년 뒤 날짜입니다")):
        result = run(sample, *args, "--today", day.isoformat())
        assert result.exit_code == 0, result.output
        note = [line for line in result.stderr.splitlines() if line.startswith(f"주의: 기준일 {day}")]
        assert len(note) == 1 and f"오늘({today})보다 " in note[0] and when in note[0], result.stderr
        assert "연도를 확인하세요" in note[0] and "주의" not in result.stdout
        if day < first and "2026-0005" not in args:
            assert f"첫 기록({first})보다도 이릅니다" in note[0], note
        if "json" in args:
            assert json.loads(result.stdout)["today"] == day.isoformat()


def test_a_reference_day_before_the_first_record_is_said(tmp_path: Path, run) -> None:
    today = TODAY
    intake = today - dt.timedelta(days=30)
    root = make_casebook(tmp_path, {"c1": [("intake", intake.isoformat(), {})]})
    before = intake - dt.timedelta(days=10)
    result = run(root, "due", "--today", before.isoformat())
    assert result.exit_code == 0, result.output
    assert f"첫 기록({intake})보다 이른 날짜입니다" in result.stderr and "오늘(" not in result.stderr, result.stderr
    for near in (intake, today, today + dt.timedelta(days=180)):  # (nothing to say)
        quiet = run(root, "due", "--today", near.isoformat())
        assert quiet.exit_code == 0 and quiet.stderr == "", quiet.stderr


def test_build_says_a_far_reference_day_before_it_builds(sample: Path, run) -> None:
    """A build at 10,000 cases takes minutes: a 기준일 typed with a wrong year is said first, not after
    the site is made (helper-69's probe), and once."""
    day = TODAY + dt.timedelta(days=3653)
    result = run(sample, "build", "--today", day.isoformat())
    assert result.exit_code == 0, result.output
    lines = result.stderr.splitlines()
    said = [i for i, line in enumerate(lines) if line.startswith(f"주의: 기준일 {day}")]
    assert said == [0], result.stderr
    assert any("한국어 검색 색인" in line for line in lines[1:]), result.stderr


def _month_before(day: dt.date) -> dt.date:
    return (day.replace(day=1) - dt.timedelta(days=1)).replace(day=1)


@pytest.mark.parametrize(("command", "option"), [
    (("due",), "--today"), (("status",), "--today"), (("report",), "--today"), (("build",), "--today"),
    (("new",), "--date"), (("add", "2026-0009", "사정"), "--date"), (("reassign", "--from", "kim.sw", "--to", "lee.sw"), "--date"),
])
@pytest.mark.parametrize(("value", "meant"), [
    ("예", lambda today: today), ("완료", lambda today: today), ("x", lambda today: today),
    (TODAY.strftime("%Y-%m"), lambda today: today),  # this month: today is a day of it
    (_month_before(TODAY).strftime("%Y-%m"), _month_before),  # another month: its first day
    (f"{TODAY} 14:30", lambda today: today),
    # (Python's fromisoformat takes both: 2026-W49 as that week's Monday, a date nobody meant)
    (TODAY.strftime("%Y%m%d"), lambda today: today), (TODAY.strftime("%G-W%V"), lambda today: today),
    # a part of a month: this year's day, the month's real last day for its end (was YYYY-06-30, a placeholder)
    ("6월 말", lambda today: dt.date(today.year, 6, 30)), ("2월 말", lambda today: dt.date(today.year, 3, 1) - dt.timedelta(days=1)),
    ("9월 초", lambda today: dt.date(today.year, 9, 10)),
])
def test_a_date_option_is_told_the_date_to_type_not_a_record_fields_advice(sample: Path, run, command, option,
                                                                          value, meant) -> None:
    """`--today 예` was told "아직 아니라면 이 항목을 지우세요" (a record's `done:` advice: an option has no
    item to delete) and `--today 2026-12` "그 달 안이면 2026-12-31(그 달의 마지막 날)처럼" (a `due:`'s,
    a day to come): each is told the date to type after the option."""
    before = sorted(sample.rglob("*"))
    result = run(sample, *command, option, value)
    assert result.exit_code == 2, result.output
    assert f"{option} {meant(TODAY).isoformat()}" in result.output, result.output
    for record_advice in ("지우세요", "마지막 날", "본문"):
        assert record_advice not in result.output, result.output
    assert sorted(sample.rglob("*")) == before  # (nothing written)


def test_a_case_given_as_its_folder_is_that_case(tmp_path: Path, run) -> None:
    # a shell completes `cases/2026-0012/`; in a case folder a practitioner types `.`
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    for cwd, arg in ((root, "cases/open/"), (root / "cases" / "open", "."), (root / "cases", "open"),
                     (root / "cases" / "open", "01-intake.md")):
        result = run(cwd, "status", arg, "--today", "2026-11-22")
        assert result.exit_code == 0 and result.output.startswith("open  접수(intake)"), (arg, result.output)
    added = run(root, "add", "cases/open/", "사정", "--date", "2026-11-05")
    assert added.exit_code == 0 and added.stdout.strip() == "cases/open/02-assessment.md", added.output
    wrong = run(root / "cases", "status", "..")
    assert wrong.exit_code == 2 and "사례 폴더(cases/2026-0012)를 주세요" in wrong.output


def test_add_and_new_print_the_path_as_it_opens_from_where_they_ran(tmp_path: Path, run) -> None:
    """`add` run in a case's folder (or docs/) printed cases/open/02-assessment.md, relative to the
    casebook's root: not there from where the worker stood. The path printed is relative to the
    current folder, as check makes a CASE argument a path; from the root it is as it was."""
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    (root / "docs").mkdir(exist_ok=True)
    for cwd, shown in ((root / "cases" / "open", "02-assessment.md"),
                       (root / "cases", os.path.join("open", "03-assessment.md")),
                       (root / "docs", os.path.join("..", "cases", "open", "04-assessment.md")),
                       (root, "cases/open/05-assessment.md")):
        added = run(cwd, "add", "open", "사정", "--date", "2026-11-05")
        assert added.exit_code == 0 and added.stdout.strip() == shown, (cwd, added.output)
        assert (cwd / shown).is_file()
    made = run(root / "cases" / "open", "new", "c2", "--worker", "kim.sw", "--date", "2026-11-05")
    assert made.exit_code == 0 and made.stdout.strip() == os.path.join("..", "c2", "01-intake.md"), made.output


def test_due_respects_configured_deadlines(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {"open": [("intake", "2026-11-01", {})]})
    (root / "casekit.yml").write_text("deadlines:\n  assessment_days: 30\n", encoding="utf-8")
    due = json.loads(run(root, "due", "--today", "2026-11-22", "--format", "json").stdout)
    assert due["items"] == []
    assert json.loads(run(root, "due", "--today", "2026-11-22", "--all", "--format", "json").stdout)["items"][0][
        "due"
    ] == "2026-12-01"


def test_every_command_has_help_and_is_documented() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name, command in main.commands.items():
        assert command.help, name
        assert f"casekit {name}" in readme, f"README does not document `casekit {name}`"


def test_every_option_says_in_korean_what_it_does() -> None:
    """`casekit report --help` showed `--month  YYYY-MM (default: this month).` and a bare
    `--format`: every option of every command has help, in Korean first."""
    import click

    for name, command in main.commands.items():
        for param in command.params:
            if isinstance(param, click.Option) and param.name != "help":
                assert param.help and re.search("[가-힣]", param.help), f"casekit {name} {param.opts[0]}: {param.help!r}"


def test_report_refuses_a_month_not_come_yet(tmp_path: Path, run) -> None:
    """`report --month 2027-01` (a mistyped year, most often) printed today's counts under a month
    not come: it is refused, with this month and the last to type instead."""
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:1]})
    today = TODAY
    ahead = dt.date(today.year + 1, today.month, 1).strftime("%Y-%m")
    refused = run(root, "report", "--month", ahead)
    assert refused.exit_code == 2
    assert re.search(f"{ahead}[은는] 아직 오지 않은 달입니다", refused.output), refused.output
    assert f"이번 달은 --month {today.strftime('%Y-%m')}" in refused.output
    assert run(root, "report", "--month", today.strftime("%Y-%m")).exit_code == 0


def test_python_dash_m(tmp_path: Path) -> None:
    import subprocess
    import sys

    root = make_casebook(tmp_path, {"c1": FULL_PATH[:1]})
    proc = subprocess.run([sys.executable, "-m", "casekit", "check"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr


def test_aftercare_done_ends_followups(tmp_path: Path, run) -> None:
    done = [*FULL_PATH[:6], ("followup", "2026-07-30", {"aftercare_done": True})]
    root = make_casebook(tmp_path, {"done": done})
    status = json.loads(run(root, "status", "--today", "2026-11-22", "--format", "json").stdout)
    assert status["cases"][0]["next"] is None


def test_new_takes_the_id_as_an_argument_and_add_takes_korean_stage_names(tmp_path: Path, run) -> None:
    root = make_casebook(tmp_path, {})
    assert run(root, "new", "c7", "--date", "2026-11-01").stdout.strip() == "cases/c7/01-intake.md"
    assert run(root, "add", "c7", "사정").stdout.strip() == "cases/c7/02-assessment.md"
    assert run(root, "add", "c7", "계획").stdout.strip() == "cases/c7/03-plan.md"  # an intervention needs a plan
    assert run(root, "add", "c7", "개입").stdout.strip() == "cases/c7/04-intervention.md"
    bad = run(root, "add", "c7", "평가")
    assert bad.exit_code == 2 and "monitoring(점검)" in bad.output


def test_build_prints_a_hostile_path_escaped_as_check_does(sample: Path, run) -> None:  # type: ignore[no-untyped-def]
    """A case folder named with a line break (or a bidi override) is refused; the refusal prints
    it escaped, never raw: a raw line break would split the line and fake another finding."""
    import shutil

    shutil.copytree(sample / "cases/2026-0003", sample / "cases/2026-0099\n[ok] 문제 없음")
    result = run(sample, "build")
    assert result.exit_code == 1
    assert "2026-0099\\x0a[ok]" in result.output
    assert "\n[ok] 문제 없음" not in result.output


def test_the_summary_line_counts_a_handover_file_as_neither_record_nor_resource(sample: Path, run) -> None:  # type: ignore[no-untyped-def]
    before = run(sample, "check").output.strip().splitlines()[-1]
    handed = run(sample, "reassign", "2026-0002", "--from", "lee.sw", "--to", "kim.sw", "--reason", "업무 조정",
                 "--date", "2026-11-20", "--by", "lee.tl")
    assert handed.exit_code == 0, handed.output
    assert (sample / "cases/2026-0002/handover.yml").is_file()
    assert run(sample, "check").output.strip().splitlines()[-1] == before  # 기록 83개, 자원 15개


def test_a_system_refusal_is_said_in_korean() -> None:
    import errno

    from casekit.core.findings import os_reason

    assert os_reason(PermissionError(errno.EACCES, "Permission denied")) == "권한이 없습니다 (permission denied)"
    assert os_reason(OSError(errno.ENOSPC, "No space left on device")).startswith("디스크가 가득 찼습니다")
    # (one casekit has no words for: said to be the system's refusal, with its number and its English)
    assert os_reason(OSError(errno.EXDEV, "Invalid cross-device link")) == \
        f"운영체제가 거부했습니다(오류 번호 {errno.EXDEV}) (Invalid cross-device link)"


@pytest.mark.parametrize("args", [("check",), ("status",), ("due",), ("report", "--month", "2026-05"),
                                  ("export", "--format", "json"), ("reassign", "--from", "kim.sw", "--to", "lee.sw",
                                                                   "--dry-run")])
def test_commands_that_read_the_whole_report_run_without_the_cyclic_collector(sample: Path, run, args) -> None:
    """A one-shot command reading every record's summary (casekit.cli._one_shot): the collector's
    passes over them cost a third of `casekit due` at 10,000 cases, and nothing it makes is
    garbage before the process ends."""
    import gc

    was = gc.isenabled()
    gc.enable()
    try:
        result = run(sample, *args)
        assert result.exit_code == 0, result.output
        assert not gc.isenabled()
    finally:
        (gc.enable if was else gc.disable)()


def test_status_of_a_case_whose_intake_date_cannot_be_read_does_not_say_nothing_is_due(sample: Path, run) -> None:
    """With the intake's date unreadable, `status` said 다음: 없음 and the overdue 사정 was gone
    (found by a probe): it says the next step cannot be counted until the errors are fixed."""
    intake = sample / "cases/2026-0009/01-intake.md"
    intake.write_text(intake.read_text(encoding="utf-8").replace('date: "2026-', 'date: "2026.', 1), encoding="utf-8")
    text = run(sample, "status", "2026-0009", "--today", "2026-12-01").output
    assert "다음: 알 수 없음 — 검사 오류를 고치면" in text and "다음: 없음" not in text, text
