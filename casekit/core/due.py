"""What is due in each case and when: the deadlines practitioners work to.

One place for the logic the site's dashboard, `casekit due` and `casekit status` share.
Intervals come from `casekit.yml` (`deadlines:`), with the defaults of Korean public
통합사례관리 (assessment within 10 days of intake, a selection conference within 5 days of the
assessment, plan within 30 days of intake, due soon = 7 days). A case may have several things
due at once (a review, a goal past its target date, weekly contact in a crisis, periodic
reassessment): `case_dues` lists them all, `case_due` gives the earliest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from typing import Any

from casekit.core import clock
from casekit.core.case import Case
from casekit.core.handover import Handover
from casekit.core.hints import attach_particles
from casekit.core.rules import NOT_ELIGIBLE, Episode
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
    "conference": "사례회의",
    "conference_task": "사례회의 할 일",
    "selection": "선정 사례회의(대상자 구분)",
    "goal_target": "목표 달성 예정일",
    "crisis_contact": "위기 사례 연락(주 1회)",
    "periodic_reassessment": "정기 재사정",
}


def days_text(left: int) -> str:
    """Days left to a deadline as a worker says them: `3일 지남` (past it), `오늘`, `D-3`."""
    if left < 0:
        return f"{-left}일 지남"
    if left == 0:
        return "오늘"
    return f"D-{left}"


@dataclass(frozen=True)
class Due:
    case: str
    kind: str
    due: dt.date
    basis: str  # the record the deadline is counted from
    worker: str | None
    # the basis's date as written when its year is mistyped (`date-year-typo`: 2016-10-14 in a case of
    # 2026): the deadline is counted from the date meant, as `check` judges it; None when it is as meant
    written: str | None = None
    meant: str | None = None  # (the date it was counted from instead)

    @property
    def typo_note(self) -> str:
        """What the CLI and the site say beside a deadline counted from a date meant, not as written."""
        if self.written is None:
            return ""
        return (f"주의: 기준 기록 {self.basis.rsplit('/', 1)[-1]}의 날짜 {self.written}은(는) 연도를 잘못 적은 것으로 "
                f"보고 {self.meant}부터 셌습니다. 기록을 고치세요: casekit check cases/{self.case}")

    def days_left(self, today: dt.date) -> int:
        return (self.due - today).days

    def days_text(self, today: dt.date) -> str:
        """The days left as the site and the CLI say them: 3일 지남, 오늘, D-3."""
        return days_text(self.days_left(today))

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
            # (only with a basis whose year is mistyped: the date written, the one counted from)
            **({"basis_date_written": self.written, "basis_date_meant": self.meant} if self.written else {}),
        }


def _d(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def after(day: dt.date, days: int) -> dt.date:
    """`days` after `day`; the calendar's last day when that lies past it (a record dated
    9999-12-31, as some offices write "open-ended", is refused by check as too far ahead, but
    status and due still list the case)."""
    try:
        return day + dt.timedelta(days=days)
    except OverflowError:
        return dt.date.max if days > 0 else dt.date.min


def _plus(record: Summary, days: int) -> dt.date | None:
    d = _d(record.date)
    return after(d, days) if d else None


def case_due(
    case: str, records: list[Summary], deadlines: dict[str, Any], handovers: list[Handover] | None = None,
    today: dt.date | None = None,
) -> Due | None:
    """The next thing due in a case (the earliest), or None when nothing is (closed for good)."""
    dues = case_dues(case, records, deadlines, handovers, today)
    return min(dues, key=lambda d: (d.due, d.kind)) if dues else None


def case_dues(
    case: str, records: list[Summary], deadlines: dict[str, Any], handovers: list[Handover] | None = None,
    today: dt.date | None = None,
) -> list[Due]:
    """Everything due in a case: the next step of the process and what practice checks beside it,
    counted over the case as `check` judges it (`today`, the day of the check: a year mistyped
    counts from the date meant, each such deadline saying so)."""
    if not records:
        return []
    day = today or clock.today()
    model = Case.of(case, records, handovers, day.isoformat())
    if not model.year_typos:
        return _case_dues(case, model, deadlines, day)
    written = {r.rel: r.date for r in records if r.rel in model.year_typos}
    return [replace(d, written=written[d.basis], meant=model.year_typos[d.basis].meant) if d.basis in written else d
            for d in _case_dues(case, model, deadlines, day)]


def _case_dues(case: str, model: Case, deadlines: dict[str, Any], today: dt.date) -> list[Due]:
    records = model.records
    ep = model.current
    worker = model.worker
    if ep is None:
        return []

    def make(kind: str, when: dt.date | None, basis: Summary) -> list[Due]:
        return [Due(case, kind, when, basis.rel, worker)] if when else []

    if ep.closure is not None:
        follow = _followup_due(case, ep, deadlines, worker, today)
        return [follow] if follow else []
    if ep.intake is None:
        return []
    if ep.intake.eligibility in NOT_ELIGIBLE:
        return make("closure", _d(ep.intake.date), ep.intake)
    withdrawal = model.consents.withdrawn_at()
    if withdrawal is not None:  # after a withdrawal of consent: only closure
        basis = next((r for r in records if withdrawal in r.consents), records[-1])
        return make("closure", after(dt.date.fromisoformat(withdrawal[0]), deadlines["closure_days"]), basis)
    out = _conference_due(case, ep, records, deadlines, worker)
    out += _step_due(case, ep, records, deadlines, worker, model.case_type)
    if ep.plan is not None:
        out += _practice_due(case, ep, records, deadlines, worker)
    return out


def _step_due(case: str, ep: Episode, records: list[Summary], deadlines: dict[str, Any], worker: str | None,
              case_type: str | None) -> list[Due]:
    """The next step of the process: assessment, plan, review, reassessment, revised plan or closure."""
    assert ep.intake is not None

    def make(kind: str, when: dt.date | None, basis: Summary) -> list[Due]:
        return [Due(case, kind, when, basis.rel, worker)] if when else []

    last = next(r for r in reversed(records) if r.stage != "conference")
    if ep.assessment is None:  # the plan's deadline runs from the intake too: listed beside it (a
        # supervisor saw an unassessed case's plan come due unlisted); a 서비스연계 case, known after
        # the assessment, drops it then
        return make("assessment", _plus(ep.intake, deadlines["assessment_days"]), ep.intake) + \
            make("plan", _plus(ep.intake, deadlines["plan_days"]), ep.intake)
    interval = deadlines["monitoring_days_intensive" if case_type == "intensive" else "monitoring_days"]
    if ep.plan is None:
        if case_type == "service_linkage":  # 서비스연계: no full plan; the links are reviewed
            return make("monitoring", _plus(last, interval), last)
        return make("plan", _plus(ep.intake, deadlines["plan_days"]), ep.intake)
    mons = [r for r in records if r.stage == "monitoring" and r.nn > ep.plan.nn]
    latest_mon = mons[-1] if mons else None
    if latest_mon is not None and latest_mon is last:
        if latest_mon.decision == "reassess":
            return make("reassessment", _plus(latest_mon, deadlines["assessment_days"]), latest_mon)
        if latest_mon.decision == "revise_plan":
            return make("revised_plan", _plus(latest_mon, deadlines["revised_plan_days"]), latest_mon)
        if latest_mon.decision == "close":
            return make("closure", _plus(latest_mon, deadlines["closure_days"]), latest_mon)
    if latest_mon is not None and latest_mon.decision == "reassess" and ep.assessment.nn < latest_mon.nn:
        return make("reassessment", _plus(latest_mon, deadlines["assessment_days"]), latest_mon)
    if latest_mon is not None:
        return make("monitoring", _d(latest_mon.next_review) or _plus(latest_mon, interval), latest_mon)
    return make("monitoring", _d(ep.plan.review_date) or _plus(ep.plan, interval), ep.plan)


def _conference_due(case: str, ep: Episode, records: list[Summary], deadlines: dict[str, Any],
                    worker: str | None) -> list[Due]:
    """The selection conference after the assessment, and the next meeting and the earliest task
    not done that the latest conference set."""
    out = []
    if ep.assessment is not None and ep.plan is None and ep.case_type is None:
        when = _plus(ep.assessment, deadlines["conference_days"])
        if when:
            out.append(Due(case, "selection", when, ep.assessment.rel, worker))
    if ep.conferences:  # the latest conference's next meeting, until a later conference is recorded:
        latest = ep.conferences[-1]  # a plan or an intervention written after it does not hold the meeting
        if latest.next_meeting:
            out.append(Due(case, "conference", dt.date.fromisoformat(latest.next_meeting), latest.rel, worker))
        # its earliest task not marked done (`done:`), until then or until a later conference, which
        # reviews the tasks and writes again those still to do
        if latest.open_tasks:
            out.append(Due(case, "conference_task", dt.date.fromisoformat(latest.open_tasks[0]), latest.rel, worker))
    return out


def _practice_due(case: str, ep: Episode, records: list[Summary], deadlines: dict[str, Any],
                  worker: str | None) -> list[Due]:
    """Beside the next step: goals past their target date, weekly contact in a crisis, periodic reassessment."""
    assert ep.plan is not None and ep.assessment is not None
    out = []
    achieved = {g for r in records if r.stage == "monitoring" and r.nn > ep.plan.nn for g in r.achieved}
    targets = [target for goal, target, _, _ in ep.plan.goal_targets if goal not in achieved]
    if targets:  # the earliest goal not yet achieved: once past, it is overdue
        out.append(Due(case, "goal_target", dt.date.fromisoformat(min(targets)), ep.plan.rel, worker))
    if ep.assessment.risk == "crisis":  # weekly contact, from the last one: a record's date, or a later
        # activity a running intervention log holds (a supervisor's probe: an 11-10 record logging
        # contacts through 11-20 showed the contact overdue since 11-17)
        day, basis = max([(r.date, r) for r in records if r.date] + [(d, r) for r in records for d, _, _ in r.activities],
                         key=lambda item: item[0], default=(None, records[-1]))
        when = after(dt.date.fromisoformat(day), deadlines["crisis_contact_days"]) if day else None
        if when:
            out.append(Due(case, "crisis_contact", when, basis.rel, worker))
    if when := _plus(ep.assessment, deadlines["reassessment_days"]):
        out.append(Due(case, "periodic_reassessment", when, ep.assessment.rel, worker))
    return out


def _followup_due(case: str, ep: Episode, deadlines: dict[str, Any], worker: str | None,
                  today: dt.date) -> Due | None:
    closure = ep.closure
    assert closure is not None
    if closure.date is None:
        return None
    if closure.reason in NO_FOLLOWUP_REASONS and not closure.aftercare_first:
        return None  # a first check, when given, is honoured for every reason: 이관·전출 후 연계 확인
    if ep.followups:
        latest = ep.followups[-1]
        if latest.aftercare_done:
            return None
        if latest.reopen:
            asked = _d(latest.date) or today  # (a follow-up without its date: from the check's day)
            return Due(case, "reopen", after(asked, deadlines["reopen_days"]), latest.rel, worker)
        if latest.next_check:
            return Due(case, "followup", dt.date.fromisoformat(latest.next_check), latest.rel, worker)
    schedule = list(deadlines["followup_days"])
    done = len(ep.followups)
    if done >= len(schedule):
        return None
    closed = dt.date.fromisoformat(closure.date)
    if done == 0 and closure.aftercare_first:
        return Due(case, "followup", dt.date.fromisoformat(closure.aftercare_first), closure.rel, worker)
    if closure.reason in NO_FOLLOWUP_REASONS:
        return None
    return Due(case, "followup", after(closed, schedule[done]), closure.rel, worker)


RISK_RANK = {"crisis": 4, "high": 3, "medium": 2, "low": 1}  # (미사정, no assessment yet: 0)
STATES = ("overdue", "due_soon", "upcoming")


def due_order(d: Due, risk: str | None, today: dt.date, soon_days: int) -> tuple[int, int, int, str]:
    """What a supervisor reads first, in `casekit due` and on the site alike: overdue before due
    soon before upcoming, then the case's 위기도 (`risk`: 위기 > 높음 > 보통 > 낮음 > 미사정), then the
    longest overdue (or the nearest deadline)."""
    return (STATES.index(d.state(today, soon_days)), -RISK_RANK.get(risk or "", 0), d.days_left(today), d.case)


def all_due(
    summaries: dict[str, list[Summary]], deadlines: dict[str, Any], handovers: dict[str, list[Handover]] | None = None,
    today: dt.date | None = None,
) -> list[Due]:
    """The next thing due in each case (the earliest of its `case_dues`, as of `today`)."""
    handovers = handovers or {}
    out = [d for case, recs in summaries.items()
           if (d := case_due(case, recs, deadlines, handovers.get(case), today)) is not None]
    return sorted(out, key=lambda d: (d.due, d.case))


def every_due(
    summaries: dict[str, list[Summary]], deadlines: dict[str, Any], handovers: dict[str, list[Handover]] | None = None,
    today: dt.date | None = None,
) -> list[Due]:
    """Everything due in every case, several per case (a review, a goal's target date, crisis contact …),
    as of `today` (the day asked about: `casekit due --today`), a year mistyped judged on that day."""
    handovers = handovers or {}
    out = [d for case, recs in summaries.items() for d in case_dues(case, recs, deadlines, handovers.get(case), today)]
    return sorted(out, key=lambda d: (d.due, d.case, d.kind))


def is_closed(records: list[Summary]) -> bool:
    """Whether the case's current episode is closed (the core model's answer)."""
    return bool(records) and Case.of("", records).closed


# --- the 기준일 given (--today) ---------------------------------------------------------------

FAR_DAYS = 180  # a 기준일 further than this from today is said: a year typed wrong, most often


def first_record_day(summaries: dict[str, list[Summary]]) -> dt.date | None:
    """The date of the earliest dated record among `summaries` (None when none is dated)."""
    return min((d for records in summaries.values() for r in records if (d := _d(r.date)) is not None), default=None)


def _span(early: dt.date, late: dt.date) -> str:
    """How far apart two days are, as a worker says it: 1년, 약 7년, 약 6개월."""
    days = (late - early).days
    months = (late.year - early.year) * 12 + late.month - early.month - (late.day < early.day)
    if months >= 12:
        years = round(days / 365.2425)
        return f"{years}년" if months % 12 == 0 and late.day == early.day else f"약 {years}년"
    return f"약 {max(1, round(days / 30.4369))}개월"


def reference_day_note(day: dt.date, today: dt.date, first: dt.date | None, whose: str = "") -> str | None:
    """What to say of a 기준일 given on purpose (`--today`) that reads as a year typed wrong: more than
    FAR_DAYS from today, or before the casebook's first record (`first`; `whose`: "사례 2026-0005의 "
    when it is one case's). Said, never refused: a supervisor may look at a past day on purpose. None
    when nothing is to be said."""
    far = abs((day - today).days) > FAR_DAYS
    early = first is not None and day < first
    if not far and not early:
        return None
    if far:
        where = f"{_span(day, today)} 전" if day < today else f"{_span(today, day)} 뒤"
        said = f"기준일 {day}은(는) 오늘({today})보다 {where} 날짜"
        said += f"로, {whose}첫 기록({first})보다도 이릅니다" if early else "입니다"
        gloss = "the reference day is far from today" + (", before the first record" if early else "")
    else:
        said = f"기준일 {day}은(는) {whose}첫 기록({first})보다 이른 날짜입니다"
        gloss = "the reference day is before the first record"
    check = "연도를" if day.year != today.year else "날짜를"  # (a day of this year: a month or day typed wrong)
    return attach_particles(f"주의: {said}. {check} 확인하세요 ({gloss})")
