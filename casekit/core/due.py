"""What is due in each case and when: the deadlines practitioners work to.

One place for the logic the site's dashboard, `casekit due` and `casekit status` share.
Intervals come from `casekit.yml` (`deadlines:`), with the defaults of Korean public
통합사례관리 (assessment within 10 days of intake, plan within 30 days, due soon = 7 days).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from casekit.core.handover import Handover, current_worker
from casekit.core.rules import NOT_ELIGIBLE, Episode, episodes
from casekit.core.summary import Summary

NO_FOLLOWUP_REASONS = frozenset({"ineligible", "referred", "deceased", "moved"})

KIND_KO = {
    "assessment": "사정(욕구 및 위기도 조사)",
    "reassessment": "재사정",
    "plan": "서비스 제공계획",
    "revised_plan": "계획 수정",
    "monitoring": "점검",
    "closure": "종결",
    "followup": "사후관리",
    "reopen": "재개 접수",
}


@dataclass(frozen=True)
class Due:
    case: str
    kind: str
    due: dt.date
    basis: str  # the record the deadline is counted from
    worker: str | None

    def days_left(self, today: dt.date) -> int:
        return (self.due - today).days

    def state(self, today: dt.date, soon_days: int) -> str:
        left = self.days_left(today)
        if left < 0:
            return "overdue"
        return "due_soon" if left <= soon_days else "upcoming"

    @property
    def label(self) -> str:
        return KIND_KO[self.kind]

    def as_dict(self, today: dt.date, soon_days: int) -> dict[str, Any]:
        return {
            "case": self.case,
            "kind": self.kind,
            "label": self.label,
            "due": self.due.isoformat(),
            "days_left": self.days_left(today),
            "state": self.state(today, soon_days),
            "basis": self.basis,
            "worker": self.worker,
        }


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _plus(record: Summary, days: int) -> dt.date | None:
    d = _d(record.date)
    return d + dt.timedelta(days=days) if d else None


def case_due(
    case: str, records: list[Summary], deadlines: dict[str, Any], handovers: list[Handover] | None = None
) -> Due | None:
    """The next thing due in a case, or None when nothing is (closed for good)."""
    if not records:
        return None
    records = sorted(records, key=lambda r: (r.nn, r.rel))
    ep = episodes(records)[-1]
    last = records[-1]
    worker = current_worker(records, handovers)  # a handover (담당자 변경) counts from its date

    def make(kind: str, when: dt.date | None, basis: Summary) -> Due | None:
        return Due(case, kind, when, basis.rel, worker) if when else None

    if ep.closure is not None:
        return _followup_due(case, ep, deadlines, worker)
    if ep.intake is None:
        return None
    if ep.intake.eligibility in NOT_ELIGIBLE:
        return make("closure", _d(ep.intake.date), ep.intake)
    if ep.assessment is None:
        return make("assessment", _plus(ep.intake, deadlines["assessment_days"]), ep.intake)
    if ep.plan is None:
        return make("plan", _plus(ep.intake, deadlines["plan_days"]), ep.intake)
    mons = [r for r in records if r.stage == "monitoring" and r.nn > ep.plan.nn]
    latest_mon = mons[-1] if mons else None
    if latest_mon is not None and latest_mon is last:
        if latest_mon.decision == "reassess":
            return make("reassessment", _plus(latest_mon, deadlines["assessment_days"]), latest_mon)
        if latest_mon.decision == "revise_plan":
            return make("revised_plan", _plus(latest_mon, deadlines["assessment_days"]), latest_mon)
        if latest_mon.decision == "close":
            return make("closure", _plus(latest_mon, deadlines["due_soon_days"]), latest_mon)
    if latest_mon is not None and latest_mon.decision == "reassess" and ep.assessment.nn < latest_mon.nn:
        return make("reassessment", _plus(latest_mon, deadlines["assessment_days"]), latest_mon)
    if latest_mon is not None:
        when = _d(latest_mon.next_review) or _plus(latest_mon, deadlines["monitoring_days"])
        return make("monitoring", when, latest_mon)
    when = _d(ep.plan.review_date) or _plus(ep.plan, deadlines["monitoring_days"])
    return make("monitoring", when, ep.plan)


def _followup_due(case: str, ep: Episode, deadlines: dict[str, Any], worker: str | None) -> Due | None:
    closure = ep.closure
    assert closure is not None
    if closure.reason in NO_FOLLOWUP_REASONS or closure.date is None:
        return None
    if ep.followups:
        latest = ep.followups[-1]
        if latest.aftercare_done:
            return None
        if latest.reopen:
            return Due(case, "reopen", _d(latest.date) or dt.date.today(), latest.rel, worker)
        if latest.next_check:
            return Due(case, "followup", dt.date.fromisoformat(latest.next_check), latest.rel, worker)
    schedule = list(deadlines["followup_days"])
    done = len(ep.followups)
    if done >= len(schedule):
        return None
    closed = dt.date.fromisoformat(closure.date)
    if done == 0 and closure.aftercare_first:
        return Due(case, "followup", dt.date.fromisoformat(closure.aftercare_first), closure.rel, worker)
    return Due(case, "followup", closed + dt.timedelta(days=schedule[done]), closure.rel, worker)


def all_due(
    summaries: dict[str, list[Summary]], deadlines: dict[str, Any], handovers: dict[str, list[Handover]] | None = None
) -> list[Due]:
    handovers = handovers or {}
    out = [d for case, recs in summaries.items() if (d := case_due(case, recs, deadlines, handovers.get(case))) is not None]
    return sorted(out, key=lambda d: (d.due, d.case))


def is_closed(records: list[Summary]) -> bool:
    if not records:
        return False
    ep = episodes(sorted(records, key=lambda r: (r.nn, r.rel)))[-1]
    return ep.closure is not None

