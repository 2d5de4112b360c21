"""Consent as dated, scoped, revocable entries; never an edit of history."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from casekit.core.case import Consents
from casekit.core.casebook import check
from casekit.core.due import case_due
from tests.builders import FULL_PATH, make_casebook


def entry(day: str, scope: str, action: str, **fields: Any) -> dict[str, Any]:
    return {"date": day, "scope": scope, "action": action, "by": "self", "method": "written", **fields}


def with_consents(*entries: dict[str, Any]) -> tuple[str, str, dict[str, Any]]:
    stage, day, fields = FULL_PATH[0]
    return stage, day, {**fields, "consent": None, "consents": list(entries)}


GIVEN = [entry("2026-03-01", "case_management", "given"), entry("2026-03-01", "information_sharing", "given")]


def codes(root: Path) -> list[tuple[str, str]]:
    return [(f.code, f.path.rsplit("/", 1)[-1]) for f in check(root).findings]


def test_the_old_consent_form_still_reads() -> None:
    state = Consents((("2026-03-01", "case_management", "given", None, "self", 1, 1, 1, 1),))
    assert state.state("case_management", "2026-03-01") == "given"
    assert state.state("case_management", "2026-02-28") is None  # not yet asked


def test_a_later_withdrawal_wins_and_a_later_consent_wins_again() -> None:
    entries = (
        ("2026-03-01", "information_sharing", "given", None, "self", 1, 1, 1, 1),
        ("2026-05-01", "information_sharing", "withdrawn", ("food-bank",), "self", 2, 1, 2, 1),
        ("2026-06-01", "information_sharing", "given", ("food-bank",), "self", 3, 1, 3, 1),
    )
    state = Consents(entries)
    assert state.state("information_sharing", "2026-04-30", "food-bank") == "given"
    assert state.state("information_sharing", "2026-05-02", "food-bank") == "withdrawn"
    assert state.state("information_sharing", "2026-05-02", "job-center") == "given"  # the withdrawal named one agency
    assert state.state("information_sharing", "2026-06-02", "food-bank") == "given"


def test_consent_entries_make_a_clean_case(tmp_path: Path) -> None:
    root = make_casebook(tmp_path, {"c1": [with_consents(*GIVEN), *FULL_PATH[1:]]})
    assert codes(root) == []


def test_a_guardian_consents_with_the_relation(tmp_path: Path) -> None:
    guardian = [dict(e, by="legal_guardian", relation="모", guardian_name="김엄마") for e in GIVEN]
    assert codes(make_casebook(tmp_path / "ok", {"c1": [with_consents(*guardian), *FULL_PATH[1:3]]})) == []
    no_relation = [dict(e, by="legal_guardian") for e in GIVEN]
    root = make_casebook(tmp_path / "bad", {"c1": [with_consents(*no_relation), *FULL_PATH[1:3]]})
    assert ("required", "01-intake.md") in codes(root)


def test_sharing_needs_consent_that_names_the_agency(tmp_path: Path) -> None:
    narrow = [GIVEN[0], entry("2026-03-01", "information_sharing", "given", agencies=["가온초등학교"], resources=["food-bank"])]
    assert codes(make_casebook(tmp_path / "ok", {"c1": [with_consents(*narrow), *FULL_PATH[1:4]]})) == []
    (tmp_path / "other").mkdir()
    root = make_casebook(tmp_path / "other", {"c1": [with_consents(GIVEN[0]), *FULL_PATH[1:4]]})
    assert ("sharing-without-consent", "03-plan.md") in codes(root)


def test_a_withdrawal_of_sharing_stops_later_links_only(tmp_path: Path) -> None:
    withdraw = entry("2026-04-10", "information_sharing", "withdrawn", resources=["food-bank"],
                     client_words="푸드뱅크에는 제 얘기를 하지 마세요")
    monitoring = ("monitoring", "2026-04-10", {**FULL_PATH[4][2], "consents": [withdraw]})
    root = make_casebook(tmp_path, {"c1": [with_consents(*GIVEN), *FULL_PATH[1:3], monitoring,
                                            ("intervention", "2026-04-20", {"activities": [
                                                {"date": "2026-04-20", "type": "linking", "goal": "G1",
                                                 "resource": "food-bank", "summary": "푸드뱅크 재연계"}]})]})
    found = check(root).findings
    # the plan before it stays valid: the one link after the withdrawal is named, at the withdrawal
    assert [(f.code, f.path.rsplit("/", 1)[-1]) for f in found] == [("sharing-refused", "04-monitoring.md")]
    assert "기록 1개(05-intervention.md)" in found[0].message_ko and "food-bank" in found[0].message_ko


def test_after_a_withdrawal_of_case_management_only_closure_is_due(tmp_path: Path) -> None:
    withdraw = entry("2026-05-01", "case_management", "withdrawn", method="verbal", client_words="그만할게요")
    monitoring = ("monitoring", "2026-05-01", {**FULL_PATH[4][2], "consents": [withdraw]})
    root = make_casebook(tmp_path, {"c1": [with_consents(*GIVEN), *FULL_PATH[1:3], monitoring]})
    report = check(root)
    assert report.findings == []
    due = case_due("c1", report.summaries["c1"], report.config.deadlines)
    assert due is not None and due.kind == "closure" and due.due == dt.date(2026, 5, 15)


def test_an_intake_that_declines_without_consent_is_fine(tmp_path: Path) -> None:
    refused = [entry("2026-03-01", "case_management", "refused", client_words="지금은 괜찮아요")]
    intake = with_consents(*refused)
    intake[2]["eligibility"] = {"decision": "ineligible", "reason": "본인이 원하지 않음"}
    closure = ("closure", "2026-03-02", {"reason": "ineligible", "results": []})
    assert codes(make_casebook(tmp_path, {"c1": [intake, closure]})) == []


def test_consent_given_again_after_a_withdrawal(tmp_path: Path) -> None:
    withdraw = entry("2026-04-10", "case_management", "withdrawn", method="verbal", client_words="잠시 쉴게요")
    again = entry("2026-04-15", "case_management", "given", client_words="다시 도와주세요")
    path = [with_consents(*GIVEN), *FULL_PATH[1:3],
            ("monitoring", "2026-04-10", {**FULL_PATH[4][2], "consents": [withdraw]}),
            ("conference", "2026-04-15", {"kind": "review", "participants": [{"agency": "복지관", "role": "사례관리자"}],
                                          "decisions": ["사례관리를 다시 이어 간다"], "consents": [again]}),
            FULL_PATH[3][:2] + ({"activities": [{"date": "2026-04-20", "type": "counselling", "goal": "G1",
                                                  "summary": "상담"}]},)]
    assert codes(make_casebook(tmp_path, {"c1": path})) == []


@pytest.mark.parametrize("damage", ["cp949", "utf-16", "empty", "unclosed", "not-a-mapping", "bad-action"])
def test_an_intake_that_cannot_be_read_brings_one_finding_not_false_sharing_errors(sample: Path, damage: str) -> None:
    """What was consented to is not known while the intake cannot be read (or a consent entry
    cannot): its own finding says why, and no record that shares information is accused of
    sharing without consent, or against a refusal, beside it."""
    intake = sample / "cases/2026-0001/01-intake.md"
    text = intake.read_text(encoding="utf-8")
    if damage == "cp949":
        intake.write_bytes(text.encode("cp949"))
    elif damage == "utf-16":
        intake.write_bytes(text.encode("utf-16"))
    elif damage == "empty":
        intake.write_bytes(b"")
    elif damage == "unclosed":
        intake.write_text(text.replace("\n---\n", "\n", 1).replace("---\n", "---\n", 1), encoding="utf-8")
    elif damage == "not-a-mapping":
        intake.write_text("---\n- 접수\n---\n본문\n", encoding="utf-8")
    else:
        intake.write_text(text.replace("    scope: information_sharing\n    action: given",
                                       "    scope: information_sharing\n    action: 동의"), encoding="utf-8")
    before = [f.code for f in check(sample).findings]
    assert not [c for c in before if c.startswith("sharing-")], before
    assert [f for f in check(sample).findings if f.path.endswith("2026-0001/01-intake.md") and f.severity == "error"]


def test_sharing_is_still_checked_against_a_refusal(sample: Path) -> None:
    intake = sample / "cases/2026-0001/01-intake.md"
    text = intake.read_text(encoding="utf-8")
    intake.write_text(text.replace("    scope: information_sharing\n    action: given",
                                   "    scope: information_sharing\n    action: refused"), encoding="utf-8")
    assert "sharing-refused" in [f.code for f in check(sample).findings]
