"""One test per process rule: a valid case, then each rule broken on its own."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from casekit.core.casebook import check
from tests.builders import BASE, FULL_PATH, make_casebook


def codes(root: Path) -> list[tuple[str, str, int | None]]:
    return [(f.code, f.path.rsplit("/", 1)[-1], f.line) for f in check(root).findings]


def replace(path: list[tuple[str, str, dict[str, Any]]], index: int, **overrides: Any) -> list:
    out = list(path)
    stage, date, old = out[index]
    out[index] = (stage, date, {**old, **overrides})
    return out


def test_full_path_is_clean(tmp_path: Path) -> None:
    assert codes(make_casebook(tmp_path, {"c1": FULL_PATH})) == []


def test_first_record_must_be_intake(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[1:3]})
    assert ("first-not-intake", "01-assessment.md", 1) in codes(root)


def test_duplicate_numbers(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:2]})
    (root / "cases/c1/02-assessment.md").rename(root / "cases/c1/01-assessment.md")
    found = codes(root)
    assert any(c == "duplicate-number" for c, _, _ in found)


def test_a_record_given_a_taken_number_is_one_finding_with_the_name_to_use(tmp_path: Path) -> None:
    # 03-intervention.md written beside 03-plan.md: the pair was ordered by the letters of the stage
    # names, so the plan came after its own intervention (needs-plan, date-decreasing on the plan too)
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:4]})
    (root / "cases/c1/04-intervention.md").rename(root / "cases/c1/03-intervention.md")
    found = check(root).findings
    assert [(f.code, f.path.rsplit("/", 1)[-1]) for f in found] == [("duplicate-number", "03-intervention.md")]
    assert found[0].message_ko.endswith("(03-plan.md). 순번은 겹칠 수 없습니다. 이 기록의 파일 이름을 04-intervention.md로 바꾸세요.")


def test_a_taken_number_in_the_middle_gets_a_free_number_that_keeps_the_dates_in_order(tmp_path: Path) -> None:
    # 03-intervention.md beside 03-plan.md, the records after it numbered 05, 06 (04 free): 04
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:6]})
    (root / "cases/c1/04-intervention.md").rename(root / "cases/c1/03-intervention.md")
    found = [f for f in check(root).findings if f.code == "duplicate-number"]
    assert [f.path.rsplit("/", 1)[-1] for f in found] == ["03-intervention.md"]
    assert found[0].message_ko.endswith("이 기록의 파일 이름을 04-intervention.md로 바꾸세요.")


def test_a_taken_number_in_the_middle_with_no_free_number_says_to_number_the_later_records_one_more(
    tmp_path: Path,
) -> None:
    # 01 02 03-plan 03-intervention 04-monitoring 05-closure: no number between the plan and the monitoring
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:6]})
    (root / "cases/c1/04-intervention.md").rename(root / "cases/c1/03-intervention.md")
    for nn, name in ((5, "monitoring"), (6, "closure")):
        (root / f"cases/c1/{nn:02d}-{name}.md").rename(root / f"cases/c1/{nn - 1:02d}-{name}.md")
    found = [f for f in check(root).findings if f.code == "duplicate-number"]
    assert [f.path.rsplit("/", 1)[-1] for f in found] == ["03-intervention.md"]
    assert found[0].message_ko.endswith("날짜 순서에 맞는 빈 순번이 없습니다: 04번부터 뒤의 기록들의 순번을 하나씩 "
                                        "늘린 뒤 이 기록을 04-intervention.md로 바꾸세요.")


def test_dates_never_decrease(tmp_path: Path) -> None:
    path = list(FULL_PATH[:3])
    path[1] = ("assessment", "2026-02-01", {})
    found = codes(make_casebook(tmp_path, {"c1": path}))
    assert ("date-decreasing", "02-assessment.md", 4) in found  # line of `date:`


def _dated(*dates: str) -> list[tuple[str, str, dict[str, Any]]]:
    """FULL_PATH's stages with these dates (as many as given)."""
    return [(stage, day, {}) for (stage, _, _), day in zip(FULL_PATH, dates, strict=False)]


@pytest.mark.parametrize(("case", "path"), [
    # open for two years, each record in order: no year is mistyped
    ("2024-0003", _dated("2024-03-01", "2024-03-05", "2024-04-01", "2025-04-20", "2025-05-01", "2026-06-30", "2026-07-30")),
    # a follow-up a year after the closure, in the year of the case id: a late follow-up, not 2024 mistyped
    ("2024-0003", _dated("2024-03-01", "2024-03-05", "2024-04-01", "2024-04-20", "2024-05-01", "2024-05-20", "2025-06-01")),
    # the intake more than a year before the assessment, nothing else dated: no evidence of a typo
    ("c1", _dated("2025-02-01", "2026-03-05", "2026-04-01")),
])
def test_a_case_that_went_on_for_years_has_no_year_typo(tmp_path: Path, case: str, path: list) -> None:
    found = codes(make_casebook(tmp_path, {case: path}))
    assert not [c for c in found if c[0] in ("date-year-typo", "date-decreasing")], found


@pytest.mark.parametrize(("case", "says"), [
    ("20260301-K7QF", "사례 번호는 20260301-K7QF"),  # `ids: random`: the intake's date
    ("2026-0007", "사례 번호는 2026-0007"),  # `ids: sequential`, prefix {year}-
    ("GA2026-12", "사례 번호는 GA2026-12"),
])
def test_a_first_record_with_its_year_mistyped_is_told_by_the_case_ids_year(tmp_path: Path, case: str, says: str) -> None:
    root = make_casebook(tmp_path, {case: _dated("2016-03-01", "2026-03-05", "2026-04-01")})
    found = check(root).findings
    assert [(f.code, f.path.rsplit("/", 1)[-1], f.line) for f in found] == [("date-year-typo", "01-intake.md", 4)], found
    assert says in found[0].message_ko and "2026-03-01(으)로" not in found[0].message_ko
    assert found[0].message_ko.endswith("연도를 잘못 적은 것 같습니다: 2026-03-01로 고치세요."), found[0].message_ko


def test_a_case_id_without_a_year_leaves_the_gap_to_its_warning(tmp_path: Path) -> None:
    """An id of another shape (kim-001) and an intake whose consents carry no date: nothing says which
    year is meant; the assessment's date-gap still asks to check the year."""
    root = make_casebook(tmp_path, {"kim-001": _dated("2016-03-01", "2026-03-05", "2026-04-01")})
    assert [c for c, _, _ in codes(root)] == ["date-gap"]


def test_the_year_a_case_id_holds() -> None:
    from casekit.core.case import case_id_year

    assert [case_id_year(cid, "2026-12-06") for cid in ("2026-0012", "20261014-K7QF", "GA2026-12", "kim-001", "c1",
                                                        "2026-2027", "2031-0001", "1985-0001")] == \
        [2026, 2026, 2026, None, None, None, None, None]


def test_plan_needs_assessment(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [FULL_PATH[0], FULL_PATH[2]]})
    assert ("plan-without-assessment", "02-plan.md", 3) in codes(root)


@pytest.mark.parametrize("stage_index", [3, 4])
def test_intervention_and_monitoring_need_plan(tmp_path: Path, stage_index: int) -> None:
    root = make_casebook(tmp_path, {"c1": [FULL_PATH[0], FULL_PATH[1], FULL_PATH[stage_index]]})
    assert any(c == "needs-plan" for c, _, _ in codes(root))


def test_followup_only_after_closure(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:3], FULL_PATH[6]]})
    assert any(c == "followup-before-closure" for c, _, _ in codes(root))


def test_nothing_but_followup_after_closure(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [*FULL_PATH[:6], ("monitoring", "2026-07-01", {})]})
    assert ("after-closure", "07-monitoring.md", 3) in codes(root)


def test_reopening_must_be_marked(tmp_path: Path) -> None:
    unmarked = make_casebook(tmp_path / "a", {"c1": [*FULL_PATH, ("intake", "2026-09-01", {})]})
    assert any(c == "reopening-unmarked" for c, _, _ in codes(unmarked))
    said = next(f.message_ko for f in check(unmarked).findings if f.code == "reopening-unmarked")
    # (an example to copy, with the closure's own date: `reopening: {reason: ...}` copied passed check)
    assert "(06-closure.md)" in said and "'previous_closure: \"2026-06-30\"'" in said and "..." not in said
    copied = make_casebook(tmp_path / "c", {"c1": [*FULL_PATH, ("intake", "2026-09-01", {"reopening": {"reason": "..."}})]})
    assert [c for c, _, _ in codes(copied)] == ["placeholder"]
    marked = make_casebook(
        tmp_path / "b",
        {"c1": [*FULL_PATH, ("intake", "2026-09-01", {"reopening": {"reason": "다시 위기", "previous_closure": "2026-06-30"}})]},
    )
    assert codes(marked) == []


def test_reopening_without_closure(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [("intake", "2026-03-01", {"reopening": {"reason": "x"}})]})
    assert any(c == "reopening-without-closure" for c, _, _ in codes(root))


def test_second_intake_in_open_case(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [FULL_PATH[0], FULL_PATH[1], ("intake", "2026-03-09", {})]})
    assert any(c == "intake-again" for c, _, _ in codes(root))


def test_closure_evaluates_every_goal(tmp_path: Path) -> None:
    path = replace(FULL_PATH, 5, results=[])
    found = codes(make_casebook(tmp_path, {"c1": path}))
    results = next(i for i, x in enumerate((tmp_path / "cases/c1/06-closure.md").read_text(encoding="utf-8")
                                           .splitlines(), 1) if x.startswith("results:"))
    assert ("closure-goal-unevaluated", "06-closure.md", results) in found  # (at the list that leaves it out)


@pytest.mark.parametrize(
    "reason", ["withdrew", "moved", "deceased", "unreachable", "referred", "ineligible", "institution", "converted"]
)
def test_closure_reason_excuses_unevaluated_goals(tmp_path: Path, reason: str) -> None:
    # a withdrawal also needs the client's own words (or a note): given here, tested on its own elsewhere
    path = replace(FULL_PATH[:6], 5, results=[], reason=reason, reason_note="본인이 '더 이상 원하지 않는다'고 함")
    # (an 이관 that names no agency: `referred-without-agency`, tested in test_practitioner_mistakes)
    assert [c for c in codes(make_casebook(tmp_path, {"c1": path})) if c[0] != "referred-without-agency"] == []


def test_other_reason_needs_note(tmp_path: Path) -> None:
    path = replace(FULL_PATH[:6], 5, reason="other")
    assert any(c == "closure-note-required" for c, _, _ in codes(make_casebook(tmp_path, {"c1": path})))


def test_closure_at_intake(tmp_path: Path) -> None:
    intake = ("intake", "2026-03-01", {"eligibility": {"decision": "ineligible", "reason": "소득 기준 초과"}})
    closure = ("closure", "2026-03-02", {"reason": "ineligible", "results": None, "client_feedback": None})
    assert codes(make_casebook(tmp_path, {"c1": [intake, closure]})) == []
    root2 = make_casebook(tmp_path / "b", {"c1": [intake, FULL_PATH[1]]})
    assert any(c == "plan-after-ineligible" for c, _, _ in codes(root2))


def test_an_ineligible_intake_is_said_once_an_episode(tmp_path: Path) -> None:
    """Each episode's own decision: the records of a reopened episode after an eligible intake are not
    named against the first one; a second ineligible episode has its own finding."""
    ineligible = ("intake", "2026-03-01", {"eligibility": {"decision": "ineligible", "reason": "소득 기준 초과"}})
    closure = ("closure", "2026-03-20", {"reason": "ineligible", "results": None, "client_feedback": None})
    again = ("intake", "2026-05-01", {"eligibility": {"decision": "ineligible", "reason": "소득 기준 초과"},
                                      "reopening": {"previous_closure": "2026-03-20", "reason": "재의뢰"}})
    path = [ineligible, ("assessment", "2026-03-05", {}), ("plan", "2026-03-10", {}), closure,
            again, ("assessment", "2026-05-05", {})]
    found = [f for f in check(make_casebook(tmp_path, {"c1": path})).findings if f.code == "plan-after-ineligible"]
    assert [f.path for f in found] == ["cases/c1/01-intake.md", "cases/c1/05-intake.md"]
    assert "사정·계획 기록 2개(02-assessment.md, 03-plan.md)" in found[0].message_ko
    assert "사정 기록 1개(06-assessment.md)" in found[1].message_ko


def test_unknown_goal_need_and_resource(tmp_path: Path) -> None:
    path = replace(FULL_PATH, 3, activities=[{"date": "2026-04-10", "type": "linking", "goal": "G9", "summary": "x",
                                                "resource": "nowhere"}])
    path = replace(path, 2, goals=[{"id": "G1", "need": "N7", "goal": "생계 안정", "target_date": "2026-06-30"}])
    found = codes(make_casebook(tmp_path, {"c1": path}))
    kinds = {c for c, _, _ in found}
    assert {"unknown-goal", "unknown-need", "unknown-resource"} <= kinds
    goal = next(f for f in check(tmp_path).findings if f.code == "unknown-goal")
    assert goal.path.endswith("04-intervention.md") and goal.line is not None and goal.column is not None


def test_plan_requires_consent_and_agreement(tmp_path: Path) -> None:
    path = replace(FULL_PATH[:3], 0, consent={"case_management": False, "information_sharing": False})
    path = replace(path, 2, agreement={"client_agreed": False, "date": "2026-04-01"})
    found = check(make_casebook(tmp_path, {"c1": path})).findings
    assert {"assessment-without-consent", "plan-not-agreed"} <= {f.code for f in found}
    refused = next(f for f in found if f.code == "assessment-without-consent")
    assert refused.path == "cases/c1/01-intake.md" and "사정·계획 기록 2개(02-assessment.md, 03-plan.md)" in refused.message_ko
    # (a plan alone, no assessment, against the refusal: its own code, in the same words)
    alone = [r for i, r in enumerate(path) if i != 1]
    found = check(make_casebook(tmp_path / "alone", {"c1": alone})).findings
    assert [f.path for f in found if f.code == "plan-without-consent"] == ["cases/c1/01-intake.md"]


def test_monitoring_reports_every_goal(tmp_path: Path) -> None:
    plan = replace(FULL_PATH[:5], 2, goals=[*BASE["plan"]["goals"], {"id": "G2", "need": "N1", "goal": "관계 회복",
                                                                    "target_date": "2026-06-30"}])
    found = check(make_casebook(tmp_path, {"c1": plan})).findings
    assert [(f.code, f.severity, f.path) for f in found if f.code == "goal-not-monitored"] == [
        ("goal-not-monitored", "warning", "cases/c1/05-monitoring.md")]
    empty = check(make_casebook(tmp_path / "b", {"c1": replace(FULL_PATH[:5], 4, progress=[])})).findings
    assert [f.code for f in empty] == ["empty-value"]  # not also each goal unmonitored


def test_activity_dates(tmp_path: Path) -> None:
    acts = [
        {"date": "2026-05-10", "type": "linking", "goal": "G1", "summary": "미래"},
        {"date": "2026-03-10", "type": "counselling", "goal": "G1", "summary": "계획 전"},
    ]
    found = codes(make_casebook(tmp_path, {"c1": replace(FULL_PATH[:4], 3, activities=acts)}))
    assert ("activity-after-record", "04-intervention.md", 7) in found
    assert ("activity-before-plan", "04-intervention.md", 11) in found


def test_placeholder_is_an_error_not_a_value(tmp_path: Path) -> None:
    path = replace(FULL_PATH[:1], 0, presenting_problems=["<주 호소 문제>"])
    found = check(make_casebook(tmp_path, {"c1": path})).findings
    assert [(f.code, f.line) for f in found] == [("placeholder", 14)]


def test_case_and_stage_must_match_file(tmp_path: Path) -> None:
    path = replace(FULL_PATH[:1], 0, case="other", stage="plan")
    kinds = {c for c, _, _ in codes(make_casebook(tmp_path, {"c1": path}))}
    assert {"case-mismatch", "stage-mismatch"} <= kinds and "wrong-value" not in kinds


def test_sensitive_value_in_later_body(tmp_path: Path) -> None:
    path = replace(FULL_PATH[:2], 1, body="홍길동 님과 상담함")
    found = [f for f in check(make_casebook(tmp_path, {"c1": path})).findings if f.code == "sensitive-in-text"]
    assert [(f.path.rsplit("/", 1)[-1], f.column) for f in found] == [("02-assessment.md", 1)]


def test_crisis_intervention_may_come_before_a_plan(tmp_path: Path) -> None:
    crisis = [{"date": "2026-03-01", "type": "crisis_intervention", "summary": "안전 약속"}]
    root = make_casebook(tmp_path, {"c1": [FULL_PATH[0], ("intervention", "2026-03-02", {"activities": crisis})]})
    assert codes(root) == []
    linking = [{"date": "2026-03-01", "type": "linking", "summary": "연계"}]
    root2 = make_casebook(tmp_path / "b", {"c1": [FULL_PATH[0], ("intervention", "2026-03-02", {"activities": linking})]})
    assert [c for c, _, _ in codes(root2)] == ["needs-plan"]


def test_work_that_needs_no_plan_still_has_its_activities_dated(tmp_path: Path) -> None:
    # a 위기개입 before the plan, and a 서비스연계 case's linking without one: their activities' dates are
    # judged (after the record's own; before the case was opened)
    crisis = [{"date": "2026-03-20", "type": "crisis_intervention", "summary": "안전 약속"},
              {"date": "2025-03-03", "type": "crisis_intervention", "summary": "위기대응팀 연계"},
              {"date": "2026-03-04", "type": "crisis_intervention", "summary": "공동 방문"},
              {"date": "2026-03-05", "type": "crisis_intervention", "summary": "안부 확인"}]
    root = make_casebook(tmp_path, {"c1": [FULL_PATH[0], ("intervention", "2026-03-05", {"activities": crisis})]})
    found = check(root).findings
    assert [(f.code, f.line) for f in found] == [("activity-after-record", 7), ("activity-before-intake", 10)]
    assert found[1].message_ko == ("활동 날짜 2025-03-03이 사례 접수일 2026-03-01보다 이릅니다. 연도나 월을 잘못 적지 "
                                   "않았는지 확인하세요. 혹시 2026-03-03인가요?")
    selection = {"case_type": "service_linkage", "risk_score": 15, "rationale": "단일 욕구"}
    linking = [{"date": "2027-03-09", "type": "linking", "resource": "food-bank", "summary": "연계"},
               {"date": "2025-11-09", "type": "linking", "resource": "food-bank", "summary": "연계"},
               {"date": "2026-03-10", "type": "linking", "resource": "food-bank", "summary": "연계"}]
    path = [*replace(FULL_PATH[:2], 1, selection=selection), ("intervention", "2026-03-10", {"activities": linking})]
    found = check(make_casebook(tmp_path / "b", {"c1": path})).findings
    assert [(f.code, f.path.rsplit("/", 1)[-1]) for f in found] == [
        ("activity-after-record", "03-intervention.md"), ("activity-before-intake", "03-intervention.md")]
    assert "혹시" not in found[1].message_ko  # (2026-11-09 is after the record: no date to offer)


def test_a_goal_named_by_work_before_any_plan_is_said_where_it_is_named(tmp_path: Path) -> None:
    # (RECORD-FORMAT rule 6: a goal a record names exists) a 위기개입 or a 서비스연계's linking before any
    # plan names a goal: goal-without-plan at each goal it names, as at a closure; one without stays valid
    crisis = [{"date": "2026-03-02", "type": "crisis_intervention", "goal": "G1", "summary": "공동 방문"},
              {"date": "2026-03-03", "type": "crisis_intervention", "summary": "안부 확인"}]
    root = make_casebook(tmp_path, {"c1": [FULL_PATH[0], ("intervention", "2026-03-05", {"activities": crisis})]})
    found = check(root).findings
    assert [(f.code, f.line, f.column) for f in found] == [("goal-without-plan", 9, 9)]
    assert found[0].message_ko == (
        "목표 'G1'을 적었는데 이 실행 기록 앞에 계획 기록이 없습니다. 계획 파일(…-plan.md)이 빠졌다면 넣고, "
        "계획 전의 위기개입이나 서비스 연계라면 활동의 goal 줄을 지우세요(목표는 계획에서 정합니다).")
    assert found[0].message_en == (
        "goal 'G1' is named but no plan comes before this intervention; add the missing plan, or remove the "
        "activity's goal line if this is crisis or linking work before a plan (goals are set in the plan)")
    selection = {"case_type": "service_linkage", "risk_score": 15, "rationale": "단일 욕구"}
    linking = [{"date": "2026-03-09", "type": "linking", "resource": "food-bank", "goal": "G2", "summary": "연계"},
               {"date": "2026-03-10", "type": "information", "goal": "G2", "summary": "안내"}]
    path = [*replace(FULL_PATH[:2], 1, selection=selection), ("intervention", "2026-03-10", {"activities": linking})]
    assert codes(make_casebook(tmp_path / "b", {"c1": path})) == [
        ("goal-without-plan", "03-intervention.md", 10), ("goal-without-plan", "03-intervention.md", 14)]
    # after work that needs the episode's plan it lacks (03-plan.md deleted): named with it there, once
    path = [*FULL_PATH[:2], FULL_PATH[3], ("intervention", "2026-04-25", {"activities": crisis})]
    found = check(make_casebook(tmp_path / "c", {"c1": path})).findings
    assert [(f.code, f.path.rsplit("/", 1)[-1]) for f in found] == [("needs-plan", "03-intervention.md")]
    assert "뒤의 기록 1개(04-intervention.md)도 이 계획이 필요합니다" in found[0].message_ko


def test_work_that_needs_a_plan_it_lacks_still_has_its_activities_dated(tmp_path: Path) -> None:
    # 03-plan.md deleted: one needs-plan, naming the later record; each activity dated after its record its own
    late = [{"date": "2026-05-10", "type": "linking", "goal": "G1", "summary": "미래"}]
    path = [*FULL_PATH[:2], ("intervention", "2026-04-20", {"activities": late}),
            ("intervention", "2026-04-25", {"activities": late})]
    assert codes(make_casebook(tmp_path, {"c1": path})) == [
        ("needs-plan", "03-intervention.md", 3), ("activity-after-record", "03-intervention.md", 7),
        ("activity-after-record", "04-intervention.md", 7)]


def test_activity_needs_a_goal_after_the_plan(tmp_path: Path) -> None:
    acts = [{"date": "2026-04-10", "type": "linking", "summary": "연계"}]
    found = codes(make_casebook(tmp_path, {"c1": replace(FULL_PATH[:4], 3, activities=acts)}))
    assert found == [("activity-without-goal", "04-intervention.md", 7)]


def test_referral_target_must_exist(tmp_path: Path) -> None:
    closure = ("closure", "2026-03-02", {"reason": "referred", "results": None, "referred_to": "elsewhere"})
    intake = ("intake", "2026-03-01", {"eligibility": {"decision": "referred_elsewhere", "reason": "타 기관"}})
    # (the intake's 타 기관 의뢰 names no agency: a warning of its own)
    assert [c for c, _, _ in codes(make_casebook(tmp_path, {"c1": [intake, closure]}))] == [
        "referred-without-agency", "unknown-resource"]


def test_an_unreadable_record_does_not_cascade(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": FULL_PATH[:5]})
    (root / "cases/c1/02-assessment.md").write_text("---\ncase: c1\ncase: c1\n---\n", encoding="utf-8")
    (root / "cases/c1/03-plan.md").write_text("---\n[broken\n---\n", encoding="utf-8")
    assert sorted(c for c, _, _ in codes(root)) == ["yaml-duplicate-key", "yaml-syntax"]


def test_an_unassessed_case_lists_its_plan_deadline_beside_its_assessment(tmp_path: Path) -> None:
    """A supervisor's probe: a case with only its intake listed the assessment (10 days) and not the
    plan, due 30 days from the intake too, so the plan came due unseen. Both are listed; the case's
    next deadline is still the assessment's; once assessed, the plan's stands alone."""
    from casekit.core.due import case_due, case_dues

    root = make_casebook(tmp_path / "a", {"c1": FULL_PATH[:1], "c2": FULL_PATH[:2]})
    report = check(root)
    intake = dt.date.fromisoformat(FULL_PATH[0][1])
    found = {d.kind: d.due for d in case_dues("c1", report.summaries["c1"], report.config.deadlines)}
    assert found == {"assessment": intake + dt.timedelta(days=10), "plan": intake + dt.timedelta(days=30)}, found
    first = case_due("c1", report.summaries["c1"], report.config.deadlines)
    assert first is not None and first.kind == "assessment"
    kinds = [d.kind for d in case_dues("c2", report.summaries["c2"], report.config.deadlines)]
    assert kinds.count("plan") == 1 and "assessment" not in kinds, kinds


def test_weekly_crisis_contact_counts_from_the_last_contact_logged(tmp_path: Path) -> None:
    """A supervisor's probe: a 위기 case's weekly contact was counted from the last record's date, so
    an intervention record dated 04-10 that logs contacts through 04-20 showed the contact overdue
    since 04-17. It counts from the latest of the records' dates and their activities'."""
    from casekit.core.due import case_dues

    acts = [{"date": day, "type": "counseling", "goal": "G1", "summary": "안부 확인"}
            for day in ("2026-04-10", "2026-04-20", "2026-04-15")]
    path = [("intake", "2026-03-01", {}), ("assessment", "2026-03-05", {"risk_level": "crisis"}),
            ("plan", "2026-04-01", {}), ("intervention", "2026-04-10", {"activities": acts})]
    report = check(make_casebook(tmp_path / "a", {"c1": path}))
    found = {d.kind: d for d in case_dues("c1", report.summaries["c1"], report.config.deadlines)}
    contact = found["crisis_contact"]
    assert (contact.due, contact.basis) == (dt.date(2026, 4, 27), "cases/c1/04-intervention.md"), contact


def test_a_reopening_asked_for_by_a_follow_up_is_due_within_reopen_days(tmp_path: Path) -> None:
    """A follow-up that asks to reopen (`reopen: true`) made the 재개 접수 due that very day, overdue
    the next morning: it is due `deadlines.reopen_days` later (7 by default, set in casekit.yml)."""
    from casekit.core.due import case_dues

    asked = [*FULL_PATH[:6], ("followup", "2026-07-30", {"reopen": True, "status": "needs_support"})]
    root = make_casebook(tmp_path / "a", {"c1": asked})
    report = check(root)
    found = {d.kind: d.due for d in case_dues("c1", report.summaries["c1"], report.config.deadlines)}
    assert found.get("reopen") == dt.date(2026, 8, 6), found
    (root / "casekit.yml").write_text("deadlines:\n  reopen_days: 3\n", encoding="utf-8")
    report = check(root)
    assert not report.errors, report.errors
    found = {d.kind: d.due for d in case_dues("c1", report.summaries["c1"], report.config.deadlines)}
    assert found.get("reopen") == dt.date(2026, 8, 2), found


def test_a_reopening_asked_for_by_a_follow_up_without_its_date_counts_from_the_checks_day(tmp_path: Path) -> None:
    """A follow-up asking to reopen whose date is left out (a finding of its own) has the 재개 접수
    due reopen_days after the day the casebook is judged on (the site's 기준일), not the machine's."""
    from casekit.core.due import case_dues

    asked = [*FULL_PATH[:6], ("followup", "2026-07-30", {"reopen": True, "status": "needs_support", "date": None})]
    report = check(make_casebook(tmp_path / "a", {"c1": asked}))
    assert any(f.code == "required" and f.path.endswith("07-followup.md") for f in report.findings), report.findings
    day = dt.date(2031, 3, 5)
    found = {d.kind: d.due for d in case_dues("c1", report.summaries["c1"], report.config.deadlines, today=day)}
    assert found.get("reopen") == dt.date(2031, 3, 12), found


def test_the_reasons_that_excuse_unevaluated_goals_are_named_as_the_schema_labels_them() -> None:
    """closure-goal-unevaluated lists them by their Korean labels: the schema's, each a reason it allows."""
    import json

    from casekit.core.rules import EXCUSED_KO
    from casekit.core.schemas import DEFAULTS

    common = json.loads((DEFAULTS / "schemas" / "common.schema.json").read_text(encoding="utf-8"))
    labels = common["$defs"]["closureReason"]["x-enum-labels"]
    assert {code: labels[code] for code in EXCUSED_KO} == EXCUSED_KO
    assert set(EXCUSED_KO) <= set(common["$defs"]["closureReason"]["enum"]) - {"goals_achieved", "other"}


@pytest.mark.parametrize(("note", "goals"), [
    ("G4, G5는 평가를 원하지 않음", ["G4", "G5"]), ("G4~G5 중단", ["G4", "G5"]), ("g2·G 3 미평가", ["G2", "G3"]),
    ("G1-G3 달성", ["G1", "G2", "G3"]), ("G40은 다음 계획으로", ["G40"]), ("SG4 사업 종료", []), ("2026-04 종결", []),
])
def test_the_goals_a_closure_note_names(note: str, goals: list[str]) -> None:
    from casekit.core.summary import goals_named

    assert goals_named(note) == goals
