"""Practitioners' mistakes made on a copy of the sample casebook: each is caught at its file and line.

Every test changes one thing in a fresh copy of the sample, runs `casekit check --format json`
as a user would, and expects the finding where the mistake is (and no error elsewhere).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import pytest

from casekit.core.case import Case
from casekit.core.casebook import check
from casekit.core.due import case_due, case_dues
from tests.builders import FULL_PATH, make_casebook
from tests.conftest import TODAY


def edit(root: Path, rel: str, old: str, new: str, count: int = 1) -> int:
    """Replace `old` by `new` (the first `count` times); the file line where `new` starts."""
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{rel}: {old!r}"
    line = text.count("\n", 0, text.index(old)) + 1
    path.write_text(text.replace(old, new, count), encoding="utf-8")
    return line


def findings(run, root: Path) -> list[tuple[str, int, str, str]]:
    result = run(root, "check", "--format", "json")
    assert result.exit_code in (0, 1), result.output
    return [(f["path"], f["line"], f["severity"], f["code"]) for f in json.loads(result.output)["findings"]]


def only(run, root: Path) -> set[tuple[str, int, str, str]]:
    return set(findings(run, root))


def test_the_sample_is_clean(sample: Path, run) -> None:
    assert findings(run, sample) == []


def test_eligible_intake_without_consent_to_case_management(sample: Path, run) -> None:
    rel = "cases/2026-0009/01-intake.md"
    edit(sample, rel, "scope: case_management\n    action: given", "scope: case_management\n    action: refused")
    line = edit(sample, rel, "decision: eligible", "decision: eligible")
    assert only(run, sample) == {(rel, line, "error", "eligible-without-consent")}


def test_linking_when_consent_to_share_was_refused(sample: Path, run) -> None:
    """The two links of 03-intervention go against the refusal: one finding, at the refusal's
    `action`, naming the record and the agencies (one mistake: the action, or the links)."""
    rel = "cases/2026-0014/01-intake.md"
    line = edit(sample, rel, "scope: information_sharing\n    action: given",
                "scope: information_sharing\n    action: refused") + 1
    result = run(sample, "check", "--format", "json")
    got = json.loads(result.output)["findings"]
    assert [(f["path"], f["line"], f["severity"], f["code"]) for f in got] == [(rel, line, "error", "sharing-refused")]
    assert got[0]["column"] == len("    action: ") + 1
    message = got[0]["message"]
    assert "기록 1개(03-intervention.md)" in message and "정보를 2번 제공" in message
    assert "given으로 고치세요" in message and "새 동의(action: given)" in message


def test_linking_to_an_agency_the_consent_does_not_name(sample: Path, run) -> None:
    rel = "cases/2026-0014/03-intervention.md"
    line = edit(sample, rel, "resource: gaon-health-center", "resource: gaon-food-bank")
    assert only(run, sample) == {(rel, line, "error", "sharing-without-consent")}


def test_a_plan_the_client_did_not_agree_to_asks_for_the_reason(sample: Path, run) -> None:
    rel = "cases/2026-0001/03-plan.md"
    line = edit(sample, rel, "client_agreed: true", "client_agreed: false")
    assert only(run, sample) == {(rel, line, "warning", "plan-not-agreed")}
    edit(sample, rel, "client_agreed: false", 'client_agreed: false\n  reason: "자활근로는 건강이 나아진 뒤에 하겠다고 함"')
    assert findings(run, sample) == []


def test_a_goal_the_client_did_not_agree_to(sample: Path, run) -> None:
    rel = "cases/2026-0001/03-plan.md"
    line = edit(sample, rel, '    target_date: "2026-06-30"\n', '    target_date: "2026-06-30"\n    client_agreed: false\n') + 1
    assert only(run, sample) == {(rel, line, "warning", "goal-not-agreed")}


def test_goals_achieved_while_no_goal_is(sample: Path, run) -> None:
    rel = "cases/2026-0001/07-closure.md"
    text = (sample / rel).read_text(encoding="utf-8")
    (sample / rel).write_text(text.replace("result: achieved", "result: not_achieved")
                              .replace("result: partly_achieved", "result: not_achieved"), encoding="utf-8")
    assert only(run, sample) == {(rel, 6, "error", "goals-achieved-but-none")}  # at `reason:`


def test_withdrew_without_the_clients_words(sample: Path, run) -> None:
    rel = "cases/2026-0007/06-closure.md"
    text = (sample / rel).read_text(encoding="utf-8").split("\n")
    kept = [x for x in text if not x.startswith(("client_words:", "reason_note:"))]
    (sample / rel).write_text("\n".join(kept), encoding="utf-8")
    assert only(run, sample) == {(rel, 6, "warning", "withdrew-without-words")}  # at `reason:`


def test_a_year_typo(sample: Path, run) -> None:
    rel = "cases/2026-0012/04-intervention.md"
    line = edit(sample, rel, 'date: "2026-11-06"', 'date: "2062-11-06"')
    assert (rel, line, "error", "date-far-future") in only(run, sample)


def test_a_record_years_after_the_one_before_it(tmp_path: Path) -> None:
    # an old case (2023) where a plan was dated 2025 by mistake: not in the future, but years late
    path = [(s, d.replace("2026", "2023"), o) for s, d, o in FULL_PATH[:2]] + [("plan", "2025-04-01", FULL_PATH[2][2])]
    got = [(f.code, f.severity, f.path.rsplit("/", 1)[-1], f.line) for f in check(make_casebook(tmp_path, {"c1": path})).findings]
    assert got == [("date-gap", "warning", "03-plan.md", 4)]


@pytest.mark.parametrize(
    ("old", "new", "code"),
    [
        ('target_date: "2026-05-31"', 'target_date: "2025-05-31"', "target-before-plan"),
        ('review_date: "2026-04-25"', 'review_date: "2026-03-20"', "review-before-plan"),
        ('end: "2026-05-31"', 'end: "2026-03-01"', "service-ends-before-start"),
    ],
)
def test_plan_dates_that_cannot_be(sample: Path, run, old: str, new: str, code: str) -> None:
    rel = "cases/2026-0001/03-plan.md"
    line = edit(sample, rel, old, new)
    assert only(run, sample) == {(rel, line, "error", code)}


def test_a_revised_plan_without_an_earlier_plan_or_a_reason(sample: Path, run) -> None:
    rel = "cases/2026-0001/03-plan.md"
    line = edit(sample, rel, "type: initial", "type: revised")
    assert only(run, sample) == {(rel, line, "error", "revised-plan-without-earlier"),
                                 (rel, line, "error", "revised-plan-without-reason")}


def test_a_first_assessment_typed_as_a_reassessment(sample: Path, run) -> None:
    rel = "cases/2026-0001/02-assessment.md"
    line = edit(sample, rel, "type: initial", "type: reassessment")
    assert only(run, sample) == {(rel, line, "error", "reassessment-first")}


def test_an_inactive_resource_in_an_open_plan(sample: Path, run) -> None:
    rel = "cases/2026-0012/03-plan.md"
    line = edit(sample, rel, "resource: gaon-food-bank", "resource: bitgaram-study-room")
    assert only(run, sample) == {(rel, line, "warning", "inactive-resource")}


def test_nothing_but_closure_after_a_withdrawal(sample: Path, run) -> None:
    line = edit(sample, "cases/2026-0002/09-monitoring.md", "decision:",
         'consents:\n  - date: "2026-09-05"\n    scope: case_management\n    action: withdrawn\n    by: self\n'
         '    method: verbal\n    client_words: "당분간 혼자 해 볼게요"\ndecision:')
    result = run(sample, "check", "--format", "json")
    got = [f for f in json.loads(result.output)["findings"] if f["code"] == "after-withdrawal"]
    # (one withdrawal, two records after it: said once, at the withdrawal's action, naming both)
    assert [(f["path"], f["line"]) for f in got] == [("cases/2026-0002/09-monitoring.md", line + 3)]
    assert "실행·점검 기록 2개(10-intervention.md, 11-monitoring.md)" in got[0]["message"]
    assert "reason: withdrew" in got[0]["message"] and "이 동의 항목을 지우세요" in got[0]["message"]


def test_a_guardian_consent_names_the_relation(sample: Path, run) -> None:
    rel = "cases/2026-0011/01-intake.md"
    (sample / rel).write_text((sample / rel).read_text(encoding="utf-8").replace('    relation: "조모(미성년후견인)"\n', ""),
                              encoding="utf-8")
    codes = {(p, c) for p, _, _, c in findings(run, sample)}
    assert (rel, "required") in codes


def test_a_need_filed_under_an_unknown_household_member(sample: Path, run) -> None:
    rel = "cases/2026-0002/02-assessment.md"
    line = edit(sample, rel, "member: M1", "member: M7")
    assert only(run, sample) == {(rel, line, "error", "unknown-member")}


def test_two_open_cases_with_the_same_alias(sample: Path, run) -> None:
    rel = "cases/2026-0014/01-intake.md"
    line = edit(sample, rel, 'alias: "오○철"', 'alias: "이○자"')
    assert only(run, sample) == {(rel, line, "warning", "alias-duplicate")}


def test_resident_numbers_are_off_by_default(sample: Path, run) -> None:
    edit(sample, "casekit.yml", "allow_resident_number: true", "allow_resident_number: false")
    line = edit(sample, "cases/2026-0001/01-intake.md", "resident_number:", "resident_number:")
    assert only(run, sample) == {("cases/2026-0001/01-intake.md", line, "warning", "resident-number-kept")}


def test_the_old_track_field_still_reads_but_points_to_the_selection(sample: Path, run) -> None:
    rel = "cases/2026-0001/01-intake.md"
    line = edit(sample, rel, "presenting_problems:", "track: full\npresenting_problems:")
    assert only(run, sample) == {(rel, line, "warning", "track-deprecated")}


def test_add_refuses_a_monitoring_before_any_plan_and_force_writes_it_with_a_warning(sample: Path, run) -> None:
    result = run(sample, "add", "2026-0009", "monitoring", "--date", "2026-11-20")
    assert result.exit_code == 1 and "계획이 없습니다" in result.stderr
    assert not (sample / "cases/2026-0009/02-monitoring.md").exists()
    result = run(sample, "add", "2026-0009", "monitoring", "--date", "2026-11-20", "--force")
    assert result.exit_code == 0
    assert "cases/2026-0009/02-monitoring.md" in result.stdout
    assert "경고:" in result.stderr and "계획이 없습니다" in result.stderr


def test_add_refuses_an_assessment_after_an_ineligible_closure(sample: Path, run) -> None:
    result = run(sample, "add", "2026-0003", "assessment", "--date", "2026-11-20")
    assert result.exit_code == 1
    assert "종결 후에는" in result.stderr


def test_add_says_nothing_when_the_record_is_in_order(sample: Path, run) -> None:
    result = run(sample, "add", "2026-0013", "monitoring", "--date", "2026-11-20")
    assert result.exit_code == 0 and "경고" not in result.stderr


# --- deadlines (casekit/core/due.py) -------------------------------------------------------------

def _set(path: list, index: int, **fields: Any) -> list:
    out = list(path)
    stage, day, old = out[index]
    out[index] = (stage, day, {**old, **fields})
    return out


def _dues(tmp_path: Path, path: list) -> dict[str, dt.date]:
    report = check(make_casebook(tmp_path, {"c1": path}))
    assert [f for f in report.findings if f.severity == "error"] == []
    return {d.kind: d.due for d in case_dues("c1", report.summaries["c1"], report.config.deadlines)}


@pytest.mark.parametrize("reason", ["referred", "moved"])
def test_the_first_check_after_a_referral_or_a_move_is_never_dropped(tmp_path: Path, reason: str) -> None:
    path = _set(FULL_PATH[:6], 5, reason=reason, results=[], reason_note="전출지 행정복지센터에 연계",
                aftercare={"plan": "한 달 뒤 연계 확인 전화", "first_check": "2026-07-31"})
    assert _dues(tmp_path, path) == {"followup": dt.date(2026, 7, 31)}


def test_no_followup_after_a_referral_without_a_first_check(tmp_path: Path) -> None:
    path = _set(FULL_PATH[:6], 5, reason="referred", results=[], reason_note="이관")
    assert _dues(tmp_path, path) == {}


@pytest.mark.parametrize(("decision", "kind"), [("close", "closure"), ("revise_plan", "revised_plan")])
def test_closure_and_revised_plan_have_their_own_deadlines(tmp_path: Path, decision: str, kind: str) -> None:
    path = _set(FULL_PATH[:5], 4, decision=decision)
    assert _dues(tmp_path, path)[kind] == dt.date(2026, 5, 15)  # 14 days after the monitoring


def test_weekly_contact_while_the_risk_is_crisis(tmp_path: Path) -> None:
    path = _set(FULL_PATH[:4], 1, risk_level="crisis")
    assert _dues(tmp_path, path)["crisis_contact"] == dt.date(2026, 4, 27)


def test_a_goal_past_its_target_date_and_periodic_reassessment(tmp_path: Path) -> None:
    got = _dues(tmp_path, FULL_PATH[:5])
    assert got["goal_target"] == dt.date(2026, 6, 30)
    assert got["periodic_reassessment"] == dt.date(2026, 9, 1)  # 180 days after the assessment
    achieved = _set(FULL_PATH[:5], 4, progress=[{"goal": "G1", "status": "achieved", "note": "달성"}])
    assert "goal_target" not in _dues(tmp_path / "b", achieved)


def test_intensive_cases_are_reviewed_more_often(tmp_path: Path) -> None:
    selection = {"case_type": "intensive", "risk_score": 80, "rationale": "고립과 자살위기"}
    path = _set(_set(FULL_PATH[:5], 1, selection=selection), 4, next_review=None)
    report = check(make_casebook(tmp_path, {"c1": path}))
    due = case_due("c1", report.summaries["c1"], report.config.deadlines)
    assert due is not None and due.kind == "monitoring" and due.due == dt.date(2026, 5, 15)


def test_a_service_linkage_case_needs_no_plan(tmp_path: Path) -> None:
    selection = {"case_type": "service_linkage", "risk_score": 15, "rationale": "단일 욕구"}
    link = ("intervention", "2026-03-10", {"activities": [
        {"date": "2026-03-10", "type": "linking", "resource": "food-bank", "summary": "푸드뱅크 연계"}]})
    path = [*_set(FULL_PATH[:2], 1, selection=selection), link]
    got = _dues(tmp_path, path)
    assert got == {"monitoring": dt.date(2026, 4, 9)}
    report = check(tmp_path / "")
    assert Case.of("c1", report.summaries["c1"]).missing == []
    # the same linking without the selection needs a plan first
    plain = [*FULL_PATH[:2], link]
    found = {f.code for f in check(make_casebook(tmp_path / "plain", {"c1": plain})).findings}
    assert "needs-plan" in found


# --- restricted cases and the ecomap --------------------------------------------------------------


def test_restricted_cases_are_marked_in_the_core(sample: Path) -> None:
    from casekit.core.case import is_restricted, restricted_reason

    report = check(sample)
    assert restricted_reason(report.summaries["2026-0010"]) == "domestic_violence"
    assert [c for c, recs in report.summaries.items() if is_restricted(recs)] == ["2026-0010"]
    assert Case.of("2026-0010", report.summaries["2026-0010"]).restricted == "domestic_violence"


def test_the_household_and_case_type_come_from_the_records(sample: Path) -> None:
    report = check(sample)
    case = Case.of("2026-0013", report.summaries["2026-0013"])
    assert case.household == {"M1": "배우자", "M2": "자녀(딸)", "M3": "자녀(아들)"}
    assert case.case_type == "general" and [c.kind for c in case.conferences] == ["selection"]
    assert Case.of("2026-0002", report.summaries["2026-0002"]).case_type == "intensive"  # re-selected at reassessment


def test_the_ecomap_is_inline_svg_with_every_text_escaped() -> None:
    from casekit.site.ecomap import ecomap_svg

    svg = ecomap_svg([("자녀(딸)", "아동")], ["이웃 <script>alert(1)</script>"], [("드림스타트 & 학교", "formal"), ("이웃 모임", "informal")])
    assert svg.startswith("<svg ") and svg.endswith("</svg>")
    assert "<script" not in svg and "&lt;script&gt;" in svg and "드림스타트 &amp; 학교" in svg
    assert "http" not in svg.replace('xmlns="http://www.w3.org/2000/svg"', "")  # nothing loaded from anywhere
    assert svg.count("<line ") == 3 and "자녀(딸)(아동)" in svg
    assert 'stroke-dasharray="6 4"' in svg  # informal support: dashed
    assert "연결된 자원" in ecomap_svg([], [], [])


def test_a_child_does_not_consent_alone(sample: Path, run) -> None:
    rel = "cases/2026-0011/01-intake.md"
    text = (sample / rel).read_text(encoding="utf-8")
    (sample / rel).write_text(text.replace("    by: legal_guardian\n", "    by: self\n"), encoding="utf-8")
    assert {c for _, _, _, c in findings(run, sample)} == {"child-consent-self"}


def test_a_child_by_a_slip_of_the_age_group_is_told_the_slip_not_the_consent(sample: Path, run) -> None:
    """`age_group: child` for a client of 56 by the birth date (a probe): the age group is the
    mistake (age-group-mismatch), not also a child consenting alone."""
    rel = "cases/2026-0001/01-intake.md"
    text = (sample / rel).read_text(encoding="utf-8")
    assert "age_group: middle_aged" in text and "by: self" in text
    (sample / rel).write_text(text.replace("age_group: middle_aged", "age_group: child"), encoding="utf-8")
    assert {c for _, _, _, c in findings(run, sample)} == {"age-group-mismatch"}


def test_a_conference_shares_with_the_agencies_at_the_table(sample: Path, run) -> None:
    rel = "cases/2026-0013/03-conference.md"
    line = edit(sample, rel, "resource: gaon-family-center", "resource: gaon-job-center")
    assert only(run, sample) == {(rel, line, "error", "sharing-without-consent")}


def test_withdrew_needs_the_clients_words_not_only_a_note(sample: Path, run) -> None:
    rel = "cases/2026-0004/02-closure.md"  # a referral's note, without a word of the client's
    edit(sample, rel, "reason: referred", "reason: withdrew")
    assert (rel, 6, "warning", "withdrew-without-words") in only(run, sample)


def test_the_ecomap_of_a_sample_case_from_the_case_model(sample: Path) -> None:
    from casekit.site.ecomap import ecomap_svg

    case = Case.of("2026-0013", check(sample).summaries["2026-0013"])
    assert [m[1:] for m in case.members] == [("배우자", "middle_aged"), ("자녀(딸)", "child"), ("자녀(아들)", "child")]
    assert case.informal_supports and "naraedong-welfare-team" in case.linked_resources
    svg = ecomap_svg([(rel, age) for _, rel, age in case.members], case.informal_supports,
                     [(rid, "formal") for rid in case.linked_resources])
    assert svg.count("<line ") == len(case.informal_supports) + len(case.linked_resources)
    assert "응우옌" not in svg  # no name: relations and resources only


def test_a_record_dated_after_today_is_a_warning_at_its_date(tmp_path: Path) -> None:
    """A record tells what happened: dated after the day of the check, it is most likely a typo
    (a warning); a year or more on, an error (date-far-future), and then only that."""
    import datetime as dt

    from casekit.core.casebook import check as check_casebook
    from tests.conftest import copy_casebook

    root = copy_casebook(tmp_path / "book")
    latest = max(((p, line) for p in (root / "cases").glob("*/*.md")
                  for line in p.read_text(encoding="utf-8").splitlines() if line.startswith('date: "')),
                 key=lambda pl: pl[1])
    day = dt.date.fromisoformat(latest[1][7:17])
    assert [f.code for f in check_casebook(root, today=day, cache=False).findings if f.code == "date-future"] == []
    before = day - dt.timedelta(days=1)
    found = [(f.path, f.line, f.severity) for f in check_casebook(root, today=before, cache=False).findings
             if f.code == "date-future"]
    assert (latest[0].relative_to(root).as_posix(), 4, "warning") in found


@pytest.mark.parametrize(("group", "found"), [
    ("child", True),  # 박영수, born 1969-07-21, is 56 at the intake (2026-03-04)
    ("youth", True),
    ("adult", True),
    ("middle_aged", False),
    ("older", True),
])
def test_an_age_group_that_does_not_fit_the_birth_date_is_named(sample: Path, run, group: str, found: bool) -> None:
    rel = "cases/2026-0001/01-intake.md"
    line = edit(sample, rel, "age_group: middle_aged", f"age_group: {group}")
    got = {f for f in findings(run, sample) if f[3] == "age-group-mismatch"}
    assert got == ({(rel, line, "warning", "age-group-mismatch")} if found else set())


@pytest.mark.parametrize(("birth", "group", "found"), [
    ("2014-03-05", "child", False),  # 11 on the day
    ("2013-03-04", "youth", False),  # 13 that day
    ("2014-03-04", "youth", False),  # 12, within a year of the band
    ("2015-03-05", "youth", True),  # 10
    ("1962-03-05", "middle_aged", False),  # 63
    ("1961-03-05", "older", False),  # 64, within a year of 65
    ("1960-03-05", "middle_aged", False),  # 65, within a year
    ("1959-03-05", "middle_aged", True),  # 66
    ("1986-03-05", "adult", False),  # 39
    ("1986-03-04", "adult", False),  # 40 that day, within a year
    ("1985-03-04", "adult", True),  # 41
    ("1926-03-04", "older", False),  # 100
])
def test_an_age_group_is_judged_by_full_years_with_a_year_of_slack(birth: str, group: str, found: bool) -> None:
    from casekit.core.rules_practice import _age_group_mismatch
    from casekit.core.summary import Summary

    intake = Summary(rel="cases/x/01-intake.md", case="x", nn=1, stage="intake", date="2026-03-04", birth=birth,
                     age_group=group)
    assert bool(_age_group_mismatch(intake)) is found


def test_activities_before_the_client_agreed_to_the_plan_are_named(sample: Path, run) -> None:
    """자기결정권: a plan is carried out once the client agrees to it. The plan of 2026-0013 is
    agreed on 2026-11-06; written as agreed on 11-12, the two activities before are warnings at
    their dates (a crisis intervention among them is not: it waits for no plan)."""
    plan = "cases/2026-0013/04-plan.md"
    edit(sample, plan, '  date: "2026-11-06"\n  method', '  date: "2026-11-12"\n  method')
    rel = "cases/2026-0013/05-intervention.md"
    text = (sample / rel).read_text(encoding="utf-8")
    dated = [i + 1 for i, line in enumerate(text.splitlines()) if line.startswith("  - date: ")]
    assert only(run, sample) == {(rel, dated[0], "warning", "activity-before-agreement"),
                                 (rel, dated[1], "warning", "activity-before-agreement")}
    result = run(sample, "check", "--format", "json")
    message = json.loads(result.output)["findings"][0]["message"]
    assert "2026-11-12" in message and "04-plan.md" in message and "agreement.date" in message
    lines = text.splitlines()
    at = dated[0]  # the first activity made a crisis intervention: no longer judged
    kind = next(i for i in range(at, len(lines)) if lines[i].strip().startswith("type:"))
    lines[kind] = lines[kind].split("type:")[0] + "type: crisis_intervention"
    (sample / rel).write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert only(run, sample) == {(rel, dated[1], "warning", "activity-before-agreement")}


def test_a_plan_agreed_on_a_day_to_come_is_a_warning_at_its_date(tmp_path: Path) -> None:
    from casekit.core.casebook import check as check_casebook
    from tests.conftest import copy_casebook

    root = copy_casebook(tmp_path / "book")
    rel = "cases/2026-0013/04-plan.md"
    line = edit(root, rel, '  date: "2026-11-06"\n  method', '  date: "2026-11-06"\n  method')
    day = dt.date(2026, 11, 6)
    assert [f for f in check_casebook(root, today=day, cache=False).findings if f.code == "agreement-future"] == []
    found = [(f.path, f.line, f.column, f.severity) for f in
             check_casebook(root, today=day - dt.timedelta(days=1), cache=False).findings if f.code == "agreement-future"]
    assert found == [(rel, line, 9, "warning")]


def test_a_pressing_need_no_goal_of_the_plan_names_is_a_warning_at_the_goals(sample: Path, run) -> None:
    """A goal's need copied from the goal above (G3: need N2 where N3 was meant) leaves N3, judged
    높음 in the assessment, with no goal: a warning at the plan's `goals`, naming N3 and where it was
    assessed. A need of 보통 or 낮음 may wait; a goal naming a need the assessment lacks is
    `unknown-need` alone (the goals are misnumbered, not the need forgotten)."""
    rel = "cases/2026-0005/04-plan.md"
    edit(sample, rel, "  - id: G3\n    need: N3", "  - id: G3\n    need: N2")
    line = (sample / rel).read_text(encoding="utf-8").splitlines().index("goals:") + 1
    assert only(run, sample) == {(rel, line, "warning", "need-not-planned")}
    message = json.loads(run(sample, "check", "--format", "json").output)["findings"][0]["message"]
    assert "N3" in message and "높음" in message and "03-assessment.md" in message and "need: N3" in message
    edit(sample, "cases/2026-0005/03-assessment.md", "severity: high", "severity: medium", count=9)
    edit(sample, "cases/2026-0005/03-assessment.md", "severity: urgent", "severity: medium")
    edit(sample, "cases/2026-0005/03-assessment.md", "risk_level: crisis", "risk_level: medium")  # (as the needs)
    assert only(run, sample) == set()  # every need now 보통: none presses
    edit(sample, rel, "  - id: G3\n    need: N2", "  - id: G3\n    need: N9")
    assert {code for *_, code in only(run, sample)} == {"unknown-need"}


def test_a_follow_up_after_a_death_is_a_warning(sample: Path, run) -> None:
    """사망 picked as the closure's reason (for 거부·철회, the next in the list) where the closure plans
    a follow-up and a 사후관리 record follows: the plan's first follow-up date and the follow-up are
    warnings, naming the closure. Another reason with the same records: nothing."""
    closure, followup = "cases/2026-0007/06-closure.md", "cases/2026-0007/07-followup.md"
    edit(sample, closure, "reason: withdrew", "reason: deceased")
    first_check = next(i + 1 for i, line in enumerate((sample / closure).read_text(encoding="utf-8").splitlines())
                       if line.strip().startswith("first_check:"))
    stage = (sample / followup).read_text(encoding="utf-8").splitlines().index("stage: followup") + 1
    assert only(run, sample) == {(closure, first_check, "warning", "after-death"),
                                 (followup, stage, "warning", "after-death")}
    messages = [f["message"] for f in json.loads(run(sample, "check", "--format", "json").output)["findings"]]
    assert all("사망" in m and "06-closure.md" in m for m in messages)
    edit(sample, closure, "reason: deceased", "reason: moved")
    assert only(run, sample) == set()


def test_a_risk_level_that_says_the_opposite_of_the_needs_is_a_warning_at_it(sample: Path, run) -> None:
    """위기도 낮음 with a need judged 긴급 (2026-0006: 퇴거 위기), or 위기 with no need above 보통 (the
    level picked one off in the list): a warning at `risk_level`, saying which needs. 보통 with a
    긴급 need, or 위기 with a 높음 one, is left to the worker."""
    rel = "cases/2026-0006/02-assessment.md"
    line = edit(sample, rel, "risk_level: high", "risk_level: low")
    assert only(run, sample) == {(rel, line, "warning", "risk-level-mismatch")}
    message = json.loads(run(sample, "check", "--format", "json").output)["findings"][0]["message"]
    assert "낮음" in message and "N1" in message
    edit(sample, rel, "risk_level: low", "risk_level: medium")
    assert only(run, sample) == set()
    rel = "cases/2026-0012/02-assessment.md"  # needs of 보통 and 낮음 only
    line = edit(sample, rel, "risk_level: low", "risk_level: crisis")
    assert only(run, sample) == {(rel, line, "warning", "risk-level-mismatch")}


# --- one decision, many records going against it: one finding, at the decision -----------------------


def test_an_ineligible_intake_followed_by_the_whole_process_is_one_finding_at_the_decision(sample: Path, run) -> None:
    """`decision: ineligible` typed for eligible (or the records after it in the wrong case): one finding,
    at the value, naming the five records, giving both ways out; not one a record."""
    rel = "cases/2026-0001/01-intake.md"
    line = edit(sample, rel, "decision: eligible", "decision: ineligible")
    got = json.loads(run(sample, "check", "--format", "json").output)["findings"]
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in got] == [
        (rel, line, len("  decision: ") + 1, "plan-after-ineligible")]
    message = got[0]["message"]
    assert ("사정·계획·실행·점검 기록 5개(02-assessment.md, 03-plan.md, 04-intervention.md, 05-monitoring.md, "
            "06-monitoring.md)") in message
    assert "eligible로 고치세요" in message and "reason: ineligible" in message


def test_a_referral_elsewhere_followed_by_work_says_to_close_as_referred(sample: Path, run) -> None:
    edit(sample, "cases/2026-0012/01-intake.md", "decision: eligible", "decision: referred_elsewhere")
    got = [f for f in json.loads(run(sample, "check", "--format", "json").output)["findings"]
           if f["code"] == "plan-after-ineligible"]
    assert [f["path"] for f in got] == ["cases/2026-0012/01-intake.md"]
    assert "타 기관 의뢰" in got[0]["message"] and "reason: referred)" in got[0]["message"]


def test_a_refused_consent_to_case_management_is_one_finding_at_the_refusal(sample: Path, run) -> None:
    """`action: refused` typed for given in an eligible intake: not also eligible-without-consent at the
    decision; the assessment and plan made against it are named, with the work after them."""
    rel = "cases/2026-0001/01-intake.md"
    line = edit(sample, rel, "scope: case_management\n    action: given",
                "scope: case_management\n    action: refused") + 1
    got = json.loads(run(sample, "check", "--format", "json").output)["findings"]
    assert [(f["path"], f["line"], f["column"], f["code"]) for f in got] == [
        (rel, line, len("    action: ") + 1, "assessment-without-consent")]
    assert ("사정·계획·실행·점검 기록 5개(02-assessment.md, 03-plan.md, 04-intervention.md, 05-monitoring.md, "
            "06-monitoring.md)") in got[0]["message"]
    assert "given으로 고치세요" in got[0]["message"]


def test_add_refuses_a_record_a_decision_said_once_names(sample: Path, run) -> None:
    """`casekit add` refuses what `check` would then say of the new record, though said at the intake."""
    edit(sample, "cases/2026-0009/01-intake.md", "decision: eligible", "decision: ineligible")
    result = run(sample, "add", "2026-0009", "사정")
    assert result.exit_code == 1 and "대상이 아니라고 판정했는데" in result.stderr, result.output
    assert not (sample / "cases/2026-0009/02-assessment.md").exists()


CLOSURE_G1_G3 = """---
case: "2026-0002"
stage: closure
date: "2026-11-30"
worker: lee.sw
reason: {reason}
reason_note: "{note}"
results:
  - goal: G1
    result: achieved
    note: "생활비 부족 해소"
  - goal: G2
    result: achieved
    note: "주 4일 이상 등교"
  - goal: G3
    result: partly_achieved
    note: "주 3일 근무"
client_feedback: "이제 혼자 해 볼 수 있을 것 같다."
aftercare:
  plan: "한 달 뒤 전화로 안부 확인"
  first_check: "2026-12-30"
---
# 평가 및 종결

생활비, 등교, 일자리 목표를 평가했다.
"""


@pytest.mark.parametrize(("reason", "note", "left"), [
    ("other", "G4, G5는 평가를 원하지 않음", []),  # the note names the goals it explains
    ("other", "G4~G5는 클라이언트가 평가를 원하지 않음", []),
    ("goals_achieved", "G5: 평가를 원하지 않음", ["G4"]),  # (G4 is not explained)
    ("other", "남은 목표는 평가를 원하지 않음", ["G4", "G5"]),  # which goals: not said
    ("moved", "다른 구로 이사함", []),  # a reason that explains every goal unevaluated
])
def test_a_closure_explains_goals_left_unevaluated_by_naming_them(sample: Path, run, reason: str, note: str,
                                                                  left: list[str]) -> None:
    rel = "cases/2026-0002/12-closure.md"
    (sample / rel).write_text(CLOSURE_G1_G3.format(reason=reason, note=note), encoding="utf-8")
    got = [f for f in json.loads(run(sample, "check", "--format", "json").output)["findings"]
           if f["severity"] == "error"]
    # (goals left out: one finding, at the results, naming them all)
    assert [(f["path"], f["line"], f["code"]) for f in got] == [(rel, 8, "closure-goal-unevaluated")] * bool(left)
    for f in got:
        assert all(f"{goal}(" in f["message"] for goal in left) and "reason_note에 그 목표의 ID와 이유를" in f["message"]
        assert f'예: "{", ".join(left)}:' in f["message"]
        assert "result(달성 achieved, 부분 달성 partly_achieved, 미달성 not_achieved, 중단 dropped)" in f["message"]
        # with `other`, the reasons that need no evaluation, by their labels (moved: the one meant?)
        assert ("전출·이사(moved)" in f["message"]) == (reason == "other")


def _years_on(years: float) -> str:
    return (TODAY + dt.timedelta(days=round(years * 365.25))).isoformat()


@pytest.mark.parametrize(("years", "found"), [(2, ("warning", "target-date-far")), (4.5, ("warning", "target-date-far")),
                                              (6, ("error", "date-far-future")), (36, ("error", "date-far-future"))])
def test_a_long_term_goals_target_date_years_on_is_a_warning_a_typo_an_error(
        sample: Path, run, years: float, found: tuple[str, str]) -> None:
    """장기목표: a plan goal's target_date more than a year on (2028-02-29) was date-far-future, an error, and
    the plan could not be published. Up to five years it is a warning to check the year; beyond, a typo (2062)."""
    rel = "cases/2026-0011/03-plan.md"
    target = _years_on(years)
    line = edit(sample, rel, 'target_date: "2026-10-31"', f'target_date: "{target}"')
    assert only(run, sample) == {(rel, line, *found)}
    message = next(f for f in check(sample, cache=False).findings if f.path == rel and f.line == line).message_ko
    assert target in message and ("장기목표" in message if found[0] == "warning" else "5년 넘게" in message)


def test_a_record_date_a_year_on_stays_an_error(sample: Path, run) -> None:
    rel = "cases/2026-0011/03-plan.md"
    line = edit(sample, rel, 'review_date: "', f'review_date: "{_years_on(2)}"\nx_review_date: "')
    assert (rel, line, "error", "date-far-future") in only(run, sample)
